package dev.footprint.report;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import dev.footprint.display.Displayable;
import dev.footprint.display.MimeBundle;
import dev.footprint.sparse.SparseArray;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How much memory each array takes: one row per array with its name, kind (dense, COO, CSR,
 * CSC, compressed), dtype (value / index dtype for sparse arrays; codec, level, chunk shape and
 * compression ratio for compressed ones), shape, stored elements, exact bytes (what a compressed
 * array's chunks take, not its logical {@code nbytes}), a human size, how many of the bytes are
 * heap and how many a mapped file's, bits per element and the ratio to a float64 dense array of
 * the same shape.
 * A Tablesaw {@link Table} underneath, so it can be sorted, filtered or written as CSV.
 *
 * <pre>{@code
 * footprint("int64arr", int64arr, "int16arr", int16arr, s);   // names from strings, .named(...) or #3
 * footprint(a, s).table().write().csv("footprint.csv");
 * }</pre>
 */
public final class FootprintTable implements Displayable {
    public static final String NAME = "name";
    public static final String KIND = "kind";
    public static final String DTYPE = "dtype";
    public static final String SHAPE = "shape";
    public static final String STORED = "stored";
    public static final String BYTES = "bytes";
    public static final String SIZE = "size";
    public static final String HEAP = "heap bytes";
    public static final String MAPPED = "mapped bytes";
    public static final String BITS_PER_ELEMENT = "bits/element";
    public static final String VS_FLOAT64 = "vs float64";

    private final List<FootprintRow> rows;
    private final Table table;
    private final String title;

    FootprintTable(String title, List<FootprintRow> rows) {
        this.title = title;
        this.rows = List.copyOf(rows);
        this.table = build(title, this.rows);
    }

    /**
     * A table of the arrays ({@link NDArray}, {@link SparseArray} or {@link CompressedNDArray}); a String argument names the
     * array after it. Unnamed arrays use {@code .named(...)} or their position ({@code #1}).
     * Throws {@code IllegalArgumentException} for any other argument or a name with no array after it.
     *
     * <pre>{@code
     * FootprintTable.of("image", image, imgAsFloat(image)).toString();
     * }</pre>
     */
    public static FootprintTable of(Object... arraysOrNames) {
        List<FootprintRow> rows = new ArrayList<>();
        String pendingName = null;
        int position = 0;
        for (int i = 0; i < arraysOrNames.length; i++) {
            Object o = arraysOrNames[i];
            if (o instanceof String s) {
                if (pendingName != null) {
                    throw new IllegalArgumentException("footprint(...): the name \"" + pendingName + "\" (argument " + i
                            + ") is followed by another name, \"" + s + "\", instead of an array");
                }
                pendingName = s;
                continue;
            }
            position++;
            if (o instanceof NDArray a) {
                rows.add(FootprintRow.of(nameFor(pendingName, a.name(), position), a));
            } else if (o instanceof SparseArray<?> s) {
                rows.add(FootprintRow.of(nameFor(pendingName, s.name(), position), s));
            } else if (o instanceof CompressedNDArray c) {
                rows.add(FootprintRow.of(nameFor(pendingName, c.name(), position), c));
            } else {
                throw new IllegalArgumentException("footprint(...) takes arrays (NDArray, SparseArray<?>, CompressedNDArray) and String names; "
                        + "argument " + (i + 1) + " is " + (o == null ? "null" : "a " + o.getClass().getName() + " (" + o + ")"));
            }
            pendingName = null;
        }
        if (pendingName != null) {
            throw new IllegalArgumentException("footprint(...): the last argument, the name \"" + pendingName
                    + "\", names no array; put the array after it");
        }
        return new FootprintTable("", rows);
    }

    private static String nameFor(String given, String own, int position) {
        return given != null ? given : own != null ? own : "#" + position;
    }

    /** The same rows plus a last row that adds up the bytes (its bits/element is the total per element of the first shape). */
    public FootprintTable withTotal(String label) {
        long bytes = rows.stream().mapToLong(FootprintRow::bytes).sum();
        long elements = rows.isEmpty() ? 0 : rows.get(0).elements();
        List<FootprintRow> all = new ArrayList<>(rows);
        all.add(new FootprintRow(label, "total", "", rows.isEmpty() ? "" : rows.get(0).shape(), elements,
                rows.stream().mapToLong(FootprintRow::stored).sum(), bytes,
                rows.stream().mapToLong(FootprintRow::mapped).sum()));
        return new FootprintTable(title, all);
    }

    /** The same table under a title, shown above it. */
    public FootprintTable titled(String newTitle) {
        return new FootprintTable(newTitle, rows);
    }

    private static Table build(String title, List<FootprintRow> rows) {
        StringColumn name = StringColumn.create(NAME);
        StringColumn kind = StringColumn.create(KIND);
        StringColumn dtype = StringColumn.create(DTYPE);
        StringColumn shape = StringColumn.create(SHAPE);
        LongColumn stored = LongColumn.create(STORED);
        LongColumn bytes = LongColumn.create(BYTES);
        StringColumn human = StringColumn.create(SIZE);
        LongColumn heap = LongColumn.create(HEAP);
        LongColumn mapped = LongColumn.create(MAPPED);
        DoubleColumn bits = DoubleColumn.create(BITS_PER_ELEMENT);
        DoubleColumn ratio = DoubleColumn.create(VS_FLOAT64);
        for (FootprintRow r : rows) {
            name.append(r.name());
            kind.append(r.kind());
            dtype.append(r.dtype());
            shape.append(r.shape());
            stored.append(r.stored());
            bytes.append(r.bytes());
            human.append(HumanSize.of(r.bytes()));
            heap.append(r.heap());
            mapped.append(r.mapped());
            bits.append(r.bitsPerElement());
            ratio.append(r.ratioToFloat64());
        }
        bits.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        ratio.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        return Table.create(title.isEmpty() ? "footprint" : title, name, kind, dtype, shape, stored, bytes, human, heap, mapped,
                bits, ratio);
    }

    /** The Tablesaw table (a copy is not made: sort or filter it into new tables). */
    public Table table() {
        return table;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Exact bytes of row {@code i}. */
    public long bytes(int i) {
        return rows.get(i).bytes();
    }

    /** Bits per element of row {@code i}. */
    public double bitsPerElement(int i) {
        return rows.get(i).bitsPerElement();
    }

    /** The name of row {@code i}. */
    public String name(int i) {
        return rows.get(i).name();
    }

    /** A horizontal bar chart of the bytes of each row, as an SVG document. */
    public String svg() {
        return chart().svg();
    }

    /** The chart under the table: the table's title is above it, so the chart does not repeat it. */
    private ChartPicture chart() {
        return BytesChart.of("Bytes per array", rows.stream().map(FootprintRow::name).toList(),
                rows.stream().map(FootprintRow::bytes).toList());
    }

    /** Aligned columns of bounded width, for jshell and logs. */
    @Override
    public String toString() {
        return TableText.render(table, title);
    }

    @Override
    public MimeBundle mimeBundle() {
        // Front ends show one MIME type per output, the HTML; so the chart is in it, as a picture.
        return MimeBundle.of(toString(), TableHtml.render(table, title, chart()));
    }
}
