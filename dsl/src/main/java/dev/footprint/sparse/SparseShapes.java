package dev.footprint.sparse;

import dev.footprint.array.ShapeMismatchException;

/** Shape checks shared by the sparse formats. */
final class SparseShapes {
    private SparseShapes() {}

    /** {@code newShape} with one -1 resolved; refuses a different size. */
    static long[] resolve(long[] newShape, long size, long[] oldShape) {
        long[] out = newShape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("cannot reshape to " + SparseText.shape(newShape)
                        + ": only one dimension may be -1 and none may be negative");
            } else {
                known = Math.multiplyExact(known, out[i]);
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new ShapeMismatchException("cannot reshape an array of size " + size + " into shape "
                        + SparseText.shape(newShape));
            }
            out[unknown] = size / known;
        }
        if (Offsets.size(out) != size) {
            throw new ShapeMismatchException("cannot reshape an array of shape " + SparseText.shape(oldShape)
                    + " (size " + size + ") into shape " + SparseText.shape(newShape));
        }
        return out;
    }

    static void require2d(long[] shape, String what) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(what + " needs a 2-d array, this one has shape " + SparseText.shape(shape)
                    + "; reshape it first");
        }
    }

    static void requireSameShape(long[] a, long[] b, String what) {
        if (!java.util.Arrays.equals(a, b)) {
            throw new ShapeMismatchException(what + " needs arrays of the same shape, got " + SparseText.shape(a)
                    + " and " + SparseText.shape(b));
        }
    }
}
