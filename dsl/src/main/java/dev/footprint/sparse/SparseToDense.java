package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.Arrays;

/**
 * COO to dense: fill the new array with the fill value (skipped when its bits are zero, since
 * new arrays are zeroed), then write each stored value at its C-order offset. One loop per
 * storage type; the offsets of a 2-d array with int64 coordinates (the default) are computed in
 * the loop from the coordinates in place, with no array of offsets in between.
 */
final class SparseToDense {
    private SparseToDense() {}

    static NDArray todense(CooArray c) {
        NDArray out = NDArray.allocate(c.dtype(), c.shape);
        Object dst = out.contiguousData();
        long fillBits = Values.bitsOf(c.fill);
        int nnz = (int) c.nnz();
        Object src = c.data().contiguousData();
        if (fillBits != 0) {
            fill(c.dtype(), dst, fillBits);
        }
        NDArray coords = c.coords();
        if (c.ndim() == 2 && coords.dtype() == DType.INT64) {
            scatter2d(c.dtype(), src, dst, (long[]) coords.contiguousData(), nnz, c.shape[1]);
        } else {
            scatter(c.dtype(), src, dst, positions(c, nnz), nnz);
        }
        return out;
    }

    private static void fill(DType t, Object dst, long fillBits) {
        switch (t.storage()) {
            case BYTE -> Arrays.fill((byte[]) dst, (byte) fillBits);
            case SHORT -> Arrays.fill((short[]) dst, (short) fillBits);
            case INT -> Arrays.fill((int[]) dst, (int) fillBits);
            case LONG -> Arrays.fill((long[]) dst, fillBits);
            case FLOAT -> Arrays.fill((float[]) dst, Float.intBitsToFloat((int) fillBits));
            case DOUBLE -> Arrays.fill((double[]) dst, Double.longBitsToDouble(fillBits));
        }
    }

    /**
     * The common case, int64 coordinates of a 2-d array, read in place: rows in {@code xy[0, nnz)},
     * columns in {@code xy[nnz, 2 nnz)}; the dense array exists, so every offset fits an int.
     */
    private static void scatter2d(DType t, Object src, Object dst, long[] xy, int nnz, long cols) {
        switch (t.storage()) {
            case BYTE -> {
                byte[] d = (byte[]) dst;
                byte[] s = (byte[]) src;
                for (int k = 0; k < nnz; k++) d[(int) (xy[k] * cols + xy[nnz + k])] = s[k];
            }
            case SHORT -> {
                short[] d = (short[]) dst;
                short[] s = (short[]) src;
                for (int k = 0; k < nnz; k++) d[(int) (xy[k] * cols + xy[nnz + k])] = s[k];
            }
            case INT -> {
                int[] d = (int[]) dst;
                int[] s = (int[]) src;
                for (int k = 0; k < nnz; k++) d[(int) (xy[k] * cols + xy[nnz + k])] = s[k];
            }
            case LONG -> {
                long[] d = (long[]) dst;
                long[] s = (long[]) src;
                for (int k = 0; k < nnz; k++) d[(int) (xy[k] * cols + xy[nnz + k])] = s[k];
            }
            case FLOAT -> {
                float[] d = (float[]) dst;
                float[] s = (float[]) src;
                for (int k = 0; k < nnz; k++) d[(int) (xy[k] * cols + xy[nnz + k])] = s[k];
            }
            case DOUBLE -> {
                double[] d = (double[]) dst;
                double[] s = (double[]) src;
                for (int k = 0; k < nnz; k++) d[(int) (xy[k] * cols + xy[nnz + k])] = s[k];
            }
        }
    }

    private static void scatter(DType t, Object src, Object dst, int[] at, int nnz) {
        switch (t.storage()) {
            case BYTE -> {
                byte[] d = (byte[]) dst;
                byte[] s = (byte[]) src;
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case SHORT -> {
                short[] d = (short[]) dst;
                short[] s = (short[]) src;
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case INT -> {
                int[] d = (int[]) dst;
                int[] s = (int[]) src;
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case LONG -> {
                long[] d = (long[]) dst;
                long[] s = (long[]) src;
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case FLOAT -> {
                float[] d = (float[]) dst;
                float[] s = (float[]) src;
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case DOUBLE -> {
                double[] d = (double[]) dst;
                double[] s = (double[]) src;
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
        }
    }

    /** Flat offsets of the stored values; the dense array exists, so they fit an int. */
    private static int[] positions(CooArray c, int nnz) {
        int[] at = new int[nnz];
        long[] offsets = c.offsets();
        for (int k = 0; k < nnz; k++) at[k] = (int) offsets[k];
        return at;
    }
}
