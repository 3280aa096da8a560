package dev.footprint.zarr;

/**
 * Walks the rows (runs along the last axis) of a block lying inside two C-order arrays. Offsets
 * are longs: one of the arrays may be a whole in-memory result of more than 2^31 elements.
 */
final class Rows {
    /** One row: where it starts in each array (in elements) and its length. */
    interface Row {
        void copy(long fromOffset, long toOffset, int length);
    }

    private Rows() {}

    /**
     * Calls {@code row} for each row of {@code block}, which lies at {@code fromOrigin} in an
     * array of {@code fromShape} and at {@code toOrigin} in one of {@code toShape}.
     */
    static void forEach(int[] block, long[] fromShape, long[] fromOrigin, long[] toShape, long[] toOrigin, Row row) {
        int nd = block.length;
        if (nd == 0) {
            row.copy(0, 0, 1);
            return;
        }
        for (int b : block) {
            if (b == 0) {
                return;
            }
        }
        long[] fromStrides = strides(fromShape);
        long[] toStrides = strides(toShape);
        int[] at = new int[nd];
        int length = block[nd - 1];
        while (true) {
            long from = fromOrigin[nd - 1];
            long to = toOrigin[nd - 1];
            for (int i = 0; i < nd - 1; i++) {
                from += (fromOrigin[i] + at[i]) * fromStrides[i];
                to += (toOrigin[i] + at[i]) * toStrides[i];
            }
            row.copy(from, to, length);
            int i = nd - 2;
            while (i >= 0 && ++at[i] == block[i]) {
                at[i] = 0;
                i--;
            }
            if (i < 0) {
                return;
            }
        }
    }

    private static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long n = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = n;
            n *= shape[i];
        }
        return s;
    }
}
