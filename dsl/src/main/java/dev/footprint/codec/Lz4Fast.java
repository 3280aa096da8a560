package dev.footprint.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LZ4's fast compressor ({@code LZ4_compress_fast} with a fresh state) as LZ4 1.9 and 1.10 run
 * it, the LZ4 c-blosc 1.21 links: the same match finder gives the same blocks, byte for byte, so
 * Footprint's lz4 chunks take what c-blosc's take. Any LZ4 decoder reads them (the format is
 * LZ4's block format).
 *
 * <p>The rules, from the LZ4 block format and that release's match finder: a hash table of 4096
 * positions, hashed from 5 bytes (inputs of 64 KiB + 11 bytes or more), or of 8192 positions
 * hashed from 4 bytes (shorter inputs, whose positions fit 16 bits); every table entry starts at
 * position 0. Searching a match, each probed position replaces its hash's entry; a candidate is
 * taken when its first 4 bytes equal and it lies within 65,535 bytes; after 64 misses times the
 * acceleration, the step between probes grows by one every 64 probes. A match is extended back
 * over equal bytes (not before the last sequence's end) and forward 8 bytes at a time; after it,
 * the position two bytes before its end is hashed, and the position at its end is tried at once
 * as the next match. The last 5 bytes are always literals and no match starts in the last 12.
 *
 * <pre>{@code
 * int n = Lz4Fast.compress(src, 0, src.length, dst, 0, 5);   // dst holds at least Lz4Fast.bound(src.length)
 * }</pre>
 *
 * <p>lz4-java's bundled LZ4 (1.11 in lz4-java 1.14) finds other, fewer short-distance matches:
 * 12 % more bytes on the byte streams of 1 %-dense float64 data, so it is used for decoding only.
 */
final class Lz4Fast {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final int MAX_ACCELERATION = 65537;
    /** LZ4's largest block input ({@code LZ4_MAX_INPUT_SIZE}). */
    static final int MAX_INPUT = 0x7E000000;
    private static final int MIN_MATCH = 4;
    private static final int LAST_LITERALS = 5;
    private static final int MF_LIMIT = 12;
    private static final int SKIP_TRIGGER = 6;
    private static final int MAX_DISTANCE = 65535;
    /** Inputs shorter than this use the 16-bit table hashed from 4 bytes. */
    private static final int LIMIT_64K = 65536 + MF_LIMIT - 1;
    private static final int HASH_LOG = 12;
    private static final long PRIME_5_BYTES = 889523592379L;
    private static final long PRIME_4_BYTES = 2654435761L;
    private static final ThreadLocal<int[]> TABLE = ThreadLocal.withInitial(() -> new int[1 << (HASH_LOG + 1)]);

    private Lz4Fast() {}

    /** The most bytes {@link #compress} writes for {@code len} input bytes (LZ4's {@code LZ4_compressBound}). */
    static int bound(int len) {
        if (len < 0 || len > MAX_INPUT) {
            throw new IllegalArgumentException("LZ4 compresses 0 to " + MAX_INPUT + " bytes in one block, got " + len
                    + "; use smaller chunks");
        }
        return len + len / 255 + 16;
    }

    /**
     * Compresses {@code src[srcOff, srcOff+len)} into one LZ4 block at {@code dst[dstOff]}, which
     * must have {@link #bound} bytes of room; {@code acceleration} is 1 to {@value #MAX_ACCELERATION}.
     *
     * @return the block's length
     */
    static int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int acceleration) {
        int[] table = TABLE.get();
        boolean small = len < LIMIT_64K;
        Arrays.fill(table, 0, small ? 1 << (HASH_LOG + 1) : 1 << HASH_LOG, 0);
        // one formula for both hashes, so the loops do not branch on the table: the 4 low bytes
        // shifted to the top and multiplied keep the 32-bit product of LZ4's 4-byte hash there
        int left = small ? 32 : 24;
        long prime = small ? PRIME_4_BYTES : PRIME_5_BYTES;
        int right = small ? 64 - (HASH_LOG + 1) : 64 - HASH_LOG;
        int end = srcOff + len;
        int anchor = srcOff;
        int op = dstOff;
        if (len >= MF_LIMIT + 1) {
            int mfLimitPlusOne = end - MF_LIMIT + 1;
            int matchLimit = end - LAST_LITERALS;
            int ip = srcOff;
            table[hash(src, ip, left, prime, right)] = 0;
            ip++;
            int forwardH = hash(src, ip, left, prime, right);
            search:
            for (;;) {
                int match;
                int forwardIp = ip;
                int step = 1;
                int searchMatchNb = acceleration << SKIP_TRIGGER;
                for (;;) {
                    int h = forwardH;
                    int current = forwardIp - srcOff;
                    int matchIndex = table[h];
                    ip = forwardIp;
                    forwardIp += step;
                    step = searchMatchNb++ >>> SKIP_TRIGGER;
                    if (forwardIp > mfLimitPlusOne) {
                        break search;
                    }
                    match = srcOff + matchIndex;
                    forwardH = hash(src, forwardIp, left, prime, right);
                    table[h] = current;
                    if (current - matchIndex > MAX_DISTANCE) { // never for inputs of the 16-bit table
                        continue;
                    }
                    if (readInt(src, match) == readInt(src, ip)) {
                        break;
                    }
                }
                while (ip > anchor && match > srcOff && src[ip - 1] == src[match - 1]) {
                    ip--;
                    match--;
                }
                int token = op++;
                int literals = ip - anchor;
                if (literals >= 15) {
                    dst[token] = (byte) 0xF0;
                    op = lengthBytes(dst, op, literals - 15);
                } else {
                    dst[token] = (byte) (literals << 4);
                }
                System.arraycopy(src, anchor, dst, op, literals);
                op += literals;
                for (;;) {
                    int offset = ip - match;
                    dst[op++] = (byte) offset;
                    dst[op++] = (byte) (offset >>> 8);
                    int matchCode = count(src, ip + MIN_MATCH, match + MIN_MATCH, matchLimit);
                    ip += matchCode + MIN_MATCH;
                    if (matchCode >= 15) {
                        dst[token] += 15;
                        op = lengthBytes(dst, op, matchCode - 15);
                    } else {
                        dst[token] += (byte) matchCode;
                    }
                    anchor = ip;
                    if (ip >= mfLimitPlusOne) {
                        break search;
                    }
                    table[hash(src, ip - 2, left, prime, right)] = ip - 2 - srcOff;
                    int h = hash(src, ip, left, prime, right);
                    int current = ip - srcOff;
                    int matchIndex = table[h];
                    match = srcOff + matchIndex;
                    table[h] = current;
                    if (current - matchIndex <= MAX_DISTANCE && readInt(src, match) == readInt(src, ip)) {
                        token = op++;
                        dst[token] = 0;
                        continue;
                    }
                    break;
                }
                forwardH = hash(src, ++ip, left, prime, right);
            }
        }
        int lastRun = end - anchor;
        if (lastRun >= 15) {
            dst[op++] = (byte) 0xF0;
            op = lengthBytes(dst, op, lastRun - 15);
        } else {
            dst[op++] = (byte) (lastRun << 4);
        }
        System.arraycopy(src, anchor, dst, op, lastRun);
        return op + lastRun - dstOff;
    }

    /** A length's extra bytes after the 15 in its token: 255 while more remains, then the rest. */
    private static int lengthBytes(byte[] dst, int op, int rest) {
        for (; rest >= 255; rest -= 255) {
            dst[op++] = (byte) 255;
        }
        dst[op++] = (byte) rest;
        return op;
    }

    /** How many bytes from {@code in} equal those from {@code match}, stopping at {@code limit}. */
    private static int count(byte[] b, int in, int match, int limit) {
        int start = in;
        while (in < limit - 7) {
            long diff = (long) LONGS.get(b, in) ^ (long) LONGS.get(b, match);
            if (diff != 0) {
                return in + (Long.numberOfTrailingZeros(diff) >>> 3) - start;
            }
            in += 8;
            match += 8;
        }
        while (in < limit && b[in] == b[match]) {
            in++;
            match++;
        }
        return in - start;
    }

    /** LZ4's hash of the bytes at {@code p}: of 5 bytes (left 24) or of 4 (left 32), to {@code 64 - right} bits. */
    private static int hash(byte[] b, int p, int left, long prime, int right) {
        return (int) ((((long) LONGS.get(b, p)) << left) * prime >>> right);
    }

    private static int readInt(byte[] b, int p) {
        return (int) INTS.get(b, p);
    }
}
