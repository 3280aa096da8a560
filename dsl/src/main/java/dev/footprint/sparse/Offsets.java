package dev.footprint.sparse;

import dev.footprint.array.Shapes;
import java.util.Arrays;

/**
 * C-order linear offsets of sparse coordinates, always computed in {@code long} so that a narrow
 * index dtype (uint16 coordinates of a 1024 x 1024 array) never overflows while positions are
 * combined. Also the primitive stable argsort the formats need.
 */
final class Offsets {
    private Offsets() {}

    /** Number of elements of {@code shape}; refuses negative dimensions and a product past {@code Long.MAX_VALUE}. */
    static long size(long[] shape) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("negative dimensions are not allowed: shape "
                        + Shapes.text(shape) + " has " + shape[i] + " at axis " + i);
            }
        }
        for (long d : shape) {
            if (d == 0) {
                return 0;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Shapes.text(shape)
                        + " has more than 2^63-1 elements, too many to address");
            }
        }
        return n;
    }

    /** Offsets of the {@code nnz} coordinates held axis by axis in {@code coords} ({@code coords[axis * nnz + k]}). */
    static long[] linear(long[] coords, int nnz, long[] shape) {
        long[] out = new long[nnz];
        int ndim = shape.length;
        if (ndim == 0) {
            return out;
        }
        System.arraycopy(coords, 0, out, 0, nnz);
        for (int axis = 1; axis < ndim; axis++) {
            long dim = shape[axis];
            int base = axis * nnz;
            for (int k = 0; k < nnz; k++) {
                out[k] = out[k] * dim + coords[base + k];
            }
        }
        return out;
    }

    /** The coordinates (axis by axis) of C-order {@code offsets} in {@code shape}. */
    static long[] coordinates(long[] offsets, int nnz, long[] shape) {
        int ndim = shape.length;
        long[] coords = new long[ndim * nnz];
        if (ndim == 2) {
            long cols = shape[1];
            for (int k = 0; k < nnz; k++) {
                long row = offsets[k] / cols;
                coords[k] = row;
                coords[nnz + k] = offsets[k] - row * cols;
            }
            return coords;
        }
        for (int k = 0; k < nnz; k++) {
            long rest = offsets[k];
            for (int axis = ndim - 1; axis >= 0; axis--) {
                long dim = shape[axis];
                coords[axis * nnz + k] = rest % dim;
                rest /= dim;
            }
        }
        return coords;
    }

    static boolean strictlyIncreasing(long[] keys) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] <= keys[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The permutation that sorts {@code keys} ascending, stable (a merge sort on primitives). */
    static int[] argsort(long[] keys) {
        int n = keys.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        int[] buf = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, o = lo;
                while (i < mid && j < hi) {
                    buf[o++] = keys[perm[j]] < keys[perm[i]] ? perm[j++] : perm[i++];
                }
                while (i < mid) buf[o++] = perm[i++];
                while (j < hi) buf[o++] = perm[j++];
            }
            int[] t = perm;
            perm = buf;
            buf = t;
        }
        return perm;
    }

    static long[] permute(long[] values, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) out[i] = values[perm[i]];
        return out;
    }

    /**
     * A stable counting sort by small integer keys in {@code 0..buckets-1}: the permutation, and
     * {@code starts} (length buckets + 1) filled with where each bucket begins. O(n + buckets).
     */
    static int[] countingSort(long[] keys, int buckets, int[] starts) {
        Arrays.fill(starts, 0);
        for (long k : keys) {
            starts[(int) k + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        int[] next = Arrays.copyOf(starts, buckets);
        int[] perm = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            perm[next[(int) keys[i]]++] = i;
        }
        return perm;
    }
}
