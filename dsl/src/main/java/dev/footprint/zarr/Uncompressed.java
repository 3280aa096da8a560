package dev.footprint.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.Arrays;

/** {@code "compressor": null}: a chunk file holds the chunk's bytes as they are. */
record Uncompressed() implements ChunkCompressor {

    @Override
    public JsonElement config() {
        return JsonNull.INSTANCE;
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public byte[] encode(byte[] raw, int len, int typesize) {
        return Arrays.copyOf(raw, len);
    }

    @Override
    public void decode(byte[] stored, byte[] out, int len) {
        if (stored.length != len) {
            throw new BadChunkException("uncompressed chunk has " + stored.length + " bytes, expected "
                    + len + " (chunk shape × itemsize)");
        }
        System.arraycopy(stored, 0, out, 0, len);
    }
}
