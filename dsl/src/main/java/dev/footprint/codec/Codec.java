package dev.footprint.codec;

import java.util.List;
import java.util.Locale;

/**
 * A block compressor: compresses one buffer into one self-delimited block and back, with no
 * container around it. Implementations are stateless to their callers and safe to use from many
 * threads at once.
 *
 * <pre>{@code
 * Codec zstd = Codec.named("zstd");
 * byte[] out = new byte[zstd.maxCompressedLength(src.length)];
 * int n = zstd.compress(src, 0, src.length, out, 0, 3);
 * zstd.decompress(out, 0, n, back, 0, src.length);    // back equals src, or CodecException
 * }</pre>
 *
 * <ul>
 *   <li>{@code "zstd"}: one zstd frame, as {@code ZSTD_compress} writes it (content size recorded,
 *       no checksum); the level is zstd's, from -131072 to 22 (0 means zstd's default, 3).
 *   <li>{@code "lz4"}: a raw LZ4 block (no frame, no length prefix), what Blosc stores inside its
 *       container; the level is LZ4's <em>acceleration</em>, 1 (LZ4's default) to 65537, larger
 *       being faster and compressing less.
 *   <li>{@code "zlib"}: a zlib stream (RFC 1950, as Python's {@code zlib.compress}); the level is
 *       zlib's, 0 to 9, or -1 for zlib's default (6).
 *   <li>{@code "none"}: the bytes as they are; the level is ignored.
 * </ul>
 */
public interface Codec {
    /** The known codec names, in the order errors list them. */
    List<String> NAMES = List.of("zstd", "lz4", "zlib", "none");

    /** {@code "zstd"}, {@code "lz4"}, {@code "zlib"} or {@code "none"}. */
    String name();

    /** The largest block {@link #compress} can write for {@code len} input bytes. */
    int maxCompressedLength(int len);

    /**
     * Compresses {@code src[srcOff, srcOff+len)} into {@code dst} from {@code dstOff}, which must
     * have {@link #maxCompressedLength}{@code (len)} bytes of room, and returns the block's length.
     *
     * @throws IllegalArgumentException when {@code level} is outside the codec's range
     */
    int compress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int level);

    /**
     * Decompresses the block {@code src[srcOff, srcOff+len)} into {@code dst[dstOff, dstOff+decodedLen)}.
     *
     * @throws CodecException when the block is damaged, is not this codec's, or does not decode to
     *     exactly {@code decodedLen} bytes; the destination's content is then unspecified
     */
    void decompress(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int decodedLen);

    /**
     * The codec of that name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known codecs when there is none of that name
     */
    static Codec named(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "zstd" -> ZstdCodec.INSTANCE;
            case "lz4" -> Lz4Codec.INSTANCE;
            case "zlib" -> ZlibCodec.INSTANCE;
            case "none" -> NoneCodec.INSTANCE;
            default -> throw new IllegalArgumentException("unknown codec " + (name == null ? "null" : "'" + name + "'")
                    + "; the known codecs are " + String.join(", ", NAMES));
        };
    }
}
