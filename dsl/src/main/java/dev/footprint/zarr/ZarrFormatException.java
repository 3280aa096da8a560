package dev.footprint.zarr;

import java.nio.file.Path;

/**
 * A Zarr store that Footprint cannot read as it is: metadata it does not understand, a chunk
 * that is damaged, or a folder that is not a Zarr array. The message names the store, the field
 * or chunk key, and what was wrong; nothing is returned from a store that fails this way.
 *
 * <pre>{@code
 * zarr.open("broken.zarr").sum();
 * // ZarrFormatException: Zarr store broken.zarr, chunk 0.1: Blosc header says 4096 compressed bytes, the file has 1200
 * }</pre>
 */
public class ZarrFormatException extends RuntimeException {
    private final transient Path store;

    ZarrFormatException(Path store, String problem) {
        super("Zarr store " + store + ": " + problem);
        this.store = store;
    }

    ZarrFormatException(Path store, String problem, Throwable cause) {
        super("Zarr store " + store + ": " + problem, cause);
        this.store = store;
    }

    /** The store the problem was found in. */
    public Path store() {
        return store;
    }

    /** A damaged chunk: names its key and what was wrong. */
    static ZarrFormatException chunk(Path store, String key, String problem) {
        return new ZarrFormatException(store, "chunk " + key + ": " + problem);
    }

    /** A metadata field Footprint does not read: names the field and its value. */
    static ZarrFormatException field(Path store, String field, Object value, String what) {
        return new ZarrFormatException(store, ".zarray field '" + field + "' is " + value + "; " + what);
    }
}
