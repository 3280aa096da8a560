package dev.footprint.compress;

import dev.footprint.array.ArrayCompressor;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;

/** The chunked compressed arrays behind {@code a.compress()}, declared in {@code META-INF/services}. */
public final class Compressors implements ArrayCompressor {

    @Override
    public CompressedNDArray compress(NDArray a, String codec, int level, int blockSize, long... chunkShape) {
        return ChunkedNDArray.compress(a, codec, level, blockSize, chunkShape);
    }

    @Override
    public int defaultBlockSize(String codec) {
        return ChunkedNDArray.defaultBlocksize(codec);
    }
}
