package dev.footprint.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * A Tablesaw table as HTML through Tablesaw's own writer (text escaped), styled inline.
 *
 * <p>No {@code <style>} block: an untrusted notebook, GitHub and nbviewer drop or scope those,
 * while inline styles and the front end's own table styling survive everywhere.
 */
final class TableHtml {
    private static final String TABLE = "border-collapse:collapse;font-family:monospace";
    private static final String CELL = "padding:2px 8px;border-bottom:1px solid #ddd;text-align:";

    private TableHtml() {}

    static String render(Table t, String caption) {
        StringWriter out = new StringWriter();
        Column<?> first = t.columnCount() == 0 ? null : t.column(0);
        HtmlWriteOptions.ElementCreator styled = (name, column, row) -> {
            Element element = new Element(name);
            if (name.equals("table")) {
                element.attr("style", TABLE);
            } else if (name.equals("th") || name.equals("td")) {
                element.attr("style", CELL + (column != null && column == first ? "left" : "right"));
            }
            return element;
        };
        try {
            new HtmlWriter().write(t, HtmlWriteOptions.builder(out).escapeText(true).elementCreator(styled).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = caption == null || caption.isEmpty() ? ""
                : "<div style=\"font-weight:bold;padding:4px 0\">" + escape(caption) + "</div>";
        return "<div class=\"footprint\">" + title + out + "</div>";
    }

    /** The table, then its bar chart as a picture that every notebook front end shows. */
    static String render(Table t, String caption, ChartPicture chart) {
        return render(t, caption) + "<div>" + chart.html() + "</div>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
