package dev.footprint.bench;

import static dev.footprint.Footprint.*;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CsrArray;

/**
 * The sparse operations that are compared with pydata {@code sparse} and scipy, in one place:
 * the comparison and its correctness test call these. Each mirrors one Python line of
 * {@code compare.py}, given in its Javadoc ({@code s} is a pydata {@code COO}, {@code m} a scipy
 * {@code csr_matrix}).
 */
public final class SparseOperations {
    private SparseOperations() {}

    /**
     * The inputs of one size and density, the same numbers as {@code compare.py} makes: both
     * sides draw from one counter-based generator (SplitMix64 of the element's index), so no
     * random-number library has to agree with another.
     */
    public static final class Inputs {
        public final int n;
        public final double density;
        /** {@code u = uniform(n * n, seed).reshape(n, n); a = np.where(u < density, u, 0.0)} */
        public final NDArray dense;
        /** {@code s = sparse.COO.from_numpy(a)} */
        public final CooArray coo;
        /** {@code m = s.tocsr()} */
        public final CsrArray csr;
        /** {@code x = uniform(n, seed + 1)} */
        public final NDArray vector;

        public Inputs(int n, double density, long seed) {
            this.n = n;
            this.density = density;
            double[] u = uniform(n * n, seed);
            for (int i = 0; i < u.length; i++) {
                if (!(u[i] < density)) {
                    u[i] = 0.0;
                }
            }
            this.dense = NDArray.wrap(DType.FLOAT64, u, n, n);
            this.coo = sparse.coo(dense);
            this.csr = coo.tocsr();
            this.vector = NDArray.wrap(DType.FLOAT64, uniform(n, seed + 1), n);
        }
    }

    /**
     * {@code count} doubles uniform in [0, 1): SplitMix64 of {@code seed + (i + 1) * golden},
     * top 53 bits scaled by 2^-53. {@code compare.py} computes the same with NumPy's uint64 lanes.
     */
    public static double[] uniform(int count, long seed) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            long z = seed + (i + 1L) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            out[i] = (z >>> 11) * 0x1.0p-53;
        }
        return out;
    }

    /** {@code sparse.COO.from_numpy(a)} */
    public static CooArray coo(NDArray a) {
        return sparse.coo(a);
    }

    /** {@code s.todense()} */
    public static NDArray todense(CooArray s) {
        return s.todense();
    }

    /** {@code s.tocsr()}: pydata's own COO to scipy CSR (int32 indices, as scipy chooses). */
    public static CsrArray tocsr(CooArray s) {
        return s.tocsr();
    }

    /** {@code m @ x}: scipy's CSR matrix times a dense vector. */
    public static NDArray matvec(CsrArray m, NDArray x) {
        return m.matvec(x);
    }
}
