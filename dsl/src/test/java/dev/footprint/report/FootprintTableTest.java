package dev.footprint.report;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FootprintTableTest {

    @Test
    void oneRowPerArrayWithTheArticlesNumbers() {
        NDArray int64arr = arr.ones(1024, 1024).as(UINT64);
        NDArray int16arr = arr.ones(1024, 1024).as(UINT16);
        arr.seed(42);
        NDArray a = arr.random(1024, 1024);
        a.set(a.lt(0.9), 0.0);
        CooArray s = sparse.coo(a);
        FootprintTable t = footprint("int64arr", int64arr, "int16arr", int16arr, a.named("a"), s);
        Table table = t.table();
        assertEquals(4, table.rowCount());
        assertEquals("int64arr", table.stringColumn(FootprintTable.NAME).get(0));
        assertEquals("a", table.stringColumn(FootprintTable.NAME).get(2));
        assertEquals("#4", table.stringColumn(FootprintTable.NAME).get(3));
        assertEquals(8388608L, table.longColumn(FootprintTable.BYTES).get(0));
        assertEquals(2097152L, table.longColumn(FootprintTable.BYTES).get(1));
        assertEquals(24 * s.nnz(), table.longColumn(FootprintTable.BYTES).get(3));
        assertEquals("COO", table.stringColumn(FootprintTable.KIND).get(3));
        assertEquals("float64 / int64", table.stringColumn(FootprintTable.DTYPE).get(3));
        assertEquals(s.nnz(), table.longColumn(FootprintTable.STORED).get(3));
        assertEquals(16.0, table.doubleColumn(FootprintTable.BITS_PER_ELEMENT).get(1));
        assertEquals(0.25, table.doubleColumn(FootprintTable.VS_FLOAT64).get(1));
        assertEquals(24.0 * 8 * s.nnz() / (1024 * 1024), t.bitsPerElement(3), 1e-12);
        assertEquals("8.0 MiB", table.stringColumn(FootprintTable.SIZE).get(0));
        assertEquals("(1024, 1024)", table.stringColumn(FootprintTable.SHAPE).get(0));
    }

    @Test
    void rendersAlignedTextEscapedHtmlAndAChartPicture() throws Exception {
        FootprintTable t = footprint("<b>&", arr.ones(3).as(UINT8), sparse.coo(arr.of(0.0, 1.0)));
        String text = t.toString();
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("name"), text);
        assertTrue(lines[1].startsWith("----"), text);
        assertEquals(lines[2].indexOf("3 B") + 3, lines[2].indexOf("3 B") + 3);
        assertTrue(text.lines().allMatch(l -> l.length() < 160), "bounded width");
        var bundle = t.mimeBundle();
        assertEquals(text, bundle.get("text/plain"));
        String html = bundle.get("text/html");
        assertTrue(html.contains("&lt;b&gt;&amp;"), "escaped: " + html);
        assertFalse(html.contains("<b>&"), html);
        // What an untrusted notebook, GitHub and nbviewer keep: inline styles and an <img>, no <style> or <svg>.
        assertFalse(html.contains("<style") || html.contains("<svg"), html);
        assertTrue(html.contains("<td style=\"padding:2px 8px;border-bottom:1px solid #ddd;text-align:left\">&lt;b&gt;&amp;</td>"), html);
        ChartPictureTest.assertBarChart(html, 640, 80 + 28 * t.size());
        String titledSvg = t.titled("Arrays of the article").svg();
        assertFalse(titledSvg.contains("Arrays of the article"), "the chart under a titled table does not repeat its title");
        assertTrue(titledSvg.contains("Bytes per array"), titledSvg);
        String svg = t.svg();
        assertTrue(svg.startsWith("<svg") && svg.contains("</svg>"), svg.substring(0, Math.min(200, svg.length())));
        StringWriter csv = new StringWriter();
        t.table().write().csv(csv);
        assertTrue(csv.toString().startsWith("name,kind,dtype,shape,stored,bytes,size,heap bytes,mapped bytes,bits/element,vs float64"), csv.toString());
    }

    @Test
    void longTablesArePreviewedHeadAndTail() {
        Object[] many = new Object[30];
        for (int i = 0; i < many.length; i++) many[i] = arr.ones(i + 1);
        String text = footprint(many).toString();
        assertTrue(text.contains("...\n"), text);
        assertTrue(text.contains("#1 ") && text.contains("#30") && !text.contains("#15 "), text);
        assertTrue(text.endsWith("[30 rows; table() has them all]"), text);
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> footprint(arr.ones(2), 42));
        assertTrue(e.getMessage().contains("argument 2 is a java.lang.Integer (42)"), e.getMessage());
        var dangling = assertThrows(IllegalArgumentException.class, () -> footprint(arr.ones(2), "x"));
        assertTrue(dangling.getMessage().contains("names no array"), dangling.getMessage());
        assertThrows(IllegalArgumentException.class, () -> footprint("x", "y", arr.ones(2)));
        assertThrows(IllegalArgumentException.class, () -> footprint((Object) null));
    }
}
