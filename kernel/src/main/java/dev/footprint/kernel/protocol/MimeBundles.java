package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Map;

/** Turns the evaluator's MIME bundles (type to text) into the JSON objects messages carry. */
final class MimeBundles {

    private MimeBundles() {}

    /**
     * The bundle as a JSON object. JSON MIME types ({@code application/json}, {@code ...+json})
     * are embedded as JSON, as Jupyter frontends expect; every other type stays a string.
     */
    static JsonObject toJson(Map<String, String> bundle) {
        JsonObject data = new JsonObject();
        for (Map.Entry<String, String> entry : bundle.entrySet()) {
            String mimeType = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (isJsonType(mimeType)) {
                try {
                    data.add(mimeType, JsonParser.parseString(value));
                    continue;
                } catch (JsonParseException notJson) {
                    // Fall through: better a string than a lost output.
                }
            }
            data.addProperty(mimeType, value);
        }
        return data;
    }

    private static boolean isJsonType(String mimeType) {
        return mimeType.equals("application/json") || mimeType.endsWith("+json");
    }
}
