package dev.sofia.livekit.local.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** A YAML file as nested maps, with dotted-path access, for reading and adjusting deploy configs. */
final class YamlFile {

    private YamlFile() {}

    static Map<String, Object> read(Path file) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            if (!(loaded instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return deepCopy(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Map<String, Object> root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(new Representer(options), options).dump(root);
    }

    /** The value at {@code a.b.c}, or null when any part of the path is missing. */
    static @Nullable Object get(Map<String, Object> root, String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** Sets {@code a.b.c} to value, creating the maps on the way. */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            return (T) list.stream().map(YamlFile::deepCopy).toList();
        }
        return (T) node;
    }
}
