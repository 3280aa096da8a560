package dev.footprint.sparse;

import dev.footprint.array.DType;
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
public final class CsrArray extends CompressedArray<CsrArray> {

    /**
     * A CSR array from raw parts (scipy's {@code data, indices, indptr}): indices and indptr in
     * any integer dtype (kept as given), a one-element fill value converted losslessly to the
     * data's dtype. Throws {@code IllegalArgumentException} on inconsistent parts and
     * {@code IndexOutOfBoundsException} on an index outside the shape. Indices need not be sorted
     * within a row; one that repeats within it is refused with {@code IllegalArgumentException}.
     */
    public CsrArray(NDArray data, NDArray indices, NDArray indptr, NDArray fillValue, long... shape) {
        this(shape, checkedFill(data, indices, indptr, fillValue, shape, 0), data, indices, indptr);
    }

    /** A CSR array from raw parts with fill value 0. */
    public CsrArray(NDArray data, NDArray indices, NDArray indptr, long... shape) {
        this(data, indices, indptr, Values.fillOf(data.dtype(), 0L), shape);
    }

    private CsrArray(long[] shape, NDArray fill, NDArray data, NDArray indices, NDArray indptr) {
        super(data, indices, indptr, fill, shape);
    }

    /** A CSR of trusted parts (consistent indptr, indices in bounds and distinct within a row); nothing is checked. */
    static CsrArray trusted(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        return new CsrArray(shape, fill, data, indices, indptr);
    }

    @Override
    int compressedAxis() {
        return 0;
    }

    @Override
    CsrArray make(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape) {
        return trusted(data, indices, indptr, fill, shape);
    }

    @Override
    CsrArray self() {
        return this;
    }

    @Override
    CsrArray fromCoo(CooArray c, DType indexType) {
        return Compression.toCsr(c, indexType);
    }

    /** {@code "csr"}, as scipy's {@code format}. */
    @Override
    public String format() {
        return "csr";
    }

    /** This array itself (it already is CSR); no copy. */
    @Override
    public CsrArray tocsr() {
        return this;
    }

    /**
     * A new CSC array by way of COO ({@code tocoo().tocsc()}), as scipy's {@code tocsc()}:
     * the values are copied in column order, the intermediate COO holds int64 coordinates ({@code 16 * nnz}
     * bytes) meanwhile, and the result has int32 indices (int64 when too large) whatever this array's index dtype.
     */
    @Override
    public CscArray tocsc() {
        return tocoo().tocsc();
    }



    /** The transpose over the same arrays: a CSC array of the swapped shape (no copy), as scipy. */
    @Override
    public CscArray transpose() {
        return CscArray.trusted(data(), indices(), indptr(), fill, new long[] {shape[1], shape[0]});
    }

    /** Stored elements in each row, the differences of {@link #indptr()}, as int64 (scipy's {@code getnnz(axis=1)}). */
    @Override
    public NDArray nnzPerRow() {
        return perMajorCounts();
    }

    /** Stored elements in each column, counted over {@link #indices()}, as int64 (scipy's {@code getnnz(axis=0)}). */
    @Override
    public NDArray nnzPerColumn() {
        return perMinorCounts();
    }

    /**
     * {@code A @ x} for a dense 1-d {@code x} of length {@code shape[1]}, read row by row from the CSR arrays,
     * with NumPy's result dtype; for float64 values and {@code x} each row is summed in index order as scipy's,
     * so the results agree bit for bit. Needs a fill value of 0 ({@code IllegalArgumentException} otherwise);
     * throws {@code ShapeMismatchException} for any other {@code x}.
     */
    @Override
    public NDArray matvec(NDArray x) {
        return SparseProducts.matvec(this, x);
    }

    /**
     * {@code A @ X} for a dense 2-d {@code X} with {@code shape[1]} rows: a new dense array of shape
     * {@code (shape[0], X.shape[1])} with NumPy's result dtype, computed row by row from the CSR arrays (floats
     * accumulate in double, integers in wrapping int64). Needs a fill value of 0 ({@code IllegalArgumentException}
     * otherwise); throws {@code ShapeMismatchException} for any other shape of {@code X}.
     */
    @Override
    public NDArray matmul(NDArray x) {
        return SparseProducts.matmul(this, x);
    }
}
