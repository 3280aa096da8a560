package dev.footprint.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** A zlib stream per block through {@code java.util.zip}; one reused deflater and inflater per thread. */
final class ZlibCodec implements Codec {
    static final ZlibCodec INSTANCE = new ZlibCodec();
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(Deflater::new);
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private ZlibCodec() {}

    @Override
    public String name() {
        return "zlib";
    }

    @Override
    public int maxCompressedLength(int len) {
        // zlib's compressBound plus the stream's header and checksum, with room to spare
        long bound = (long) len + (len >>> 12) + (len >>> 14) + (len >>> 25) + 13 + 6;
        if (bound > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a zlib block of " + len + " bytes may need " + bound
                    + " bytes, more than one Java array holds");
        }
        return (int) bound;
    }

    @Override
    public int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int level) {
        Checks.checkLevel("zlib", level, -1, 9);
        int room = maxCompressedLength(len);
        Checks.checkCompress(src, srcOff, len, dst, dstOff, room);
        Deflater d = DEFLATER.get();
        d.reset();
        d.setLevel(level);
        d.setInput(src, srcOff, len);
        d.finish();
        int n = 0;
        while (!d.finished()) {
            int k = d.deflate(dst, dstOff + n, room - n);
            if (k == 0 && n == room) {
                throw new IllegalStateException("zlib output of " + len + " bytes exceeded its bound of " + room);
            }
            n += k;
        }
        return n;
    }

    @Override
    public void decompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int decodedLen) {
        Checks.checkDecompress(src, srcOff, len, dst, dstOff, decodedLen);
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(src, srcOff, len);
        try {
            int n = 0;
            while (n < decodedLen && !inf.finished()) {
                int k = inf.inflate(dst, dstOff + n, decodedLen - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw Checks.corrupt("zlib", len, decodedLen, "ends after " + n + " bytes", null);
                }
                n += k;
            }
            if (!inf.finished() && inf.inflate(new byte[1]) > 0) {
                throw Checks.corrupt("zlib", len, decodedLen, "decodes to more bytes than that", null);
            }
            if (!inf.finished()) {
                throw Checks.corrupt("zlib", len, decodedLen, "is truncated: its stream does not end", null);
            }
            Checks.requireLength("zlib", len, decodedLen, n);
            if (inf.getRemaining() > 0) {
                throw Checks.corrupt("zlib", len, decodedLen, "has " + inf.getRemaining()
                        + " bytes after its stream ends", null);
            }
        } catch (DataFormatException e) {
            throw Checks.corrupt("zlib", len, decodedLen, "cannot be decoded: " + e.getMessage(), e);
        }
    }
}
