package dev.footprint.storage;

/**
 * Marking and gathering over one primitive array: which elements' bits differ from a fill
 * value's, 64 elements to a {@code long} of marks, and the marked elements read off the set bits.
 *
 * <p>The marking loops have no branch per element: the bits XOR the fill's bits are zero exactly
 * when the element equals the fill, and {@code (x | -x) >>> 63} is 1 for any other {@code x}. A
 * branch per element would be mispredicted whenever marked and unmarked elements are mixed;
 * doubles add one test per 16 elements while few are marked, where it is predictable. The
 * gathering loops visit only the set bits, so they cost little when few are marked.
 */
final class MarkLoops {
    /** Double marking skips groups of fill values while fewer than 1 in this many elements are marked. */
    static final int SKIP_BELOW = 32;

    private MarkLoops() {}

    /** 1 when {@code x != 0}, else 0, without a branch. */
    private static long nonzero(long x) {
        return (x | -x) >>> 63;
    }

    /** 1 when {@code x != 0}, else 0, without a branch. */
    private static long nonzero(int x) {
        return (x | -x) >>> 31;
    }

    /**
     * Sets bit {@code i % 64} of {@code marks[i / 64]} for each {@code i < n} whose
     * {@code src[from + i]} has other bits than {@code fill}'s low bits; returns how many. (The
     * marks start at index 0: an offset there makes the loops measurably slower.)
     */
    static int mark(Encoding.Primitive p, Object src, int from, int n, long fill, long[] marks) {
        return switch (p) {
            case BYTE -> markBytes((byte[]) src, from, n, (byte) fill, marks);
            case SHORT -> markShorts((short[]) src, from, n, (short) fill, marks);
            case INT -> markInts((int[]) src, from, n, (int) fill, marks);
            case LONG -> markLongs((long[]) src, from, n, fill, marks);
            case FLOAT -> markFloats((float[]) src, from, n, (int) fill, marks);
            case DOUBLE -> markDoubles((double[]) src, from, n, fill, marks);
        };
    }

