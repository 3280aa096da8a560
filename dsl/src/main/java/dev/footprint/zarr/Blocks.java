package dev.footprint.zarr;

/** Copies a C-order block of elements into a larger C-order array: the one loop chunks are assembled with. */
final class Blocks {
    private Blocks() {}

    /**
     * Copies {@code src} (a primitive array holding a C-order block of {@code srcShape}) into
     * {@code dst} (a primitive array of the same type, C order, {@code dstShape}) at {@code origin}.
     */
    static void place(Object src, int[] srcShape, Object dst, int[] dstShape, int[] origin) {
        Rows.forEach(srcShape, srcShape, new int[srcShape.length], dstShape, origin,
                (from, to, n) -> System.arraycopy(src, from, dst, to, n));
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
