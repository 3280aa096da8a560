package dev.footprint.sparse;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.array.Shapes;

/** Shape checks shared by the sparse formats. */
final class SparseShapes {
    private SparseShapes() {}

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
