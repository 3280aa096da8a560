package dev.footprint.array;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loops over contiguous one-byte arrays (bool, int8, uint8) of any storage, run by run where the
 * elements lie ({@link dev.footprint.storage.Storage#visitBytes}): the exact integer sum, eight
 * bytes at a time; any comparison with a scalar, as a lookup in the 256 answers; the cast to
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

    /** {@code out[i] = answers[a[i] & 0xFF]}: {@code answers} holds the result for each of the 256 byte values. */
    static void lookup(NDArray a, byte[] answers, NDArray out) {
        ResultRun run = new ResultRun(out);
        byte[] o = (byte[]) run.array();
        a.storage.visitBytes(a.offset, a.size, (b, off, n, done) -> {
            for (int k = 0; k < n; k += OffsetCursor.CHUNK) {
                int m = Math.min(OffsetCursor.CHUNK, n - k);
                int at = run.at(done + k);
                for (int i = 0; i < m; i++) {
                    o[at + i] = answers[b[off + k + i] & 0xFF];
                }
                run.done(done + k, m);
            }
        });
    }

    /** {@code a} as float32 into {@code out} (float32, a's size): every one-byte value is exact. */
    static void toFloat32(NDArray a, NDArray out) {
        ResultRun run = new ResultRun(out);
        float[] o = (float[]) run.array();
        boolean signed = a.dtype == DType.INT8;
        a.storage.visitBytes(a.offset, a.size, (b, off, n, done) -> {
            for (int k = 0; k < n; k += OffsetCursor.CHUNK) {
                int m = Math.min(OffsetCursor.CHUNK, n - k);
                int at = run.at(done + k);
                int from = off + k;
                if (signed) {
                    for (int i = 0; i < m; i++) {
                        o[at + i] = b[from + i];
                    }
                } else {
                    for (int i = 0; i < m; i++) {
                        o[at + i] = b[from + i] & 0xFF;
                    }
                }
                run.done(done + k, m);
            }
        });
    }
}
