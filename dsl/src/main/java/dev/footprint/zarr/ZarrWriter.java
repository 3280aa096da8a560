package dev.footprint.zarr;

import com.google.gson.JsonObject;
import dev.footprint.array.DType;
import dev.footprint.array.LossyCastException;
import dev.footprint.array.NDArray;
import dev.footprint.array.SliceSpec;
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

    /**
     * Saves {@code a} as a new store at {@code path}, one chunk at a time: a C-order array (heap,
     * big or mapped storage) is encoded row by row straight from its storage; a view, or a cast to
     * the options' dtype, takes a copy of one chunk's region at a time, never of the whole array.
     */
    static ZarrArray save(Path path, NDArray a, ZarrOptions options) {
        DType t = options.dtype() == null ? a.dtype() : options.dtype();
        long[] shape = a.shape();
        long[] chunks = options.chunkShape() == null ? ChunkGuess.guess(shape, t.itemsize()) : options.chunkShape();
        if (chunks.length != shape.length) {
            throw new IllegalArgumentException("chunks " + java.util.Arrays.toString(chunks) + " need one length per axis of shape "
                    + java.util.Arrays.toString(shape));
        }
        ZarrMetadata meta = new ZarrMetadata(shape, Blocks.toInts(chunks), t, ByteOrder.LITTLE_ENDIAN, false,
                options.fill(t), options.compressor(), ".");
        checkChunkSize(meta);
        if (t == a.dtype() && a.isContiguous()) {
            return write(path, meta, options.attrs(), (target, at) -> target.encodeFrom(at, a.storage(), a.storageOffset(), shape));
        }
        try {
            return write(path, meta, options.attrs(), (target, at) -> {
                long[] origin = target.origin(at);
                NDArray region = a.slice(regionSpec(target, at));
                try {
                    return target.encode(at, t == a.dtype() ? region : region.as(t));
                } catch (LossyCastException e) {
                    throw new ChunkCastException(e, origin);
                }
            });
        } catch (ChunkCastException e) {
            throw e.inWhole(a);
        }
    }

    /** A chunk's refusal to cast, with the chunk's origin, to be named by its index in the whole array. */
    private static final class ChunkCastException extends RuntimeException {
        static final java.util.Comparator<ChunkCastException> IN_C_ORDER = (x, y) -> java.util.Arrays.compare(x.index(), y.index());

        private final LossyCastException local;
        private final long[] origin;

        ChunkCastException(LossyCastException local, long[] origin) {
            super(local.getMessage(), local, false, false);
            this.local = local;
            this.origin = origin;
        }

        long[] index() {
            long[] i = local.index();
            for (int d = 0; d < i.length; d++) {
                i[d] += origin[d];
            }
            return i;
        }

        /** The refusal {@code a.as(dtype)} gives: the element's index in {@code a}, and the dtype that holds all of {@code a}. */
        LossyCastException inWhole(NDArray a) {
            return local.at(index(), a.minimalDType());
        }
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
            }, RuntimeException.class, ZarrWriter::firstInC);
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

    /** Which of two chunks' failures to report: a refused cast first in C order over the whole array, else the first chunk's. */
    private static int firstInC(RuntimeException x, RuntimeException y) {
        if (x instanceof StoreCastException sx && y instanceof StoreCastException sy) {
            return StoreCastException.IN_C_ORDER.compare(sx, sy);
        }
        if (x instanceof ChunkCastException cx && y instanceof ChunkCastException cy) {
            return ChunkCastException.IN_C_ORDER.compare(cx, cy);
        }
        return 0;
    }

    /** The slice spec of the region of the array that the chunk at {@code at} covers. */
    static String regionSpec(ChunkStore s, long[] at) {
        return SliceSpec.box(s.origin(at), s.valid(at));
    }
}
