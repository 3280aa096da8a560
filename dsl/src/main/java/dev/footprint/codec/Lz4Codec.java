package dev.footprint.codec;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Raw LZ4 blocks. Compressing is {@link Lz4Fast}: LZ4 1.9's fast match finder, the one c-blosc
 * links, at the level's acceleration. Decoding is lz4-java's safe decoder (bounds-checked):
 * through its native library, or its pure-Java decoder where that library cannot load (a platform
 * lz4-java ships none for); both give the same bytes.
 */
final class Lz4Codec implements Codec {
    static final Lz4Codec INSTANCE = new Lz4Codec();
    private static final LZ4SafeDecompressor DECOMPRESSOR = decompressor();

    private Lz4Codec() {}

    private static LZ4SafeDecompressor decompressor() {
        try {
            return LZ4Factory.nativeInstance().safeDecompressor();
        } catch (Throwable e) { // no native library for this platform
            return LZ4Factory.safeInstance().safeDecompressor();
        }
    }

    @Override
    public String name() {
        return "lz4";
    }

    @Override
    public int maxCompressedLength(int len) {
        return Lz4Fast.bound(len);
    }

    @Override
    public int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int level) {
        Checks.checkLevel("lz4 (acceleration)", level, 1, Lz4Fast.MAX_ACCELERATION);
        Checks.checkCompress(src, srcOff, len, dst, dstOff, maxCompressedLength(len));
        return Lz4Fast.compress(src, srcOff, len, dst, dstOff, level);
    }

    @Override
    public void decompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int decodedLen) {
        Checks.checkDecompress(src, srcOff, len, dst, dstOff, decodedLen);
        int n;
        try {
            n = DECOMPRESSOR.decompress(src, srcOff, len, dst, dstOff, decodedLen);
        } catch (LZ4Exception e) {
            throw Checks.corrupt("lz4", len, decodedLen, "cannot be decoded: " + e.getMessage(), e);
        }
        Checks.requireLength("lz4", len, decodedLen, n);
    }
}
