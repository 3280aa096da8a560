package dev.footprint.display;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bundle a {@link Displayable} returns: MIME type to content, {@code text/plain} first, then
 * the richer forms in the order a front end should prefer them.
 *
 * <pre>{@code
 * MimeBundle.of("<COO: shape=(4, 4) ...>", "<table>...</table>").keySet();   // [text/plain, text/html]
 * }</pre>
 */
public final class MimeBundle {
    public static final String PLAIN = "text/plain";
    public static final String HTML = "text/html";

    private MimeBundle() {}

    /** A bundle of a plain text and its HTML form, in that order; both must be given. The map is a new one, which the caller may extend. */
    public static Map<String, String> of(String plain, String html) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(PLAIN, java.util.Objects.requireNonNull(plain, "plain"));
        bundle.put(HTML, java.util.Objects.requireNonNull(html, "html"));
        return bundle;
    }

    /** {@code s} with {@code & < > "} escaped, for text placed in HTML. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
