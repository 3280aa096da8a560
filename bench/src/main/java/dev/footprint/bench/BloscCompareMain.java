package dev.footprint.bench;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import dev.footprint.io.Npy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Java side of {@code blosc_compare.py}: compresses one {@code .npy} array as that script
 * compresses it with c-blosc (same codec, level and byte shuffle; the threads come from
 * {@code -Dfootprint.threads}), times compressing and decompressing (warm-up, then the median of
 * repeated calls) and prints one JSON line:
 * {@code {"stored": 123, "compress_ms": 1.2, "decompress_ms": 0.8, "same": true, "chunks": 32}}.
 * Arguments: the file, the codec, c-blosc's clevel (mapped to the codec's level as c-blosc maps
 * it), and optionally the chunk length of the
 * first axis (default: the compressed array's default chunks).
 */
public final class BloscCompareMain {
    private BloscCompareMain() {}

    public static void main(String[] args) {
        NDArray a = Npy.read(Path.of(args[0]));
        String codec = args[1];
        int clevel = Integer.parseInt(args[2]);
        long[] chunk = args.length > 3 ? firstAxisChunks(a, Long.parseLong(args[3])) : new long[0];
        CompressedNDArray c = BloscOperations.compress(a, codec, clevel, chunk);
        double compressMs = medianMillis(() -> BloscOperations.compress(a, codec, clevel, chunk));
        double decompressMs = medianMillis(() -> BloscOperations.decompress(c));
        boolean same = BloscOperations.decompress(c).equals(a);
        System.out.printf(Locale.ROOT, "{\"stored\": %d, \"compress_ms\": %.4f, \"decompress_ms\": %.4f, \"same\": %s, "
                + "\"chunks\": %d, \"chunk_shape\": \"%s\"}%n", c.storedBytes(), compressMs, decompressMs, same,
                c.chunkCount(), Arrays.toString(c.chunkShape()));
    }

    private static long[] firstAxisChunks(NDArray a, long rows) {
        long[] c = a.shape();
        c[0] = rows;
        return c;
    }

    /** Warm-up for about two seconds, then the median of 15 timed calls. */
    static double medianMillis(Supplier<Object> op) {
        long sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += op.get().hashCode() & 1;
        }
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            sink += op.get().hashCode() & 1;
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == -1) {
            System.out.print("");
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
