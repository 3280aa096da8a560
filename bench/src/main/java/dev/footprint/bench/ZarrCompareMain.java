package dev.footprint.bench;

import dev.footprint.array.NDArray;
import dev.footprint.io.FileTrees;
import dev.footprint.io.Npy;
import dev.footprint.io.ProgressListener;
import dev.footprint.zarr.ZarrArray;
import dev.footprint.zarr.ZarrFactory;
import dev.footprint.zarr.ZarrOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times writing and reading a Zarr store the way {@code zarr_compare.py} times zarr-python: the
 * array loaded from a {@code .npy}, one untimed write and read to warm up, then the median of
 * {@code reps} timed writes (each into an emptied folder, the emptying not timed) and reads of
 * the whole array, in wall time and in CPU time of the process. Prints JSON lines
 * {@code {"op": "write", "ms": ..., "cpu_ms": ...}}, then the sums of the
 * array it read back and of the store zarr-python wrote, for the script to check.
 *
 * <p>Arguments: {@code data.npy out.zarr python.zarr reps chunk...}.
 */
public final class ZarrCompareMain {
    private ZarrCompareMain() {}

    public static void main(String[] args) throws IOException {
        NDArray a = Npy.read(Path.of(args[0]), ProgressListener.NONE);
        Path out = Path.of(args[1]);
        Path fromPython = Path.of(args[2]);
        int reps = Integer.parseInt(args[3]);
        long[] chunks = Arrays.stream(args, 4, args.length).mapToLong(Long::parseLong).toArray();
        ZarrFactory zarr = new ZarrFactory();
        ZarrOptions options = zarr.options().chunks(chunks);
        double[] write = new double[reps];
        double[] read = new double[reps];
        double[] writeCpu = new double[reps];
        double[] readCpu = new double[reps];
        NDArray back = null;
        for (int i = -1; i < reps; i++) {
            FileTrees.delete(out);
            long c0 = cpu();
            long t0 = System.nanoTime();
            zarr.save(out, a, options);
            long t1 = System.nanoTime();
            long c1 = cpu();
            back = zarr.open(out).read();
            long t2 = System.nanoTime();
            long c2 = cpu();
            if (i >= 0) {
                write[i] = (t1 - t0) / 1e6;
                read[i] = (t2 - t1) / 1e6;
                writeCpu[i] = (c1 - c0) / 1e6;
                readCpu[i] = (c2 - c1) / 1e6;
            }
            back = i < reps - 1 ? null : back;
        }
        print("write", write, writeCpu);
        print("read", read, readCpu);
        ZarrArray z = zarr.open(out);
        System.out.printf(Locale.ROOT, "{\"op\": \"check\", \"equal\": %s, \"stored\": %d, \"sum_python_store\": %s}%n",
                a.equals(back), z.storedBytes(), zarr.open(fromPython).sum().doubleValue());
    }

    private static void print(String op, double[] ms, double[] cpuMs) {
        System.out.printf(Locale.ROOT, "{\"op\": \"%s\", \"ms\": %.1f, \"cpu_ms\": %.1f}%n", op, median(ms), median(cpuMs));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** CPU time of the whole process (all threads), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
