package dev.footprint.array;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reshape, transpose, slices, copies and bitwise comparison: everything that moves storage around unchanged. */
final class Views {
    private static final int CHUNK = OffsetCursor.CHUNK;

    private Views() {}

    /** Copies {@code src} into the C-order array {@code dst} of the same dtype and shape, bit for bit. */
    static void copyInto(NDArray src, NDArray dst) {
        if (src.isContiguous()) {
            // In runs of at most 2^30, as the storage copies take an int count (one run on the heap).
            for (long done = 0; done < src.size; ) {
                int m = (int) Math.min(1 << 30, src.size - done);
                src.storage.copyTo(null, src.offset + done, m, dst.storage, dst.offset + done);
                done += m;
            }
            return;
        }
        OffsetCursor c = new OffsetCursor(src.shape, src.strides, src.offset);
        int[] offs = new int[CHUNK];
        long pos = dst.offset;
        int n;
        while ((n = c.next(offs)) > 0) {
            src.storage.copyTo(offs, c.base(), n, dst.storage, pos);
            pos += n;
        }
    }

    /** Whether two arrays of one dtype and shape hold the same bits in every element. */
    static boolean sameBits(NDArray a, NDArray b) {
        NDArray x = a.isContiguous() ? a : a.copy();
        NDArray y = b.isContiguous() ? b : b.copy();
        return x.storage.sameBits(x.offset, y.storage, y.offset, x.size);
    }

    static NDArray reshape(NDArray a, long... newShape) {
        long[] target = Shapes.reshaped(a.shape(), a.size, newShape);
        int[] s = Shapes.checked(target);
        NDArray base = a.isContiguous() ? a : a.copy();
        return new NDArray(a.dtype, s, Shapes.stridesOf(s), base.offset, base);
    }

    static NDArray transpose(NDArray a, int[] axes) {
        int nd = a.ndim();
        int[] perm = new int[nd];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < nd; i++) perm[i] = nd - 1 - i;
        } else {
            if (axes.length != nd) {
                throw new IllegalArgumentException("axes " + Arrays.toString(axes) + " don't match an array of dimension " + nd);
            }
            boolean[] seen = new boolean[nd];
            for (int i = 0; i < nd; i++) {
                int ax = axes[i] < 0 ? axes[i] + nd : axes[i];
                if (ax < 0 || ax >= nd || seen[ax]) {
                    throw new IllegalArgumentException("axes " + Arrays.toString(axes) + " are not a permutation of 0.." + (nd - 1));
                }
                seen[ax] = true;
                perm[i] = ax;
            }
        }
        int[] shape = new int[nd];
        long[] strides = new long[nd];
        for (int i = 0; i < nd; i++) {
            shape[i] = a.shape[perm[i]];
            strides[i] = a.strides[perm[i]];
        }
        return new NDArray(a.dtype, shape, strides, a.offset, a);
    }

    /** NumPy basic indexing: entries {@code start:stop:step}, an integer, {@code :}, or {@code ...}. */
    static NDArray slice(NDArray a, String spec) {
        Arguments.notNull(spec, "spec");
        List<SliceSpec.Axis> axes = SliceSpec.parse(spec, a.shape());
        List<Integer> shape = new ArrayList<>();
        List<Long> strides = new ArrayList<>();
        long offset = a.offset;
        for (int axis = 0; axis < a.ndim(); axis++) {
            SliceSpec.Axis x = axes.get(axis);
            if (x.dropped()) {
                offset += x.start() * a.strides[axis];
                continue;
            }
            shape.add((int) x.count());
            // With two or more elements the step stays inside the storage, so its stride is exact.
            strides.add(x.count() > 1 ? Math.multiplyExact(a.strides[axis], x.step()) : a.strides[axis]);
            if (x.count() > 0) {
                offset += x.start() * a.strides[axis];
            }
        }
        return new NDArray(a.dtype, shape.stream().mapToInt(Integer::intValue).toArray(),
                strides.stream().mapToLong(Long::longValue).toArray(), offset, a);
    }
}
