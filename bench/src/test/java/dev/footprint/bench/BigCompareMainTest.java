package dev.footprint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import org.junit.jupiter.api.Test;

/** The big comparison's array holds the elements compare.py builds for NumPy. */
class BigCompareMainTest {
    @Test
    void thePatternIsTheOneCompareBuilds() {
        // compare.py: ((j * 2654435761) >> 24) & 0xFF for these j
        byte[] p = BigCompareMain.pattern(BigCompareMain.PERIOD);
        int[] j = {0, 1, 2, 3, 1000, BigCompareMain.PERIOD - 1};
        int[] want = {0, 158, 60, 218, 8, 252};
        for (int k = 0; k < j.length; k++) {
            assertEquals(want[k], p[j[k]] & 0xFF, "j=" + j[k]);
        }
    }

    @Test
    void elementsRepeatThePatternToTheEnd() {
        long n = 3L * BigCompareMain.PERIOD;
        NDArray a = BigCompareMain.filled(n);
        byte[] p = BigCompareMain.pattern(BigCompareMain.PERIOD);
        assertEquals(DType.UINT8, a.dtype());
        for (long i : new long[] {0, 5, BigCompareMain.PERIOD - 1, BigCompareMain.PERIOD, n - 2, n - 1}) {
            assertEquals(p[(int) (i % BigCompareMain.PERIOD)] & 0xFF, a.getLongFlat(i), "element " + i);
        }
        assertEquals(n - 3 * 4096, a.countNonzero(), "4096 zeros per period (compare.py counts them)");
        assertEquals(2, a.ndim(), "rows of the period");
    }
}
