package dev.footprint.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;

/** One zstd frame per block, through zstd-jni; one reused context per thread, as c-blosc keeps. */
final class ZstdCodec implements Codec {
    static final ZstdCodec INSTANCE = new ZstdCodec();
    private static final int MIN_LEVEL = -(1 << 17);
    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(ZstdCompressCtx::new);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private ZstdCodec() {}

    @Override
    public String name() {
        return "zstd";
    }

    @Override
    public int maxCompressedLength(int len) {
        long bound = Zstd.compressBound(len);
        if (bound > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a zstd block of " + len + " bytes may need " + bound
                    + " bytes, more than one Java array holds");
        }
        return (int) bound;
    }

    @Override
    public int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int level) {
        Checks.checkLevel("zstd", level, MIN_LEVEL, Zstd.maxCompressionLevel());
        Checks.checkCompress(src, srcOff, len, dst, dstOff, maxCompressedLength(len));
        ZstdCompressCtx ctx = COMPRESS.get();
        ctx.setLevel(level);
        return ctx.compressByteArray(dst, dstOff, dst.length - dstOff, src, srcOff, len);
    }

    @Override
    public void decompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int decodedLen) {
        Checks.checkDecompress(src, srcOff, len, dst, dstOff, decodedLen);
        long frameSize = Zstd.getFrameContentSize(src, srcOff, len);
        // a frame that records its size must record exactly the size expected (unknown sizes are checked after)
        if (frameSize >= 0 && frameSize != decodedLen) {
            throw Checks.corrupt("zstd", len, decodedLen, "records a content size of " + frameSize + " bytes", null);
        }
        int n;
        try {
            n = DECOMPRESS.get().decompressByteArray(dst, dstOff, decodedLen, src, srcOff, len);
        } catch (RuntimeException e) {
            throw Checks.corrupt("zstd", len, decodedLen, "cannot be decoded: " + e.getMessage(), e);
        }
        Checks.requireLength("zstd", len, decodedLen, n);
    }
}
