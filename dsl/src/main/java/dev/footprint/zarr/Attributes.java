package dev.footprint.zarr;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.FormattingStyle;
import dev.footprint.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's user attributes, its {@code .zattrs}: a JSON object read as a map of Java values
 * (strings, booleans, {@code Long} for integers, {@code Double} for other numbers, lists, maps,
 * null) and written from one, as zarr-python's {@code z.attrs}.
 */
final class Attributes {
    private static final Gson JSON = new GsonBuilder().setFormattingStyle(FormattingStyle.PRETTY.withIndent("    "))
            .disableHtmlEscaping().serializeNulls().serializeSpecialFloatingPointValues().create();

    private Attributes() {}

    /** The store's attributes, an empty map when it has no {@code .zattrs}. */
    static Map<String, Object> read(Path store) {
        Path file = store.resolve(ZarrMetadata.ATTRS_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonElement e;
        try {
            e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException x) {
            throw new UncheckedIOException("cannot read " + file + ": " + x.getMessage(), x);
        } catch (JsonParseException x) {
            throw new ZarrFormatException(store, ".zattrs is not valid JSON: " + x.getMessage(), x);
        }
        if (!e.isJsonObject()) {
            throw new ZarrFormatException(store, ".zattrs is not a JSON object; zarr-python writes one ({\"name\": value, ...})");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) toJava(e);
        return m;
    }

    /** Writes {@code attrs} as {@code store/.zattrs}. */
    static void write(Path store, JsonObject attrs) {
        AtomicFile.write(store.resolve(ZarrMetadata.ATTRS_FILE), JSON.toJson(attrs).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON of a map of attributes, refusing values JSON has no form for, naming the key. */
    static JsonObject toJson(Map<String, ?> attrs) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, ?> e : attrs.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException("attribute names must not be null");
            }
            o.add(e.getKey(), toJson(e.getKey(), e.getValue()));
        }
        return o;
    }

    /** The Java form of {@code o}, as {@link #read} gives it. */
    static Map<String, Object> toJava(JsonObject o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) toJava((JsonElement) o);
        return m;
    }

    private static JsonElement toJson(String key, Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("attribute " + key + ": map keys must be strings, got " + e.getKey());
                }
                o.add(k, toJson(key + "." + k, e.getValue()));
            }
            return o;
        }
        if (v instanceof Iterable<?> list) {
            JsonArray a = new JsonArray();
            for (Object x : list) {
                a.add(toJson(key, x));
            }
            return a;
        }
        if (v.getClass().isArray()) {
            JsonArray a = new JsonArray();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                a.add(toJson(key, java.lang.reflect.Array.get(v, i)));
            }
            return a;
        }
        throw new IllegalArgumentException("attribute " + key + " is a " + v.getClass().getSimpleName()
                + ", which JSON has no form for; use strings, numbers, booleans, null, lists and maps of them");
    }

    private static Object toJava(JsonElement e) {
        if (e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                m.put(x.getKey(), toJava(x.getValue()));
            }
            return Collections.unmodifiableMap(m);
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) {
                l.add(toJava(x));
            }
            return Collections.unmodifiableList(l);
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        String text = p.getAsString();
        if (text.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E')) {
            try {
                return new BigDecimal(text).longValueExact();
            } catch (ArithmeticException | NumberFormatException x) {
                // NaN, Infinity, or an integer past a long: a double, as zarr-python's json gives floats
            }
        }
        return p.getAsDouble();
    }
}
