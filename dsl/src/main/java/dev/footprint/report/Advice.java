package dev.footprint.report;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.compress.CompressionEstimate;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The lossless ways to hold one array, smallest first: the original, dense at its smallest
 * lossless dtype, compressed in chunks (as it is, and at its smallest dtype), and COO / CSR / CSC
 * with the smallest index and value dtypes, each with its bytes, its ratio to the original and the
 * DSL expression that makes it. Every candidate is built, not estimated, so the bytes are exact
 * and {@link Candidate#restore()} gives the original back bit for bit; the one exception is the
 * compressed size of an array of more than 16 chunks (16 MiB), measured on 16 chunks spread
 * through it and scaled, which its kind says ("compressed (estimated from 16 of 256 chunks)").
 *
 * <pre>{@code
 * advise(a);                         // ranked table; a is the article's 90 %-zero float64 array
 * advise(a).best().expression();     // "sparse.coo(a).compact()"
 * }</pre>
 */
public final class Advice implements Displayable {
    /** Arrays of more chunks than this (of about 1 MiB) have their compressed size measured on a sample. */
    static final int SAMPLE_CHUNKS = 16;
    /** Conversions from dense need no random generator; a factory of its own leaves the user's seed alone. */
    private static final SparseFactory SPARSE = new SparseFactory(new ArrayFactory());

    /** One way to hold the array. */
    public record Candidate(String expression, String kind, DType dtype, DType indexType, long bytes, Object value,
                            DType original) {
        /** The candidate converted back to a dense array of the original dtype. */
        public NDArray restore() {
            Object made = value instanceof Supplier<?> later ? later.get() : value;
            NDArray dense = made instanceof SparseArray<?> s ? s.todense()
                    : made instanceof CompressedNDArray c ? c.decompress()
                    : (NDArray) made;
            return dense.dtype() == original ? dense : dense.as(original);
        }
    }

    private final String subject;
    private final long originalBytes;
    private final List<Candidate> candidates;
    private final String note;

    private Advice(String subject, long originalBytes, List<Candidate> candidates, String note) {
        this.subject = subject;
        this.originalBytes = originalBytes;
        this.candidates = List.copyOf(candidates);
        this.note = note;
    }

    /**
     * Builds every candidate for {@code a} (fill value 0 for the sparse ones); sparse formats
     * other than COO only for 2-d arrays.
     *
     * <pre>{@code
     * Advice.of(arr.of(1, 2, 300)).best().expression();   // "a.as(UINT16)"
     * }</pre>
     */
    public static Advice of(NDArray a) {
        String name = a.name() != null && a.name().matches("[A-Za-z_][A-Za-z0-9_]*") ? a.name() : "a";
        DType t = a.dtype();
        // A mapped file may be larger than the heap: its candidates are measured streaming over it
        // (the cast and its compressed size on sampled chunks) and made only when restored.
        boolean mapped = a.isMapped();
        List<Candidate> list = new ArrayList<>();
        list.add(new Candidate(name, "dense", t, null, a.nbytes(), a, t));
        DType minimal = a.minimalDType();
        if (minimal != t && minimal.itemsize() <= t.itemsize()) {
            String cast = name + ".as(" + minimal.name() + ")";
            if (mapped) {
                list.add(new Candidate(cast, "dense", minimal, null, a.size() * minimal.itemsize(),
                        (Supplier<NDArray>) () -> a.as(minimal), t));
                list.add(compressed(cast, CompressionEstimate.ofCast(a, minimal, CompressedNDArray.DEFAULT_CODEC,
                        CompressedNDArray.DEFAULT_LEVEL, SAMPLE_CHUNKS), () -> a.as(minimal).compress(), minimal, t));
            } else {
                NDArray small = a.as(minimal);
                list.add(new Candidate(cast, "dense", minimal, null, small.nbytes(), small, t));
                list.add(compressed(cast, small, minimal, t));
            }
        }
        list.add(compressed(name, a, t, t));
        String note = null;
        long sparseHeap = mapped ? sparseHeapBytes(a) : 0;
        if (mapped && sparseHeap > Runtime.getRuntime().maxMemory() / 4) {
            note = "sparse forms not built: their " + HumanSize.of(sparseHeap) + " of int64 COO would not fit a quarter of the heap";
        } else {
            CooArray coo = SPARSE.coo(a);
            list.add(sparse("sparse.coo(" + name + ")", coo, t));
            list.add(sparse("sparse.coo(" + name + ").compact()", coo.compact(), t));
            if (a.ndim() == 2) {
                list.add(sparse("sparse.csr(" + name + ").compact()", coo.tocsr().compact(), t));
                list.add(sparse("sparse.csc(" + name + ").compact()", coo.tocsc().compact(), t));
            }
        }
        list.sort(Comparator.comparingLong(Candidate::bytes));
        return new Advice(a.name() != null ? a.name() : name, a.nbytes(), list, note);
    }

    /** The int64 COO of {@code a}'s non-zero elements (counted streaming): the largest sparse form advise builds. */
    private static long sparseHeapBytes(NDArray a) {
        return a.countNonzero() * (8L * Math.max(1, a.ndim()) + a.itemsize());
    }

    /**
     * The array compressed with the defaults, measured: in full up to {@value #SAMPLE_CHUNKS}
     * chunks (16 MiB), else on that many chunks spread through it, scaled, and said so.
     */
    private static Candidate compressed(String source, NDArray a, DType t, DType original) {
        CompressionEstimate e = CompressionEstimate.of(a, CompressedNDArray.DEFAULT_CODEC, CompressedNDArray.DEFAULT_LEVEL,
                SAMPLE_CHUNKS);
        return compressed(source, e, a::compress, t, original);
    }

    private static Candidate compressed(String source, CompressionEstimate e, Supplier<CompressedNDArray> make, DType t,
            DType original) {
        String kind = e.sampled() ? "compressed (estimated from " + e.sampledChunks() + " of " + e.chunks() + " chunks)"
                : "compressed";
        Object value = e.sampled() ? make : e.array();
        return new Candidate(source + ".compress()", kind, t, null, e.storedBytes(), value, original);
    }

    private static Candidate sparse(String expression, SparseArray<?> s, DType original) {
        return new Candidate(expression, s.format().toUpperCase(), s.dtype(), s.indexType(), s.nbytes(), s, original);
    }

    /** All candidates, smallest first. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The smallest candidate. */
    public Candidate best() {
        return candidates.get(0);
    }

    /** The ranked candidates as a Tablesaw table: rank, expression, kind, dtype, index dtype, bytes, size, ratio. */
    public Table table() {
        IntColumn rank = IntColumn.create("rank");
        StringColumn expression = StringColumn.create("expression");
        StringColumn kind = StringColumn.create("kind");
        StringColumn dtype = StringColumn.create("dtype");
        StringColumn index = StringColumn.create("index dtype");
        LongColumn bytes = LongColumn.create("bytes");
        StringColumn human = StringColumn.create("size");
        DoubleColumn ratio = DoubleColumn.create("vs original");
        int r = 1;
        for (Candidate c : candidates) {
            rank.append(r++);
            expression.append(c.expression());
            kind.append(c.kind());
            dtype.append(c.dtype().numpyName());
            index.append(c.indexType() == null ? "-" : c.indexType().numpyName());
            bytes.append(c.bytes());
            human.append(HumanSize.of(c.bytes()));
            ratio.append(originalBytes == 0 ? 0 : (double) c.bytes() / originalBytes);
        }
        ratio.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        return Table.create("advice for " + subject, rank, expression, kind, dtype, index, bytes, human, ratio);
    }

    private String title() {
        return "Lossless representations of " + subject + ", smallest first" + (note == null ? "" : " (" + note + ")");
    }

    /** What was not measured and why (sparse forms of a mapped file too large for the heap), or null. */
    public String note() {
        return note;
    }

    /** A bar chart of the candidates' bytes, as SVG. */
    public String svg() {
        return chart().svg();
    }

    /** The chart under the table: the table's title is above it, so the chart does not repeat it. */
    private ChartPicture chart() {
        return BytesChart.of("Bytes per representation", candidates.stream().map(Candidate::expression).toList(),
                candidates.stream().map(Candidate::bytes).toList());
    }

    @Override
    public String toString() {
        return TableText.render(table(), title());
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.of(toString(), TableHtml.render(table(), title(), chart()));
    }
}
