package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * COO to CSR/CSC and back. A canonical COO is already in row order, so CSR shares its data,
 * narrows the column coordinates to the index dtype and finds where each row starts by searching
 * the sorted rows; CSC reorders by a stable counting sort on the columns. O(nnz + dimension).
 */
final class Compression {
    private Compression() {}

    /** scipy's choice: int32 while nnz and every dimension fit it, else int64. */
    static DType defaultIndexType(long[] shape, long nnz) {
        long largest = Math.max(nnz, Math.max(shape[0], shape[1]));
        return largest <= Integer.MAX_VALUE ? DType.INT32 : DType.INT64;
    }

    /** The parts of a compressed array, made into one of a format. */
    private interface Parts<C> {
        C make(NDArray data, NDArray indices, NDArray indptr, NDArray fill, long[] shape);
    }

    /** {@code coo} as CSR, with indices and indptr in {@code indexType} ({@code null}: scipy's default, {@link #defaultIndexType}). */
    static CsrArray toCsr(CooArray coo, DType indexType) {
        return compress(coo, 0, indexType, CsrArray::trusted);
    }

    /** {@code coo} as CSC, as {@link #toCsr}. */
    static CscArray toCsc(CooArray coo, DType indexType) {
        return compress(coo, 1, indexType, CscArray::trusted);
    }

    private static <C> C compress(CooArray coo, int axis, DType indexType, Parts<C> parts) {
        SparseShapes.require2d(coo.shape, axis == 0 ? "CSR" : "CSC");
        long majorDim = coo.shape[axis];
        if (majorDim >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException((axis == 0 ? "CSR" : "CSC") + " needs fewer than 2^31-1 "
                    + (axis == 0 ? "rows" : "columns") + "; this array has " + majorDim + "; keep it as COO");
        }
        int n = (int) coo.nnz();
        int majors = (int) majorDim;
        DType t = indexType != null ? indexType : defaultIndexType(coo.shape, n);
        NDArray coords = coo.coords();
        int[] indptr = new int[majors + 1];
        NDArray indices;
        NDArray data;
        if (axis == 0) {
            long[] c = IndexArrays.longs(coords);
            rowPointers(c, n, indptr);
            indices = minorIndices(c, n, t);
            data = coo.data();
        } else {
            long[] c = IndexArrays.longs(coords);
            long[] cols = java.util.Arrays.copyOfRange(c, n, 2 * n);
            int[] perm = Offsets.countingSort(cols, majors, indptr);
            long[] rows = new long[n];
            for (int k = 0; k < n; k++) rows[k] = c[perm[k]];
            indices = IndexArrays.encode(t, rows);
            data = Values.take(coo.data(), perm);
        }
        NDArray ptr = IndexArrays.encode(t, indptr);
        return parts.make(data, indices, ptr, coo.fill, coo.shape);
    }

    /**
     * Index pointers of rows sorted in {@code c[0, n)} (a canonical COO is in C order): for each
     * row, a galloping search from where the previous row ended finds where it ends, so the cost
     * grows with the number of rows times the log of their lengths, not with nnz.
     */
    static void rowPointers(long[] c, int n, int[] indptr) {
        int rows = indptr.length - 1;
        int lo = 0;
        for (int r = 0; r < rows; r++) {
            // invariant: every entry before lo has a row < r; find the first entry with a row > r
            if (lo < n && c[lo] <= r) {
                int step = 1;
                int hi = lo + 1;
                while (hi < n && c[hi] <= r) {
                    lo = hi;
                    step <<= 1;
                    hi = (int) Math.min((long) lo + step, n);
                }
                // c[lo] <= r, and c[hi] > r or hi == n: the end lies in (lo, hi]
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (c[mid] <= r) lo = mid; else hi = mid;
                }
                lo = hi;
            }
            indptr[r + 1] = lo;
        }
    }

    /** The column coordinates {@code c[n, 2n)} in the index dtype; int32 (the default) in one narrowing loop. */
    private static NDArray minorIndices(long[] c, int n, DType t) {
        if (t == DType.INT32) {
            int[] out = new int[n];
            for (int k = 0; k < n; k++) out[k] = (int) c[n + k];
            return NDArray.wrap(t, out, n);
        }
        return IndexArrays.encode(t, c, n, n, n);
    }

    /** CSR/CSC back to canonical COO (int64 coordinates, C order). */
    static CooArray expand(CompressedArray a) {
        int n = (int) a.nnz();
        long[] ptr = IndexArrays.longs(a.indptr());
        long[] minor = IndexArrays.longs(a.indices());
        long[] offsets = new long[n];
        int majors = ptr.length - 1;
        long cols = a.shape[1];
        boolean csr = a.compressedAxis() == 0;
        boolean sorted = true;
        long prev = -1;
        for (int m = 0; m < majors; m++) {
            for (long k = ptr[m]; k < ptr[m + 1]; k++) {
                int kk = (int) k;
                long off = csr ? m * cols + minor[kk] : minor[kk] * cols + m;
                offsets[kk] = off;
                sorted &= off > prev;
                prev = off;
            }
        }
        NDArray data = a.data();
        if (!sorted) {
            int[] perm = Offsets.argsort(offsets);
            offsets = Offsets.permute(offsets, perm);
            for (int i = 1; i < n; i++) {
                if (offsets[i] == offsets[i - 1]) {
                    throw new IllegalArgumentException("position " + java.util.Arrays.toString(
                            Offsets.coordinates(new long[] {offsets[i]}, 1, a.shape)) + " is stored twice");
                }
            }
            data = Values.take(data, perm);
        }
        return CooArray.fromOffsets(offsets, data, a.fill, a.shape, DType.INT64);
    }
}
