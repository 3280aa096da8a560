package dev.footprint.bench;

import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times each benchmarked operation the way {@code compare.py} times NumPy (warm-up, then the
 * median wall time of repeated calls, and their mean CPU time of the whole process, {@link
 * ProcessCpu}) and prints one JSON object per line:
 * {@code {"op": "sum", "n": 1024, "ms": 0.21, "cpu_ms": 0.21}}.
 * Arguments: sizes, default {@code 1024 4096}.
 */
public final class CompareMain {
    private CompareMain() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1024, 4096} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            Operations.Inputs in = new Operations.Inputs(n, 42);
            Map<String, Supplier<NDArray>> ops = new LinkedHashMap<>();
            ops.put("ones_uint16", () -> Operations.onesUint16(n));
            ops.put("random", () -> Operations.random(n));
            ops.put("copy_mask_set", () -> Operations.copyAndMaskSet(in.random));
            ops.put("as_float32", () -> Operations.asFloat32(in.float32Exact));
            ops.put("as_float32_unsafe", () -> Operations.asFloat32Unsafe(in.float32Exact));
            ops.put("sum", () -> Operations.sum(in.random));
            ops.put("add", () -> Operations.add(in.random, in.other));
            ops.put("lt", () -> Operations.lessThan(in.random));
            for (Map.Entry<String, Supplier<NDArray>> op : ops.entrySet()) {
                double[] ms = medianMillis(op.getValue(), n);
                System.out.printf(java.util.Locale.ROOT, "{\"op\": \"%s\", \"n\": %d, \"ms\": %.4f, \"cpu_ms\": %.4f}%n",
                        op.getKey(), n, ms[0], ms[1]);
            }
        }
    }

    /**
     * Warm-up for about a second (so the JIT compiles the loops), then the timed calls' median wall
     * time and mean process CPU time (the total over the calls, divided), in ms.
     */
    static double[] medianMillis(Supplier<NDArray> op, int n) {
        long sink = 0;
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += op.get().size();
        }
        int reps = n <= 1024 ? 60 : 12;
        double[] times = new double[reps];
        long c0 = ProcessCpu.nanos();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += op.get().size();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpu = (ProcessCpu.nanos() - c0) / 1e6 / reps;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        Arrays.sort(times);
        return new double[] {times[reps / 2], cpu};
    }
}
