package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.Arrays;

/**
 * COO to dense: fill the new array with the fill value (skipped when its bits are zero, since
 * new arrays are zeroed), then write each stored value at its C-order offset. One loop per
 * storage type.
 */
final class SparseToDense {
    private SparseToDense() {}

    static NDArray todense(CooArray c) {
        NDArray out = NDArray.allocate(c.dtype(), c.shape);
        Object dst = out.contiguousData();
        long fillBits = Values.bitsOf(c.fill);
        int nnz = (int) c.nnz();
        int[] at = positions(c, nnz);
        Object src = c.data().contiguousData();
        switch (c.dtype().storage()) {
            case BYTE -> {
                byte[] d = (byte[]) dst;
                byte[] s = (byte[]) src;
                if (fillBits != 0) Arrays.fill(d, (byte) fillBits);
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case SHORT -> {
                short[] d = (short[]) dst;
                short[] s = (short[]) src;
                if (fillBits != 0) Arrays.fill(d, (short) fillBits);
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case INT -> {
                int[] d = (int[]) dst;
                int[] s = (int[]) src;
                if (fillBits != 0) Arrays.fill(d, (int) fillBits);
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case LONG -> {
                long[] d = (long[]) dst;
                long[] s = (long[]) src;
                if (fillBits != 0) Arrays.fill(d, fillBits);
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case FLOAT -> {
                float[] d = (float[]) dst;
                float[] s = (float[]) src;
                if (fillBits != 0) Arrays.fill(d, Float.intBitsToFloat((int) fillBits));
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
            case DOUBLE -> {
                double[] d = (double[]) dst;
                double[] s = (double[]) src;
                if (fillBits != 0) Arrays.fill(d, Double.longBitsToDouble(fillBits));
                for (int k = 0; k < nnz; k++) d[at[k]] = s[k];
            }
        }
        return out;
    }

    /** Flat offsets of the stored values; the dense array exists, so they fit an int. */
    private static int[] positions(CooArray c, int nnz) {
        int[] at = new int[nnz];
        NDArray coords = c.coords();
        if (c.ndim() == 2 && coords.dtype() == DType.INT64) {
            long[] xy = (long[]) coords.contiguousData();
            long cols = c.shape[1];
            for (int k = 0; k < nnz; k++) at[k] = (int) (xy[k] * cols + xy[nnz + k]);
            return at;
        }
        long[] offsets = c.offsets();
        for (int k = 0; k < nnz; k++) at[k] = (int) offsets[k];
        return at;
    }
}
