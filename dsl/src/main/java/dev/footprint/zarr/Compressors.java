package dev.footprint.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;

/** Reads a {@code .zarray}'s {@code compressor} object into the compressor that decodes its chunks. */
final class Compressors {
    static final String SUPPORTED = "Footprint reads blosc (lz4, lz4hc, zstd or zlib inside; no shuffle "
            + "or byte shuffle), zstd, zlib, and none";

    private Compressors() {}

    static ChunkCompressor parse(Path store, JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return new Uncompressed();
        }
        if (!e.isJsonObject() || !e.getAsJsonObject().has("id")) {
            throw ZarrFormatException.field(store, "compressor", e, "it must be null or an object with an \"id\"");
        }
        JsonObject o = e.getAsJsonObject();
        String id = o.get("id").getAsString();
        try {
            return switch (id) {
                case "blosc" -> BloscCompressor.fromJson(o);
                case "zstd", "zlib" -> new BlockCompressor(id, intField(o, "level", 1));
                default -> throw ZarrFormatException.field(store, "compressor", e,
                        "compressor '" + id + "' is not supported; " + SUPPORTED);
            };
        } catch (IllegalArgumentException x) {
            throw ZarrFormatException.field(store, "compressor", e, x.getMessage() + "; " + SUPPORTED);
        }
    }

    static int intField(JsonObject o, String name, int otherwise) {
        JsonElement v = o.get(name);
        if (v == null || v.isJsonNull()) {
            return otherwise;
        }
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("\"" + name + "\" is " + v + ", not an integer");
        }
        return v.getAsInt();
    }
}