    private static int markBytes(byte[] s, int from, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = from + (b << 6);
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full << 6 < n) {
            int base = from + (full << 6);
            long m = 0;
            for (int j = 0; j < n - (full << 6); j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markShorts(short[] s, int from, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = from + (b << 6);
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full << 6 < n) {
            int base = from + (full << 6);
            long m = 0;
            for (int j = 0; j < n - (full << 6); j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markInts(int[] s, int from, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = from + (b << 6);
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full << 6 < n) {
            int base = from + (full << 6);
            long m = 0;
            for (int j = 0; j < n - (full << 6); j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markLongs(long[] s, int from, int n, long f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = from + (b << 6);
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full << 6 < n) {
            int base = from + (full << 6);
            long m = 0;
            for (int j = 0; j < n - (full << 6); j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markFloats(float[] s, int from, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = from + (b << 6);
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(Float.floatToRawIntBits(s[base + j]) ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full << 6 < n) {
            int base = from + (full << 6);
            long m = 0;
            for (int j = 0; j < n - (full << 6); j++) m |= nonzero(Float.floatToRawIntBits(s[base + j]) ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    /**
     * Doubles (float64 is the default dtype) also take a shortcut while few are marked: a group of
     * 16 elements whose bits all equal the fill's (their XORs OR to zero) is skipped after one
     * test. The test is a branch, cheap only when predictable, so it is used only while fewer than
     * one element in {@value #SKIP_BELOW} seen so far is marked.
     */
    private static int markDoubles(double[] s, int from, int n, long f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int done = b << 6;
            long m = (long) nnz * SKIP_BELOW < done ? sparseBlock(s, from + done, f) : denseBlock(s, from + done, f);
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full << 6 < n) {
            int base = from + (full << 6);
            long m = 0;
            for (int j = 0; j < n - (full << 6); j++) m |= nonzero(Double.doubleToRawLongBits(s[base + j]) ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static long denseBlock(double[] s, int base, long f) {
        long m = 0;
        for (int j = 0; j < 64; j++) m |= nonzero(Double.doubleToRawLongBits(s[base + j]) ^ f) << j;
        return m;
    }

    /** The marks of 64 elements from {@code base}, testing 16 at a time whether any is marked. */
    private static long sparseBlock(double[] s, int base, long f) {
        long m = 0;
        for (int g = 0; g < 64; g += 16) {
            int i = base + g;
            long any = 0;
            for (int j = 0; j < 16; j++) any |= Double.doubleToRawLongBits(s[i + j]) ^ f;
            if (any != 0) {
                for (int j = g; j < g + 16; j++) m |= nonzero(Double.doubleToRawLongBits(s[base + j]) ^ f) << j;
            }
        }
        return m;
    }

    /**
     * Copies the elements marked in {@code marks[m0, m1)} (mark word {@code m0} covering
     * {@code src[from, from + 64)}) to {@code dst} from {@code k}, in order; returns the next {@code k}.
     */
    static int gather(Encoding.Primitive p, Object src, int from, long[] marks, int m0, int m1, Object dst, int k) {
        int base = from - (m0 << 6);
        switch (p) {
            case BYTE -> {
                byte[] s = (byte[]) src, d = (byte[]) dst;
                for (int b = m0; b < m1; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[base + (b << 6) + Long.numberOfTrailingZeros(m)];
                }
            }
            case SHORT -> {
                short[] s = (short[]) src, d = (short[]) dst;
                for (int b = m0; b < m1; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[base + (b << 6) + Long.numberOfTrailingZeros(m)];
                }
            }
            case INT -> {
                int[] s = (int[]) src, d = (int[]) dst;
                for (int b = m0; b < m1; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[base + (b << 6) + Long.numberOfTrailingZeros(m)];
                }
            }
            case LONG -> {
                long[] s = (long[]) src, d = (long[]) dst;
                for (int b = m0; b < m1; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[base + (b << 6) + Long.numberOfTrailingZeros(m)];
                }
            }
            case FLOAT -> {
                float[] s = (float[]) src, d = (float[]) dst;
                for (int b = m0; b < m1; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[base + (b << 6) + Long.numberOfTrailingZeros(m)];
                }
            }
            case DOUBLE -> {
                double[] s = (double[]) src, d = (double[]) dst;
                for (int b = m0; b < m1; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[base + (b << 6) + Long.numberOfTrailingZeros(m)];
                }
            }
        }
        return k;
    }

    /**
     * The common case, doubles of a C-order 2-d array with {@code cols} columns: the marked
     * values, and their rows ({@code coords[0, nnz)}) and columns ({@code coords[nnz, 2 nnz)}), in
     * one walk over the set bits (as {@link #gather} and {@link #coordinates2d} do in two).
     */
    static void gatherDoubles2d(double[] s, int from, long[] marks, long cols, double[] values, long[] coords) {
        int nnz = values.length;
        int k = 0;
        long rowStart = 0;
        long rowEnd = cols;
        long row = 0;
        for (int b = 0; b < marks.length; b++) {
            for (long m = marks[b]; m != 0; m &= m - 1) {
                int p = (b << 6) + Long.numberOfTrailingZeros(m);
                while (p >= rowEnd) {
                    row++;
                    rowStart = rowEnd;
                    rowEnd += cols;
                }
                values[k] = s[from + p];
                coords[k] = row;
                coords[nnz + k] = p - rowStart;
                k++;
            }
        }
    }

    /** The rows ({@code coords[0, nnz)}) and columns ({@code coords[nnz, 2 nnz)}) of the marked positions of a 2-d array; no division. */
    static void coordinates2d(long[] marks, int nnz, long cols, long[] coords) {
        int k = 0;
        long rowStart = 0;
        long rowEnd = cols;
        long row = 0;
        for (int b = 0; b < marks.length; b++) {
            for (long m = marks[b]; m != 0; m &= m - 1) {
                long p = ((long) b << 6) + Long.numberOfTrailingZeros(m);
                while (p >= rowEnd) {
                    row++;
                    rowStart = rowEnd;
                    rowEnd += cols;
                }
                coords[k] = row;
                coords[nnz + k] = p - rowStart;
                k++;
            }
        }
    }
}
