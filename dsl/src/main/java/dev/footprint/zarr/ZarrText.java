package dev.footprint.zarr;

import dev.footprint.report.HumanSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary of a store that zarr-python's {@code info} shows, as text and as HTML. */
final class ZarrText {
    private ZarrText() {}

    static List<String[]> rows(ZarrArray z) {
        ZarrMetadata m = z.metadata();
        long stored = z.storedBytes();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Store", z.path().toString()});
        rows.add(new String[] {"Data type", m.dtype().numpyName() + " (" + DTypes.format(m.dtype(), m.byteOrder()) + ")"});
        rows.add(new String[] {"Shape", tuple(m.shape())});
        rows.add(new String[] {"Chunk shape", tuple(Blocks.toLongs(m.chunks()))});
        rows.add(new String[] {"Order", m.fortranOrder() ? "F" : "C"});
        rows.add(new String[] {"Compressor", m.compressor().describe()});
        rows.add(new String[] {"Fill value", m.fill().toString()});
        rows.add(new String[] {"No. bytes", z.nbytes() + " (" + HumanSize.of(z.nbytes()) + ")"});
        rows.add(new String[] {"No. bytes stored", stored + " (" + HumanSize.of(stored) + ")"});
        rows.add(new String[] {"Storage ratio", stored == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) z.nbytes() / stored)});
        rows.add(new String[] {"Chunks", Long.toString(z.chunkCount())});
        return rows;
    }

    static Map<String, String> bundle(ZarrArray z) {
        List<String[]> rows = rows(z);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder plain = new StringBuilder("<ZarrArray ").append(tuple(z.shape())).append(' ').append(z.dtype()).append(">");
        StringBuilder html = new StringBuilder("<table><tbody>");
        for (String[] r : rows) {
            plain.append("\n  ").append(r[0]).append(" ".repeat(width - r[0].length())).append("  ").append(r[1]);
            html.append("<tr><th style=\"text-align: left\">").append(escape(r[0]))
                    .append("</th><td style=\"text-align: left\">").append(escape(r[1])).append("</td></tr>");
        }
        html.append("</tbody></table>");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/plain", plain.toString());
        m.put("text/html", html.toString());
        return m;
    }

    static String tuple(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
