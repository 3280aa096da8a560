package dev.footprint.sparse;

import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.array.Shapes;

/**
 * Sparse matrix times dense vector or matrix. Float results accumulate in double, integer
 * results in a wrapping long (as NumPy's integer matmul); the result has NumPy's promoted dtype.
 * The common case (float64 values, int32 indices, float64 operand) reads the storage directly.
 */
final class SparseProducts {
    /** The average number of values per row from which {@code csrVector} sums two rows at once. */
    static final int PAIRED_FROM = 24;

    private SparseProducts() {}

    static NDArray matvec(CompressedArray a, NDArray x) {
        dev.footprint.array.Arguments.notNull(x, "x");
        requireZeroFill(a, "matvec");
        if (x.ndim() != 1 || x.size() != a.shape[1]) {
            throw new ShapeMismatchException("matvec of a " + Shapes.text(a.shape) + " array needs a 1-d vector of length "
                    + a.shape[1] + ", got shape " + Shapes.text(x.shape()));
        }
        SparseShapes.denseLength(a.shape[0], "matvec", a.shape);
        if (a.compressedAxis() == 0 && a.dtype() == DType.FLOAT64 && x.dtype() == DType.FLOAT64
                && a.indices().dtype() == DType.INT32 && a.indptr().dtype() == DType.INT32) {
            // scipy's csr_matrix @ vector: the storage read in place, one sum per row in index order
            int rows = (int) a.shape[0];
            double[] y = new double[rows];
            csrVector(IndexArrays.ints(a.indptr()), IndexArrays.ints(a.indices()), Values.doubles(a.data()),
                    Values.doubles(x), y);
            return NDArray.wrap(DType.FLOAT64, y, rows);
        }
        NDArray col = x.reshape(x.size(), 1);
        NDArray y = matmul(a, col);
        return y.reshape(a.shape[0]);
    }

