package dev.footprint.sparse;

import dev.footprint.array.NDArray;

/**
 * Compressed sparse columns (2-d), as scipy's {@code csc_matrix}: int32 indices by default, so
 * {@code nbytes = nnz * (itemsize + 4) + 4 * (columns + 1)}. The format for fast column access; also
 * matrix-vector products.
 *
 * <pre>{@code
 * var m = sparse.csc(a);
 * m.matvec(arr.ones(1024));   // row sums, as a dense float64 array
 * }</pre>
 */
public final class CscArray extends CompressedArray {

    /**
     * A CSC array from raw parts (scipy's {@code data, indices, indptr}, column by column): indices and indptr in
     * any integer dtype (kept as given), a one-element fill value converted losslessly to the
     * data's dtype. Throws {@code IllegalArgumentException} on inconsistent parts; indices need
     * not be sorted within a column but must not repeat.
     */
    public CscArray(NDArray data, NDArray indices, NDArray indptr, NDArray fillValue, long... shape) {
        this(data, indices, indptr, checkedFill(data, indices, indptr, fillValue, shape, 1), shape, true);
    }

    /** A CSC array from raw parts with fill value 0. */
    public CscArray(NDArray data, NDArray indices, NDArray indptr, long... shape) {
        this(data, indices, indptr, Values.fillOf(data.dtype(), 0L), shape);
    }

    CscArray(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape, boolean trusted) {
        super(data, indices, indptr, fill, shape);
    }

    @Override
    int compressedAxis() {
        return 1;
    }

    @Override
    CompressedArray make(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        return new CscArray(data, indices, indptr, fill, shape, true);
    }

    @Override
    public String format() {
        return "csc";
    }

    @Override
    public CsrArray tocsr() {
        return tocoo().tocsr();
    }

    @Override
    public CscArray tocsc() {
        return this;
    }

    @Override
    public CscArray withIndexType(dev.footprint.array.DType t) {
        return (CscArray) super.withIndexType(t);
    }

    @Override
    public CscArray compact() {
        return (CscArray) super.compact();
    }

    /** The transpose over the same arrays: a CSR array of the swapped shape (no copy), as scipy. */
    @Override
    public CsrArray transpose() {
        return new CsrArray(data(), indices(), indptr(), fill, new long[] {shape[1], shape[0]}, true);
    }

    @Override
    public NDArray nnzPerRow() {
        return perMinorCounts();
    }

    @Override
    public NDArray nnzPerColumn() {
        return perMajorCounts();
    }

    @Override
    public NDArray matvec(NDArray x) {
        return SparseProducts.matvec(this, x);
    }

    @Override
    public NDArray matmul(NDArray x) {
        return SparseProducts.matmul(this, x);
    }
}
