package dev.footprint.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PagerRequestTest {

    @Test
    void aQuestionMarkAfterOrBeforeANameAsksForHelp() {
        assertEquals("Math.max", PagerRequest.expression("Math.max?"));
        assertEquals("Math.max", PagerRequest.expression("?Math.max"));
        assertEquals("arr.ones", PagerRequest.expression("  ? arr . ones  \n"));
        assertEquals("a", PagerRequest.expression("a?"));
        assertEquals("$1", PagerRequest.expression("$1?"));
    }

    @Test
    void aMagicsNameWithAQuestionMarkAsksForItsHelp() {
        assertEquals("%maven", PagerRequest.expression("%maven?"));
        assertEquals("%%loadFromPOM", PagerRequest.expression("?%%loadFromPOM"));
        assertNull(PagerRequest.expression("%maven org.example:lib:1.0?"));
    }

    @Test
    void javaCodeIsNeverTakenForAHelpRequest() {
        assertNull(PagerRequest.expression("a ? b : c"));
        assertNull(PagerRequest.expression("x > 0 ? 1 : 2;"));
        assertNull(PagerRequest.expression("Math.max(1, 2)"));
        assertNull(PagerRequest.expression("List<?> l = null;"));
        assertNull(PagerRequest.expression("a?\nb?"));
        assertNull(PagerRequest.expression("??a"));
        assertNull(PagerRequest.expression("?"));
        assertNull(PagerRequest.expression(""));
    }
}
