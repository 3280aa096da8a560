package dev.footprint.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.footprint.kernel.protocol.LanguageInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An nbformat 4 notebook held as its JSON tree, so that whatever this code does not know about
 * (metadata of other tools, attachments, widget state) is written back untouched.
 *
 * <pre>{@code
 * Notebook notebook = NotebookFile.read(path);
 * for (JsonObject cell : notebook.codeCells()) {
 *     String java = Notebook.source(cell);
 * }
 * }</pre>
 */
public final class Notebook {

    private final JsonObject json;

    Notebook(JsonObject json) {
        this.json = json;
        giveCellsIds();
    }

    /** A notebook with the given cells for the Footprint kernel, e.g. for tests and tools. */
    public static Notebook of(List<JsonObject> cells) {
        JsonObject root = new JsonObject();
        JsonArray array = new JsonArray();
        cells.forEach(array::add);
        root.add("cells", array);
        root.add("metadata", footprintMetadata());
        root.addProperty("nbformat", 4);
        root.addProperty("nbformat_minor", 5);
        return new Notebook(root);
    }

    /** A code cell with {@code source}, not yet run. */
    public static JsonObject codeCell(String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("execution_count", JsonNull.INSTANCE);
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.add("source", NotebookFile.lines(source));
        return cell;
    }

    /** A Markdown cell with {@code text}. */
    public static JsonObject markdownCell(String text) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.add("metadata", new JsonObject());
        cell.add("source", NotebookFile.lines(text));
        return cell;
    }

    /** The metadata that makes Jupyter open a notebook with the Footprint kernel. */
    public static JsonObject footprintMetadata() {
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("display_name", "Java (Footprint)");
        kernelspec.addProperty("language", "java");
        kernelspec.addProperty("name", "footprint");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        metadata.add("language_info", languageInfo());
        return metadata;
    }

    /** What the kernel reports as its language, as a notebook's {@code language_info} records it. */
    static JsonObject languageInfo() {
        return LanguageInfo.json();
    }

    /** The whole JSON tree; changes to it change the notebook. */
    public JsonObject json() {
        return json;
    }

    /** Every cell, in order. */
    public List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            cells.add(cell.getAsJsonObject());
        }
        return cells;
    }

    /** The code cells, in order. */
    public List<JsonObject> codeCells() {
        return cells().stream().filter(cell -> "code".equals(type(cell))).toList();
    }

    /** A cell's type: {@code code}, {@code markdown} or {@code raw}. */
    public static String type(JsonObject cell) {
        return cell.has("cell_type") ? cell.get("cell_type").getAsString() : "";
    }

    /** A cell's source as one string. */
    public static String source(JsonObject cell) {
        return NotebookFile.text(cell.get("source"));
    }

    /** True when the cell's tags include {@code tag} (e.g. {@code raises-exception}). */
    public static boolean hasTag(JsonObject cell, String tag) {
        JsonElement metadata = cell.get("metadata");
        if (metadata == null || !metadata.isJsonObject() || !metadata.getAsJsonObject().has("tags")) {
            return false;
        }
        for (JsonElement each : metadata.getAsJsonObject().getAsJsonArray("tags")) {
            if (tag.equals(each.getAsString())) {
                return true;
            }
        }
        return false;
    }

    /** Replaces a code cell's outputs and execution count ({@code null} for not run). */
    static void setResult(JsonObject cell, JsonArray outputs, Integer executionCount) {
        cell.add("outputs", outputs);
        if (executionCount == null) {
            cell.add("execution_count", JsonNull.INSTANCE);
        } else {
            cell.addProperty("execution_count", executionCount);
        }
    }

    /** Fills in {@code language_info} when the notebook lacks it, as a kernel's run would. */
    void recordLanguageInfo() {
        JsonObject metadata = json.has("metadata") ? json.getAsJsonObject("metadata") : new JsonObject();
        // As Jupyter does on a run: the kernel's own, whatever was saved before.
        metadata.add("language_info", languageInfo());
        json.add("metadata", metadata);
    }

    // nbformat 4.5 requires an id on every cell; older minors must not have one.
    private void giveCellsIds() {
        int minor = json.has("nbformat_minor") ? json.get("nbformat_minor").getAsInt() : 0;
        if (minor < 5) {
            return;
        }
        for (JsonObject cell : cells()) {
            if (!cell.has("id")) {
                cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
            }
        }
    }
}
