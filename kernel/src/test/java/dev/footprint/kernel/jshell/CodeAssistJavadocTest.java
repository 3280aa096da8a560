package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeAssistJavadocTest {

    @Test
    void plainTextResolvesInlineTagsAndDropsHtml() {
        assertPlain("True where a < s, as NumPy's a < s.", "True where {@code a < s}, as NumPy's <b>a &lt; s</b>.");
        assertPlain("See random and as; new long[]{1, 2} works.",
                "See {@link #random} and {@link NDArray#as(DType) as}; {@code new long[]{1, 2}} works.");
        assertPlain("Counts dev.footprint.Footprint.footprint calls.", "Counts {@link dev.footprint.Footprint#footprint} calls.");
    }

    @Test
    void htmlEscapesTheTextOfTagsAndKeepsTheCommentsOwnHtml() {
        assertHtml("True where <code>a &lt; s</code>, <b>exactly</b>.", "True where {@code a < s}, <b>exactly</b>.");
        assertHtml("<code>new long[]{1}</code> then <code>x(long...)</code>", "{@code new long[]{1}} then {@link #x(long...)}");
        assertHtml("Bytes.<br>@throws IllegalArgumentException if bad", "Bytes.\n @throws IllegalArgumentException if bad");
    }

    @Test
    void anUnbalancedTagIsLeftAsProse() {
        assertPlain("Broken {@code a < b", "Broken {@code a < b");
    }

    private static void assertPlain(String expected, String javadoc) {
        assertEquals(expected, CodeAssist.plainJavadoc(javadoc), javadoc);
    }

    private static void assertHtml(String expected, String javadoc) {
        assertEquals(expected, CodeAssist.htmlJavadoc(javadoc), javadoc);
    }
}
