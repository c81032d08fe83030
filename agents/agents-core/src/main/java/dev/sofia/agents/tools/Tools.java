package dev.sofia.agents.tools;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@link FunctionTool}s from {@link Tool}-annotated methods and runs tool calls safely.
 *
 * <p>Arguments come from a model and are untrusted: {@link #invoke} turns malformed JSON, a missing
 * required argument, a value of the wrong type (or an enum constant that does not exist) into an
 * error result the model can read and correct, never into an exception for the caller. Enum
 * constants match case-insensitively; unknown arguments are ignored.
 */
public final class Tools {

    private static final Logger log = LoggerFactory.getLogger(Tools.class);

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Tools() {}

    /** Every public {@link Tool} method of the given objects, in name order; names must be unique. */
    public static List<FunctionTool> from(Object... holders) {
        List<FunctionTool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object holder : holders) {
            Method[] methods = holder.getClass().getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                if (method.isAnnotationPresent(Tool.class)) {
                    FunctionTool tool = fromMethod(holder, method);
                    if (!names.add(tool.name())) {
                        throw new IllegalArgumentException("two tools named " + tool.name());
                    }
                    tools.add(tool);
                }
            }
        }
        return List.copyOf(tools);
    }

    /**
     * Runs a tool call: parses the arguments, calls the handler, and maps every failure to an error
     * result ({@link ToolError}'s message as is; anything else to a generic message, logged).
     */
    public static ToolResult invoke(FunctionTool tool, String argumentsJson, ToolContext context) {
        JsonNode arguments;
        try {
            arguments = JSON.readTree(argumentsJson.isBlank() ? "{}" : argumentsJson);
        } catch (JacksonException e) {
            return ToolResult.error(
                    "The arguments were not valid JSON; call " + tool.name() + " again with a JSON object.");
        }
        if (arguments == null || !arguments.isObject()) {
            return ToolResult.error("The arguments must be a JSON object.");
        }
        try {
            return ToolResult.ok(tool.handler().invoke(arguments, context));
        } catch (ToolError e) {
            return ToolResult.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("The tool was cancelled.");
        } catch (Exception e) {
            log.error("tool {} failed (call {})", tool.name(), context.callId(), e);
            return ToolResult.error("The tool failed unexpectedly. Apologise and offer another way to help.");
        }
    }

    /** {@code findFreeSlots} → {@code find_free_slots}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static FunctionTool fromMethod(Object holder, Method method) {
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("a @Tool method must be public and not static: " + method);
        }
        Tool annotation = method.getAnnotation(Tool.class);
        String name = annotation.name().isEmpty() ? snakeCase(method.getName()) : annotation.name();
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        Parameter[] parameters = method.getParameters();
        for (Parameter parameter : parameters) {
            if (parameter.getType() == ToolContext.class) {
                continue;
            }
            if (!parameter.isNamePresent()) {
                throw new IllegalArgumentException(
                        "compile with -parameters so tool " + name + " knows its parameter names");
            }
            properties.set(parameter.getName(), ToolSchema.of(parameter.getParameterizedType(), parameter));
            if (!ToolSchema.optional(parameter.getParameterizedType(), parameter)) {
                required.add(parameter.getName());
            }
        }
        schema.put("additionalProperties", false);
        return new FunctionTool(
                name,
                annotation.value(),
                schema,
                annotation.interruptible(),
                annotation.afterPlayout(),
                (arguments, context) -> call(holder, method, name, arguments, context));
    }

    private static String call(Object holder, Method method, String name, JsonNode arguments, ToolContext context)
            throws Exception {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = argument(parameters[i], arguments, context);
        }
        Object result;
        try {
            method.setAccessible(true); // public method of a possibly non-public class
            result = method.invoke(holder, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        if (result == null || method.getReturnType() == void.class) {
            return "Done.";
        }
        if (result instanceof CharSequence text) {
            return text.toString();
        }
        return JSON.writeValueAsString(result);
    }

    private static Object argument(Parameter parameter, JsonNode arguments, ToolContext context) {
        if (parameter.getType() == ToolContext.class) {
            return context;
        }
        String name = parameter.getName();
        Type type = parameter.getParameterizedType();
        JsonNode value = arguments.get(name);
        boolean optional = ToolSchema.optional(type, parameter);
        boolean isOptionalType = parameter.getType() == Optional.class;
        if (value == null || value.isNull()) {
            if (!optional || parameter.getType().isPrimitive()) {
                throw new ToolError("Missing argument '" + name + "'.");
            }
            return isOptionalType ? Optional.empty() : null;
        }
        Type target = isOptionalType && type instanceof java.lang.reflect.ParameterizedType p
                ? p.getActualTypeArguments()[0]
                : type;
        try {
            Object converted = JSON.convertValue(value, JSON.getTypeFactory().constructType(target));
            return isOptionalType ? Optional.ofNullable(converted) : converted;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ToolError("Argument '" + name + "' is not valid: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
