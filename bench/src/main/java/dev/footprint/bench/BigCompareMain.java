package dev.footprint.bench;

import static dev.footprint.Footprint.*;

import dev.footprint.array.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times {@code sum}, {@code lt(0.5)} and {@code as(FLOAT32, UNSAFE)} over a uint8 array of more
 * than 2^31 elements on the heap (big storage, in segments), as {@code compare.py} times NumPy on
 * the same elements in memory, and prints one JSON object per line ({@link LargeTimer}).
 * Arguments: the number of elements, a multiple of 2^20. Element {@code i} is {@link #pattern(int)}{@code [i % 2^20]},
 * which {@code compare.py} builds the same way.
 */
public final class BigCompareMain {
    /** Elements of the repeated pattern. */
    static final int PERIOD = 1 << 20;

    private BigCompareMain() {}

    public static void main(String[] args) {
        NDArray a = filled(Long.parseLong(args[0]));
        Map<String, Supplier<NDArray>> ops = new LinkedHashMap<>();
        ops.put("sum", a::sum);
        ops.put("lt", () -> a.lt(0.5));
        ops.put("as_float32_unsafe", () -> a.as(FLOAT32, UNSAFE));
        LargeTimer.run(ops, MappedCompareMain.checks());
    }

    /** {@code ((j * 2654435761) >> 24) & 0xFF} for {@code j < 2^20}: every byte value, in a scattered order. */
    static byte[] pattern(int period) {
        byte[] p = new byte[period];
        for (int j = 0; j < period; j++) {
            p[j] = (byte) ((j * 2654435761L) >>> 24);
        }
        return p;
    }

    /**
     * A uint8 array of {@code n} elements (a multiple of {@link #PERIOD}), in rows of {@code PERIOD}
     * (an axis holds at most 2^31 - 1), element {@code i} in C order the pattern's {@code i % PERIOD}.
     */
    static NDArray filled(long n) {
        if (n % PERIOD != 0) {
            throw new IllegalArgumentException(n + " elements are not whole rows of " + PERIOD + "; give a multiple of " + PERIOD);
        }
        NDArray a = arr.zeros(UINT8, n / PERIOD, PERIOD);
        byte[] p = pattern(PERIOD);
        for (long at = 0; at < n; at += PERIOD) {
            a.storage().put(at, p, PERIOD);
        }
        return a;
    }
}
