package dev.footprint.compress;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;

/**
 * What compressing an array with the default chunks would store, measured: on the whole array
 * when it has at most {@code maxChunks} chunks, else on that many chunks spread evenly through it
 * and scaled to the whole (chunks are C-contiguous runs, so a sample is a set of runs).
 *
 * <pre>{@code
 * CompressionEstimate.of(a, "zstd", 1, 16).storedBytes();
 * }</pre>
 *
 * @param storedBytes the bytes measured, or estimated from the sample
 * @param sampledChunks the chunks compressed to measure it
 * @param chunks the chunks of the whole array
 * @param array the compressed array when every chunk was compressed, else null
 */
public record CompressionEstimate(long storedBytes, int sampledChunks, int chunks, CompressedNDArray array) {
    /** Whether this is a measurement on a sample, scaled. */
    public boolean sampled() {
        return sampledChunks < chunks;
    }

    /** Measures {@code a} compressed with {@code codec} at {@code level} in default chunks, on at most {@code maxChunks} of them. */
    public static CompressionEstimate of(NDArray a, String codec, int level, int maxChunks) {
        return measure(a, a.dtype(), codec, level, maxChunks);
    }

    /**
     * Measures {@code a.as(dtype)} compressed as {@link #of} does, without making the whole cast
     * array when it is sampled: only the sampled chunks are cast, one at a time (what
     * {@code advise} does for a mapped file larger than the heap). The cast must be lossless.
     */
    public static CompressionEstimate ofCast(NDArray a, DType dtype, String codec, int level, int maxChunks) {
        return measure(a, dtype, codec, level, maxChunks);
    }

    private static CompressionEstimate measure(NDArray a, DType dtype, String codec, int level, int maxChunks) {
        long[] shape = a.shape();
        int[] chunk = Chunking.contiguous(shape, dtype.itemsize(), CompressedNDArray.DEFAULT_CHUNK_BYTES);
        Chunking chunking = new Chunking(shape, chunk);
        if (chunking.count <= maxChunks) {
            CompressedNDArray c = (dtype == a.dtype() ? a : a.as(dtype)).compress(codec, level);
            return new CompressionEstimate(c.storedBytes(), chunking.count, chunking.count, c);
        }
        long perChunk = Chunking.elements(chunk);
        NDArray flat = a.reshape(a.size());
        long stored = 0;
        long sampledElements = 0;
        for (int k = 0; k < maxChunks; k++) {
            long i = (long) k * chunking.count / maxChunks;
            long from = i * perChunk;
            long to = Math.min(a.size(), from + perChunk);
            NDArray piece = flat.slice(from + ":" + to);
            stored += (dtype == a.dtype() ? piece : piece.as(dtype)).compress(codec, level, to - from).storedBytes();
            sampledElements += to - from;
        }
        long estimate = Math.round((double) stored * a.size() / sampledElements);
        return new CompressionEstimate(estimate, maxChunks, chunking.count, null);
    }
}
