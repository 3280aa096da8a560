package dev.footprint.codec;

/** The bytes as they are. */
final class NoneCodec implements Codec {
    static final NoneCodec INSTANCE = new NoneCodec();

    private NoneCodec() {}

    @Override
    public String name() {
        return "none";
    }

    @Override
    public int maxCompressedLength(int len) {
        return len;
    }

    @Override
    public int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int level) {
        Checks.checkCompress(src, srcOff, len, dst, dstOff, len);
        System.arraycopy(src, srcOff, dst, dstOff, len);
        return len;
    }

    @Override
    public void decompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int decodedLen) {
        Checks.checkDecompress(src, srcOff, len, dst, dstOff, decodedLen);
        Checks.requireLength("none", len, decodedLen, len);
        System.arraycopy(src, srcOff, dst, dstOff, len);
    }
}
