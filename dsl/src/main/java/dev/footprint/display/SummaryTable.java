package dev.footprint.display;

import java.util.ArrayList;
import java.util.List;

/**
 * A summary of label and value rows, as sparse, compressed and Zarr arrays show themselves: as
 * aligned text under a title line, and as a two-column HTML table.
 *
 * <pre>{@code
 * new SummaryTable().row("Format", "coo").row("nnz", "12").plain("<COO>");
 * // "<COO>\n  Format  coo\n  nnz     12"
 * }</pre>
 */
public final class SummaryTable {
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row; returns this table. */
    public SummaryTable row(String label, String value) {
        rows.add(new String[] {label, value});
        return this;
    }

    /** The rows added so far, each {@code {label, value}}. */
    public List<String[]> rows() {
        return rows.stream().map(String[]::clone).toList();
    }

    /** {@code title}, then one indented line per row with the values aligned. */
    public String plain(String title) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder b = new StringBuilder(title);
        for (String[] r : rows) {
            b.append("\n  ").append(r[0]).append(" ".repeat(width - r[0].length())).append("  ").append(r[1]);
        }
        return b.toString();
    }

    /** A left-aligned HTML table, label cells as headers, every text escaped. */
    public String html() {
        StringBuilder b = new StringBuilder("<table><tbody>");
        for (String[] r : rows) {
            b.append("<tr><th style=\"text-align: left\">").append(MimeBundle.escape(r[0]))
                    .append("</th><td style=\"text-align: left\">").append(MimeBundle.escape(r[1])).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }
}
