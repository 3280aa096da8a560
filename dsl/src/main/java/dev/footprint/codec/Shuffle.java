package dev.footprint.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Blosc's byte shuffle: of {@code n = len / typesize} elements of {@code typesize} bytes, byte
 * {@code j} of every element goes together, so {@code dst[j * n + i] = src[i * typesize + j]};
 * the trailing {@code len % typesize} bytes are copied unchanged. Smooth numbers then have long
 * runs of equal high bytes, which a block compressor finds.
 *
 * <pre>{@code
 * Shuffle.shuffle(2, src, 0, src.length, shuffled, 0);    // uint16: all low bytes, then all high bytes
 * Shuffle.unshuffle(2, shuffled, 0, src.length, back, 0);  // back equals src
 * }</pre>
 *
 * <p>Element sizes 2, 4 and 8 move eight elements at a time through {@code long} registers
 * (byte transposes by shifts and masks); other sizes go byte by byte. Source and destination
 * must not overlap.
 */
public final class Shuffle {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;
    private static final long EVEN_SHORTS = 0x0000FFFF0000FFFFL;
    private static final long LOW_INT = 0x00000000FFFFFFFFL;

    private Shuffle() {}

    /** Groups byte {@code j} of every {@code typesize}-byte element of {@code src[srcOff, srcOff+len)} into {@code dst}. */
    public static void shuffle(int typesize, byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        check(typesize, src, srcOff, len, dst, dstOff);
        int n = typesize == 1 ? 0 : len / typesize;
        int done = switch (n < 8 ? 1 : typesize) {
            case 2 -> shuffle2(src, srcOff, n, dst, dstOff);
            case 4 -> shuffle4(src, srcOff, n, dst, dstOff);
            case 8 -> shuffle8(src, srcOff, n, dst, dstOff);
            default -> 0;
        };
        for (int j = 0; j < typesize && done < n; j++) {
            int out = dstOff + j * n;
            for (int i = done, in = srcOff + done * typesize + j; i < n; i++, in += typesize) {
                dst[out + i] = src[in];
            }
        }
        int whole = n * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, len - whole);
    }

    /** The inverse of {@link #shuffle}: {@code dst[i * typesize + j] = src[j * n + i]}, the tail copied. */
    public static void unshuffle(int typesize, byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        check(typesize, src, srcOff, len, dst, dstOff);
        int n = typesize == 1 ? 0 : len / typesize;
        int done = switch (n < 8 ? 1 : typesize) {
            case 2 -> unshuffle2(src, srcOff, n, dst, dstOff);
            case 4 -> unshuffle4(src, srcOff, n, dst, dstOff);
            case 8 -> unshuffle8(src, srcOff, n, dst, dstOff);
            default -> 0;
        };
        for (int j = 0; j < typesize && done < n; j++) {
            int in = srcOff + j * n;
            for (int i = done, out = dstOff + done * typesize + j; i < n; i++, out += typesize) {
                dst[out] = src[in + i];
            }
        }
        int whole = n * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, len - whole);
    }

    /**
     * {@link #shuffle} of {@code n} 8-byte elements read straight from {@code src[from, from+n)}
     * (their raw bits, little-endian): the bytes {@code shuffle(8, ...)} writes for those elements'
     * little-endian bytes, without the intermediate copy.
     */
    public static void shuffle(double[] src, int from, int n, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(from, n, src.length);
        Objects.checkFromIndexSize(dstOff, 8 * n, dst.length);
        long[] rows = new long[8];
        int whole = n & ~7;
        for (int i = 0; i < whole; i += 8) {
            for (int k = 0; k < 8; k++) {
                rows[k] = Double.doubleToRawLongBits(src[from + i + k]);
            }
            transpose8(rows);
            store(rows, dst, dstOff + i, n);
        }
        for (int i = whole; i < n; i++) {
            putColumn(Double.doubleToRawLongBits(src[from + i]), dst, dstOff + i, n);
        }
    }

    /** {@link #shuffle(double[], int, int, byte[], int)} for {@code long} elements. */
    public static void shuffle(long[] src, int from, int n, byte[] dst, int dstOff) {
        Objects.checkFromIndexSize(from, n, src.length);
        Objects.checkFromIndexSize(dstOff, 8 * n, dst.length);
        long[] rows = new long[8];
        int whole = n & ~7;
        for (int i = 0; i < whole; i += 8) {
            System.arraycopy(src, from + i, rows, 0, 8);
            transpose8(rows);
            store(rows, dst, dstOff + i, n);
        }
        for (int i = whole; i < n; i++) {
            putColumn(src[from + i], dst, dstOff + i, n);
        }
    }

    /**
     * {@link #unshuffle} of {@code n} 8-byte elements ({@code 8 * n} shuffled bytes at
     * {@code src[srcOff]}) straight into {@code dst[from, from+n)}, each element's raw bits.
     */
    public static void unshuffle(byte[] src, int srcOff, int n, double[] dst, int from) {
        Objects.checkFromIndexSize(srcOff, 8 * n, src.length);
        Objects.checkFromIndexSize(from, n, dst.length);
        long[] rows = new long[8];
        int whole = n & ~7;
        for (int i = 0; i < whole; i += 8) {
            load(src, srcOff + i, n, rows);
            transpose8(rows);
            for (int k = 0; k < 8; k++) {
                dst[from + i + k] = Double.longBitsToDouble(rows[k]);
            }
        }
        for (int i = whole; i < n; i++) {
            dst[from + i] = Double.longBitsToDouble(getColumn(src, srcOff + i, n));
        }
    }

    /** {@link #unshuffle(byte[], int, int, double[], int)} for {@code long} elements. */
    public static void unshuffle(byte[] src, int srcOff, int n, long[] dst, int from) {
        Objects.checkFromIndexSize(srcOff, 8 * n, src.length);
        Objects.checkFromIndexSize(from, n, dst.length);
        long[] rows = new long[8];
        int whole = n & ~7;
        for (int i = 0; i < whole; i += 8) {
            load(src, srcOff + i, n, rows);
            transpose8(rows);
            System.arraycopy(rows, 0, dst, from + i, 8);
        }
        for (int i = whole; i < n; i++) {
            dst[from + i] = getColumn(src, srcOff + i, n);
        }
    }

    /** Writes byte {@code j} of {@code bits} (little-endian) to {@code dst[at + j * n]}. */
    private static void putColumn(long bits, byte[] dst, int at, int n) {
        for (int j = 0; j < 8; j++) {
            dst[at + j * n] = (byte) (bits >>> 8 * j);
        }
    }

    /** The inverse of {@link #putColumn}. */
    private static long getColumn(byte[] src, int at, int n) {
        long bits = 0;
        for (int j = 0; j < 8; j++) {
            bits |= (src[at + j * n] & 0xFFL) << 8 * j;
        }
        return bits;
    }

    private static void check(int typesize, byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        if (typesize < 1) {
            throw new IllegalArgumentException("typesize must be at least 1, got " + typesize);
        }
        Objects.checkFromIndexSize(srcOff, len, src.length);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
    }

    // ---- typesize 2: a long holds four elements; even bytes are the low bytes

    private static int shuffle2(byte[] src, int srcOff, int n, byte[] dst, int dstOff) {
        int blocks = n / 8;
        for (int b = 0; b < blocks; b++) {
            long x0 = get(src, srcOff + 16 * b);
            long x1 = get(src, srcOff + 16 * b + 8);
            put(dst, dstOff + 8 * b, evens(x0) | evens(x1) << 32);
            put(dst, dstOff + n + 8 * b, evens(x0 >>> 8) | evens(x1 >>> 8) << 32);
        }
        return blocks * 8;
    }

    private static int unshuffle2(byte[] src, int srcOff, int n, byte[] dst, int dstOff) {
        int blocks = n / 8;
        for (int b = 0; b < blocks; b++) {
            long lo = get(src, srcOff + 8 * b);
            long hi = get(src, srcOff + n + 8 * b);
            put(dst, dstOff + 16 * b, spread(lo) | spread(hi) << 8);
            put(dst, dstOff + 16 * b + 8, spread(lo >>> 32) | spread(hi >>> 32) << 8);
        }
        return blocks * 8;
    }

    // ---- typesize 4: two passes of the typesize-2 step, in registers

    private static int shuffle4(byte[] src, int srcOff, int n, byte[] dst, int dstOff) {
        int blocks = n / 8;
        for (int b = 0; b < blocks; b++) {
            int in = srcOff + 32 * b;
            long x0 = get(src, in);
            long x1 = get(src, in + 8);
            long x2 = get(src, in + 16);
            long x3 = get(src, in + 24);
            // bytes 0 and 2 of elements 0..7, then bytes 1 and 3
            long e01 = evens(x0) | evens(x1) << 32;
            long e23 = evens(x2) | evens(x3) << 32;
            long o01 = evens(x0 >>> 8) | evens(x1 >>> 8) << 32;
            long o23 = evens(x2 >>> 8) | evens(x3 >>> 8) << 32;
            int out = dstOff + 8 * b;
            put(dst, out, evens(e01) | evens(e23) << 32);
            put(dst, out + n, evens(o01) | evens(o23) << 32);
            put(dst, out + 2 * n, evens(e01 >>> 8) | evens(e23 >>> 8) << 32);
            put(dst, out + 3 * n, evens(o01 >>> 8) | evens(o23 >>> 8) << 32);
        }
        return blocks * 8;
    }

    private static int unshuffle4(byte[] src, int srcOff, int n, byte[] dst, int dstOff) {
        int blocks = n / 8;
        for (int b = 0; b < blocks; b++) {
            int in = srcOff + 8 * b;
            long s0 = get(src, in);
            long s1 = get(src, in + n);
            long s2 = get(src, in + 2 * n);
            long s3 = get(src, in + 3 * n);
            long e01 = spread(s0) | spread(s2) << 8;
            long e23 = spread(s0 >>> 32) | spread(s2 >>> 32) << 8;
            long o01 = spread(s1) | spread(s3) << 8;
            long o23 = spread(s1 >>> 32) | spread(s3 >>> 32) << 8;
            int out = dstOff + 32 * b;
            put(dst, out, spread(e01) | spread(o01) << 8);
            put(dst, out + 8, spread(e01 >>> 32) | spread(o01 >>> 32) << 8);
            put(dst, out + 16, spread(e23) | spread(o23) << 8);
            put(dst, out + 24, spread(e23 >>> 32) | spread(o23 >>> 32) << 8);
        }
        return blocks * 8;
    }

    // ---- typesize 8: an 8x8 byte transpose of eight longs (its own inverse)

    private static int shuffle8(byte[] src, int srcOff, int n, byte[] dst, int dstOff) {
        int blocks = n / 8;
        long[] rows = new long[8];
        for (int b = 0; b < blocks; b++) {
            load(src, srcOff + 64 * b, 8, rows);
            transpose8(rows);
            store(rows, dst, dstOff + 8 * b, n);
        }
        return blocks * 8;
    }

    private static int unshuffle8(byte[] src, int srcOff, int n, byte[] dst, int dstOff) {
        int blocks = n / 8;
        long[] rows = new long[8];
        for (int b = 0; b < blocks; b++) {
            load(src, srcOff + 8 * b, n, rows);
            transpose8(rows);
            store(rows, dst, dstOff + 64 * b, 8);
        }
        return blocks * 8;
    }

    /** Reads eight little-endian longs {@code stride} bytes apart from {@code src[at]} into {@code rows}. */
    private static void load(byte[] src, int at, int stride, long[] rows) {
        for (int k = 0; k < 8; k++) {
            rows[k] = get(src, at + k * stride);
        }
    }

    /** Writes {@code rows} as eight little-endian longs {@code stride} bytes apart from {@code dst[at]}. */
    private static void store(long[] rows, byte[] dst, int at, int stride) {
        for (int k = 0; k < 8; k++) {
            put(dst, at + k * stride, rows[k]);
        }
    }

    /** Transposes eight longs as an 8x8 byte matrix (row k's byte j becomes row j's byte k); its own inverse. */
    private static void transpose8(long[] rows) {
        long r0 = rows[0];
        long r1 = rows[1];
        long r2 = rows[2];
        long r3 = rows[3];
        long r4 = rows[4];
        long r5 = rows[5];
        long r6 = rows[6];
        long r7 = rows[7];
        // swap 4-byte halves between rows 4 apart
        long t;
        t = ((r0 >>> 32) ^ r4) & LOW_INT; r0 ^= t << 32; r4 ^= t;
        t = ((r1 >>> 32) ^ r5) & LOW_INT; r1 ^= t << 32; r5 ^= t;
        t = ((r2 >>> 32) ^ r6) & LOW_INT; r2 ^= t << 32; r6 ^= t;
        t = ((r3 >>> 32) ^ r7) & LOW_INT; r3 ^= t << 32; r7 ^= t;
        // swap 2-byte pairs between rows 2 apart
        t = ((r0 >>> 16) ^ r2) & EVEN_SHORTS; r0 ^= t << 16; r2 ^= t;
        t = ((r1 >>> 16) ^ r3) & EVEN_SHORTS; r1 ^= t << 16; r3 ^= t;
        t = ((r4 >>> 16) ^ r6) & EVEN_SHORTS; r4 ^= t << 16; r6 ^= t;
        t = ((r5 >>> 16) ^ r7) & EVEN_SHORTS; r5 ^= t << 16; r7 ^= t;
        // swap single bytes between neighbouring rows
        t = ((r0 >>> 8) ^ r1) & EVEN_BYTES; r0 ^= t << 8; r1 ^= t;
        t = ((r2 >>> 8) ^ r3) & EVEN_BYTES; r2 ^= t << 8; r3 ^= t;
        t = ((r4 >>> 8) ^ r5) & EVEN_BYTES; r4 ^= t << 8; r5 ^= t;
        t = ((r6 >>> 8) ^ r7) & EVEN_BYTES; r6 ^= t << 8; r7 ^= t;
        rows[0] = r0;
        rows[1] = r1;
        rows[2] = r2;
        rows[3] = r3;
        rows[4] = r4;
        rows[5] = r5;
        rows[6] = r6;
        rows[7] = r7;
    }

    /** Bytes 0, 2, 4, 6 of {@code x} packed into the low four bytes. */
    private static long evens(long x) {
        long t = x & EVEN_BYTES;
        t = (t | t >>> 8) & EVEN_SHORTS;
        return (t | t >>> 16) & LOW_INT;
    }

    /** The inverse of {@link #evens}: the low four bytes of {@code x} moved to bytes 0, 2, 4, 6. */
    private static long spread(long x) {
        long t = x & LOW_INT;
        t = (t | t << 16) & EVEN_SHORTS;
        return (t | t << 8) & EVEN_BYTES;
    }

    private static long get(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    private static void put(byte[] a, int i, long v) {
        LONGS.set(a, i, v);
    }
}
