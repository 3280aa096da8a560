package dev.footprint.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.footprint.kernel.eval.ExecutionOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %load FILE}: runs a {@code .jsh} or {@code .java} file, or the code cells of a
 * notebook ({@code .ipynb}) one after the other, stopping at the first error.
 */
public final class LoadMagic extends NamedMagic {

    public LoadMagic() {
        super("load", "run a .jsh or .java file, or the code cells of a .ipynb notebook");
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        String file = args.strip();
        if (file.length() > 1 && (file.startsWith("\"") && file.endsWith("\"") || file.startsWith("'") && file.endsWith("'"))) {
            file = file.substring(1, file.length() - 1);
        }
        if (file.isEmpty()) {
            return Magic.failure("UsageError", "%load needs a file: %load analysis.jsh");
        }
        Path path = context.workingDirectory().resolve(file);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            return Magic.failure("FileNotFoundError", "%load: cannot read " + path + ": " + failure.getMessage());
        }
        List<String> cells;
        try {
            cells = file.endsWith(".ipynb") ? notebookCodeCells(text) : List.of(withoutPackage(text));
        } catch (RuntimeException malformed) {
            return Magic.failure("LoadError", "%load: " + path + " is not a notebook: " + malformed.getMessage());
        }
        ExecutionOutcome outcome = ExecutionOutcome.ok(null);
        for (String cell : cells) {
            outcome = context.runCell(cell);
            if (outcome.isError()) {
                return outcome;
            }
        }
        return outcome;
    }

    /** The source of each code cell, in order. */
    static List<String> notebookCodeCells(String json) {
        JsonObject notebook = JsonParser.parseString(json).getAsJsonObject();
        List<String> sources = new ArrayList<>();
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonElement source = cell.get("source");
            if (source.isJsonArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonElement line : (JsonArray) source) {
                    joined.append(line.getAsString());
                }
                sources.add(joined.toString());
            } else {
                sources.add(source.getAsString());
            }
        }
        return sources;
    }

    // JShell has no packages; a class file's package line would be a compile error.
    private static String withoutPackage(String source) {
        return source.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
    }
}
