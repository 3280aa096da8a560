/**
 * Zarr v2 directory stores, written and read as zarr-python 2 and Dask do: {@code .zarray} JSON
 * and one file per chunk, with the compressors zarr-python uses (Blosc with lz4, zstd or zlib
 * inside, Zstd, Zlib, none). {@link dev.footprint.zarr.ZarrFactory} is the DSL's {@code zarr};
 * {@link dev.footprint.zarr.ZarrArray} is an opened store, read lazily chunk by chunk.
 *
 * <pre>{@code
 * zarr.save("image.zarr", image);
 * zarr.open("image.zarr").sum(0);
 * }</pre>
 *
 * <p>The codecs inside come from {@code dev.footprint.codec}; this package owns the format
 * (metadata, the Blosc container, chunk keys and edge chunks) and the safe writing of stores.
 * It uses the engine through {@code NDArray}'s public API, and moves elements between chunks and
 * arrays of any size through the storage layer ({@code dev.footprint.storage}).
 */
package dev.footprint.zarr;
