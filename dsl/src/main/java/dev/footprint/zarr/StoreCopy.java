package dev.footprint.zarr;

import com.google.gson.JsonObject;
import dev.footprint.array.DType;
import dev.footprint.array.LossyCastException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Copies a store into a new one chunk by chunk. With the same dtype and compressor the stored
 * bytes are copied as they are; otherwise each chunk is decoded, converted losslessly and
 * encoded again. Chunks that were never written stay unwritten. The user attributes are copied
 * too, unless the options give others.
 */
final class StoreCopy {
    private StoreCopy() {}

    static ZarrArray copy(ZarrArray source, ChunkStore src, Path target, ZarrOptions options) {
        ZarrMetadata m = src.meta;
        if (options.chunkShape() != null && !Arrays.equals(options.chunkShape(), Blocks.toLongs(m.chunks()))) {
            throw new IllegalArgumentException("copyTo keeps the chunk shape " + Arrays.toString(m.chunks())
                    + "; to rechunk, read the array (or slices of it) and zarr.save it with the chunks you want");
        }
        if (target.toAbsolutePath().normalize().equals(source.path().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("cannot copy Zarr store " + source.path() + " onto itself; choose another path");
        }
        DType t = options.dtype() == null ? m.dtype() : options.dtype();
        ChunkCompressor c = options.compressorChosen() ? options.compressor() : m.compressor();
        JsonObject attrs = options.attrs() != null ? options.attrs() : source.attrs().isEmpty() ? null
                : Attributes.toJson(source.attrs());
        if (t == m.dtype() && c.equals(m.compressor())) {
            return ZarrWriter.write(target, m, attrs, (out, at) -> src.readStored(src.key(at)));
        }
        FillValue fill;
        try {
            fill = m.fill().in(t);
        } catch (LossyCastException e) {
            throw new IllegalArgumentException("the store's fill_value " + m.fill() + " does not fit " + t
                    + "; copy into a dtype that holds it", e);
        }
        ZarrMetadata meta = new ZarrMetadata(m.shape(), m.chunks(), t, ByteOrder.LITTLE_ENDIAN, false, fill, c, ".");
        return ZarrWriter.write(target, meta, attrs, (out, at) -> {
            byte[] stored = src.readStored(src.key(at));
            return stored == null ? null : out.encode(at, ZarrArray.cast(src, at, src.read(at, stored), t));
        });
    }
}
