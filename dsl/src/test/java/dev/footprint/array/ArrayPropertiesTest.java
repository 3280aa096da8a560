package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips and view semantics that must hold for any values and shapes. */
class ArrayPropertiesTest {
    @Provide
    Arbitrary<DType> dtypes() {
        return Arbitraries.of(DType.class);
    }

    /** Integers near every dtype's edges, and plain ones. */
    @Provide
    Arbitrary<List<Long>> longs() {
        Arbitrary<Long> edges = Arbitraries.of(0L, 1L, -1L, 127L, 128L, 255L, 256L, 32767L, 65535L, 65536L, 2048L,
                2049L, 16777217L, (1L << 53) + 1, Long.MIN_VALUE, Long.MAX_VALUE, -129L, 4294967295L);
        return Arbitraries.oneOf(edges, Arbitraries.longs()).list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Double>> doubles() {
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, 0.5, 3.1, 65504.0, 65520.0, 1e-8, Double.NaN,
                Double.POSITIVE_INFINITY, 300.0, -1.0, 0x1p63, 0x1p64, 1e300);
        return Arbitraries.oneOf(special, Arbitraries.doubles(), Arbitraries.integers().between(-70000, 70000).map(i -> (double) i))
                .list().ofMinSize(1).ofMaxSize(20);
    }

    @Property
    void integerCastsEitherFailOrRoundTrip(@ForAll("longs") List<Long> values, @ForAll("dtypes") DType to) {
        NDArray a = arr.of(values.stream().mapToLong(Long::longValue).toArray());
        assertCastRoundTrips(a, to);
        assertCastRoundTrips(a.as(DType.UINT64, Casting.UNSAFE), to);
    }

    @Property
    void floatCastsEitherFailOrRoundTrip(@ForAll("doubles") List<Double> values, @ForAll("dtypes") DType to) {
        NDArray a = arr.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        assertCastRoundTrips(a, to);
        assertCastRoundTrips(a.as(DType.FLOAT16, Casting.UNSAFE), to);
    }

    private static void assertCastRoundTrips(NDArray a, DType to) {
        NDArray cast;
        try {
            cast = a.as(to);
        } catch (LossyCastException e) {
            // The named element really changes value under the unsafe cast.
            long i = e.index()[0];
            assertEquals(true, !exactValue(a, i).equals(exactValue(a.as(to, Casting.UNSAFE), i)),
                    "element " + i + " was reported lossy: " + e.getMessage());
            return;
        }
        assertEquals(a, normalizeZeros(cast.as(a.dtype()), a), "through " + to);
        assertEquals(a, normalizeZeros(a.as(a.minimalDType()).as(a.dtype()), a), "through the minimal dtype");
    }

    /** The element's mathematical value as text (0.0 and -0.0 are the same value). */
    private static String exactValue(NDArray a, long i) {
        if (!a.dtype().isFloat()) {
            return TestArrays.text(a, i);
        }
        double v = a.getDoubleFlat(i);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return TestArrays.text(a, i);
        }
        return v == 0 ? "0" : new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
    }

    /** An integer target turns -0.0 into 0: the same value, not the same bits. */
    private static NDArray normalizeZeros(NDArray back, NDArray original) {
        if (!original.dtype().isFloat()) {
            return back;
        }
        NDArray fixed = back.copy();
        for (long i = 0; i < fixed.size(); i++) {
            if (original.getDoubleFlat(i) == 0 && fixed.getDoubleFlat(i) == 0) {
                fixed.set(original.getDoubleFlat(i), i);
            }
        }
        return fixed;
    }

    @Property
    void writesThroughSlicesShowInTheBase(@ForAll @IntRange(min = 1, max = 6) int rows, @ForAll @IntRange(min = 1, max = 6) int cols,
            @ForAll @IntRange(min = -3, max = 3) int rowStep, @ForAll @IntRange(min = 1, max = 3) int colStep,
            @ForAll("dtypes") DType t) {
        if (rowStep == 0) {
            rowStep = 1;
        }
        NDArray base = arr.zeros(t, rows, cols);
        NDArray view = base.slice("::" + rowStep + ", 1::" + colStep);
        for (long r = 0; r < view.shape()[0]; r++) {
            for (long c = 0; c < view.shape()[1]; c++) {
                view.set(1L, r, c);
                long br = rowStep > 0 ? r * rowStep : rows - 1 + r * rowStep;
                long bc = 1 + c * colStep;
                assertEquals(1.0, base.getDouble(br, bc), "view [" + r + ", " + c + "] is base [" + br + ", " + bc + "]");
            }
        }
        assertEquals(view.size(), base.countNonzero());
        assertEquals(view.size(), view.countNonzero());
    }

    @Property
    void transposeAndReshapeAreViews(@ForAll @IntRange(min = 1, max = 5) int a, @ForAll @IntRange(min = 1, max = 5) int b,
            @ForAll @IntRange(min = 1, max = 4) int c, @ForAll("dtypes") DType t) {
        NDArray base = arr.arange((long) a * b * c).as(t, Casting.UNSAFE).reshape(a, b, c);
        NDArray tr = base.transpose(2, 0, 1);
        assertArrayEquals(new long[] {c, a, b}, tr.shape());
        tr.set(0L, c - 1, a - 1, b - 1);
        assertEquals(0.0, base.getDouble(a - 1, b - 1, c - 1));
        NDArray flat = base.reshape(-1);
        flat.set(1L, 0);
        assertEquals(1.0, base.getDouble(0, 0, 0));
        assertEquals(base.copy().transpose().copy(), base.transpose(), "a copy of a view equals the view");
    }

    @Property
    void broadcastingFollowsNumpysRule(@ForAll @Size(min = 0, max = 4) List<@IntRange(min = 0, max = 3) Integer> x,
            @ForAll @Size(min = 0, max = 4) List<@IntRange(min = 0, max = 3) Integer> y) {
        long[] sx = x.stream().mapToLong(Integer::longValue).toArray();
        long[] sy = y.stream().mapToLong(Integer::longValue).toArray();
        int n = Math.max(sx.length, sy.length);
        long[] expected = new long[n];
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            long dx = i < n - sx.length ? 1 : sx[i - (n - sx.length)];
            long dy = i < n - sy.length ? 1 : sy[i - (n - sy.length)];
            ok &= dx == dy || dx == 1 || dy == 1;
            expected[i] = dx == 1 ? dy : dx;
        }
        NDArray a = arr.ones(DType.INT16, sx);
        NDArray b = arr.ones(DType.INT16, sy);
        if (!ok) {
            assertThrows(ShapeMismatchException.class, () -> a.add(b));
            return;
        }
        NDArray sum = a.add(b);
        assertArrayEquals(expected, sum.shape());
        assertEquals(sum.size(), sum.eq(2L).countNonzero(), "every element is 1 + 1");
        assertArrayEquals(expected, a.lt(b).shape());
    }
}
