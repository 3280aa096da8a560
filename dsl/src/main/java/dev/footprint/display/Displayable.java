package dev.footprint.display;

/**
 * A value that knows how to show itself in a notebook and in a terminal.
 *
 * <p>The kernel asks a cell's value for its bundle in the JVM where the value lives and sends
 * only the bundle over the wire. Every bundle has {@code text/plain}; rich values add
 * {@code text/html}; a chart is a PNG {@code <img>} inside that HTML, so that it shows in
 * untrusted notebooks too.
 *
 * <pre>{@code
 * MimeBundle bundle = footprint(a, s).mimeBundle();
 * bundle.html();   // a styled HTML table
 * }</pre>
 */
public interface Displayable {

    /** MIME type to content, in order of preference for a rich front end; never empty. */
    MimeBundle mimeBundle();
}
