package dev.footprint.zarr;

import dev.footprint.array.Shapes;
import dev.footprint.display.HumanSize;
import dev.footprint.display.MimeBundle;
import dev.footprint.display.SummaryTable;
import java.util.Locale;

/** The summary of a store that zarr-python's {@code info} shows, as text and as HTML. */
final class ZarrText {
    private ZarrText() {}

    static SummaryTable table(ZarrArray z) {
        ZarrMetadata m = z.metadata();
        long stored = z.storedBytes();
        return new SummaryTable()
                .row("Store", z.path().toString())
                .row("Data type", m.dtype().numpyName() + " (" + DTypes.format(m.dtype(), m.byteOrder()) + ")")
                .row("Shape", Shapes.text(m.shape()))
                .row("Chunk shape", Shapes.text(Blocks.toLongs(m.chunks())))
                .row("Order", m.fortranOrder() ? "F" : "C")
                .row("Compressor", m.compressor().describe())
                .row("Fill value", m.fill().toString())
                .row("No. bytes", z.nbytes() + " (" + HumanSize.of(z.nbytes()) + ")")
                .row("No. bytes stored", stored + " (" + HumanSize.of(stored) + ")")
                .row("Storage ratio", stored == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) z.nbytes() / stored))
                .row("Chunks", Long.toString(z.chunkCount()));
    }

    static MimeBundle bundle(ZarrArray z) {
        SummaryTable t = table(z);
        return MimeBundle.of(t.plain("<ZarrArray " + Shapes.text(z.shape()) + " " + z.dtype() + ">"), t.html());
    }
}
