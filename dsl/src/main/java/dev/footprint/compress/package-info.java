/**
 * Compressed arrays in memory: the implementation of {@link dev.footprint.array.CompressedNDArray}
 * (declared by the engine, found through {@code META-INF/services}), a dense array cut into chunks that are byte-shuffled and compressed with the block codecs of
 * {@code dev.footprint.codec}. Everything that reads it works a chunk at a time, in parallel on a
 * pool with one worker per core, and returns what the dense array would, bit for bit. Built on
 * {@code NDArray}'s public API only; the sparse and report packages use it, never the reverse.
 */
package dev.footprint.compress;
