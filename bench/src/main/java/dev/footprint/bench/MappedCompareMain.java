package dev.footprint.bench;

import static dev.footprint.Footprint.*;

import dev.footprint.array.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Times {@code sum}, {@code lt(0.5)} and {@code as(FLOAT32, UNSAFE)} over a {@code .npy} file
 * mapped read-only ({@code arr.load(file, MMAP_READ)}, NumPy's {@code mmap_mode='r'}), as
 * {@code compare.py} times NumPy on the same file, and prints one JSON object per line
 * ({@link LargeTimer}); the check (the sum, the number of true elements, the float32 sum) lets
 * {@code compare.py} see that both sides computed the same. Arguments: the file. The page cache
 * is warmed by the first calls.
 */
public final class MappedCompareMain {
    private MappedCompareMain() {}

    public static void main(String[] args) {
        NDArray a = arr.load(args[0], MMAP_READ);
        Map<String, Supplier<NDArray>> ops = new LinkedHashMap<>();
        ops.put("sum", a::sum);
        ops.put("lt", () -> a.lt(0.5));
        ops.put("as_float32_unsafe", () -> a.as(FLOAT32, UNSAFE));
        LargeTimer.run(ops, checks());
    }

    /** The check of each operation's result: the sum itself, the number of true elements, the float32 sum of the cast values. */
    static Map<String, ToDoubleFunction<NDArray>> checks() {
        Map<String, ToDoubleFunction<NDArray>> checks = new LinkedHashMap<>();
        checks.put("sum", NDArray::doubleValue);
        checks.put("lt", r -> r.countNonzero());
        checks.put("as_float32_unsafe", r -> r.sum().doubleValue());
        return checks;
    }
}
