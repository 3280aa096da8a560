package dev.footprint.zarr;

/**
 * Per-thread byte buffers reused from chunk to chunk: a chunk's decoded bytes and Blosc's
 * working space are megabytes each, which the collector would otherwise allocate and free
 * (as humongous objects) for every chunk. Buffers above 16 MiB are not kept.
 */
final class Scratch {
    /** What a buffer is for; two uses at once never share one. */
    enum Use { CHUNK, SHUFFLE, OUTPUT }

    private static final int KEEP_UP_TO = 16 << 20;
    private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[Use.values().length][]);

    private Scratch() {}

    /** A buffer of at least {@code size} bytes, its content undefined, valid until this thread asks for {@code use} again. */
    static byte[] bytes(Use use, int size) {
        if (size > KEEP_UP_TO) {
            return new byte[size];
        }
        byte[][] mine = BUFFERS.get();
        byte[] b = mine[use.ordinal()];
        if (b == null || b.length < size) {
            b = new byte[size];
            mine[use.ordinal()] = b;
        }
        return b;
    }
}
