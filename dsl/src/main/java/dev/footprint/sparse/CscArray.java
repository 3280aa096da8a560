package dev.footprint.sparse;

import dev.footprint.array.DType;
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
public final class CscArray extends CompressedArray<CscArray> {

    /**
     * A CSC array from raw parts (scipy's {@code data, indices, indptr}, column by column): indices and indptr in
     * any integer dtype (kept as given), a one-element fill value converted losslessly to the
     * data's dtype. Throws {@code IllegalArgumentException} on inconsistent parts and
     * {@code IndexOutOfBoundsException} on an index outside the shape. Indices need not be sorted
     * within a column; one that repeats within it is refused with {@code IllegalArgumentException}.
     */
    public CscArray(NDArray data, NDArray indices, NDArray indptr, NDArray fillValue, long... shape) {
        this(shape, checkedFill(data, indices, indptr, fillValue, shape, 1), data, indices, indptr);
    }

    /** A CSC array from raw parts with fill value 0. */
    public CscArray(NDArray data, NDArray indices, NDArray indptr, long... shape) {
        this(data, indices, indptr, Values.fillOf(data.dtype(), 0L), shape);
    }

    private CscArray(long[] shape, NDArray fill, NDArray data, NDArray indices, NDArray indptr) {
        super(data, indices, indptr, fill, shape);
    }

    /** A CSC of trusted parts (consistent indptr, indices in bounds and distinct within a column); nothing is checked. */
    static CscArray trusted(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        return new CscArray(shape, fill, data, indices, indptr);
    }

    @Override
    int compressedAxis() {
        return 1;
    }

    @Override
    CscArray make(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        return trusted(data, indices, indptr, fill, shape);
    }

    @Override
    CscArray self() {
        return this;
    }

    @Override
    CscArray fromCoo(CooArray c, DType indexType) {
        return Compression.toCsc(c, indexType);
    }

    /** {@code "csc"}, as scipy's {@code format}. */
    @Override
    public String format() {
        return "csc";
    }

    /**
     * A new CSR array by way of COO ({@code tocoo().tocsr()}), as scipy's {@code tocsr()}: the values are
     * put in row order (a copy unless they already are), the intermediate COO holds int64 coordinates
     * ({@code 16 * nnz} bytes) meanwhile, and the result has int32 indices (int64 when too large) whatever
     * this array's index dtype.
     */
    @Override
    public CsrArray tocsr() {
        return tocoo().tocsr();
    }

    /** This array itself (it already is CSC); no copy. */
    @Override
    public CscArray tocsc() {
        return this;
    }



    /** The transpose over the same arrays: a CSR array of the swapped shape (no copy), as scipy. */
    @Override
    public CsrArray transpose() {
        return CsrArray.trusted(data(), indices(), indptr(), fill, new long[] {shape[1], shape[0]});
    }

    /** Stored elements in each row, counted over {@link #indices()}, as int64 (scipy's {@code getnnz(axis=1)}). */
    @Override
    public NDArray nnzPerRow() {
        return perMinorCounts();
    }

    /**
     * Stored elements in each column, the differences of {@link #indptr()}, as int64
     * (scipy's {@code getnnz(axis=0)}).
     */
    @Override
    public NDArray nnzPerColumn() {
        return perMajorCounts();
    }

    /**
     * {@code A @ x} for a dense 1-d {@code x} of length {@code shape[1]}, computed column by column from the CSC
     * arrays (no conversion to CSR), with NumPy's result dtype. Needs a fill value of 0
     * ({@code IllegalArgumentException} otherwise); throws {@code ShapeMismatchException} for any other {@code x}.
     */
    @Override
    public NDArray matvec(NDArray x) {
        return SparseProducts.matvec(this, x);
    }

    /**
     * {@code A @ X} for a dense 2-d {@code X} with {@code shape[1]} rows: a new dense array of shape
     * {@code (shape[0], X.shape[1])} with NumPy's result dtype, computed column by column from the CSC arrays
     * (floats accumulate in double, integers in wrapping int64). Needs a fill value of 0
     * ({@code IllegalArgumentException} otherwise); throws {@code ShapeMismatchException} for any other
     * shape of {@code X}.
     */
    @Override
    public NDArray matmul(NDArray x) {
        return SparseProducts.matmul(this, x);
    }
}
