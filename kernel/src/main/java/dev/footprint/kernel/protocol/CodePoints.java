package dev.footprint.kernel.protocol;

/**
 * Converts cursor positions between Jupyter's unit (Unicode code points, since protocol 5.2) and
 * Java's (UTF-16 chars). They differ as soon as a cell holds a character outside the BMP, such as
 * an emoji in a string literal.
 */
final class CodePoints {

    private CodePoints() {}

    /** The char index of code point {@code codePointOffset}, clamped to the text. */
    static int toCharIndex(String text, int codePointOffset) {
        if (codePointOffset <= 0) {
            return 0;
        }
        int total = text.codePointCount(0, text.length());
        if (codePointOffset >= total) {
            return text.length();
        }
        return text.offsetByCodePoints(0, codePointOffset);
    }

    /** The code point offset of char index {@code charIndex}, clamped to the text. */
    static int toCodePointOffset(String text, int charIndex) {
        int clamped = Math.max(0, Math.min(charIndex, text.length()));
        return text.codePointCount(0, clamped);
    }
}
