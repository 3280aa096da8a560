package dev.footprint.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads and writes {@code .ipynb} files (nbformat 4) the way Jupyter does, so that a notebook
 * written here diffs cleanly against one saved by Jupyter: keys sorted, one space of indent,
 * multi-line strings as lists of lines, UTF-8 without escaping.
 *
 * <pre>{@code
 * Notebook notebook = NotebookFile.read(Path.of("01-smaller-dtypes.ipynb"));
 * NotebookFile.write(notebook, Path.of("01-smaller-dtypes.nbconvert.ipynb"));
 * }</pre>
 */
public final class NotebookFile {

    private NotebookFile() {}

    /**
     * Parses a notebook.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not JSON or not an nbformat 4 notebook
     */
    public static Notebook read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the JSON text of a notebook; {@code origin} names it in error messages. */
    public static Notebook parse(String json, String origin) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(origin + " is not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
            throw new IllegalArgumentException(origin + " is not a notebook: it has no \"cells\"");
        }
        JsonObject object = root.getAsJsonObject();
        int major = object.has("nbformat") ? object.get("nbformat").getAsInt() : 0;
        if (major != 4) {
            throw new IllegalArgumentException(origin + " is nbformat " + major
                    + "; only nbformat 4 is supported (convert it with: jupyter nbconvert --to notebook)");
        }
        return new Notebook(object);
    }

    /**
     * Writes {@code notebook} to {@code file} atomically (a reader never sees half a file). A file
     * it replaces keeps its permissions; a new one gets the user's default (umask), not owner-only.
     */
    public static void write(Notebook notebook, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(".footprint-" + UUID.randomUUID() + ".ipynb.tmp");
        try {
            Files.writeString(temporary, toJson(notebook), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            if (Files.exists(absolute) && Files.getFileStore(absolute).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(absolute));
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The notebook as Jupyter would save it, ending with a newline. */
    public static String toJson(Notebook notebook) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setIndent(" ");
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(sorted(notebook.json()), writer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text + "\n";
    }

    /**
     * Splits text into lines that keep their line ends, as nbformat stores multi-line strings:
     * {@code "a\nb"} becomes {@code ["a\n", "b"]}.
     */
    public static JsonArray lines(String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The text of an nbformat multi-line string: a string, or a list of strings joined. */
    public static String text(JsonElement multiline) {
        if (multiline == null || multiline.isJsonNull()) {
            return "";
        }
        if (multiline.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonElement line : multiline.getAsJsonArray()) {
                joined.append(line.getAsString());
            }
            return joined.toString();
        }
        return multiline.getAsString();
    }

    // Jupyter writes with sort_keys=True; doing the same keeps diffs of notebooks small.
    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, JsonElement> entries = new TreeMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> entries.put(e.getKey(), e.getValue()));
            JsonObject copy = new JsonObject();
            entries.forEach((key, value) -> copy.add(key, sorted(value)));
            return copy;
        }
        if (element.isJsonArray()) {
            List<JsonElement> items = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> items.add(sorted(item)));
            JsonArray copy = new JsonArray();
            items.forEach(copy::add);
            return copy;
        }
        return element;
    }
}
