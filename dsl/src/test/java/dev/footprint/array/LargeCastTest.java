package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The checked float64 → float32 cast works through large arrays block by block. */
class LargeCastTest {
    private static final int N = 200_003; // several blocks and a partial one

    private static double[] exactValues() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 7 == 0 ? Double.NaN : i % 11 == 0 ? -0.0 : (i - 1000) * 0.25;
        }
        return x;
    }

    @Test
    void exactValuesPassAndMatchTheUncheckedCast() {
        NDArray a = NDArray.wrap(DType.FLOAT64, exactValues(), N);
        assertEquals(a.as(DType.FLOAT32, Casting.UNSAFE), a.as(DType.FLOAT32));
    }

    @Test
    void aLossyValueInALaterBlockIsNamed() {
        double[] x = exactValues();
        x[150_001] = 0.1;
        x[199_999] = 1e300;
        NDArray a = NDArray.wrap(DType.FLOAT64, x, N);
        LossyCastException e = assertThrows(LossyCastException.class, () -> a.as(DType.FLOAT32));
        assertArrayEquals(new long[] {150_001}, e.index(), e.getMessage());
    }
}
