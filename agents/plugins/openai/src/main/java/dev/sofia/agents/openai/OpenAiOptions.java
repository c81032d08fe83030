package dev.sofia.agents.openai;

import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/** What the plugin's options records share: the checks of the endpoint and a toString without the key. */
final class OpenAiOptions {

    private OpenAiOptions() {}

    static void requireEndpoint(String apiKey, String baseUrl, String model) {
        requireText(apiKey, "apiKey");
        requireText(baseUrl, "baseUrl");
        requireText(model, "model");
    }

    static void requireText(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** The record as its own toString shows it, but the {@code apiKey} component stands redacted. */
    static String describe(Record options) {
        StringJoiner text = new StringJoiner(", ", options.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : options.getClass().getRecordComponents()) {
            Object value = value(component, options);
            boolean key = component.getName().equals("apiKey");
            text.add(component.getName() + "=" + (key ? redacted(String.valueOf(value)) : value));
        }
        return text.toString();
    }

    private static String redacted(String apiKey) {
        return apiKey.isEmpty() ? "(none)" : "(redacted)";
    }

    private static Object value(RecordComponent component, Record options) {
        try {
            return component.getAccessor().invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
