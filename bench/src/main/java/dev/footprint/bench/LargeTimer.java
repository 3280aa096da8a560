package dev.footprint.bench;

import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Times operations over large arrays (a mapped file, a big array) as {@code compare.py} times
 * NumPy's: two warm-up calls (the JIT, the page cache), then the median of five, in wall time and
 * in the process's CPU time ({@link ProcessCpu}: every thread, which a machine loaded by other
 * work disturbs less than wall time). Each call's
 * result is dropped before the next call, so two results of several GiB are never held at once.
 * Prints one JSON object per operation:
 * {@code {"op": "sum", "ms": 312.5, "cpu_ms": 301.2, "check": 1610612736.2}}.
 */
final class LargeTimer {
    private LargeTimer() {}

    /** Times each operation and prints its line; {@code check} gives the number {@code compare.py} compares from the last result. */
    static void run(Map<String, Supplier<NDArray>> ops, Map<String, ToDoubleFunction<NDArray>> checks) {
        for (Map.Entry<String, Supplier<NDArray>> op : ops.entrySet()) {
            NDArray[] last = new NDArray[1];
            double[] wall = new double[5];
            double[] cpu = new double[5];
            for (int i = -2; i < wall.length; i++) {
                last[0] = null;
                long c0 = ProcessCpu.nanos();
                long t0 = System.nanoTime();
                last[0] = op.getValue().get();
                if (i >= 0) {
                    wall[i] = (System.nanoTime() - t0) / 1e6;
                    cpu[i] = (ProcessCpu.nanos() - c0) / 1e6;
                }
            }
            double check = checks.get(op.getKey()).applyAsDouble(last[0]);
            last[0] = null;
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "{\"op\": \"%s\", \"ms\": %.1f, \"cpu_ms\": %.1f, \"check\": %.17g}%n",
                    op.getKey(), wall[2], cpu[2], check);
        }
    }
}
