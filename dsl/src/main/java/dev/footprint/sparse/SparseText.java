package dev.footprint.sparse;

import dev.footprint.report.HumanSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary of a sparse array that pydata shows in a notebook, as text and as HTML. */
final class SparseText {
    private SparseText() {}

    /** A shape as NumPy prints it: {@code (1024, 1024)}, {@code (5,)}. */
    static String shape(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static List<String[]> rows(SparseArray a) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Format", a.format()});
        rows.add(new String[] {"Data Type", a.dtype().numpyName()});
        rows.add(new String[] {"Index Type", a.indexType().numpyName()});
        rows.add(new String[] {"Shape", shape(a.shape)});
        rows.add(new String[] {"nnz", Long.toString(a.nnz())});
        rows.add(new String[] {"Density", Double.toString(a.density())});
        rows.add(new String[] {"Fill Value", String.valueOf(a.fillValue())});
        rows.add(new String[] {"Read-only", "True"});
        rows.add(new String[] {"Size", HumanSize.of(a.nbytes()) + " (" + a.nbytes() + " bytes)"});
        rows.add(new String[] {"Storage ratio", String.format(Locale.ROOT, "%.2f", a.nbytes() / a.denseBytes())});
        return rows;
    }

    /** Empty, or a warning that this sparse form is larger than the dense array (pydata's SPARSE_WARN_ON_TOO_DENSE). */
    static String warning(SparseArray a) {
        if (!a.isDenserThanDense()) {
            return "";
        }
        return String.format(Locale.ROOT, "Warning: this %s array takes %d bytes, more than the %d of the dense array "
                + "(density %.3f); keep it dense or use compact()", a.format(), a.nbytes(), (long) a.denseBytes(), a.density());
    }

    static String plain(SparseArray a) {
        List<String[]> rows = rows(a);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder b = new StringBuilder("<").append(a.format().toUpperCase()).append(": shape=").append(shape(a.shape))
                .append(", dtype=").append(a.dtype()).append(", nnz=").append(a.nnz()).append(", fill_value=")
                .append(a.fillValue()).append(">\n");
        for (String[] r : rows) {
            b.append("  ").append(r[0]).append(" ".repeat(width - r[0].length())).append("  ").append(r[1]).append('\n');
        }
        String warn = warning(a);
        if (!warn.isEmpty()) {
            b.append("  ").append(warn).append('\n');
        }
        return b.toString().stripTrailing();
    }

    static String html(SparseArray a) {
        StringBuilder b = new StringBuilder("<table><tbody>");
        for (String[] r : rows(a)) {
            b.append("<tr><th style=\"text-align: left\">").append(escape(r[0]))
                    .append("</th><td style=\"text-align: left\">").append(escape(r[1])).append("</td></tr>");
        }
        b.append("</tbody></table>");
        String warn = warning(a);
        if (!warn.isEmpty()) {
            b.append("<p style=\"color: #a04000\">").append(escape(warn)).append("</p>");
        }
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
