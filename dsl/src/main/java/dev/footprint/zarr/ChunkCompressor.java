package dev.footprint.zarr;

import com.google.gson.JsonElement;

/**
 * How the bytes of one chunk are stored: the {@code compressor} of a {@code .zarray}. Records,
 * so two compressors with the same settings are equal (a copy between them keeps chunks as they are).
 */
interface ChunkCompressor {

    /** The {@code .zarray}'s {@code compressor} object, or JSON null for none. */
    JsonElement config();

    /** A short description for summaries: {@code blosc(lz4, clevel 5, shuffle)}. */
    String describe();

    /** The stored form of {@code raw[0..len)}, a new array; {@code typesize} is the dtype's width (for shuffling). */
    byte[] encode(byte[] raw, int len, int typesize);

    /**
     * Decodes {@code stored} into exactly {@code len} bytes at the start of {@code out}.
     *
     * @throws BadChunkException the bytes are damaged or decode to another length (the message says how)
     */
    void decode(byte[] stored, byte[] out, int len);

    /** A chunk's stored bytes that cannot be decoded; the caller adds the store and key. */
    final class BadChunkException extends RuntimeException {
        BadChunkException(String problem) {
            super(problem);
        }

        BadChunkException(String problem, Throwable cause) {
            super(problem, cause);
        }
    }
}
