package dev.footprint.sparse;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * Dense to COO. One pass over the dense storage marks, 64 elements to a {@code long}, which
 * elements' bits differ from the fill value's; the stored values and then their coordinates are
 * read off the set bits of those marks. One loop per storage type, no boxing and no per-element
 * calls.
 *
 * <p>The marking loop has no branch per element: the bits XOR the fill's bits are zero exactly
 * when the element is missing, and {@code (x | -x) >>> 63} is 1 for any other {@code x}. A
 * branch per element would be mispredicted whenever stored and missing elements are mixed (at
 * 10 % density, about one element in ten); float64 adds one test per 16 elements while the array
 * is sparse enough for it to be predictable. The later loops visit only the set bits, so they cost
 * little when the array is sparse, and the marks (one bit per element) are small enough to stay
 * in cache. The coordinates of a 2-d array come from walking the rows (positions are in C
 * order), with no division.
 */
final class DenseToSparse {
    /** float64 marking skips groups of fill values while fewer than 1 in this many elements are stored. */
    static final int SKIP_BELOW = 32;

    private DenseToSparse() {}

    static CooArray coo(NDArray a, NDArray fill) {
        Object src = a.contiguousData();
        int n = (int) a.size();
        long fillBits = Values.bitsOf(fill);
        long[] shape = a.shape();
        long[] marks = new long[(n + 63) >>> 6];
        int nnz = mark(a.dtype(), src, n, fillBits, marks);
        Object values;
        long[] coords;
        if (a.dtype() == DType.FLOAT64 && shape.length == 2) {
            values = new double[nnz];
            coords = new long[2 * nnz];
            gatherDoubles2d((double[]) src, marks, shape[1], (double[]) values, coords);
        } else {
            values = gather(a.dtype(), src, marks, nnz);
            coords = coordinates(marks, nnz, shape);
        }
        NDArray coordArray = NDArray.wrap(DType.INT64, coords, shape.length, nnz);
        return new CooArray(coordArray, NDArray.wrap(a.dtype(), values, nnz), fill, shape, true);
    }

    /** 1 when {@code x != 0}, else 0, without a branch. */
    private static long nonzero(long x) {
        return (x | -x) >>> 63;
    }

    /** 1 when {@code x != 0}, else 0, without a branch. */
    private static long nonzero(int x) {
        return (x | -x) >>> 31;
    }

    /** Sets bit {@code i % 64} of {@code marks[i / 64]} for each stored element {@code i}; returns their number. */
    private static int mark(DType t, Object src, int n, long fillBits, long[] marks) {
        return switch (t.storage()) {
            case BYTE -> markBytes((byte[]) src, n, (byte) fillBits, marks);
            case SHORT -> markShorts((short[]) src, n, (short) fillBits, marks);
            case INT -> markInts((int[]) src, n, (int) fillBits, marks);
            case LONG -> markLongs((long[]) src, n, fillBits, marks);
            case FLOAT -> markFloats((float[]) src, n, (int) fillBits, marks);
            case DOUBLE -> markDoubles((double[]) src, n, fillBits, marks);
        };
    }

