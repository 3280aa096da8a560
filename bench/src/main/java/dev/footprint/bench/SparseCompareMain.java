package dev.footprint.bench;

import dev.footprint.array.NDArray;
import dev.footprint.sparse.SparseArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the sparse operations the way {@code compare.py} times pydata {@code sparse} and scipy
 * (warm-up, then the median of repeated calls) and prints one JSON object per line:
 * {@code {"op": "todense", "n": 1024, "density": 0.1, "ms": 0.81, "nnz": 104857}}. The matrix-vector
 * line also carries {@code "check"}, the sum of the product, so the caller can confirm that
 * both sides computed on the same numbers. Arguments: sizes, default {@code 1024}; densities are
 * 10 % and 1 %.
 */
public final class SparseCompareMain {
    /** The densities compared, as {@code compare.py}'s {@code SPARSE_DENSITIES}. */
    static final double[] DENSITIES = {0.1, 0.01};
    static final long SEED = 42;

    private SparseCompareMain() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1024} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int n : sizes) {
            for (double density : DENSITIES) {
                SparseOperations.Inputs in = new SparseOperations.Inputs(n, density, SEED);
                Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
                ops.put("coo", () -> SparseOperations.coo(in.dense));
                ops.put("todense", () -> SparseOperations.todense(in.coo));
                ops.put("tocsr", () -> SparseOperations.tocsr(in.coo));
                ops.put("csr_matvec", () -> SparseOperations.matvec(in.csr, in.vector));
                for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
                    double ms = medianMillis(op.getValue(), n);
                    String check = "";
                    if (op.getKey().equals("csr_matvec")) {
                        NDArray y = SparseOperations.matvec(in.csr, in.vector);
                        double sum = 0;
                        for (long i = 0; i < y.size(); i++) sum += y.getDoubleFlat(i);
                        check = String.format(Locale.ROOT, ", \"check\": %.17g", sum);
                    }
                    System.out.printf(Locale.ROOT, "{\"op\": \"%s\", \"n\": %d, \"density\": %s, \"ms\": %.4f, \"nnz\": %d%s}%n",
                            op.getKey(), n, density, ms, in.coo.nnz(), check);
                }
            }
        }
    }

    /** Warm-up for about a second (so the JIT compiles the loops), then the median of timed calls. */
    static double medianMillis(Supplier<Object> op, int n) {
        long sink = 0;
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += sizeOf(op.get());
        }
        int reps = n <= 1024 ? 60 : 12;
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += sizeOf(op.get());
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        Arrays.sort(times);
        return times[reps / 2];
    }

    private static long sizeOf(Object result) {
        return result instanceof SparseArray s ? s.nnz() : ((NDArray) result).size();
    }
}
