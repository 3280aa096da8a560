package dev.footprint.compress;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.Shapes;
import java.util.Locale;

/** The plain-text and HTML summaries of a compressed array. */
final class CompressedText {
    private CompressedText() {}

    /** "zstd level 1, chunks (256, 4096)": what a footprint row or advice line says of the form. */
    static String form(CompressedNDArray c) {
        return c.codec() + " level " + c.level() + ", chunks " + Shapes.text(c.chunkShape());
    }

    static String plain(CompressedNDArray c) {
        return String.format(Locale.ROOT, "<compressed %s array of shape %s, %s; %s in %d chunks%s: %s stored, %.2fx>",
                c.dtype().numpyName(), Shapes.text(c.shape()), form(c), bytes(c.nbytes()), c.chunkCount(),
                c.plainChunks() == 0 ? "" : " (" + c.plainChunks() + " kept plain)", bytes(c.storedBytes()), c.ratio());
    }

    static String html(CompressedNDArray c) {
        return "<table><tbody>"
                + row("Kind", "compressed")
                + row("dtype", c.dtype().numpyName())
                + row("Shape", Shapes.text(c.shape()))
                + row("Codec", c.codec() + " level " + c.level() + ", byte shuffle")
                + row("Chunks", c.chunkCount() + " of " + Shapes.text(c.chunkShape())
                        + (c.plainChunks() == 0 ? "" : ", " + c.plainChunks() + " kept plain"))
                + row("nbytes (logical)", bytes(c.nbytes()))
                + row("Stored", bytes(c.storedBytes()))
                + row("Ratio", String.format(Locale.ROOT, "%.2f", c.ratio()))
                + "</tbody></table>";
    }

    private static String row(String k, String v) {
        return "<tr><th style=\"text-align: left\">" + k + "</th><td style=\"text-align: left\">"
                + v.replace("&", "&amp;").replace("<", "&lt;") + "</td></tr>";
    }

    static String bytes(long n) {
        return dev.footprint.display.HumanSize.of(n);
    }
}
