package dev.footprint.codec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4JNIFastResetCompressor;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Raw LZ4 blocks through lz4-java's native library. Acceleration needs a per-thread native state
 * ({@code LZ4_compress_fast_extState}); where the native library cannot load, the pure-Java
 * compressor writes equally valid blocks at acceleration 1.
 */
final class Lz4Codec implements Codec {
    static final Lz4Codec INSTANCE = new Lz4Codec();
    private static final int MAX_ACCELERATION = 65537;
    private static final LZ4Factory FACTORY = factory();
    private static final boolean NATIVE = FACTORY != LZ4Factory.fastestJavaInstance();
    private static final LZ4Compressor DEFAULT = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
    private static final ThreadLocal<LZ4JNIFastResetCompressor[]> ACCELERATED =
            ThreadLocal.withInitial(() -> new LZ4JNIFastResetCompressor[1]);

    private Lz4Codec() {}

    private static LZ4Factory factory() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (Throwable e) { // no native library for this platform
            return LZ4Factory.fastestJavaInstance();
        }
    }

    @Override
    public String name() {
        return "lz4";
    }

    @Override
    public int maxCompressedLength(int len) {
        return DEFAULT.maxCompressedLength(len);
    }

    @Override
    public int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int level) {
        Checks.checkLevel("lz4 (acceleration)", level, 1, MAX_ACCELERATION);
        int room = maxCompressedLength(len);
        Checks.checkCompress(src, srcOff, len, dst, dstOff, room);
        return compressor(level).compress(src, srcOff, len, dst, dstOff, room);
    }

    private static LZ4Compressor compressor(int acceleration) {
        if (acceleration == 1 || !NATIVE) {
            return DEFAULT;
        }
        LZ4JNIFastResetCompressor[] slot = ACCELERATED.get();
        if (slot[0] == null || slot[0].getAcceleration() != acceleration) {
            if (slot[0] != null) {
                slot[0].close();
            }
            slot[0] = FACTORY.fastResetCompressor(acceleration);
        }
        return slot[0];
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
