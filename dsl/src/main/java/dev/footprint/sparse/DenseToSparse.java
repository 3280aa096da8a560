package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * Dense to COO in two primitive passes over the dense storage: count the elements whose bits
 * differ from the fill value's, then copy them and their flat positions. One loop per storage
 * type, no boxing and no per-element calls.
 */
final class DenseToSparse {
    private DenseToSparse() {}

    static CooArray coo(NDArray a, NDArray fill) {
        Object src = a.contiguousData();
        int n = (int) a.size();
        long fillBits = Values.bitsOf(fill);
        long[] shape = a.shape();
        int ndim = shape.length;
        int nnz = count(a.dtype(), src, n, fillBits);
        int[] positions = new int[nnz];
        Object values = gather(a.dtype(), src, n, fillBits, positions);
        long[] coords = new long[ndim * nnz];
        if (ndim == 1) {
            for (int k = 0; k < nnz; k++) coords[k] = positions[k];
        } else if (ndim == 2) {
            int cols = (int) shape[1];
            for (int k = 0; k < nnz; k++) {
                int p = positions[k];
                int row = p / cols;
                coords[k] = row;
                coords[nnz + k] = p - row * cols;
            }
        } else if (ndim > 2) {
            for (int k = 0; k < nnz; k++) {
                int rest = positions[k];
                for (int axis = ndim - 1; axis >= 0; axis--) {
                    int dim = (int) shape[axis];
                    coords[axis * nnz + k] = rest % dim;
                    rest /= dim;
                }
            }
        }
        NDArray coordArray = NDArray.wrap(DType.INT64, coords, ndim, nnz);
        return new CooArray(coordArray, NDArray.wrap(a.dtype(), values, nnz), fill, shape, true);
    }

    private static int count(DType t, Object src, int n, long fillBits) {
        int nnz = 0;
        switch (t.storage()) {
            case BYTE -> {
                byte[] s = (byte[]) src;
                byte f = (byte) fillBits;
                for (int i = 0; i < n; i++) if (s[i] != f) nnz++;
            }
            case SHORT -> {
                short[] s = (short[]) src;
                short f = (short) fillBits;
                for (int i = 0; i < n; i++) if (s[i] != f) nnz++;
            }
            case INT -> {
                int[] s = (int[]) src;
                int f = (int) fillBits;
                for (int i = 0; i < n; i++) if (s[i] != f) nnz++;
            }
            case LONG -> {
                long[] s = (long[]) src;
                for (int i = 0; i < n; i++) if (s[i] != fillBits) nnz++;
            }
            case FLOAT -> {
                float[] s = (float[]) src;
                int f = (int) fillBits;
                for (int i = 0; i < n; i++) if (Float.floatToRawIntBits(s[i]) != f) nnz++;
            }
            case DOUBLE -> {
                double[] s = (double[]) src;
                for (int i = 0; i < n; i++) if (Double.doubleToRawLongBits(s[i]) != fillBits) nnz++;
            }
        }
        return nnz;
    }

    /** Copies the stored elements into a new primitive array and their flat positions into {@code pos}. */
    private static Object gather(DType t, Object src, int n, long fillBits, int[] pos) {
        int nnz = pos.length;
        int k = 0;
        switch (t.storage()) {
            case BYTE -> {
                byte[] s = (byte[]) src;
                byte f = (byte) fillBits;
                byte[] d = new byte[nnz];
                for (int i = 0; i < n; i++) if (s[i] != f) { d[k] = s[i]; pos[k++] = i; }
                return d;
            }
            case SHORT -> {
                short[] s = (short[]) src;
                short f = (short) fillBits;
                short[] d = new short[nnz];
                for (int i = 0; i < n; i++) if (s[i] != f) { d[k] = s[i]; pos[k++] = i; }
                return d;
            }
            case INT -> {
                int[] s = (int[]) src;
                int f = (int) fillBits;
                int[] d = new int[nnz];
                for (int i = 0; i < n; i++) if (s[i] != f) { d[k] = s[i]; pos[k++] = i; }
                return d;
            }
            case LONG -> {
                long[] s = (long[]) src;
                long[] d = new long[nnz];
                for (int i = 0; i < n; i++) if (s[i] != fillBits) { d[k] = s[i]; pos[k++] = i; }
                return d;
            }
            case FLOAT -> {
                float[] s = (float[]) src;
                int f = (int) fillBits;
                float[] d = new float[nnz];
                for (int i = 0; i < n; i++) if (Float.floatToRawIntBits(s[i]) != f) { d[k] = s[i]; pos[k++] = i; }
                return d;
            }
            default -> {
                double[] s = (double[]) src;
                double[] d = new double[nnz];
                for (int i = 0; i < n; i++) if (Double.doubleToRawLongBits(s[i]) != fillBits) { d[k] = s[i]; pos[k++] = i; }
                return d;
            }
        }
    }
}
