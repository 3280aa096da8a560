package dev.footprint.zarr;

/** Copies a C-order block of elements into a larger C-order array: the one loop chunks are assembled with. */
final class Blocks {
    private Blocks() {}

    /**
     * Copies {@code src} (a primitive array holding a C-order block of {@code srcShape}) into
     * {@code dst} (a primitive array of the same type, C order, {@code dstShape}) at {@code origin}.
     */
    static void place(Object src, int[] srcShape, Object dst, int[] dstShape, int[] origin) {
        int nd = srcShape.length;
        if (nd == 0) {
            System.arraycopy(src, 0, dst, 0, 1);
            return;
        }
        long[] dstStrides = new long[nd];
        long s = 1;
        for (int i = nd - 1; i >= 0; i--) {
            dstStrides[i] = s;
            s *= dstShape[i];
        }
        int row = srcShape[nd - 1];
        long rows = 1;
        for (int i = 0; i < nd - 1; i++) {
            rows *= srcShape[i];
        }
        if (row == 0 || rows == 0) {
            return;
        }
        int[] at = new int[nd];
        int srcOff = 0;
        for (long r = 0; r < rows; r++) {
            long dstOff = origin[nd - 1];
            for (int i = 0; i < nd - 1; i++) {
                dstOff += (origin[i] + at[i]) * dstStrides[i];
            }
            System.arraycopy(src, srcOff, dst, (int) dstOff, row);
            srcOff += row;
            for (int i = nd - 2; i >= 0; i--) {
                if (++at[i] < srcShape[i]) {
                    break;
                }
                at[i] = 0;
            }
        }
    }

    /** The number of elements of {@code shape}. */
    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    static int[] toInts(long[] shape) {
        int[] r = new int[shape.length];
        for (int i = 0; i < r.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("axis " + i + " of length " + shape[i] + " is longer than an in-memory"
                        + " result can be (2^31 - 1); reduce or slice the store instead");
            }
            r[i] = (int) shape[i];
        }
        return r;
    }

    static long[] toLongs(int[] shape) {
        long[] r = new long[shape.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = shape[i];
        }
        return r;
    }
}
