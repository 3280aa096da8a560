package dev.footprint.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magics: a first line {@code %%name args} makes the whole
 * cell one cell magic; otherwise each line that starts with {@code %name} is a line magic and
 * the lines between them are code, run in order.
 */
public final class CellParts {
    private static final Pattern CELL_MAGIC = Pattern.compile("\\A\\s*%%([A-Za-z_]\\w*)[ \\t]*([^\\n]*)\\n?");
    private static final Pattern LINE_MAGIC = Pattern.compile("(?m)^[ \\t]*%([A-Za-z_]\\w*)[ \\t]*([^\\n]*)$\\n?");

    private CellParts() {}

    /** What a part is. */
    public enum Kind { CODE, LINE_MAGIC, CELL_MAGIC }

    /**
     * One part of a cell.
     *
     * @param text the code, or the cell magic's body
     * @param offset where {@code text} starts in the cell
     */
    public record Part(Kind kind, String name, String args, String text, int offset) {}

    public static List<Part> split(String cell) {
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        if (cellMagic.find()) {
            return List.of(new Part(Kind.CELL_MAGIC, cellMagic.group(1), cellMagic.group(2).strip(),
                    cell.substring(cellMagic.end()), cellMagic.end()));
        }
        List<Part> parts = new ArrayList<>();
        Matcher lineMagic = LINE_MAGIC.matcher(cell);
        int codeStart = 0;
        while (lineMagic.find()) {
            addCode(parts, cell, codeStart, lineMagic.start());
            parts.add(new Part(Kind.LINE_MAGIC, lineMagic.group(1), lineMagic.group(2).strip(), "", lineMagic.start()));
            codeStart = lineMagic.end();
        }
        addCode(parts, cell, codeStart, cell.length());
        return parts;
    }

    /** True if the cell has any magic. */
    public static boolean hasMagic(String cell) {
        return CELL_MAGIC.matcher(cell).find() || LINE_MAGIC.matcher(cell).find();
    }

    private static void addCode(List<Part> parts, String cell, int start, int end) {
        if (start < end && !cell.substring(start, end).isBlank()) {
            parts.add(new Part(Kind.CODE, null, null, cell.substring(start, end), start));
        }
    }
}
