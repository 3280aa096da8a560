package dev.footprint.report;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as aligned text for a terminal: numbers right-aligned, cells cut at a bounded
 * width, and at most {@code maxRows} rows (head, {@code ...}, tail) so a big table stays readable.
 */
final class TableText {
    static final int MAX_CELL = 40;
    static final int MAX_ROWS = 20;

    private TableText() {}

    static String render(Table t, String title) {
        int rows = t.rowCount();
        List<Integer> shown = new ArrayList<>();
        boolean elided = rows > MAX_ROWS;
        for (int r = 0; r < rows; r++) {
            if (!elided || r < MAX_ROWS / 2 || r >= rows - MAX_ROWS / 2) {
                shown.add(r);
            }
        }
        int cols = t.columnCount();
        String[][] cells = new String[shown.size() + 1][cols];
        boolean[] numeric = new boolean[cols];
        for (int c = 0; c < cols; c++) {
            Column<?> col = t.column(c);
            numeric[c] = col.type() != tech.tablesaw.api.ColumnType.STRING;
            cells[0][c] = cut(col.name());
            for (int i = 0; i < shown.size(); i++) {
                cells[i + 1][c] = cut(col.getString(shown.get(i)));
            }
        }
        int[] width = new int[cols];
        for (String[] row : cells) {
            for (int c = 0; c < cols; c++) width[c] = Math.max(width[c], row[c].length());
        }
        StringBuilder b = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            b.append(title).append('\n');
        }
        for (int i = 0; i < cells.length; i++) {
            if (elided && i == MAX_ROWS / 2 + 1) {
                b.append("...\n");
            }
            for (int c = 0; c < cols; c++) {
                String s = cells[i][c];
                String pad = " ".repeat(width[c] - s.length());
                b.append(c == 0 ? "" : "  ").append(numeric[c] && i > 0 ? pad + s : s + pad);
            }
            b.setLength(b.length() - trailingSpaces(b));
            b.append('\n');
            if (i == 0) {
                for (int c = 0; c < cols; c++) b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
                b.append('\n');
            }
        }
        if (elided) {
            b.append("[").append(rows).append(" rows; table() has them all]\n");
        }
        return b.toString().stripTrailing();
    }

    private static int trailingSpaces(StringBuilder b) {
        int n = 0;
        while (n < b.length() && b.charAt(b.length() - 1 - n) == ' ') n++;
        return n;
    }

    private static String cut(String s) {
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 3) + "...";
    }
}
