package dev.footprint.zarr;

import dev.footprint.array.Arguments;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import java.nio.file.Path;

/**
 * Zarr v2 stores on disk, written and read as zarr-python 2 and Dask do: the DSL's {@code zarr}.
 *
 * <pre>{@code
 * zarr.save("image.zarr", image);                      // zarr-python's defaults: Blosc lz4, shuffle
 * var z = zarr.open("image.zarr");                     // lazy: reads chunks as operations need them
 * z.sum();  z.slice("0:100, :");  z.as(UINT16);
 * }</pre>
 */
public final class ZarrFactory {

    /**
     * Opens the Zarr v2 array at {@code path}, reading only its {@code .zarray}.
     *
     * <pre>{@code
     * zarr.open("data.zarr").shape();
     * }</pre>
     *
     * @throws ZarrFormatException the folder is not a Zarr array, or its metadata is not one Footprint reads
     */
    public ZarrArray open(String path) {
        return open(dev.footprint.array.Arguments.path(path));
    }

    /** As {@link #open(String)}. */
    public ZarrArray open(Path path) {
        return ZarrArray.open(Arguments.notNull(path, "path"));
    }

    /**
     * Writes {@code a} as a Zarr v2 store at {@code path} with zarr-python's defaults (chunks
     * guessed from the shape, Blosc lz4 level 5 with byte shuffle, fill 0), replacing a Zarr
     * array already there. A folder holding anything else is refused. The store is written into a
     * hidden folder beside {@code path} and moved into place when complete, so a failed write
     * leaves the store that was there as it was.
     *
     * <pre>{@code
     * zarr.save("image.zarr", image).storedBytes();
     * }</pre>
     */
    public ZarrArray save(String path, NDArray a) {
        return save(dev.footprint.array.Arguments.path(path), a, ZarrOptions.DEFAULT);
    }

    /**
     * As {@link #save(String, NDArray)}, with chunks, compressor, fill value or dtype chosen.
     *
     * <pre>{@code
     * zarr.save("image.zarr", image, zarr.options().chunks(512, 512).blosc("zstd", 5));
     * }</pre>
     */
    public ZarrArray save(String path, NDArray a, ZarrOptions options) {
        return save(dev.footprint.array.Arguments.path(path), a, options);
    }

    /** As {@link #save(String, NDArray, ZarrOptions)}. */
    public ZarrArray save(Path path, NDArray a, ZarrOptions options) {
        return ZarrWriter.save(Arguments.notNull(path, "path"), Arguments.notNull(a, "a"), Arguments.notNull(options, "options"));
    }

    /**
     * Writes the compressed array {@code c} as a Zarr v2 store at {@code path}, chunk by chunk
     * (never decompressing it whole): its chunk shape, Blosc with its codec, the c-blosc clevel of
     * its level and its block size, byte shuffle. Chunks are written as they are held, with Blosc's
     * header in front and not compressed again, except edge chunks, which Zarr pads to the chunk
     * shape. Safe as {@link #save(String, NDArray)}; zarr-python and Dask read the store.
     *
     * <pre>{@code
     * zarr.save("image.zarr", image.compress("lz4", 5));
     * }</pre>
     */
    public ZarrArray save(String path, CompressedNDArray c) {
        return save(dev.footprint.array.Arguments.path(path), c, ZarrOptions.DEFAULT);
    }

    /**
     * As {@link #save(String, CompressedNDArray)} with chunks, compressor, fill value, dtype or
     * attributes chosen; chunks another compressor or chunk shape needs are decoded and encoded
     * again, one chunk at a time.
     *
     * <pre>{@code
     * zarr.save("image.zarr", c, zarr.options().attrs(Map.of("units", "counts")));
     * }</pre>
     */
    public ZarrArray save(String path, CompressedNDArray c, ZarrOptions options) {
        return save(dev.footprint.array.Arguments.path(path), c, options);
    }

    /** As {@link #save(String, CompressedNDArray, ZarrOptions)}. */
    public ZarrArray save(Path path, CompressedNDArray c, ZarrOptions options) {
        return StoreCompression.save(Arguments.notNull(path, "path"), Arguments.notNull(c, "c"),
                Arguments.notNull(options, "options"), new StoreCompression.Counts());
    }

    /** zarr-python's defaults, to change: {@code zarr.options().chunks(256, 256).zstd(3)}. */
    public ZarrOptions options() {
        return ZarrOptions.DEFAULT;
    }
}
