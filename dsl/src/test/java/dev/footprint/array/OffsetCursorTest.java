package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Offsets come in chunks relative to each chunk's base, cut where one would leave the int range. */
class OffsetCursorTest {
    /** Every offset the cursor gives, absolute, in order. */
    private static long[] walk(int[] shape, long[] strides, long offset, int chunk, int[] lengths) {
        OffsetCursor c = new OffsetCursor(shape, strides, offset);
        int[] out = new int[chunk];
        long[] all = new long[(int) Shapes.size(shape)];
        int at = 0;
        int k = 0;
        int n;
        while ((n = c.next(out)) > 0) {
            if (lengths != null) {
                lengths[k++] = n;
            }
            for (int i = 0; i < n; i++) {
                all[at++] = c.base() + out[i];
            }
        }
        assertEquals(all.length, at);
        return all;
    }

    @Test
    void hugeStridesCutChunksAndKeepEveryOffsetExact() {
        long big = 3_000_000_000L;
        int[] lengths = new int[8];
        long[] all = walk(new int[] {3, 4}, new long[] {big, 1}, 7, 2048, lengths);
        long[] expected = new long[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                expected[i * 4 + j] = 7 + i * big + j;
            }
        }
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(all));
        // Each row of 4 is its own chunk: the next row lies 3e9 elements on.
        assertEquals("[4, 4, 4, 0, 0, 0, 0, 0]", java.util.Arrays.toString(lengths));
    }

    @Test
    void aStrideAlongTheLastAxisPastTheIntRangeGivesOneOffsetPerChunk() {
        long[] all = walk(new int[] {2, 3}, new long[] {1, -2_500_000_000L}, 6_000_000_000L, 16, null);
        assertEquals("[6000000000, 3500000000, 1000000000, 6000000001, 3500000001, 1000000001]",
                java.util.Arrays.toString(all));
    }

    @Test
    void ordinaryViewsComeInFullChunks() {
        int[] lengths = new int[4];
        long[] all = walk(new int[] {3, 5}, new long[] {-5, 2}, 40, 8, lengths);
        assertEquals("[8, 7, 0, 0]", java.util.Arrays.toString(lengths));
        assertEquals(40 - 10 + 8, all[14]);
    }
}
