package dev.footprint;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.footprint.array.LossyCastException;
import dev.footprint.array.NDArray;
import org.junit.jupiter.api.Test;

/** The article's examples, through the one static entry point. */
class FootprintTest {
    @Test
    void smallerDtypesTakeLessMemory() {
        var int64arr = arr.ones(1024, 1024).as(UINT64);
        assertEquals(8388608, int64arr.nbytes());
        var int16arr = arr.ones(1024, 1024).as(UINT16);
        assertEquals(2097152, int16arr.nbytes());
    }

    @Test
    void settingSmallValuesToZeroIsReproducibleWithASeed() {
        arr.seed(42);
        NDArray a = arr.random(1024, 1024);
        a.set(a.lt(0.9), 0);
        long nnz = a.countNonzero();
        arr.seed(42);
        NDArray b = arr.random(1024, 1024);
        b.set(b.lt(0.9), 0);
        assertEquals(nnz, b.countNonzero());
        // About a tenth of 1048576 values are at least 0.9 (sd ≈ 307).
        assertEquals(104858, nnz, 5 * 307);
        assertEquals(0, a.lt(0.9).mul(a).countNonzero(), "what is left is >= 0.9");
    }

    @Test
    void aLossyCastSaysWhatWouldWork() {
        LossyCastException e = assertThrows(LossyCastException.class, () -> arr.of(1, 70000).as(UINT16));
        assertEquals("uint16 cannot hold 70000 at [1] (from int64); uint32 holds every value (as(UINT32)), "
                + "or wrap/round as NumPy's astype with as(UINT16, Casting.UNSAFE)", e.getMessage());
        assertEquals(4464L, arr.of(1, 70000).as(UINT16, UNSAFE).get(1));
        assertEquals(44L, arr.of(300).as(INT8, UNSAFE).get(0));
    }
}
