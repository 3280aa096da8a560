package dev.footprint.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/** A Tablesaw table as HTML through Tablesaw's own writer (text escaped), with a small inline style. */
final class TableHtml {
    private static final String STYLE = "<style>.footprint table{border-collapse:collapse;font-family:monospace}"
            + ".footprint th,.footprint td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}"
            + ".footprint th:first-child,.footprint td:first-child{text-align:left}"
            + ".footprint caption{text-align:left;font-weight:bold;padding:4px 0}</style>";

    private TableHtml() {}

    static String render(Table t, String caption) {
        StringWriter out = new StringWriter();
        try {
            new HtmlWriter().write(t, HtmlWriteOptions.builder(out).escapeText(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = caption == null || caption.isEmpty() ? ""
                : "<div style=\"font-weight:bold\">" + escape(caption) + "</div>";
        return "<div class=\"footprint\">" + STYLE + title + out + "</div>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
