package dev.footprint.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellPartsTest {

    @Test
    void cellMagicTakesTheWholeCell() {
        List<CellParts.Part> parts = CellParts.split("%%memit -r 3\nvar a = 1;\n%time x");
        assertEquals(1, parts.size());
        CellParts.Part part = parts.get(0);
        assertEquals(CellParts.Kind.CELL_MAGIC, part.kind());
        assertEquals("memit", part.name());
        assertEquals("-r 3", part.args());
        assertEquals("var a = 1;\n%time x", part.text());
        assertEquals(13, part.offset());
    }

    @Test
    void lineMagicsSplitTheCodeInOrder() {
        String cell = "int a = 1;\n%time a++\n  %whos\nint b = a % 2;";
        List<CellParts.Part> parts = CellParts.split(cell);
        assertEquals(List.of(CellParts.Kind.CODE, CellParts.Kind.LINE_MAGIC, CellParts.Kind.LINE_MAGIC, CellParts.Kind.CODE),
                parts.stream().map(CellParts.Part::kind).toList());
        assertEquals("a++", parts.get(1).args());
        assertEquals("whos", parts.get(2).name());
        assertEquals("int b = a % 2;", parts.get(3).text());
        assertEquals(cell.indexOf("int b"), parts.get(3).offset());
    }

    @Test
    void moduloAtTheStartOfALineIsCode() {
        List<CellParts.Part> parts = CellParts.split("int r = 7\n  % 3;");
        assertEquals(1, parts.size());
        assertEquals(CellParts.Kind.CODE, parts.get(0).kind());
    }
}
