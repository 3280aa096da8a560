package dev.footprint.array;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NumPy 2's documented promotion rules (NEP 50), independent of the NumPy installed here. */
class ScalarRulesTest {
    @Test
    void aJavaIntegerIsWeakAndKeepsTheArrayDtype() {
        NDArray r = arr.ones(UINT16, 3).add(1);
        assertEquals(UINT16, r.dtype());
        assertEquals(2L, r.get(0));
    }

    @Test
    void anIntegerTheDtypeCannotHoldIsAnErrorNotAWidening() {
        NDArray a = arr.ones(UINT16, 1024, 1024);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.mul(70000));
        assertTrue(e.getMessage().contains("70000") && e.getMessage().contains("uint16"), e.getMessage());
        assertTrue(e.getMessage().contains("as(INT32)"), "says what would work: " + e.getMessage());
    }

    @Test
    void arrayPromotionFollowsNumpy() {
        assertEquals(INT32, arr.ones(UINT16, 2).add(arr.ones(INT8, 2)).dtype());
        assertEquals(FLOAT64, arr.ones(UINT64, 2).add(arr.ones(INT64, 2)).dtype());
        assertEquals(FLOAT64, arr.ones(INT8, 2).add(0.5).dtype());
        assertEquals(FLOAT32, arr.ones(FLOAT32, 2).mul(0.5).dtype());
        assertEquals(INT64, arr.ones(BOOL, 2).add(1).dtype());
    }

    @Test
    void arrayOverflowWrapsSilently() {
        assertEquals(0L, arr.full(UINT16, 65535L, 1).add(1).get(0));
        assertEquals(-128L, arr.full(INT8, 127L, 1).add(arr.ones(INT8, 1)).get(0));
    }

    @Test
    void floatDivisionByZeroGivesInfAndNan() {
        NDArray r = arr.of(1, 0, -1).div(arr.zeros(INT64, 3));
        assertEquals(Double.POSITIVE_INFINITY, r.getDouble(0));
        assertTrue(Double.isNaN(r.getDouble(1)));
        assertEquals(Double.NEGATIVE_INFINITY, r.getDouble(2));
    }

    @Test
    void aFloatArrayComparesWithAScalarInItsOwnDtype() {
        // float32(0.9) < 0.9 in double, but NumPy rounds the weak scalar to float32 first.
        assertEquals(false, arr.of(0.9).as(FLOAT32, UNSAFE).lt(0.9).get(0));
        assertEquals(true, arr.of(0.9).lt(1).get(0));
    }

    @Test
    void integerComparisonsWithOutOfRangeScalarsAreExact() {
        NDArray a = arr.of(1, 255).as(UINT8);
        assertEquals(true, a.lt(1000).get(1));
        assertEquals(false, a.lt(-1).get(0));
        assertEquals(true, arr.full(UINT64, -1L & Long.MAX_VALUE, 1).gt(-1).get(0));
    }
}
