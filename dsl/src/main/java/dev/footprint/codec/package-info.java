/**
 * Block codecs: Blosc's byte {@link dev.footprint.codec.Shuffle} and the block compressors
 * behind {@link dev.footprint.codec.Codec} (zstd, lz4, zlib, none), each producing exactly the
 * bytes its C library and numcodecs read. No container format lives here: compressed arrays and
 * Zarr stores put their own headers around these blocks. Nothing here knows arrays or dtypes.
 */
package dev.footprint.codec;
