package dev.footprint.bench;

import static dev.footprint.Footprint.*;

import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times {@code sum}, {@code lt(0.5)} and {@code as(FLOAT32, UNSAFE)} over a {@code .npy} file
 * mapped read-only ({@code arr.load(file, MMAP_READ)}, NumPy's {@code mmap_mode='r'}), as
 * {@code compare.py} times NumPy on the same file, and prints one JSON object per line:
 * {@code {"op": "sum", "ms": 312.5, "check": 1610612736.2}}; the check (the sum, the number of
 * true elements, the float32 sum) lets {@code compare.py} see that both sides computed the same.
 * Arguments: the file. The page cache is warmed by the first calls.
 */
public final class MappedCompareMain {
    private MappedCompareMain() {}

    public static void main(String[] args) {
        NDArray a = arr.load(args[0], MMAP_READ);
        Map<String, Supplier<NDArray>> ops = new LinkedHashMap<>();
        ops.put("sum", a::sum);
        ops.put("lt", () -> a.lt(0.5));
        ops.put("as_float32_unsafe", () -> a.as(FLOAT32, UNSAFE));
        for (Map.Entry<String, Supplier<NDArray>> op : ops.entrySet()) {
            NDArray[] last = new NDArray[1];
            double ms = medianMillis(() -> last[0] = op.getValue().get());
            double check = op.getKey().equals("lt") ? last[0].countNonzero() : last[0].sum().doubleValue();
            last[0] = null;
            System.out.printf(java.util.Locale.ROOT, "{\"op\": \"%s\", \"ms\": %.1f, \"check\": %.17g}%n", op.getKey(), ms, check);
        }
    }

    /** Two warm-up calls (the JIT, the page cache), then the median of five. */
    static double medianMillis(Runnable op) {
        op.run();
        op.run();
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            op.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
