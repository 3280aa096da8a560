package dev.footprint.sparse;

import dev.footprint.array.Shapes;
import dev.footprint.display.HumanSize;
import dev.footprint.display.MimeBundle;
import dev.footprint.display.SummaryTable;
import java.util.Locale;

/** The summary of a sparse array that pydata shows in a notebook, as text and as HTML. */
final class SparseText {
    private SparseText() {}

    static SummaryTable table(SparseArray<?> a) {
        return new SummaryTable()
                .row("Format", a.format())
                .row("Data Type", a.dtype().numpyName())
                .row("Index Type", a.indexType().numpyName())
                .row("Shape", Shapes.text(a.shape))
                .row("nnz", Long.toString(a.nnz()))
                .row("Density", Double.toString(a.density()))
                .row("Fill Value", String.valueOf(a.fillValue()))
                .row("Read-only", "True")
                .row("Size", HumanSize.of(a.nbytes()) + " (" + a.nbytes() + " bytes)")
                .row("Storage ratio", String.format(Locale.ROOT, "%.2f", a.nbytes() / a.denseBytes()));
    }

    /** Empty, or a warning that this sparse form is larger than the dense array (pydata's SPARSE_WARN_ON_TOO_DENSE). */
    static String warning(SparseArray<?> a) {
        if (!a.isDenserThanDense()) {
            return "";
        }
        return String.format(Locale.ROOT, "Warning: this %s array takes %d bytes, more than the %d of the dense array "
                + "(density %.3f); keep it dense or use compact()", a.format(), a.nbytes(), (long) a.denseBytes(), a.density());
    }

    static String plain(SparseArray<?> a) {
        String title = "<" + a.format().toUpperCase() + ": shape=" + Shapes.text(a.shape) + ", dtype=" + a.dtype()
                + ", nnz=" + a.nnz() + ", fill_value=" + a.fillValue() + ">";
        String warn = warning(a);
        return table(a).plain(title) + (warn.isEmpty() ? "" : "\n  " + warn);
    }

    static String html(SparseArray<?> a) {
        String warn = warning(a);
        return table(a).html() + (warn.isEmpty() ? "" : "<p style=\"color: #a04000\">" + MimeBundle.escape(warn) + "</p>");
    }
}