    private static int markBytes(byte[] s, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = b << 6;
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full < marks.length) {
            int base = full << 6;
            long m = 0;
            for (int j = 0; j < n - base; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markShorts(short[] s, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = b << 6;
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full < marks.length) {
            int base = full << 6;
            long m = 0;
            for (int j = 0; j < n - base; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markInts(int[] s, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = b << 6;
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full < marks.length) {
            int base = full << 6;
            long m = 0;
            for (int j = 0; j < n - base; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markLongs(long[] s, int n, long f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = b << 6;
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full < marks.length) {
            int base = full << 6;
            long m = 0;
            for (int j = 0; j < n - base; j++) m |= nonzero(s[base + j] ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    private static int markFloats(float[] s, int n, int f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = b << 6;
            long m = 0;
            for (int j = 0; j < 64; j++) m |= nonzero(Float.floatToRawIntBits(s[base + j]) ^ f) << j;
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full < marks.length) {
            int base = full << 6;
            long m = 0;
            for (int j = 0; j < n - base; j++) m |= nonzero(Float.floatToRawIntBits(s[base + j]) ^ f) << j;
            marks[full] = m;
            nnz += Long.bitCount(m);
        }
        return nnz;
    }

    /**
     * float64, the default dtype, also takes a shortcut while the array is sparse: a group of 16
     * elements whose bits all equal the fill's (their XORs OR to zero) is skipped after one test.
     * The test is a branch, cheap only when it is predictable, so it is used only while fewer
     * than one element in {@value #SKIP_BELOW} seen so far is stored.
     */
    private static int markDoubles(double[] s, int n, long f, long[] marks) {
        int nnz = 0;
        int full = n >>> 6;
        for (int b = 0; b < full; b++) {
            int base = b << 6;
            long m = (long) nnz * SKIP_BELOW < base ? sparseBlock(s, base, f) : denseBlock(s, base, f);
            marks[b] = m;
            nnz += Long.bitCount(m);
        }
        if (full < marks.length) {
            int base = full << 6;
            long m = 0;
            for (int j = 0; j < n - base; j++) m |= nonzero(Double.doubleToRawLongBits(s[base + j]) ^ f) << j;
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

    /** The marks of 64 elements from {@code base}, testing 16 at a time whether any is stored. */
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

    /** The marked elements, in order, in a new primitive array of {@code nnz}. */
    private static Object gather(DType t, Object src, long[] marks, int nnz) {
        int k = 0;
        switch (t.storage()) {
            case BYTE -> {
                byte[] s = (byte[]) src;
                byte[] d = new byte[nnz];
                for (int b = 0; b < marks.length; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[(b << 6) + Long.numberOfTrailingZeros(m)];
                }
                return d;
            }
            case SHORT -> {
                short[] s = (short[]) src;
                short[] d = new short[nnz];
                for (int b = 0; b < marks.length; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[(b << 6) + Long.numberOfTrailingZeros(m)];
                }
                return d;
            }
            case INT -> {
                int[] s = (int[]) src;
                int[] d = new int[nnz];
                for (int b = 0; b < marks.length; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[(b << 6) + Long.numberOfTrailingZeros(m)];
                }
                return d;
            }
            case LONG -> {
                long[] s = (long[]) src;
                long[] d = new long[nnz];
                for (int b = 0; b < marks.length; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[(b << 6) + Long.numberOfTrailingZeros(m)];
                }
                return d;
            }
            case FLOAT -> {
                float[] s = (float[]) src;
                float[] d = new float[nnz];
                for (int b = 0; b < marks.length; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[(b << 6) + Long.numberOfTrailingZeros(m)];
                }
                return d;
            }
            default -> {
                double[] s = (double[]) src;
                double[] d = new double[nnz];
                for (int b = 0; b < marks.length; b++) {
                    for (long m = marks[b]; m != 0; m &= m - 1) d[k++] = s[(b << 6) + Long.numberOfTrailingZeros(m)];
                }
                return d;
            }
        }
    }

    /**
     * The common case, a 2-d float64 array: values, rows and columns of the marked elements in
     * one walk over the set bits (as {@link #gather} and {@link #coordinates} do in two).
     */
    private static void gatherDoubles2d(double[] s, long[] marks, long cols, double[] values, long[] coords) {
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
                values[k] = s[p];
                coords[k] = row;
                coords[nnz + k] = p - rowStart;
                k++;
            }
        }
    }

    /** The coordinates of the marked elements, {@code ndim x nnz} in C order of the elements. */
    private static long[] coordinates(long[] marks, int nnz, long[] shape) {
        int ndim = shape.length;
        long[] coords = new long[ndim * nnz];
        if (ndim == 0) {
            return coords;
        }
        int k = 0;
        if (ndim == 2) {
            long cols = shape[1];
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
            return coords;
        }
        // the flat positions go to the last axis's row, then (3-d and more) are split into coordinates
        int last = (ndim - 1) * nnz;
        for (int b = 0; b < marks.length; b++) {
            for (long m = marks[b]; m != 0; m &= m - 1) coords[last + k++] = ((long) b << 6) + Long.numberOfTrailingZeros(m);
        }
        if (ndim > 2) {
            for (int e = 0; e < nnz; e++) {
                long rest = coords[last + e];
                for (int axis = ndim - 1; axis >= 0; axis--) {
                    long dim = shape[axis];
                    coords[axis * nnz + e] = rest % dim;
                    rest /= dim;
                }
            }
        }
        return coords;
    }
}
