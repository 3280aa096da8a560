package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeAssistJavadocTest {

    @Test
    void plainTextResolvesInlineTagsAndDropsHtml() {
        assertEquals("True where a < s, as NumPy's a < s.",
                CodeAssist.plainJavadoc("True where {@code a < s}, as NumPy's <b>a &lt; s</b>."));
        assertEquals("See random and as; new long[]{1, 2} works.",
                CodeAssist.plainJavadoc("See {@link #random} and {@link NDArray#as(DType) as}; {@code new long[]{1, 2}} works."));
        assertEquals("Counts dev.footprint.Footprint.footprint calls.",
                CodeAssist.plainJavadoc("Counts {@link dev.footprint.Footprint#footprint} calls."));
    }

    @Test
    void htmlEscapesTheTextOfTagsAndKeepsTheCommentsOwnHtml() {
        assertEquals("True where <code>a &lt; s</code>, <b>exactly</b>.",
                CodeAssist.htmlJavadoc("True where {@code a < s}, <b>exactly</b>."));
        assertEquals("<code>new long[]{1}</code> then <code>x(long...)</code>",
                CodeAssist.htmlJavadoc("{@code new long[]{1}} then {@link #x(long...)}"));
        assertEquals("Bytes.<br>@throws IllegalArgumentException if bad",
                CodeAssist.htmlJavadoc("Bytes.\n @throws IllegalArgumentException if bad"));
    }

    @Test
    void anUnbalancedTagIsLeftAsProse() {
        assertEquals("Broken {@code a < b", CodeAssist.plainJavadoc("Broken {@code a < b"));
    }
}
