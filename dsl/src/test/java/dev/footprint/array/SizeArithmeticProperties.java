package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Sizes, shapes, axes and steps at the edges of {@code int} and {@code long}: every result is
 * exact, or refused with a message that prints the user's own numbers (never a wrapped count).
 */
class SizeArithmeticProperties {
    private static final BigInteger MAX = BigInteger.valueOf(Shapes.MAX_ELEMENTS);

    @Provide
    Arbitrary<Long> extremeDims() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 2L, 3L, 46341L, 65536L, 65537L, Shapes.MAX_SIZE, Shapes.MAX_SIZE + 1,
                        Shapes.MAX_AXIS, Shapes.MAX_AXIS + 1,
                        1L << 31, 1L << 32, 1L << 62, Long.MAX_VALUE, -1L, Long.MIN_VALUE),
                Arbitraries.longs());
    }

    @Provide
    Arbitrary<List<Long>> extremeShapes() {
        return extremeDims().list().ofMinSize(0).ofMaxSize(66);
    }

    @Property(tries = 500)
    void aCheckedShapeIsExactOrRefusedInTheUsersNumbers(@ForAll("extremeShapes") List<Long> dims) {
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        boolean negative = dims.stream().anyMatch(d -> d < 0);
        boolean longAxis = dims.stream().anyMatch(d -> d > Shapes.MAX_AXIS);
        BigInteger size = negative ? BigInteger.ZERO : Shapes.exactSize(shape);
        if (shape.length <= Shapes.MAX_NDIM && !negative && !longAxis && size.compareTo(MAX) <= 0) {
            assertEquals(size.longValueExact(), Shapes.size(Shapes.checked(shape)));
            return;
        }
        String message = assertThrows(ArrayAllocationException.class, () -> Shapes.checked(shape)).getMessage();
        if (shape.length > Shapes.MAX_NDIM) {
            assertTrue(message.contains("at most 64 dimensions") && message.contains("has " + shape.length), message);
        } else if (negative || longAxis) {
            long bad = dims.stream().filter(d -> d < 0 || d > Shapes.MAX_AXIS).findFirst().orElseThrow();
            assertTrue(message.contains(" " + bad + " at axis"), message);
        } else {
            assertTrue(message.contains(" " + size + " elements"), message);
        }
    }

    @Provide
    Arbitrary<List<Integer>> broadcastDims() {
        return Arbitraries.of(0, 1, 2, 3, 46341, 65536, 65537, (int) Shapes.MAX_SIZE).list().ofMinSize(0).ofMaxSize(4);
    }

    @Property(tries = 500)
    void aBroadcastShapeIsExactOrRefused(@ForAll("broadcastDims") List<Integer> a, @ForAll("broadcastDims") List<Integer> b) {
        int[] x = a.stream().mapToInt(Integer::intValue).toArray();
        int[] y = b.stream().mapToInt(Integer::intValue).toArray();
        int n = Math.max(x.length, y.length);
        long[] expected = new long[n];
        boolean compatible = true;
        for (int i = 0; i < n; i++) {
            long dx = i < n - x.length ? 1 : x[i - (n - x.length)];
            long dy = i < n - y.length ? 1 : y[i - (n - y.length)];
            compatible &= dx == dy || dx == 1 || dy == 1;
            expected[i] = dx == 1 ? dy : dx;
        }
        if (!compatible) {
            assertThrows(ShapeMismatchException.class, () -> Shapes.broadcast(x, y));
            return;
        }
        BigInteger size = Shapes.exactSize(expected);
        if (size.compareTo(MAX) <= 0) {
            assertArrayEquals(expected, java.util.Arrays.stream(Shapes.broadcast(x, y)).asLongStream().toArray());
        } else {
            String message = assertThrows(ArrayAllocationException.class, () -> Shapes.broadcast(x, y)).getMessage();
            assertTrue(message.contains(Shapes.text(expected) + ", which has " + size + " elements"), message);
        }
    }

    @Example
    void operandsThatBroadcastPastTheHeapAreRefusedBeforeAnyElementIsWritten() {
        // Past 2^31 elements is allowed (big arrays); past the heap is not.
        long rows = Runtime.getRuntime().maxMemory() / 65536 + 2;
        NDArray row = arr.ones(DType.INT8, 1, 65536);
        NDArray column = arr.ones(DType.INT8, rows, 1);
        long before = MemoryLedger.allocatedTotal();
        String message = assertThrows(ArrayAllocationException.class, () -> row.add(column)).getMessage();
        assertTrue(message.contains("cannot allocate " + rows * 65536 + " bytes") && message.contains("available"), message);
        assertThrows(ArrayAllocationException.class, () -> row.lt(column));
        assertThrows(ArrayAllocationException.class, () -> arr.ones(DType.INT8, rows, 65536));
        assertEquals(before, MemoryLedger.allocatedTotal(), "nothing was allocated");
    }

    @Provide
    Arbitrary<List<Long>> reshapeDims() {
        return Arbitraries.of(-1L, 0L, 1L, 2L, 3L, 4L, 6L, 1L << 31, 1L << 32, 1L << 62, 3074457345618258603L,
                Long.MAX_VALUE, -2L).list().ofMinSize(0).ofMaxSize(4);
    }

    @Property(tries = 1000)
    void aReshapeKeepsTheSizeExactlyOrIsRefused(@ForAll @IntRange(min = 0, max = 24) int size,
            @ForAll("reshapeDims") List<Long> dims) {
        NDArray a = arr.arange(size);
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        NDArray r;
        try {
            r = a.reshape(shape);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            assertTrue(m.contains("cannot reshape array of size " + size) || m.contains("negative dimension")
                    || m.contains("one unknown dimension") || m.contains("one axis can have at most"), m);
            return;
        }
        assertEquals(BigInteger.valueOf(size), Shapes.exactSize(r.shape()));
        assertEquals(a, r.reshape(size));
    }

    @Property(tries = 500)
    void aReductionAxisIsValidExactlyInsideTheDimension(@ForAll int axis, @ForAll @IntRange(min = 0, max = 3) int ndim) {
        long[] shape = new long[ndim];
        java.util.Arrays.fill(shape, 2);
        NDArray a = arr.ones(shape);
        if (ndim == 0 && (axis == 0 || axis == -1)) {
            assertEquals(1.0, a.sum(axis).doubleValue()); // NumPy's rule for a 0-d array
        } else if (axis >= -ndim && axis < ndim) {
            assertEquals(2.0, a.sum(axis).getDoubleFlat(0));
        } else {
            for (java.util.function.IntFunction<NDArray> f : List.<java.util.function.IntFunction<NDArray>>of(
                    a::sum, a::mean, a::min, a::max, a::countNonzero)) {
                String m = assertThrows(IllegalArgumentException.class, () -> f.apply(axis)).getMessage();
                assertTrue(m.contains("axis " + axis + " is out of bounds"), m);
            }
        }
    }

    /** Python's slice length, computed on unbounded integers. */
    private static long pythonSliceLength(long n, long start, long stop, long step) {
        BigInteger len = BigInteger.valueOf(n);
        BigInteger s = BigInteger.valueOf(start);
        BigInteger e = BigInteger.valueOf(stop);
        BigInteger k = BigInteger.valueOf(step);
        boolean up = k.signum() > 0;
        BigInteger lo = up ? BigInteger.ZERO : BigInteger.ONE.negate();
        BigInteger hi = up ? len : len.subtract(BigInteger.ONE);
        s = clamp(s.signum() < 0 ? s.add(len) : s, lo, hi);
        e = clamp(e.signum() < 0 ? e.add(len) : e, lo, hi);
        BigInteger span = up ? e.subtract(s) : s.subtract(e);
        if (span.signum() <= 0) {
            return 0;
        }
        return span.subtract(BigInteger.ONE).divide(k.abs()).add(BigInteger.ONE).longValueExact();
    }

    private static BigInteger clamp(BigInteger v, BigInteger lo, BigInteger hi) {
        return v.max(lo).min(hi);
    }

    @Provide
    Arbitrary<Long> bounds() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, -1L, 7L, -7L, 8L, -8L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1, 1L << 31, -(1L << 31)), Arbitraries.longs());
    }

    @Property(tries = 1000)
    void aSliceHasPythonsLengthAndElementsForEveryStep(@ForAll @IntRange(min = 0, max = 9) int n,
            @ForAll("bounds") long start, @ForAll("bounds") long stop, @ForAll("bounds") long step) {
        if (step == 0 || step == Long.MIN_VALUE) {
            return; // zero is refused (ArrayErrorsTest); Long.MIN_VALUE Python clamps to -Long.MAX_VALUE, as checked against NumPy
        }
        NDArray s = arr.arange(n).slice(start + ":" + stop + ":" + step);
        long len = pythonSliceLength(n, start, stop, step);
        assertEquals(len, s.size());
        for (int i = 0; i < len; i++) {
            long first = s.getLongFlat(0);
            assertEquals(first + i * step, s.getLongFlat(i));
            assertTrue(s.getLongFlat(i) >= 0 && s.getLongFlat(i) < n);
        }
    }

    @Property(tries = 300)
    void boolStorageFromRawBytesHoldsOnlyZeroAndOne(@ForAll byte[] raw) {
        long nonzero = 0;
        for (byte b : raw) nonzero += b != 0 ? 1 : 0;
        NDArray a = NDArray.wrap(DType.BOOL, raw.clone(), raw.length);
        NDArray asInt = a.as(DType.INT8);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i] != 0 ? 1L : 0L, asInt.getLongFlat(i));
        }
        assertEquals(nonzero, a.sum().longValue());
        assertEquals(nonzero, a.eq(1L).countNonzero());
        assertEquals(nonzero, a.countNonzero());
    }

    @Example
    void sixtyFiveDimensionsAreRefusedWhereTheArrayIsMade() {
        long[] ones = new long[65];
        java.util.Arrays.fill(ones, 1);
        String m = assertThrows(ArrayAllocationException.class, () -> arr.zeros(ones)).getMessage();
        assertTrue(m.contains("at most 64 dimensions") && m.contains("has 65"), m);
        assertThrows(ArrayAllocationException.class, () -> arr.ones(1).reshape(ones));
        assertEquals(64, arr.zeros(java.util.Arrays.copyOf(ones, 64)).ndim());
    }
}
