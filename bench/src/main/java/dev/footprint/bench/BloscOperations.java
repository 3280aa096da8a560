package dev.footprint.bench;

import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.compress.CompressedNDArray;

/** The operations {@code blosc_compare.py} times against c-blosc, shared with their correctness test. */
public final class BloscOperations {
    private BloscOperations() {}

    /**
     * Compresses {@code a} with {@code codec} at c-blosc's {@code clevel} (1 to 9), mapped to the
     * codec's own level as c-blosc maps it (byte shuffle always on).
     */
    public static CompressedNDArray compress(NDArray a, String codec, int clevel, long... chunkShape) {
        return a.compress(codec, BloscLayout.nativeLevel(codec, clevel), chunkShape);
    }

    /** The dense array back. */
    public static NDArray decompress(CompressedNDArray c) {
        return c.decompress();
    }
}
