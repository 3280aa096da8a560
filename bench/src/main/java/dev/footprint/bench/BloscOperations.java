package dev.footprint.bench;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;

/** The operations {@code blosc_compare.py} times against c-blosc, shared with their correctness test. */
public final class BloscOperations {
    private BloscOperations() {}

    /**
     * Compresses {@code a} with {@code codec} at c-blosc's {@code clevel} (1 to 9), mapped to the
     * codec's own level as c-blosc maps it (byte shuffle always on), in the blocks c-blosc cuts
     * for that level (block size 0), as {@code blosc.compress} does; not the in-memory default's.
     */
    public static CompressedNDArray compress(NDArray a, String codec, int clevel, long... chunkShape) {
        return CompressedNDArray.withBlockSize(a, codec, BloscLayout.nativeLevel(codec, clevel), 0, chunkShape);
    }

    /** The dense array back. */
    public static NDArray decompress(CompressedNDArray c) {
        return c.decompress();
    }
}
