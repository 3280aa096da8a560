package dev.footprint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.Footprint;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import org.junit.jupiter.api.Test;

/** The benchmarked code computes the right answer (checked element by element on a small size). */
class OperationsTest {
    private final Operations.Inputs in = new Operations.Inputs(64, 42);

    @Test
    void onesAndRandom() {
        NDArray ones = Operations.onesUint16(64);
        assertEquals(DType.UINT16, ones.dtype());
        assertEquals(64 * 64, ones.countNonzero());
        assertEquals(8192, ones.nbytes());
        NDArray r = Operations.random(64);
        assertTrue(r.min().doubleValue() >= 0 && r.max().doubleValue() < 1);
        Footprint.arr.seed(7);
        NDArray x = Operations.random(64);
        Footprint.arr.seed(7);
        assertEquals(x, Operations.random(64), "seeded");
    }

    @Test
    void copyAndMaskSetZeroesExactlyTheSmallValues() {
        NDArray out = Operations.copyAndMaskSet(in.random);
        for (long i = 0; i < out.size(); i++) {
            double v = in.random.getDoubleFlat(i);
            assertEquals(v < 0.9 ? 0.0 : v, out.getDoubleFlat(i));
        }
        assertEquals(in.random.ge(0.9).countNonzero(), out.countNonzero());
    }

    @Test
    void castsKeepEveryValue() {
        NDArray f = Operations.asFloat32(in.float32Exact);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(in.float32Exact, f.as(DType.FLOAT64));
        assertEquals(f, Operations.asFloat32Unsafe(in.float32Exact));
        for (long i = 0; i < f.size(); i++) {
            assertEquals((float) in.random.getDoubleFlat(i), (float) f.getDoubleFlat(i));
        }
    }

    @Test
    void sumAddAndLessThan() {
        double expected = 0;
        for (long i = 0; i < in.random.size(); i++) {
            expected += in.random.getDoubleFlat(i);
        }
        assertEquals(expected, Operations.sum(in.random).doubleValue(), 1e-9);
        NDArray sum = Operations.add(in.random, in.other);
        NDArray lt = Operations.lessThan(in.random);
        for (long i = 0; i < sum.size(); i++) {
            assertEquals(in.random.getDoubleFlat(i) + in.other.getDoubleFlat(i), sum.getDoubleFlat(i));
            assertEquals(in.random.getDoubleFlat(i) < 0.9 ? 1 : 0, lt.getLongFlat(i));
        }
        NDArray u = in.random.mul(60000.0).as(DType.UINT16, Footprint.UNSAFE);
        NDArray uu = Operations.add(u, u);
        assertEquals(DType.UINT16, uu.dtype());
        for (long i = 0; i < u.size(); i++) {
            assertEquals((2 * u.getLongFlat(i)) & 0xFFFF, uu.getLongFlat(i), "wraps as uint16");
        }
        assertEquals(DType.UINT64, Operations.sum(u).dtype());
    }
}