    static NDArray matmul(CompressedArray a, NDArray x) {
        dev.footprint.array.Arguments.notNull(x, "x");
        requireZeroFill(a, "matmul");
        if (x.ndim() != 2 || x.shape()[0] != a.shape[1]) {
            throw new ShapeMismatchException("matmul of a " + Shapes.text(a.shape) + " array needs a 2-d array with "
                    + a.shape[1] + " rows, got shape " + Shapes.text(x.shape()));
        }
        DType rt = DType.promote(a.dtype(), x.dtype());
        // Exact: a sparse axis can be long enough for this product to wrap past 2^63.
        java.math.BigInteger cells = java.math.BigInteger.valueOf(a.shape[0]).multiply(java.math.BigInteger.valueOf(x.shape()[1]));
        if (cells.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) {
            throw new IllegalArgumentException("matmul would give a dense " + a.shape[0] + " x " + x.shape()[1]
                    + " result of " + cells + " elements, more than one Java array holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        int rows = (int) a.shape[0];
        int k = (int) x.shape()[1];
        int[] ptr = IndexArrays.ints(a.indptr());
        int[] idx = IndexArrays.ints(a.indices());
        boolean csr = a.compressedAxis() == 0;
        if (rt.isFloat()) {
            double[] v = Values.doubles(a.data());
            double[] xs = Values.doubles(x);
            double[] y = new double[rows * k];
            if (k == 1) {
                if (csr) csrVector(ptr, idx, v, xs, y); else cscVector(ptr, idx, v, xs, y);
            } else {
                if (csr) csrMatrix(ptr, idx, v, xs, y, k); else cscMatrix(ptr, idx, v, xs, y, k);
            }
            NDArray out = NDArray.wrap(DType.FLOAT64, y, rows, k);
            return rt == DType.FLOAT64 ? out : out.as(rt, Casting.UNSAFE);
        }
        long[] v = Values.longs(a.data(), DType.INT64);
        long[] xs = Values.longs(x, DType.INT64);
        long[] y = new long[rows * k];
        int majors = ptr.length - 1;
        for (int m = 0; m < majors; m++) {
            for (int p = ptr[m]; p < ptr[m + 1]; p++) {
                int row = csr ? m : idx[p];
                int inner = csr ? idx[p] : m;
                for (int j = 0; j < k; j++) y[row * k + j] += v[p] * xs[inner * k + j];
            }
        }
        NDArray out = NDArray.wrap(DType.INT64, y, rows, k);
        return rt == DType.INT64 ? out : rt.isBool() ? out.ne(0L) : out.as(rt, Casting.UNSAFE);
    }

    /**
     * One sum per row, each in index order as scipy's (so the results agree bit for bit). When
     * rows are long, two are summed side by side: each row's sum waits on its previous addition,
     * and two independent chains keep the adder busy where one would leave it idle half the time.
     * Short rows (fewer than {@value #PAIRED_FROM} values on average) gain less than the extra
     * loop bookkeeping costs and are summed one at a time.
     */
    private static void csrVector(int[] ptr, int[] idx, double[] v, double[] x, double[] y) {
        int rows = y.length;
        int r = 0;
        if ((long) ptr[rows] < (long) PAIRED_FROM * rows) {
            for (; r < rows; r++) {
                double acc = 0;
                for (int p = ptr[r], end = ptr[r + 1]; p < end; p++) acc += v[p] * x[idx[p]];
                y[r] = acc;
            }
            return;
        }
        for (; r + 1 < rows; r += 2) {
            int p0 = ptr[r];
            int p1 = ptr[r + 1];
            int end1 = ptr[r + 2];
            int len0 = p1 - p0;
            int len1 = end1 - p1;
            int common = Math.min(len0, len1);
            double acc0 = 0;
            double acc1 = 0;
            for (int t = 0; t < common; t++) {
                acc0 += v[p0 + t] * x[idx[p0 + t]];
                acc1 += v[p1 + t] * x[idx[p1 + t]];
            }
            for (int p = p0 + common, end = p1; p < end; p++) acc0 += v[p] * x[idx[p]];
            for (int p = p1 + common; p < end1; p++) acc1 += v[p] * x[idx[p]];
            y[r] = acc0;
            y[r + 1] = acc1;
        }
        if (r < rows) {
            double acc = 0;
            for (int p = ptr[r], end = ptr[r + 1]; p < end; p++) acc += v[p] * x[idx[p]];
            y[r] = acc;
        }
    }

    private static void cscVector(int[] ptr, int[] idx, double[] v, double[] x, double[] y) {
        for (int c = 0; c < ptr.length - 1; c++) {
            double xc = x[c];
            for (int p = ptr[c], end = ptr[c + 1]; p < end; p++) y[idx[p]] += v[p] * xc;
        }
    }

    private static void csrMatrix(int[] ptr, int[] idx, double[] v, double[] x, double[] y, int k) {
        for (int r = 0; r < ptr.length - 1; r++) {
            int out = r * k;
            for (int p = ptr[r], end = ptr[r + 1]; p < end; p++) {
                double w = v[p];
                int in = idx[p] * k;
                for (int j = 0; j < k; j++) y[out + j] += w * x[in + j];
            }
        }
    }

    private static void cscMatrix(int[] ptr, int[] idx, double[] v, double[] x, double[] y, int k) {
        for (int c = 0; c < ptr.length - 1; c++) {
            int in = c * k;
            for (int p = ptr[c], end = ptr[c + 1]; p < end; p++) {
                double w = v[p];
                int out = idx[p] * k;
                for (int j = 0; j < k; j++) y[out + j] += w * x[in + j];
            }
        }
    }

    private static void requireZeroFill(SparseArray<?> a, String op) {
        if (a.fill.getDoubleFlat(0) != 0) {
            throw new IllegalArgumentException(op + " needs a fill value of 0; this array's fill value is " + a.fillValue()
                    + "; use todense() or subtract the fill value first");
        }
    }
}
