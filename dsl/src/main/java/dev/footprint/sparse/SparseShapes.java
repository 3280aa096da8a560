package dev.footprint.sparse;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.array.Shapes;

/** Shape checks shared by the sparse formats. */
final class SparseShapes {
    private SparseShapes() {}

    /** {@code newShape} with one -1 resolved; refuses a different size. */
    static long[] resolve(long[] newShape, long size, long[] oldShape) {
        long[] out = newShape.clone();
        int unknown = -1;
        // Exact: a product past 2^63 cannot equal the size, so it is refused as a size mismatch, not as an overflow.
        java.math.BigInteger known = java.math.BigInteger.ONE;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("cannot reshape to " + Shapes.text(newShape)
                        + ": only one dimension may be -1 and none may be negative");
            } else {
                known = known.multiply(java.math.BigInteger.valueOf(out[i]));
            }
        }
        if (unknown >= 0) {
            java.math.BigInteger big = java.math.BigInteger.valueOf(size);
            if (known.signum() == 0 || big.mod(known).signum() != 0) {
                throw new ShapeMismatchException("cannot reshape an array of size " + size + " into shape "
                        + Shapes.text(newShape));
            }
            out[unknown] = big.divide(known).longValueExact();
        } else if (!known.equals(java.math.BigInteger.valueOf(size))) {
            throw new ShapeMismatchException("cannot reshape an array of shape " + Shapes.text(oldShape)
                    + " (size " + size + ") into shape " + Shapes.text(newShape));
        }
        if (Offsets.size(out) != size) {
            throw new ShapeMismatchException("cannot reshape an array of shape " + Shapes.text(oldShape)
                    + " (size " + size + ") into shape " + Shapes.text(newShape));
        }
        return out;
    }

    /**
     * The length of a dense result with one element per index of an axis of {@code length}
     * ({@code what} of an array of {@code shape}), refused in the user's numbers when no array holds it.
     */
    static int denseLength(long length, String what, long[] shape) {
        if (length > Shapes.MAX_SIZE) {
            throw new ArrayAllocationException(what + " of a " + Shapes.text(shape) + " array would have " + length
                    + " elements, more than the " + Shapes.MAX_SIZE + " one dense array can hold");
        }
        return (int) length;
    }

    static void require2d(long[] shape, String what) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(what + " needs a 2-d array, this one has shape " + Shapes.text(shape)
                    + "; reshape it first");
        }
    }

    static void requireSameShape(long[] a, long[] b, String what) {
        if (!java.util.Arrays.equals(a, b)) {
            throw new ShapeMismatchException(what + " needs arrays of the same shape, got " + Shapes.text(a)
                    + " and " + Shapes.text(b));
        }
    }
}
