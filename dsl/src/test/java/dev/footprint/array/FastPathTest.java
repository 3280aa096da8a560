package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayOperations.Comparison;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast loops of comparisons, masked assignment and the float32 cast give exactly what the
 * plain element-by-element definition gives: both variants of the cast (the one a JDK does not
 * pick is run directly here), every length around their groups of eight and blocks, offsets,
 * views, and the awkward values (NaN, -0.0, infinities, subnormals, values float32 cannot hold).
 */
class FastPathTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xFFF8_0000_0000_0001L), 0.9, Math.nextDown(0.9), Math.nextUp(0.9), -1.5, 1.0,
        0.1, 1e300, 16777217.0, (double) Float.MAX_VALUE, (double) Float.MIN_VALUE};

    private static double[] values(SplittableRandom r, int n, int nanEvery) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(8);
            x[i] = nanEvery > 0 && r.nextInt(nanEvery) == 0 ? Double.NaN
                    : pick == 0 ? SPECIAL[r.nextInt(SPECIAL.length)]
                    : pick == 1 ? Double.longBitsToDouble(r.nextLong())
                    : r.nextDouble() * 2 - 1;
        }
        return x;
    }

    /** {@code x cmp s} by Java's operators (IEEE 754: NaN unordered, -0.0 equal to 0.0). */
    static boolean expected(Comparison cmp, double x, double s) {
        return switch (cmp) {
            case LT -> x < s;
            case LE -> x <= s;
            case GT -> x > s;
            case GE -> x >= s;
            case EQ -> x == s;
            case NE -> x != s;
        };
    }

    @Test
    void theComparisonLoopMatchesJavaOperatorsAtEveryLengthAndOffset() {
        SplittableRandom r = new SplittableRandom(11);
        double[] scalars = {0.0, -0.0, 0.9, -1.5, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e300};
        int[] lengths = {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1023, 1024, 1025, 2048, 3001};
        for (int nanEvery : new int[] {0, 3, 50, 5000}) {
            for (int n : lengths) {
                for (int off : new int[] {0, 1, 5}) {
                    double[] x = values(r, n + off, nanEvery);
                    for (double s : scalars) {
                        for (Comparison cmp : Comparison.values()) {
                            int at = 6 - off; // results written from another offset than the input's
                            byte[] o = new byte[at + n + 2];
                            java.util.Arrays.fill(o, (byte) 7);
                            DirectKernels.compareFinite(cmp, x, off, s, o, at, n);
                            for (int i = 0; i < n; i++) {
                                assertEquals(expected(cmp, x[off + i], s) ? 1 : 0, o[at + i], () -> cmp
                                        + " n=" + n + " off=" + off + " s=" + s);
                            }
                            for (int i : new int[] {at - 1, at + n, at + n + 1}) {
                                assertEquals(7, o[i], "written outside the results at " + i);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aNaNInEveryPositionOfAGroupIsFalseExceptForNe() {
        for (int pos = 0; pos < 16; pos++) {
            double[] x = new double[16];
            java.util.Arrays.fill(x, -1.0);
            x[pos] = Double.longBitsToDouble(0xFFF8_0000_0000_0000L); // a NaN with the sign bit set
            NDArray a = NDArray.wrap(DType.FLOAT64, x, 16);
            assertEquals(0, a.lt(0.5).getLongFlat(pos));
            assertEquals(0, a.ge(-2.0).getLongFlat(pos));
            assertEquals(1, a.ne(0.5).getLongFlat(pos));
            assertEquals(15, a.lt(0.5).countNonzero());
        }
    }

    @Test
    void comparisonsOfViewsAndTransposesUseTheirOwnElements() {
        double[] x = values(new SplittableRandom(3), 40 * 30, 20);
        NDArray a = NDArray.wrap(DType.FLOAT64, x, 40, 30);
        for (NDArray v : new NDArray[] {a.transpose(), a.slice("3:, 1::2"), a.slice("5:25"), a.reshape(1200).slice("17:")}) {
            NDArray lt = v.lt(0.25);
            NDArray copyLt = v.copy().lt(0.25);
            assertEquals(copyLt, lt);
            for (long i = 0; i < v.size(); i++) {
                assertEquals(v.getDoubleFlat(i) < 0.25 ? 1 : 0, lt.getLongFlat(i));
            }
        }
    }

    @Test
    void maskedAssignmentMatchesTheElementwiseDefinitionForEveryStorage() {
        SplittableRandom r = new SplittableRandom(5);
        DType[] types = {DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.UINT32, DType.INT16, DType.FLOAT16, DType.UINT8,
            DType.BOOL};
        for (DType t : types) {
            for (int n : new int[] {0, 1, 7, 8, 9, 16, 23, 64, 1001}) {
                for (int mOff : new int[] {0, 3}) {
                    for (int density : new int[] {0, 1, 2, 9, 10}) { // tenths of the elements that are true
                        byte[] m = new byte[n + mOff];
                        for (int i = 0; i < m.length; i++) {
                            // true elements of a wrapped mask may be any non-zero byte
                            m[i] = r.nextInt(10) < density ? (byte) (1 + r.nextInt(255)) : 0;
                        }
                        NDArray mask = NDArray.wrap(DType.BOOL, m, n + mOff).slice(mOff + ":");
                        NDArray target = randomArray(t, n, r);
                        NDArray before = target.copy();
                        target.set(mask, 1);
                        for (int i = 0; i < n; i++) {
                            double want = m[mOff + i] != 0 ? 1 : before.getDoubleFlat(i);
                            long wantBits = Double.doubleToRawLongBits(want);
                            assertEquals(wantBits, Double.doubleToRawLongBits(target.getDoubleFlat(i)),
                                    t + " n=" + n + " mOff=" + mOff + " at " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void maskedAssignmentKeepsNaNAndNegativeZeroBitsWhereTheMaskIsFalse() {
        double[] x = new double[17];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? Double.longBitsToDouble(0x7FF8_0000_0000_0123L) : i % 3 == 1 ? -0.0 : i;
        }
        byte[] m = new byte[17];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i % 4 == 0 ? -1 : 0);
        }
        NDArray a = NDArray.wrap(DType.FLOAT64, x.clone(), 17);
        a.set(NDArray.wrap(DType.BOOL, m, 17), -0.0);
        for (int i = 0; i < x.length; i++) {
            double want = m[i] != 0 ? -0.0 : x[i];
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(a.getDoubleFlat(i)));
        }
    }

    @Test
    void maskedAssignmentThroughStridedViewsAndBroadcastMasks() {
        NDArray a = NDArray.wrap(DType.FLOAT64, values(new SplittableRandom(8), 20 * 12, 0), 20, 12);
        NDArray view = a.slice("::2, 1:");
        NDArray expected = view.copy();
        NDArray mask = view.lt(0.0);
        expected.set(mask, 7.0);
        view.set(mask, 7.0);
        assertEquals(expected, view.copy());
        NDArray row = NDArray.wrap(DType.BOOL, new byte[] {1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 5}, 12);
        NDArray b = NDArray.wrap(DType.FLOAT64, new double[20 * 12], 20, 12);
        b.set(row, 3.0);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 12; j++) {
                assertEquals(j == 0 || j == 2 || j == 11 ? 3.0 : 0.0, b.getDouble(i, j));
            }
        }
    }

    private static NDArray randomArray(DType t, int n, SplittableRandom r) {
        NDArray a = NDArray.allocate(t, n);
        for (int i = 0; i < n; i++) {
            if (t.isFloat()) {
                a.set(t == DType.FLOAT64 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextInt(100) - 50, i);
            } else if (t.isBool()) {
                a.set(r.nextBoolean(), i);
            } else {
                a.set((long) r.nextInt(100), i);
            }
        }
        return a;
    }

    @Test
    void bothCastLoopsAcceptExactValuesAndReportAChange() {
        SplittableRandom r = new SplittableRandom(9);
        for (int n : new int[] {0, 1, 8, 1000, 70_000, 140_001}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                int pick = r.nextInt(6);
                x[i] = pick == 0 ? Double.NaN : pick == 1 ? -0.0 : pick == 2 ? Double.NEGATIVE_INFINITY
                        : pick == 3 ? Float.MIN_VALUE : (float) (r.nextDouble() * 1e6 - 5e5);
            }
            for (boolean fused : new boolean[] {false, true}) {
                float[] out = new float[n];
                assertFalse(DirectKernels.float64ToFloat32(x, 0, out, 0, n, true, fused));
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits((float) x[i]), Float.floatToRawIntBits(out[i]));
                }
                for (double bad : new double[] {0.1, 1e300, 16777217.0, Double.MIN_VALUE, -1e-40, Math.nextUp(1.0)}) {
                    if (n == 0) {
                        continue;
                    }
                    double[] y = x.clone();
                    y[n - 1] = bad;
                    assertTrue(DirectKernels.float64ToFloat32(y, 0, new float[n], 0, n, true, fused), bad + " fused=" + fused);
                }
            }
        }
    }

    @Test
    void theCheckedCastNamesTheFirstLossyValueOfAViewOrOffset() {
        double[] x = {0.5, 0.25, -0.0, Double.NaN, 0.1, 0.75, 1e300};
        NDArray a = NDArray.wrap(DType.FLOAT64, x, 7);
        NDArray tail = a.slice("2:");
        LossyCastException e = assertThrows(LossyCastException.class, () -> tail.as(DType.FLOAT32));
        assertArrayEquals(new long[] {2}, e.index(), e.getMessage());
        assertEquals(tail.slice(":2").as(DType.FLOAT32, Casting.UNSAFE), tail.slice(":2").as(DType.FLOAT32));
        NDArray m = NDArray.wrap(DType.FLOAT64, new double[] {1, 2, 3, 0.1, 5, 6}, 2, 3).transpose();
        LossyCastException t = assertThrows(LossyCastException.class, () -> m.as(DType.FLOAT32));
        assertArrayEquals(new long[] {0, 1}, t.index(), t.getMessage());
    }
}
