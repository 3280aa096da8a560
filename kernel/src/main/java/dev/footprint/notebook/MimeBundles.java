package dev.footprint.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Map;

/** Turns the evaluator's MIME bundles into nbformat's {@code data} objects. */
final class MimeBundles {

    private MimeBundles() {}

    /**
     * Text types become lists of lines as Jupyter saves them; JSON types ({@code application/json},
     * {@code application/*+json}) become JSON values, as nbformat requires.
     */
    static JsonObject data(Map<String, String> bundle) {
        JsonObject data = new JsonObject();
        bundle.forEach((mime, content) -> {
            if (mime == null || content == null) {
                return;
            }
            data.add(mime, isJson(mime) ? parsedOrText(content) : NotebookFile.lines(content));
        });
        return data;
    }

    static boolean isJson(String mime) {
        return mime.equals("application/json") || mime.startsWith("application/") && mime.endsWith("+json");
    }

    private static JsonElement parsedOrText(String content) {
        try {
            return JsonParser.parseString(content);
        } catch (JsonParseException e) {
            return NotebookFile.lines(content);
        }
    }
}
