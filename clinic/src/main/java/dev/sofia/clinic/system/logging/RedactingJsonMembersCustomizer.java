package dev.sofia.clinic.system.logging;

import java.util.Map;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.json.WritableJson;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Plugs {@link LogRedactor} into Spring Boot's own JSON log formats (ECS, Logstash, GELF), named by
 * {@code logging.structured.json.customizer}. A value processor sees every value at every depth
 * before it is escaped, so the message, each MDC entry, key-value pairs, the exception message and
 * the stack trace are all redacted while the layout stays Boot's.
 */
class RedactingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(ValueProcessor.of(RedactingJsonMembersCustomizer::redact));
    }

    /** Values the writer would print with {@code toString()} are redacted as text; structure is left to recurse. */
    static Object redact(Object value) {
        if (value == null
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Map<?, ?>
                || value instanceof Iterable<?>
                || value instanceof WritableJson
                || value.getClass().isArray()) {
            return value;
        }
        return LogRedactor.redact(value.toString());
    }
}
