package dev.sofia.agents.tools;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON schemas (the subset models understand) for Java types: strings, numbers, booleans, enums
 * (their constant names), java.time values as formatted strings, UUIDs, lists, sets, arrays,
 * string-keyed maps, {@code Optional}s and records (objects, recursively). A property is required
 * unless it is an {@code Optional} or annotated {@code @Nullable}.
 */
final class ToolSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ToolSchema() {}

    /** The schema of a value of {@code type}; {@code describedBy} may carry a {@link Description}. */
    static ObjectNode of(Type type, @Nullable AnnotatedElement describedBy) {
        return of(type, describedBy, new HashSet<>());
    }

    /** Whether a property of this type, declared on this element, may be left out. */
    static boolean optional(Type type, AnnotatedElement element) {
        return rawClass(type) == Optional.class
                || Arrays.stream(element.getAnnotations())
                        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))
                || (element instanceof java.lang.reflect.Parameter p
                        && Arrays.stream(p.getAnnotatedType().getAnnotations())
                                .anyMatch(
                                        a -> a.annotationType().getSimpleName().equals("Nullable")))
                || (element instanceof RecordComponent c
                        && Arrays.stream(c.getAnnotatedType().getAnnotations())
                                .anyMatch(
                                        a -> a.annotationType().getSimpleName().equals("Nullable")));
    }

    private static ObjectNode of(Type type, @Nullable AnnotatedElement describedBy, Set<Class<?>> seen) {
        // An Optional's value type carries the description a type-level @Description gives it.
        Type valueType = rawClass(type) == Optional.class ? typeArgument(type, 0) : type;
        ObjectNode schema = schemaOf(valueType, seen);
        String description = description(describedBy, rawClass(valueType));
        if (description != null) {
            // A format hint (YYYY-MM-DD) is what the model needs to write the value: keep it.
            JsonNode hint = schema.get("description");
            schema.put("description", hint == null ? description : description + " (" + hint.asString() + ")");
        }
        return schema;
    }

    private static ObjectNode schemaOf(Type type, Set<Class<?>> seen) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return of(type, null, seen);
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return typed("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return typed("boolean");
        }
        if (raw == int.class
                || raw == Integer.class
                || raw == long.class
                || raw == Long.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            return typed("integer");
        }
        if (raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            return typed("number");
        }
        if (raw == LocalDate.class) {
            return formatted("date", "YYYY-MM-DD");
        }
        if (raw == LocalTime.class) {
            return formatted("time", "HH:MM, 24-hour");
        }
        if (raw == LocalDateTime.class) {
            return formatted("date-time", "YYYY-MM-DDTHH:MM, local time without offset");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return formatted("date-time", "ISO 8601 with offset");
        }
        if (raw == Duration.class) {
            return formatted("duration", "ISO 8601, e.g. PT30M");
        }
        if (raw == UUID.class) {
            return formatted("uuid", null);
        }
        if (raw.isEnum()) {
            ObjectNode schema = typed("string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (raw.isArray()) {
            Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            return array(component, seen);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return array(typeArgument(type, 0), seen);
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (rawClass(typeArgument(type, 0)) != String.class) {
                throw new IllegalArgumentException("only maps with string keys have a JSON schema: " + type);
            }
            ObjectNode schema = typed("object");
            schema.set("additionalProperties", of(typeArgument(type, 1), null, seen));
            return schema;
        }
        if (raw.isRecord()) {
            if (!seen.add(raw)) {
                throw new IllegalArgumentException("recursive record in a tool schema: " + raw.getName());
            }
            ObjectNode schema = typed("object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = JSON.arrayNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                properties.set(component.getName(), of(component.getGenericType(), component, seen));
                if (!optional(component.getGenericType(), component)) {
                    required.add(component.getName());
                }
            }
            schema.set("required", required);
            schema.put("additionalProperties", false);
            seen.remove(raw);
            return schema;
        }
        throw new IllegalArgumentException("no JSON schema for " + type.getTypeName()
                + " (use strings, numbers, booleans, enums, java.time, lists, maps or records)");
    }

    private static ObjectNode array(Type items, Set<Class<?>> seen) {
        ObjectNode schema = typed("array");
        schema.set("items", of(items, null, seen));
        return schema;
    }

    private static ObjectNode typed(String type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", type);
        return schema;
    }

    private static ObjectNode formatted(String format, @Nullable String hint) {
        ObjectNode schema = typed("string");
        schema.put("format", format);
        if (hint != null) {
            schema.put("description", hint);
        }
        return schema;
    }

    private static @Nullable String description(@Nullable AnnotatedElement element, Class<?> raw) {
        Description onElement = element == null ? null : element.getAnnotation(Description.class);
        Description onType = raw.getAnnotation(Description.class);
        if (onElement != null && onType != null) {
            return onElement.value() + " " + onType.value();
        }
        return onElement != null ? onElement.value() : onType != null ? onType.value() : null;
    }

    static Class<?> rawClass(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case GenericArrayType g ->
                Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
            case WildcardType w -> rawClass(w.getUpperBounds()[0]);
            default -> throw new IllegalArgumentException("no JSON schema for type variable " + type);
        };
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException("raw " + type.getTypeName() + " in a tool schema: give its type arguments");
    }
}
