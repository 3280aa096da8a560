package dev.footprint.zarr;

import com.google.gson.JsonObject;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.io.AtomicFile;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes Zarr v2 stores safely: the chunks, then the {@code .zarray}, go into a hidden folder
 * beside the store's path, which replaces the store only when complete. A write that fails part
 * way leaves an existing store of that name as it was, and no new store.
 */
final class ZarrWriter {
    /** The stored bytes of the chunk at a grid position of the new store, or null to leave it missing. */
    interface ChunkSource {
        byte[] chunk(ChunkStore target, long[] at);
    }

    private ZarrWriter() {}

    /** Saves {@code a} as a new store at {@code path}. */
    static ZarrArray save(Path path, NDArray a, ZarrOptions options) {
        DType t = options.dtype() == null ? a.dtype() : options.dtype();
        NDArray src = t == a.dtype() ? a : a.as(t);
        long[] shape = src.shape();
        long[] chunks = options.chunkShape() == null ? ChunkGuess.guess(shape, t.itemsize()) : options.chunkShape();
        if (chunks.length != shape.length) {
            throw new IllegalArgumentException("chunks " + java.util.Arrays.toString(chunks) + " need one length per axis of shape "
                    + java.util.Arrays.toString(shape));
        }
        ZarrMetadata meta = new ZarrMetadata(shape, Blocks.toInts(chunks), t, ByteOrder.LITTLE_ENDIAN, false,
                options.fill(t), options.compressor(), ".");
        checkChunkSize(meta);
        Object data = src.contiguousData();
        int[] dims = Blocks.toInts(shape);
        return write(path, meta, options.attrs(), (target, at) -> target.encodeFrom(at, data, dims));
    }

    static void checkChunkSize(ZarrMetadata meta) {
        long bytes = meta.dtype().itemsize();
        for (int c : meta.chunks()) {
            bytes *= c;
        }
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a chunk of " + bytes + " bytes is larger than a chunk can be (2 GiB);"
                    + " choose smaller chunks");
        }
    }

    /**
     * Writes every chunk from {@code source} (in parallel), then the attributes (when not null) and
     * the metadata, into a hidden folder beside {@code path}, and moves it into place when complete
     * ({@link StagedStore}).
     */
    static ZarrArray write(Path path, ZarrMetadata meta, JsonObject attrs, ChunkSource source) {
        StagedStore.checkReplaceable(path);
        Path staged = StagedStore.create(path);
        boolean done = false;
        try {
            ChunkStore target = new ChunkStore(staged, meta);
            ChunkTasks.forEachAll(target.chunkCount, i -> {
                long[] at = target.position(i);
                byte[] bytes = source.chunk(target, at);
                if (bytes != null) {
                    target.writeStored(target.key(at), bytes);
                }
            }, StoreCastException.class, StoreCastException.IN_C_ORDER);
            if (attrs != null) {
                Attributes.write(staged, attrs);
            }
            AtomicFile.write(staged.resolve(ZarrMetadata.ARRAY_FILE), meta.toJson().getBytes(StandardCharsets.UTF_8));
            StagedStore.moveIntoPlace(staged, path);
            done = true;
        } finally {
            if (!done) {
                StagedStore.deleteQuietly(staged);
            }
        }
        return new ZarrArray(path, meta, attrs == null ? java.util.Map.of() : Attributes.toJava(attrs));
    }

    /** The slice spec of the region of the array that the chunk at {@code at} covers. */
    static String regionSpec(ChunkStore s, long[] at) {
        long[] o = s.origin(at);
        int[] v = s.valid(at);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < o.length; i++) {
            b.append(i == 0 ? "" : ",").append(o[i]).append(':').append(o[i] + v[i]);
        }
        return b.toString();
    }
}
