package dev.footprint.sparse;

import dev.footprint.array.NDArray;

/**
 * Compressed sparse rows (2-d), as scipy's {@code csr_matrix}: int32 indices by default, so
 * {@code nbytes = nnz * (itemsize + 4) + 4 * (rows + 1)}. The format for fast row access and
 * matrix-vector products.
 *
 * <pre>{@code
 * var m = sparse.csr(a);
 * m.matvec(arr.ones(1024));   // row sums, as a dense float64 array
 * }</pre>
 */
public final class CsrArray extends CompressedArray {

    /**
     * A CSR array from raw parts (scipy's {@code data, indices, indptr}): indices and indptr in
     * any integer dtype (kept as given), a one-element fill value converted losslessly to the
     * data's dtype. Throws {@code IllegalArgumentException} on inconsistent parts; indices need
     * not be sorted within a row but must not repeat.
     */
    public CsrArray(NDArray data, NDArray indices, NDArray indptr, NDArray fillValue, long... shape) {
        this(data, indices, indptr, checkedFill(data, indices, indptr, fillValue, shape, 0), shape, true);
    }

    /** A CSR array from raw parts with fill value 0. */
    public CsrArray(NDArray data, NDArray indices, NDArray indptr, long... shape) {
        this(data, indices, indptr, Values.fillOf(data.dtype(), 0L), shape);
    }

    CsrArray(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape, boolean trusted) {
        super(data, indices, indptr, fill, shape);
    }

    @Override
    int compressedAxis() {
        return 0;
    }

    @Override
    CompressedArray make(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        return new CsrArray(data, indices, indptr, fill, shape, true);
    }

    @Override
    public String format() {
        return "csr";
    }

    @Override
    public CsrArray tocsr() {
        return this;
    }

    @Override
    public CscArray tocsc() {
        return tocoo().tocsc();
    }

    @Override
    public CsrArray withIndexType(dev.footprint.array.DType t) {
        return (CsrArray) super.withIndexType(t);
    }

    @Override
    public CsrArray compact() {
        return (CsrArray) super.compact();
    }

    /** The transpose over the same arrays: a CSC array of the swapped shape (no copy), as scipy. */
    @Override
    public CscArray transpose() {
        return new CscArray(data(), indices(), indptr(), fill, new long[] {shape[1], shape[0]}, true);
    }

    @Override
    public NDArray nnzPerRow() {
        return perMajorCounts();
    }

    @Override
    public NDArray nnzPerColumn() {
        return perMinorCounts();
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
