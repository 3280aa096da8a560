package dev.footprint.kernel.agent;

import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.util.Map;

/** Turns a value into a MIME bundle in the JVM where it lives; only the bundle travels. */
public final class ValueRenderer {
    private static final String TEXT = "text/plain";
    private static final int MAX_ARRAY_ITEMS = 1000;

    private ValueRenderer() {}

    /**
     * True for a print stream or writer that has no text of its own, such as the
     * {@code System.out} that {@code System.out.printf(...)} returns: a cell ending in such a call
     * printed what it meant to show, and its value would read {@code java.io.PrintStream@1b6d3586}.
     */
    public static boolean isBareStream(Object value) {
        if (!(value instanceof PrintStream) && !(value instanceof PrintWriter)) {
            return false;
        }
        if (value == System.out || value == System.err) {
            return true;
        }
        try {
            return value.getClass().getMethod("toString").getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }

    /** {@link Displayable#mimeBundle()} for rich values, a JShell-like text for the others; always with text. */
    public static MimeBundle bundle(Object value) {
        MimeBundle bundle = MimeBundle.copyOf(Map.of());
        if (value instanceof Displayable) {
            try {
                Map<String, String> rich = ((Displayable) value).mimeBundle();
                if (rich != null) {
                    for (Map.Entry<String, String> e : rich.entrySet()) {
                        if (e.getKey() != null && e.getValue() != null) {
                            bundle = bundle.with(e.getKey(), e.getValue());
                        }
                    }
                }
            } catch (RuntimeException | LinkageError failure) {
                bundle = MimeBundle.plain(plainText(value) + "\n(rendering failed: " + failure + ")");
            }
        }
        return bundle.containsKey(TEXT) ? bundle : bundle.with(TEXT, plainText(value));
    }

    /** A bundle that shows {@code value} as {@code mimeType}, plus text for plain front ends. */
    public static MimeBundle forcedBundle(Object value, String mimeType) {
        MimeBundle rich = bundle(value);
        String content = value instanceof CharSequence ? value.toString() : rich.get(mimeType);
        if (content == null) {
            content = String.valueOf(value);
        }
        MimeBundle bundle = MimeBundle.copyOf(Map.of(mimeType, content));
        if (bundle.containsKey(TEXT)) {
            return bundle;
        }
        // An image's source (an SVG document) means nothing to a text-only front end: name it instead.
        String text = !(value instanceof CharSequence) ? rich.get(TEXT)
                : mimeType.startsWith("image/") ? "<" + mimeType + " image, " + content.length() + " characters>"
                : value.toString();
        return bundle.with(TEXT, text);
    }

    /** The value as JShell prints it: strings quoted, arrays listed, others by toString. */
    public static String plainText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return quote((String) value, '"');
        }
        if (value instanceof Character) {
            return quote(value.toString(), '\'');
        }
        if (value.getClass().isArray()) {
            return arrayText(value);
        }
        try {
            return String.valueOf(value);
        } catch (RuntimeException | LinkageError failure) {
            return value.getClass().getName() + " (toString failed: " + failure + ")";
        }
    }

    private static String arrayText(Object array) {
        int length = Array.getLength(array);
        String type = array.getClass().getComponentType().getSimpleName();
        StringBuilder text = new StringBuilder(type).append('[').append(length).append("] { ");
        for (int i = 0; i < Math.min(length, MAX_ARRAY_ITEMS); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(plainText(Array.get(array, i)));
        }
        if (length > MAX_ARRAY_ITEMS) {
            text.append(", ...");
        }
        return text.append(" }").toString();
    }

    private static String quote(String text, char quote) {
        StringBuilder quoted = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n': quoted.append("\\n"); break;
                case '\t': quoted.append("\\t"); break;
                case '\r': quoted.append("\\r"); break;
                case '\\': quoted.append("\\\\"); break;
                default:
                    if (c == quote) {
                        quoted.append('\\');
                    }
                    quoted.append(c);
            }
        }
        return quoted.append(quote).toString();
    }
}
