package dev.footprint.bench;

import dev.footprint.array.NDArray;
import dev.footprint.compress.CompressedNDArray;

/** The operations {@code blosc_compare.py} times against c-blosc, shared with their correctness test. */
public final class BloscOperations {
    private BloscOperations() {}

    /** Compresses {@code a} with {@code codec} at its own {@code level} (byte shuffle always on). */
    public static CompressedNDArray compress(NDArray a, String codec, int level, long... chunkShape) {
        return a.compress(codec, level, chunkShape);
    }

    /** The dense array back. */
    public static NDArray decompress(CompressedNDArray c) {
        return c.decompress();
    }

    /** c-blosc 1's level for a codec (its {@code clevel}, 1 to 9) as the codec's own: lz4's acceleration, zstd's level. */
    public static int nativeLevel(String codec, int clevel) {
        return switch (codec) {
            case "lz4" -> 10 - clevel;
            case "zstd" -> clevel < 9 ? 2 * clevel - 1 : 22;
            case "zlib" -> clevel;
            default -> throw new IllegalArgumentException("no c-blosc level mapping for " + codec);
        };
    }
}
