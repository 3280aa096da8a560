package dev.footprint.array;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad input gives an error that says what was asked and what would work, and changes nothing. */
class ArrayErrorsTest {
    private static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "\"" + p + "\" missing from: " + e.getMessage());
        }
    }

    @Test
    void negativeAndOverflowingShapes() {
        assertMentions(assertThrows(ArrayAllocationException.class, () -> arr.zeros(3, -2)), "negative", "(3, -2)", "axis 1");
        assertMentions(assertThrows(ArrayAllocationException.class, () -> arr.zeros(UINT8, 2147483647, 2147483647, 4)),
                "(2147483647, 2147483647, 4)", "18446744056529682436 elements", "split");
        assertMentions(assertThrows(ArrayAllocationException.class, () -> arr.zeros(UINT8, 3, 3_000_000_000L)),
                "3000000000 at axis 1", "at most 2147483647", "split that axis");
        assertMentions(assertThrows(ArrayAllocationException.class, () -> arr.zeros(UINT8, 1L << 62, 1L << 62, 0)),
                "axis 0");
        assertThrows(ArrayAllocationException.class, () -> arr.zeros(UINT8, 0, 3_000_000_000L));
        assertArrayEquals(new long[] {0, 5}, arr.zeros(UINT8, 0, 5).shape(), "an empty array is fine");
    }

    @Test
    void allocationLargerThanTheHeapIsRefusedBeforeAllocating() {
        long max = Runtime.getRuntime().maxMemory();
        long elements = max / 8 + 1;
        long before = MemoryLedger.allocatedTotal();
        ArrayAllocationException e = assertThrows(ArrayAllocationException.class, () -> arr.zeros(FLOAT64, elements));
        assertMentions(e, "cannot allocate " + elements * 8 + " bytes", "available", "smaller dtype");
        assertEquals(before, MemoryLedger.allocatedTotal(), "nothing was allocated");
    }

    @Test
    void arangeRefusesBoundsItCannotCount() {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.arange(Double.NaN, 5.0, 1.0)), "NaN", "finite");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.arange(0.0, Double.POSITIVE_INFINITY, 1.0)),
                "Infinity", "finite");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.arange(0.0, 1.0, 0.0)), "step");
        assertEquals(3, arr.arange(0.0, 1.5, 0.5).size());
    }

    @Test
    void arangeOfLongsCountsSpansPastLongMaxValue() {
        // stop - start overflows a long here; the count must not wrap to an empty array.
        assertMentions(assertThrows(ArrayAllocationException.class, () -> arr.arange(-10, Long.MAX_VALUE)),
                "9223372036854775817 elements", "at most");
        assertMentions(assertThrows(ArrayAllocationException.class, () -> arr.arange(Long.MIN_VALUE, Long.MAX_VALUE, 1)),
                "18446744073709551615 elements");
        NDArray top = arr.arange(Long.MAX_VALUE - 3, Long.MAX_VALUE);
        assertEquals(3, top.size());
        assertEquals(Long.MAX_VALUE - 3, top.getLongFlat(0));
        assertEquals(Long.MAX_VALUE - 1, top.getLongFlat(2));
        NDArray down = arr.arange(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
        assertEquals(2, down.size());
        assertEquals(Long.MAX_VALUE, down.getLongFlat(0));
        assertEquals(-1, down.getLongFlat(1));
        assertEquals(0, arr.arange(5, 0, 1).size(), "a positive step from above stop gives nothing, as NumPy");
        assertEquals(3, arr.arange(0, 7, 3).size());
    }

    @Test
    void aFloatWithNoLongValueIsRefusedByGetLongNotTurnedIntoANumber() {
        NDArray a = arr.of(2.9, -2.9, Double.NaN, Double.POSITIVE_INFINITY, 1e19, -0x1p63);
        assertEquals(2, a.getLong(0), "truncated toward zero");
        assertEquals(-2, a.getLongFlat(1));
        assertEquals(Long.MIN_VALUE, a.getLong(5), "-2^63 itself is a long");
        assertMentions(assertThrows(ArithmeticException.class, () -> a.getLong(2)), "element [2]", "NaN", "no long value");
        assertMentions(assertThrows(ArithmeticException.class, () -> a.getLongFlat(3)), "element 3 in C order", "Infinity");
        assertMentions(assertThrows(ArithmeticException.class, () -> a.getLong(4)), "1.0E19");
        assertMentions(assertThrows(ArithmeticException.class, () -> arr.of(Double.NaN).as(DType.FLOAT32, Casting.SAME_KIND).longValue()), "float32", "NaN");
        assertEquals(Long.MIN_VALUE, a.as(DType.INT64, Casting.UNSAFE).getLong(2), "the unsafe cast keeps NumPy's result");
        assertEquals(-1L, arr.of(-1L).as(DType.UINT64, Casting.UNSAFE).getLong(0), "uint64 still reads as its bits");
    }

    @Test
    void whereWithAJavaScalarPromotesAsNumpyWhereWithAPythonScalar() {
        NDArray ints = arr.of(1L, 2L, 3L).as(DType.INT16);
        NDArray mask = arr.of(true, false, true);
        NDArray half = ints.where(mask, 0.5);
        assertEquals(DType.FLOAT64, half.dtype(), "np.where(mask, 0.5, int16 array) is float64");
        assertEquals(0.5, half.getDouble(0));
        assertEquals(2.0, half.getDouble(1));
        assertEquals(DType.INT16, ints.where(mask, 7L).dtype(), "a Python int keeps an integer array's dtype");
        assertEquals(7, ints.where(mask, 7L).getLong(2));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> ints.where(mask, 70_000L)), "out of bounds", "int16");
        NDArray flags = arr.of(true, false, false);
        NDArray counted = flags.where(mask, 5L);
        assertEquals(DType.INT64, counted.dtype(), "np.where(mask, 5, bool array) is int64");
        assertEquals(5, counted.getLong(0));
        assertEquals(0, counted.getLong(1));
        assertEquals(DType.FLOAT64, flags.where(mask, 0.25).dtype());
        NDArray singles = arr.of(1.0, 2.0, 3.0).as(DType.FLOAT32);
        NDArray rounded = singles.where(mask, 0.1);
        assertEquals(DType.FLOAT32, rounded.dtype(), "a float array keeps its dtype");
        assertEquals((double) 0.1f, rounded.getDouble(0), "the value rounded to float32");
        assertEquals(2.0, ints.getDouble(1) + (ints.where(mask, 0.5) == ints ? 1 : 0), "the array itself is unchanged");
        assertEquals(1, ints.getLong(0));
    }

    @Test
    void fromNamesANullRowInsteadOfThrowingNullPointerException() {
        double[][] holey = {{1, 2}, null, {5, 6}};
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.from(holey)),
                "null", "index 1 along axis 0");
        int[][][] deep = {{{1}, {2}}, {{3}, null}};
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.from(deep)), "index 1 along axis 1");
    }

    @Test
    void broadcastMismatchNamesBothShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> arr.ones(2, 3).add(arr.ones(4)));
        assertMentions(e, "(2, 3)", "(4,)", "3 vs 4");
        assertMentions(assertThrows(ShapeMismatchException.class, () -> arr.ones(6).reshape(4, -1)), "size 6", "(4, ?)");
    }

    @Test
    void indexOutOfBounds() {
        NDArray a = arr.zeros(2, 3);
        assertMentions(assertThrows(IndexOutOfBoundsException.class, () -> a.set(1.0, 0, 3)), "index 3", "axis 1", "size 3");
        assertMentions(assertThrows(IndexOutOfBoundsException.class, () -> a.get(0)), "2-dimensional", "1 indices");
        assertMentions(assertThrows(IndexOutOfBoundsException.class, () -> a.slice("0, 0, 0")), "too many indices");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.sum(2)), "axis 2", "dimension 2");
        // NumPy lets axis 0 and -1 through for a 0-d array (a backward-compatibility rule), and no other.
        assertEquals(3.0, arr.full(3.0).sum(0).doubleValue());
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.full(3.0).sum(1)), "axis 1", "dimension 0");
        assertEquals(0, a.countNonzero(), "nothing changed");
    }

    @Test
    void lossyCastNamesIndexValueAndAWorkingDtype() {
        NDArray a = arr.of(1.0, 2.5, 3.1).reshape(3, 1);
        LossyCastException e = assertThrows(LossyCastException.class, () -> a.as(INT32));
        assertArrayEquals(new long[] {1, 0}, e.index());
        assertEquals("2.5", e.value());
        assertEquals(FLOAT64, e.suggestion(), "3.1 holds only in float64");
        assertMentions(e, "int32 cannot hold 2.5 at [1, 0]", "keep float64", "UNSAFE");
        LossyCastException half = assertThrows(LossyCastException.class, () -> arr.of(1.5, 3.1).as(FLOAT16));
        assertMentions(half, "float16 cannot hold 3.1 at [1]");
        LossyCastException big = assertThrows(LossyCastException.class, () -> arr.of(-1, 40000).as(INT8));
        assertMentions(big, "int8 cannot hold 40000 at [1]", "int32 holds every value (as(INT32))");
        assertThrows(LossyCastException.class, () -> arr.of((1L << 53) + 1).as(FLOAT64), "2^53 + 1 is not a double");
    }

    @Test
    void typeLevelCastingRulesSayWhatWouldWork() {
        CastNotAllowedException e = assertThrows(CastNotAllowedException.class, () -> arr.of(1.5).as(INT64, SAME_KIND));
        assertMentions(e, "float64 to int64", "'same_kind'", "as(INT64)");
        assertEquals(FLOAT32, arr.of(1, 2).as(UINT16).as(FLOAT32, SAFE).dtype());
        assertThrows(CastNotAllowedException.class, () -> arr.of(1, 2).as(UINT16).as(INT16, SAFE));
    }

    @Test
    void scalarsTheArrayCannotHold() {
        NDArray a = arr.zeros(UINT8, 3);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.add(256)), "256", "uint8", "0..255", "as(INT16)");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.set(a.eq(0), 1.5)), "uint8", "1.5", "fraction", "FLOAT64");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.set(300, 0)), "300", "uint8");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.full(INT8, 1000L, 2)), "1000", "int8");
        assertEquals(0, a.countNonzero(), "refused writes change nothing");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.set(arr.ones(3), 1L)), "bool", "float64");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> arr.of(true).sub(arr.of(false))), "bool", "as(INT8)");
    }

    @Test
    void badSlicesAndDtypes() {
        NDArray a = arr.zeros(4);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.slice("::0")), "step cannot be zero");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> a.slice("x:2")), "bad index \"x\"", "1:10:2");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> DType.of("float128")), "float128", "uint16");
    }
}
