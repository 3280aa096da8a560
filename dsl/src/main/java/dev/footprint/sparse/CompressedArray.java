package dev.footprint.sparse;

import dev.footprint.array.Arguments;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.array.Shapes;

/**
 * What CSR and CSC share, as scipy: {@code data}, {@code indices} (the other axis's index of
 * each stored value) and {@code indptr} (where each compressed row or column starts), with
 * {@code nbytes = data.nbytes + indices.nbytes + indptr.nbytes}.
 */
/** @param <S> the format itself, {@link CsrArray} or {@link CscArray} */
public abstract sealed class CompressedArray<S extends CompressedArray<S>> extends SparseArray<S> permits CsrArray, CscArray {
    private final NDArray data;
    private final NDArray indices;
    private final NDArray indptr;

    CompressedArray(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        super(shape, fill);
        this.data = data;
        this.indices = indices;
        this.indptr = indptr;
    }

    /** 0 for CSR (rows are compressed), 1 for CSC. */
    abstract int compressedAxis();

    abstract S make(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape);

    /** {@code c} (2-d) in this format, indices in {@code indexType} ({@code null}: scipy's default). */
    abstract S fromCoo(CooArray c, DType indexType);

    /** Validates raw parts from a reader; returns the fill value as a one-element array of the data's dtype. */
    static NDArray checkedFill(NDArray data, NDArray indices, NDArray indptr, NDArray fillValue, long[] shape, int axis) {
        String fmt = axis == 0 ? "CSR" : "CSC";
        SparseShapes.require2d(shape, fmt);
        Offsets.size(shape);
        IndexArrays.requireIntegerType(indices.dtype(), "indices");
        IndexArrays.requireIntegerType(indptr.dtype(), "indptr");
        if (data.ndim() != 1 || indices.ndim() != 1 || indptr.ndim() != 1 || indices.size() != data.size()) {
            throw new ShapeMismatchException(fmt + " needs 1-d data and indices of the same length and a 1-d indptr; got "
                    + Shapes.text(data.shape()) + ", " + Shapes.text(indices.shape()) + ", "
                    + Shapes.text(indptr.shape()));
        }
        if (indptr.size() != shape[axis] + 1) {
            throw new ShapeMismatchException(fmt + " of shape " + Shapes.text(shape) + " needs an indptr of length "
                    + (shape[axis] + 1) + ", got " + indptr.size());
        }
        long[] ptr = IndexArrays.longs(indptr);
        if (ptr[0] != 0 || ptr[ptr.length - 1] != data.size()) {
            throw new IllegalArgumentException("indptr must start at 0 and end at nnz = " + data.size() + "; it runs from "
                    + ptr[0] + " to " + ptr[ptr.length - 1]);
        }
        for (int i = 1; i < ptr.length; i++) {
            if (ptr[i] < ptr[i - 1]) {
                throw new IllegalArgumentException("indptr must not decrease: indptr[" + i + "] = " + ptr[i]
                        + " < indptr[" + (i - 1) + "] = " + ptr[i - 1]);
            }
        }
        long minorDim = shape[1 - axis];
        long[] idx = IndexArrays.longs(indices);
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= minorDim) {
                throw new IndexOutOfBoundsException("indices[" + k + "] = " + idx[k] + " is out of bounds for dimension "
                        + (1 - axis) + " of size " + minorDim);
            }
        }
        requireDistinctPerMajor(ptr, idx, axis);
        if (fillValue.size() != 1) {
            throw new IllegalArgumentException("the fill value must be one element, got " + fillValue.size());
        }
        return fillValue.dtype() == data.dtype() ? fillValue.reshape(1).copy() : fillValue.reshape(1).as(data.dtype());
    }

    /**
     * Throws when a row (CSR) or column (CSC) stores one position twice: scipy keeps such an
     * array (its {@code has_canonical_format} is false) and adds the values in a product but not
     * elsewhere; here it is refused where it is made. Rows in ascending order cost one look per
     * index; others are sorted first.
     */
    private static void requireDistinctPerMajor(long[] ptr, long[] idx, int axis) {
        for (int major = 0; major + 1 < ptr.length; major++) {
            int from = (int) ptr[major];
            int to = (int) ptr[major + 1];
            boolean ascending = true;
            for (int k = from + 1; k < to && ascending; k++) {
                ascending = idx[k] > idx[k - 1];
            }
            if (ascending) {
                continue;
            }
            long[] sorted = java.util.Arrays.copyOfRange(idx, from, to);
            java.util.Arrays.sort(sorted);
            for (int k = 1; k < sorted.length; k++) {
                if (sorted[k] == sorted[k - 1]) {
                    long repeated = sorted[k];
                    int first = -1;
                    int second = -1;
                    for (int j = from; j < to && second < 0; j++) {
                        if (idx[j] == repeated) {
                            if (first < 0) {
                                first = j;
                            } else {
                                second = j;
                            }
                        }
                    }
                    String majorName = axis == 0 ? "row" : "column";
                    String minorName = axis == 0 ? "column" : "row";
                    throw new IllegalArgumentException(majorName + " " + major + " stores " + minorName + " " + repeated
                            + " twice (indices[" + first + "] and indices[" + second + "]); a position is stored once");
                }
            }
        }
    }

    // ---- fields --------------------------------------------------------------------------

    /** Number of stored elements, the length of {@link #data()}, as scipy's {@code nnz}. */
    @Override
    public long nnz() {
        return data.size();
    }

    /** The stored values, row by row (CSR) or column by column (CSC). Read-only by contract. */
    public NDArray data() {
        return data;
    }

    /** Column (CSR) or row (CSC) index of each stored value. Read-only by contract. */
    public NDArray indices() {
        return indices;
    }

    /** Where each row (CSR) or column (CSC) starts in {@code data}; length rows + 1 (CSR). Read-only by contract. */
    public NDArray indptr() {
        return indptr;
    }

    /**
     * Bytes of the stored arrays, scipy's {@code data.nbytes + indices.nbytes + indptr.nbytes}:
     * {@code 12 * nnz + 4 * (n + 1)} for float64 with int32 indices, n the rows (CSR) or columns (CSC).
     */
    @Override
    public long nbytes() {
        return data.nbytes() + indices.nbytes() + indptr.nbytes();
    }

    /**
     * The dtype of {@link #indices()} (int32 by default, as scipy); {@link #indptr()} has the same unless the
     * constructor was given otherwise.
     */
    @Override
    public DType indexType() {
        return indices.dtype();
    }

    @Override
    NDArray storedValues() {
        return data;
    }

    @Override
    S withValues(NDArray values, NDArray newFill) {
        return make(values, indices, indptr, newFill, shape);
    }

    // ---- conversions ---------------------------------------------------------------------

    /**
     * A new COO array with int64 coordinates ({@code 16 * nnz} bytes), as scipy's {@code tocoo()}. It shares
     * {@link #data()} when the values already are in C order (as CSR with sorted indices), else copies them in
     * that order; throws {@code IllegalArgumentException} when a position is stored twice.
     */
    @Override
    public CooArray tocoo() {
        return Compression.expand(this);
    }

    /**
     * Index arrays in {@code t}: it must hold every index of the other axis and nnz (the last
     * index pointer). Throws {@link IndexTypeException} naming what does not fit.
     */
    @Override
    public S withIndexType(DType t) {
        Arguments.notNull(t, "indexType");
        IndexArrays.checkAddresses(t, shape, 1 - compressedAxis(), format().toUpperCase());
        if (!IndexArrays.holds(t, nnz())) {
            throw new IndexTypeException(t + " cannot hold the index pointer " + nnz() + " (nnz) of this "
                    + format().toUpperCase() + " array (" + t + " holds " + t.rangeText() + "); "
                    + IndexArrays.suggestion(t, nnz()) + " can");
        }
        if (t == indices.dtype() && t == indptr.dtype()) {
            return self();
        }
        return make(data, IndexArrays.encode(t, IndexArrays.longs(indices)), IndexArrays.encode(t, IndexArrays.longs(indptr)),
                fill, shape);
    }

    /**
     * The narrowest of uint8, uint16, uint32 and int64 that holds nnz (the last index pointer) and every index
     * of the other axis.
     */
    @Override
    public DType smallestIndexType() {
        return IndexArrays.smallestFor(Math.max(nnz(), shape[1 - compressedAxis()] - 1));
    }

    /**
     * Converts an elementwise result back to this format, keeping this array's index dtype (as COO
     * does) when it still holds the result's nnz and indices; else scipy's default.
     */
    @Override
    S sameFormat(CooArray c) {
        int axis = compressedAxis();
        DType mine = indexType();
        boolean keep = indptr.dtype() == mine && IndexArrays.holds(mine, Math.max(c.nnz(), c.shape[1 - axis] - 1));
        // Encoded once, in the type it keeps: not in scipy's default first and then again.
        return fromCoo(c, keep ? mine : null);
    }

    // ---- shape ---------------------------------------------------------------------------

    /** Stored elements per compressed row (CSR) or column (CSC): differences of indptr. */
    NDArray perMajorCounts() {
        long[] ptr = IndexArrays.longs(indptr);
        long[] counts = new long[ptr.length - 1];
        for (int i = 0; i < counts.length; i++) counts[i] = ptr[i + 1] - ptr[i];
        return NDArray.wrap(DType.INT64, counts, counts.length);
    }

    /** Stored elements per index of the other axis: a count of indices. */
    NDArray perMinorCounts() {
        int minor = 1 - compressedAxis();
        long[] counts = new long[SparseShapes.denseLength(shape[minor], minor == 0 ? "nnzPerRow" : "nnzPerColumn", shape)];
        long[] idx = IndexArrays.longs(indices);
        for (long i : idx) counts[(int) i]++;
        return NDArray.wrap(DType.INT64, counts, counts.length);
    }
}
