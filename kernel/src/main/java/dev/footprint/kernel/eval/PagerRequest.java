package dev.footprint.kernel.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises IPython's help requests, {@code Math.max?} and {@code ?Math.max} (or a magic's,
 * {@code %maven?}): a cell of one line holding a name, a member access or a magic's name with one
 * question mark before or after it. No Java
 * statement starts or ends with {@code ?}, so no cell that compiles is taken for one.
 */
public final class PagerRequest {
    private static final String NAME = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    /** A name, a member access, or a magic's name ({@code %maven}, {@code %%loadFromPOM}). */
    private static final String TARGET = "(?:%%?[A-Za-z_]\\w*|" + NAME + "(?:\\s*\\.\\s*" + NAME + ")*)";
    private static final Pattern REQUEST = Pattern.compile(
            "\\s*(?:\\?\\s*(" + TARGET + ")|(" + TARGET + ")\\s*\\?)\\s*");

    private PagerRequest() {}

    /** The name asked about, without spaces, or null if the cell is not a help request. */
    public static String expression(String code) {
        Matcher m = REQUEST.matcher(code);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        return name.replaceAll("\\s+", "");
    }

    /** The line printed when nothing is known of {@code name}. */
    public static String nothingKnown(String name) {
        return "Nothing is known of `" + name + "`.\n";
    }
}
