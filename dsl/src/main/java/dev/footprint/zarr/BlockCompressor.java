package dev.footprint.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.codec.Codec;
import dev.footprint.codec.CodecException;
import java.util.Arrays;

/**
 * numcodecs' {@code Zstd(level)} and {@code Zlib(level)}: each chunk is one block of the codec
 * (a zstd frame, a zlib stream), with no container around it.
 */
record BlockCompressor(String id, int level) implements ChunkCompressor {

    BlockCompressor {
        boolean zlib = id.equals("zlib");
        if (!zlib && !id.equals("zstd")) {
            throw new IllegalArgumentException("no block compressor '" + id + "'");
        }
        if (zlib ? level < 0 || level > 9 : level < -131072 || level > 22) {
            throw new IllegalArgumentException(id + " level " + level + " is outside " + (zlib ? "0..9" : "-131072..22"));
        }
    }

    @Override
    public JsonElement config() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("level", level);
        return o;
    }

    @Override
    public String describe() {
        return id + "(level " + level + ")";
    }

    @Override
    public byte[] encode(byte[] raw, int len, int typesize) {
        Codec codec = Codec.named(id);
        byte[] out = new byte[codec.maxCompressedLength(len)];
        return Arrays.copyOf(out, codec.compress(raw, 0, len, out, 0, level));
    }

    @Override
    public void decode(byte[] stored, byte[] out, int len) {
        try {
            Codec.named(id).decompress(stored, 0, stored.length, out, 0, len);
        } catch (CodecException e) {
            throw new BadChunkException(id + " data does not decode to the chunk's " + len + " bytes: "
                    + e.getMessage(), e);
        }
    }
}
