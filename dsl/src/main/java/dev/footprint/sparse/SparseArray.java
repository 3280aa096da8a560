package dev.footprint.sparse;

import dev.footprint.array.Arguments;
import dev.footprint.array.ArrayOperations;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.PiecewiseArray;
import dev.footprint.display.MimeBundle;
import java.util.function.UnaryOperator;

/**
 * A read-only sparse array: only the elements that differ from the fill value are stored. Three
 * formats: {@link CooArray} (coordinates, any number of dimensions), {@link CsrArray} and
 * {@link CscArray} (compressed rows or columns, 2-d). Fields and sizes follow pydata
 * {@code sparse} (COO) and scipy (CSR/CSC), so the article's numbers come out.
 *
 * <p>An element is "missing" only if its bits equal the fill value's bits. So -0.0 is stored
 * when the fill is 0.0, NaN is missing when the fill is NaN, and {@code todense()} gives back the
 * input bit for bit for every dtype. (pydata compares with {@code ==} and drops -0.0.)
 *
 * <pre>{@code
 * var s = sparse.coo(a);          // a: 1024 x 1024 float64, 90 % zeros
 * s.nbytes() == 24 * s.nnz();     // true: 8 bytes of data + 2 x 8 bytes of int64 coordinates
 * s.compact().nbytes();           // 12 * nnz: uint16 coordinates
 * }</pre>
 *
 * <p>Arithmetic, comparisons and reductions follow the one contract of every array kind,
 * {@link ArrayOperations}: an operation on a COO array gives a COO array, on a CSR array a CSR
 * array, with fill value {@code f(fill)}.
 *
 * @param <S> the format itself ({@link CooArray}, {@link CsrArray}, {@link CscArray}): what
 *     operations, {@link #as}, {@link #withIndexType} and {@link #compact} return
 */
