package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The branch-free float64 comparisons against a scalar agree with Java's own operators on every
 * kind of double: NaNs of either sign and any payload, zeros of both signs, subnormals, the
 * extremes and infinities, and random bit patterns.
 */
class FloatCompareTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xFFF8_0000_0000_0000L),
        Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.longBitsToDouble(0xFFF0_0000_0000_0001L),
        0.9, Math.nextDown(0.9), Math.nextUp(0.9), -1.5, 1.0, 1e300, -1e300};

    @Test
    void agreesWithJavaOperators() {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 3 == 0 ? Double.longBitsToDouble(r.nextLong())
                    : i % 3 == 1 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextDouble() * 2 - 1;
        }
        NDArray a = NDArray.wrap(DType.FLOAT64, x, x.length);
        double[] scalars = new double[SPECIAL.length + 8];
        System.arraycopy(SPECIAL, 0, scalars, 0, SPECIAL.length);
        for (int k = SPECIAL.length; k < scalars.length; k++) {
            scalars[k] = x[SPECIAL.length + r.nextInt(x.length - SPECIAL.length)];
        }
        for (double s : scalars) {
            NDArray lt = a.lt(s), le = a.le(s), gt = a.gt(s), ge = a.ge(s), eq = a.eq(s), ne = a.ne(s);
            for (int i = 0; i < x.length; i++) {
                String at = x[i] + " vs " + s + " at " + i;
                assertEquals(x[i] < s ? 1 : 0, lt.getLongFlat(i), "lt " + at);
                assertEquals(x[i] <= s ? 1 : 0, le.getLongFlat(i), "le " + at);
                assertEquals(x[i] > s ? 1 : 0, gt.getLongFlat(i), "gt " + at);
                assertEquals(x[i] >= s ? 1 : 0, ge.getLongFlat(i), "ge " + at);
                assertEquals(x[i] == s ? 1 : 0, eq.getLongFlat(i), "eq " + at);
                assertEquals(x[i] != s ? 1 : 0, ne.getLongFlat(i), "ne " + at);
            }
        }
    }

    @Test
    void viewsAndOffsetsCompareTheirOwnElements() {
        NDArray a = arr.of(-0.0, 0.5, Double.NaN, 2.0, -3.0, 0.9);
        NDArray tail = a.slice("2:");
        assertEquals(arr.of(false, false, true, false), tail.lt(0.9));
        assertEquals(arr.of(false, true, false, false), tail.le(2.0).ne(tail.lt(2.0)));
    }
}
