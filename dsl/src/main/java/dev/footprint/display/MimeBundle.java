package dev.footprint.display;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Displayable} shows: MIME type to content, in the order a front end should prefer
 * them, {@code text/plain} first where a value has it. Immutable; {@link #with} gives a new bundle.
 * It reads as the {@code Map<String, String>} it stands for (in insertion order), which is what
 * travels to the front end as Jupyter's {@code data} object.
 *
 * <pre>{@code
 * var b = MimeBundle.of("<COO: shape=(4, 4) ...>", "<table>...</table>");
 * b.keySet();                                  // [text/plain, text/html]
 * b.with(MimeBundle.SVG, "<svg>...</svg>");    // a new bundle of three
 * }</pre>
 */
public final class MimeBundle extends AbstractMap<String, String> {
    public static final String PLAIN = "text/plain";
    public static final String HTML = "text/html";
    public static final String SVG = "image/svg+xml";

    private final Map<String, String> entries;

    private MimeBundle(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A bundle of a plain text and its HTML form, in that order; both must be given. */
    public static MimeBundle of(String plain, String html) {
        return plain(plain).with(HTML, html);
    }

    /** A bundle of {@code text/plain} only. */
    public static MimeBundle plain(String text) {
        return new MimeBundle(Map.of()).with(PLAIN, text);
    }

    /**
     * The entries of {@code bundle} in its iteration order; a MIME bundle is returned as it is.
     *
     * @throws IllegalArgumentException a MIME type or a content is null
     */
    public static MimeBundle copyOf(Map<String, String> bundle) {
        if (Objects.requireNonNull(bundle, "bundle") instanceof MimeBundle b) {
            return b;
        }
        MimeBundle out = new MimeBundle(Map.of());
        for (Map.Entry<String, String> e : bundle.entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * A new bundle with {@code content} for {@code mimeType}: in its place when the type is
     * already there, else last.
     *
     * @throws IllegalArgumentException {@code mimeType} or {@code content} is null
     */
    public MimeBundle with(String mimeType, String content) {
        if (mimeType == null || content == null) {
            throw new IllegalArgumentException("a MIME bundle entry needs a type and a content, got " + mimeType + " = "
                    + (content == null ? "null" : content.length() + " characters"));
        }
        Map<String, String> next = new LinkedHashMap<>(entries);
        next.put(mimeType, content);
        return new MimeBundle(next);
    }

    /** The {@code text/plain} content, or null. */
    public String plain() {
        return entries.get(PLAIN);
    }

    /** The {@code text/html} content, or null. */
    public String html() {
        return entries.get(HTML);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public String get(Object mimeType) {
        return entries.get(mimeType);
    }

    @Override
    public boolean containsKey(Object mimeType) {
        return entries.containsKey(mimeType);
    }

    /** {@code s} with {@code & < > "} escaped, for text placed in HTML. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