public abstract sealed class SparseArray<S extends SparseArray<S>> extends PiecewiseArray<S, SparseArray<?>>
        permits CooArray, CompressedArray {
    final long[] shape;
    final long size;
    /** The fill value: a one-element 1-d array of the data's dtype. */
    final NDArray fill;
    private String name;

    SparseArray(long[] shape, NDArray fill) {
        this.shape = shape.clone();
        this.size = Offsets.size(this.shape);
        this.fill = fill;
    }

    // ---- fields --------------------------------------------------------------------------

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Always 2 for CSR and CSC. */
    @Override
    public int ndim() {
        return shape.length;
    }

    @Override
    public long size() {
        return size;
    }

    /** The dtype of the stored values and of the fill value, as pydata's {@code dtype}. */
    @Override
    public DType dtype() {
        return fill.dtype();
    }

    /** Number of stored elements. */
    public abstract long nnz();

    /** {@code nnz / size}, as pydata. */
    public double density() {
        return (double) nnz() / size;
    }

    /** The value of every element that is not stored: Boolean, Long (BigInteger past 2^63) or Double. */
    public Object fillValue() {
        return fill.get(0);
    }

    /** The fill value as a 0-d array of {@link #dtype()} (what a {@code .npz} writer stores). */
    public NDArray fillValueArray() {
        return Values.zeroDim(dtype(), Values.bitsOf(fill));
    }

    /** Bytes of the stored arrays: COO {@code data + coords}, CSR/CSC {@code data + indices + indptr}. */
    @Override
    public abstract long nbytes();

    /** {@code "coo"}, {@code "csr"} or {@code "csc"}. */
    public abstract String format();

    /** The dtype of the coordinates (COO) or of the indices and index pointers (CSR/CSC). */
    public abstract DType indexType();

    /** Bytes of the dense array of the same shape and dtype ({@code size * itemsize}). */
    public double denseBytes() {
        return (double) size * dtype().itemsize();
    }

    /** True when this sparse form takes more bytes than the dense array; the summary warns. */
    public boolean isDenserThanDense() {
        return nbytes() > denseBytes();
    }

    /** A label shown by footprint tables; returns this array. */
    @Override
    public S named(String label) {
        this.name = label;
        return self();
    }

    /** The label given by {@link #named}, or null. */
    @Override
    public String name() {
        return name;
    }

    // ---- conversions ---------------------------------------------------------------------

    /**
     * The dense array, bit for bit what was stored (the fill value everywhere else).
     *
     * <pre>{@code
     * sparse.coo(a).todense().equals(a);   // true for every dtype, NaN and -0.0 included
     * }</pre>
     * Fails with {@code ArrayAllocationException} when the dense array would not fit a Java array or the heap.
     */
    public NDArray todense() {
        return SparseToDense.todense(tocoo());
    }

    /**
     * This array in COO format, as scipy's and pydata's {@code tocoo()}: a COO array returns itself; CSR and
     * CSC give a new COO with int64 coordinates ({@code 16 * nnz} bytes of coordinates).
     */
    public abstract CooArray tocoo();

    /** Compressed sparse rows (2-d only); int32 indices unless the array needs int64, as scipy. */
    public abstract CsrArray tocsr();

    /** Compressed sparse columns (2-d only). */
    public abstract CscArray tocsc();

    /**
     * This array in another format: {@code "coo"}, {@code "csr"} or {@code "csc"}.
     *
     * <pre>{@code
     * sparse.coo(a).asformat("csr").nbytes();   // 12 * nnz + 4 * (rows + 1)
     * }</pre>
     */
    public SparseArray<?> asformat(String format) {
        return switch (Arguments.notNull(format, "format").toLowerCase()) {
            case "coo" -> tocoo();
            case "csr" -> tocsr();
            case "csc" -> tocsc();
            default -> throw new IllegalArgumentException("unknown sparse format '" + format + "'; use coo, csr or csc");
        };
    }

    /**
     * The same array with index arrays of dtype {@code t}, which must address every dimension
     * (checked against the largest dimension, not the flat size).
     *
     * <pre>{@code
     * sparse.coo(a).withIndexType(UINT16).nbytes();   // 12 * nnz for 1024 x 1024 float64
     * sparse.coo(a).withIndexType(UINT8);             // IndexTypeException: uint8 cannot address dimension 0 of size 1024 ...
     * }</pre>
     */
    public abstract S withIndexType(DType indexType);

    /** The smallest index dtype that can address this array's dimensions (and, for CSR/CSC, its nnz). */
    public abstract DType smallestIndexType();

    @Override
    public S as(DType target) {
        Arguments.notNull(target, "target");
        return withValues(storedValues().as(target), fill.as(target));
    }

    /**
     * The smallest lossless form in this format: the narrowest index dtype that addresses every
     * dimension and the narrowest value dtype that holds every stored value and the fill value.
     *
     * <pre>{@code
     * sparse.coo(a).compact().nbytes();          // 12 * nnz for the article's array
     * s.compact().todense().as(FLOAT64).equals(a);   // true: nothing is lost
     * }</pre>
     */
    public S compact() {
        DType valueType = Values.withFill(storedValues(), fill).minimalDType();
        S narrowed = valueType == dtype() ? self() : as(valueType);
        return narrowed.withIndexType(smallestIndexType());
    }

    /** The stored values, in storage order (COO: C order of their coordinates). */
    abstract NDArray storedValues();

    /** This structure with other values and fill (same length, any dtype). */
    abstract S withValues(NDArray values, NDArray newFill);

    /** This array, typed as its format. */
    abstract S self();

    /** A COO result of this array's shape, in this array's format. */
    abstract S sameFormat(CooArray c);

    // ---- elementwise: documented once, in ArrayOperations ----------------------------------

    /** Applies {@code f} to the stored values and to the fill value (result fill = f(fill)), as pydata. */
    @Override
    protected S mapPieces(UnaryOperator<NDArray> f) {
        return sameFormat(SparseElementwise.map(tocoo(), f));
    }

    @Override
    public S apply(Operation op, SparseArray<?> other) {
        Arguments.notNull(op, "op");
        Arguments.notNull(other, "other");
        return sameFormat(SparseElementwise.zip(tocoo(), other.tocoo(), (x, y) -> x.apply(op, y)));
    }

    // ---- reductions ----------------------------------------------------------------------

    /**
     * Sum of all elements, the missing ones counted as the fill value; a 0-d array of NumPy's
     * sum dtype (int64 / uint64 for integers).
     *
     * <pre>{@code
     * sparse.coo(arr.of(0, 2, 0), 1).sum().longValue();   // 4
     * }</pre>
     */
    @Override
    public NDArray sum() { return SparseReductions.sum(this); }

    /** Mean over all elements (fill included); float64 for integers, as NumPy. */
    @Override
    public NDArray mean() { return SparseReductions.mean(this); }

    /**
     * Sum along {@code axis} (negative counts from the end), the missing elements counted as the
     * fill value: a dense array without that axis, of {@link #sum()}'s dtype, equal bit for bit to
     * {@code todense().sum(axis)} without making the dense array.
     *
     * <pre>{@code
     * sparse.csr(a).sum(0);   // column sums, as scipy's a.sum(axis=0) and pydata's s.sum(axis=0)
     * }</pre>
     *
     * @throws IllegalArgumentException the axis is out of range
     */
    @Override
    public NDArray sum(int axis) { return SparseReductions.alongAxis(this, axis, false); }

    /**
     * Mean along {@code axis}, the missing elements counted as the fill value: a dense array
     * without that axis, float64 for integers, equal bit for bit to {@code todense().mean(axis)}.
     *
     * @throws IllegalArgumentException the axis is out of range
     */
    @Override
    public NDArray mean(int axis) { return SparseReductions.alongAxis(this, axis, true); }

    /**
     * Minimum along {@code axis}, the missing elements counted as the fill value: a dense array of
     * this dtype without that axis, equal bit for bit to {@code todense().min(axis)}.
     *
     * @throws IllegalArgumentException the axis is out of range, or has length 0
     */
    @Override
    public NDArray min(int axis) { return SparseReductions.extremeAlongAxis(this, axis, true); }

    /**
     * Maximum along {@code axis}, as {@link #min(int)}.
     *
     * @throws IllegalArgumentException the axis is out of range, or has length 0
     */
    @Override
    public NDArray max(int axis) { return SparseReductions.extremeAlongAxis(this, axis, false); }

    /** Smallest element, the fill value included when something is missing; NaN propagates. */
    @Override
    public NDArray min() { return SparseReductions.extreme(this, true); }

    /** Largest element, the fill value included when something is missing; NaN propagates. */
    @Override
    public NDArray max() { return SparseReductions.extreme(this, false); }

    /** The stored elements that are not zero, and every missing one when the fill value is not zero. */
    @Override
    public long countNonzero() {
        return storedValues().countNonzero() + (fill.countNonzero() == 0 ? 0 : size - nnz());
    }

    /** Counted as {@code todense().countNonzero(axis)} is, without making the dense array. */
    @Override
    public NDArray countNonzero(int axis) { return apply(Comparison.NE, 0L).sum(axis); }

    // ---- shape ---------------------------------------------------------------------------

    /** Axes reversed: COO reorders its coordinates; CSR becomes CSC over the same arrays, and back. */
    public abstract SparseArray<?> transpose();

    /**
     * The same elements in another shape of the same size (C order); one dimension may be -1.
     * A 2-d result keeps the format, any other rank is COO.
     *
     * <pre>{@code
     * sparse.coo(arr.eye(4)).reshape(2, 8).shape();   // [2, 8]
     * }</pre>
     */
    public SparseArray<?> reshape(long... newShape) {
        CooArray c = tocoo().reshape(newShape);
        return c.ndim() == 2 ? sameFormat(c) : c;
    }

    /** Stored elements in each row of a 2-d array, as int64. */
    public abstract NDArray nnzPerRow();

    /** Stored elements in each column of a 2-d array, as int64. */
    public abstract NDArray nnzPerColumn();

    // ---- products ------------------------------------------------------------------------

    /**
     * Matrix times dense vector, {@code A @ x}, with NumPy's result dtype; needs a fill value of 0.
     *
     * <pre>{@code
     * sparse.csr(a).matvec(arr.ones(1024));   // the row sums of a, as float64
     * }</pre>
     * Throws {@code ShapeMismatchException} when {@code x} is not 1-d of length {@code shape[1]}.
     */
    public NDArray matvec(NDArray x) {
        return SparseProducts.matvec(tocsr(), x);
    }

    /** Matrix times dense matrix, {@code A @ X}, a dense result; needs a fill value of 0. */
    public NDArray matmul(NDArray x) {
        return SparseProducts.matmul(tocsr(), x);
    }

    // ---- files -------------------------------------------------------------------------------

    /**
     * Saves in pydata's {@code save_npz} layout, deflated: COO as COO, CSR/CSC as a 2-d GCXS.
     * {@code sparse.load} and pydata's {@code sparse.load_npz} read it back.
     * <pre>{@code s.save("s.npz"); }</pre>
     * @throws java.io.UncheckedIOException the file cannot be written
     */
    public void save(String path) { SparseFiles.installed().write(Arguments.path(path), this); }

    /** As {@link #save(String)}. */
    public void save(java.nio.file.Path path) { SparseFiles.installed().write(Arguments.notNull(path, "path"), this); }

    /**
     * Saves in scipy's {@code save_npz} layout (2-d, fill value 0), for {@code scipy.sparse.load_npz}.
     * <pre>{@code sparse.csr(a).saveScipy("m.npz"); }</pre>
     * @throws IllegalArgumentException the array is not 2-d or its fill value is not 0
     */
    public void saveScipy(String path) { SparseFiles.installed().writeScipy(Arguments.path(path), this); }

    // ---- rendering -----------------------------------------------------------------------

    /** pydata's summary: Format, Data Type, Shape, nnz, Density, Read-only, Size, Storage ratio. */
    @Override
    public String toString() {
        return SparseText.plain(this);
    }

    /**
     * The notebook display: pydata's summary as {@code text/plain} (the {@link #toString()} text) and as an
     * HTML table ({@code text/html}), each with the too-dense warning when it applies.
     */
    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.of(SparseText.plain(this), SparseText.html(this));
    }
}
