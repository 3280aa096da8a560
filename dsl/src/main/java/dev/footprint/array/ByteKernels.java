package dev.footprint.array;

import dev.footprint.storage.Parallel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loops over contiguous one-byte arrays (bool, int8, uint8) of any storage, run by run where the
 * elements lie ({@link dev.footprint.storage.Storage#visitBytes}): the exact integer sum and the
 * count of non-zero elements, eight bytes at a time; any comparison with a scalar, as a lookup in the 256 answers; the cast to
 * float32, each value exact.
 */
final class ByteKernels {
    /** Eight bytes read as one little-endian long. */
    private static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVEN_BYTES = 0x00FF_00FF_00FF_00FFL;
    private static final long SIGN_BITS = 0x8080_8080_8080_8080L;
    /** Longs added into 16-bit lanes before they fold: each adds at most 2 × 255, and 128 × 510 < 2^16. */
    private static final int FOLD_EVERY = 128;

    private ByteKernels() {}

    /** Whether {@code a} is a contiguous array of one-byte elements. */
    static boolean applies(NDArray a) {
        return a.isContiguous() && a.dtype.itemsize() == 1;
    }

    /** The sum of every element, exact: int8 signed, uint8 and bool unsigned. */
    static long sum(NDArray a) {
        long flip = a.dtype == DType.INT8 ? SIGN_BITS : 0;
        long[] total = new long[1];
        a.storage.visitBytes(a.offset, a.size, (b, off, n, done) -> total[0] += sum(b, off, n, flip));
        return total[0];
    }

    /** The number of non-zero elements. */
    static long countNonzero(NDArray a) {
        long[] total = new long[1];
        a.storage.visitBytes(a.offset, a.size, (b, off, n, done) -> total[0] += countNonzero(b, off, n));
        return total[0];
    }

    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;

    /**
     * The non-zero bytes of {@code b[off..off + n)}, eight at a time: adding 0x7F to a byte's
     * low seven bits sets its top bit unless they are all zero (no carry leaves the byte), and
     * the byte's own top bit is or-ed in; the top bits set are counted.
     */
    private static long countNonzero(byte[] b, int off, int n) {
        long count = 0;
        int groups = n >>> 3;
        for (int g = 0; g < groups; g++) {
            long x = (long) EIGHT_BYTES.get(b, off + (g << 3));
            count += Long.bitCount((((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x) & SIGN_BITS);
        }
        for (int i = groups << 3; i < n; i++) {
            count += b[off + i] != 0 ? 1 : 0;
        }
        return count;
    }

    /**
     * The sum of {@code b[off..off + n)}: unsigned, or signed with {@code flip = SIGN_BITS}
     * (each byte's sign bit flipped gives its value plus 128). Eight bytes at a time: the even
     * and the odd bytes of a long added into four 16-bit lanes, which fold into the total every
     * {@link #FOLD_EVERY} longs.
     */
    private static long sum(byte[] b, int off, int n, long flip) {
        long total = 0;
        int groups = n >>> 3;
        for (int g = 0; g < groups; ) {
            int stop = Math.min(groups, g + FOLD_EVERY);
            long lanes = 0;
            for (; g < stop; g++) {
                long x = (long) EIGHT_BYTES.get(b, off + (g << 3)) ^ flip;
                lanes += (x & EVEN_BYTES) + ((x >>> 8) & EVEN_BYTES);
            }
            lanes = (lanes & 0x0000_FFFF_0000_FFFFL) + ((lanes >>> 16) & 0x0000_FFFF_0000_FFFFL);
            total += (lanes & 0xFFFF_FFFFL) + (lanes >>> 32);
        }
        if (flip != 0) {
            total -= 128L * (groups << 3);
        }
        for (int i = groups << 3; i < n; i++) {
            total += flip != 0 ? b[off + i] : b[off + i] & 0xFF;
        }
        return total;
    }

    /**
     * {@code out[i] = answers[a[i] & 0xFF]}: {@code answers} holds the result for each of the 256
     * byte values. Answers that are 1 exactly below a threshold in the dtype's order (or exactly
     * from it), as {@code lt le gt ge} give, take eight bytes at a time ({@link #below}).
     */
    static void lookup(NDArray a, byte[] answers, NDArray out) {
        long rankFlip = a.dtype == DType.INT8 ? SIGN_BITS : 0; // int8 order is the unsigned order of the bytes, sign bit flipped
        int[] threshold = threshold(answers, (int) (rankFlip & 0xFF));
        ResultRun run = new ResultRun(out);
        byte[] o = (byte[]) run.array();
        a.storage.visitBytes(a.offset, a.size, (b, off, n, done) -> {
            for (int k = 0; k < n; k += OffsetCursor.CHUNK) {
                int m = Math.min(OffsetCursor.CHUNK, n - k);
                int at = run.at(done + k);
                int i = 0;
                if (threshold != null) {
                    i = below(b, off + k, m, rankFlip, threshold[0], threshold[1] != 0, o, at);
                }
                for (; i < m; i++) {
                    o[at + i] = answers[b[off + k + i] & 0xFF];
                }
                run.done(done + k, m);
            }
        });
    }

    /**
     * {@code {k, 0}} when the answer for byte {@code u} is 1 exactly when its rank
     * {@code u ^ rankFlip} is below {@code k}, {@code {k, 1}} when exactly when it is not, with
     * {@code 0 < k < 256}; otherwise null.
     */
    private static int[] threshold(byte[] answers, int rankFlip) {
        for (int invert = 0; invert < 2; invert++) {
            int k = 0;
            for (byte v : answers) {
                k += v ^ invert;
            }
            boolean matches = k > 0 && k < 256;
            for (int u = 0; u < 256 && matches; u++) {
                matches = answers[u] == (((u ^ rankFlip) < k ? 1 : 0) ^ invert);
            }
            if (matches) {
                return new int[] {k, invert};
            }
        }
        return null;
    }

    private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long ONE_BITS = 0x0101_0101_0101_0101L;

    /**
     * Eight results at a time for the whole groups of eight in {@code b[off..off + m)}: byte
     * {@code x} (its rank after {@code rankFlip}) is below {@code k} exactly when {@code x + (256 - k)}
     * does not carry out of the byte. The low seven bits add without reaching the next byte; the
     * carry out is the majority of the two top bits and the carry into the top bit. Returns how
     * many elements were done.
     */
    private static int below(byte[] b, int off, int m, long rankFlip, int k, boolean invert, byte[] o, int at) {
        long c = ONE_BITS * (256 - k);
        long cLow = c & LOW_SEVEN;
        long flip = invert ? ONE_BITS : 0;
        int whole = m & ~7;
        for (int i = 0; i < whole; i += 8) {
            long x = (long) EIGHT_BYTES.get(b, off + i) ^ rankFlip;
            long carryIn = (x & LOW_SEVEN) + cLow;
            long carryOut = (x & c) | ((x | c) & carryIn);
            EIGHT_BYTES.set(o, at + i, ((~carryOut & SIGN_BITS) >>> 7) ^ flip);
        }
        return whole;
    }

    /** {@code a} as float32 into {@code out} (float32, a's size): every one-byte value is exact. */
    static void toFloat32(NDArray a, NDArray out) {
        toFloat32(a, out, RunKernels.PART);
    }

    /**
     * As above, in parts of {@code part} elements on every worker ({@link Parallel#forEachPart}):
     * a cast of 2^31 bytes writes 8 GiB, which one core writes more slowly than two.
     */
    static void toFloat32(NDArray a, NDArray out, int part) {
        boolean signed = a.dtype == DType.INT8;
        Parallel.forEachPart(a.size, part, (from, length) -> {
            ResultRun run = new ResultRun(out);
            float[] o = (float[]) run.array();
            a.storage.visitBytes(a.offset + from, length, (b, off, n, done) -> {
                for (int k = 0; k < n; k += OffsetCursor.CHUNK) {
                    int m = Math.min(OffsetCursor.CHUNK, n - k);
                    long pos = from + done + k;
                    int at = run.at(pos);
                    int src = off + k;
                    if (signed) {
                        for (int i = 0; i < m; i++) {
                            o[at + i] = b[src + i];
                        }
                    } else {
                        for (int i = 0; i < m; i++) {
                            o[at + i] = b[src + i] & 0xFF;
                        }
                    }
                    run.done(pos, m);
                }
            });
        });
    }
}
