package dev.footprint.io;

/**
 * Walks the elements of an array in Fortran order (first axis fastest) and yields, for each,
 * its index in C order. Lets a Fortran-ordered file be scattered straight into a C-order array
 * without a second full copy.
 */
final class FortranCursor {
    private final int[] shape;
    private final int[] cStrides;
    private final int[] position;
    private int cIndex;

    FortranCursor(int[] shape) {
        this.shape = shape;
        this.cStrides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            cStrides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        this.position = new int[shape.length];
    }

    /** Fills {@code targets[0..n)} with the C-order indices of the next {@code n} elements. */
    void next(int[] targets, int n) {
        for (int k = 0; k < n; k++) {
            targets[k] = cIndex;
            advance();
        }
    }

    private void advance() {
        for (int axis = 0; axis < shape.length; axis++) {
            if (++position[axis] < shape[axis]) {
                cIndex += cStrides[axis];
                return;
            }
            cIndex -= (shape[axis] - 1) * cStrides[axis];
            position[axis] = 0;
        }
    }
}
