package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reading back from a member's dot to the start of the expression before it. */
class ReceiverTypeTest {

    private static String receiver(String code) {
        int dot = code.lastIndexOf('.');
        int start = ReceiverType.expressionStart(code, 0, dot);
        return start < 0 ? null : code.substring(start, dot);
    }

    @Test
    void namesCallsAndIndexesAreRead() {
        assertEquals("m", receiver("var x = m."));
        assertEquals("arr.ones(3, (4)).reshape(12)", receiver("long n = arr.ones(3, (4)).reshape(12)."));
        assertEquals("arrays[i + 1]", receiver("f(arrays[i + 1]."));
        assertEquals("((NDArray) o)", receiver("x = ((NDArray) o)."));
    }

    @Test
    void aConstructorCallKeepsItsNew() {
        assertEquals("new Object()", receiver("var lock = new Object()."));
        assertEquals("new Object()", receiver("new Object()."));
        assertEquals("renew()", receiver("x = renew()."), "new only as a word of its own");
    }

    @Test
    void literalsAndUnbalancedBracketsAreUnclear() {
        assertEquals(null, receiver("f(\"a)\")."));
        assertEquals(null, receiver("x = a)."));
    }
}
