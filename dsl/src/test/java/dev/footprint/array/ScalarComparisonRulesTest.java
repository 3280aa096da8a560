package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The scalar comparison rules that {@link ArrayOperations} documents once: a float array compares
 * in its own dtype with the scalar rounded to it (as NumPy with a Python scalar); bool and integer
 * arrays compare exactly, whatever the scalar's range.
 */
class ScalarComparisonRulesTest {
    private static final ArrayFactory arr = new ArrayFactory();

    private static Object first(NDArray bools) {
        return bools.getLongFlat(0) != 0;
    }

    @Test
    void aFloat32ArrayComparesWithTheScalarRoundedToFloat32() {
        NDArray a = arr.of(0.1).as(DType.FLOAT32, Casting.UNSAFE);
        double justAbove = Math.nextUp((double) 0.1f);   // rounds to 0.1f in float32
        assertEquals(true, first(a.eq(0.1)));
        assertEquals(false, first(a.lt(justAbove)));
        assertEquals(true, first(a.le(justAbove)));
        assertEquals(true, first(a.lt(0.2)));
    }

    @Test
    void aFloat64ArrayRoundsALongScalarToFloat64() {
        NDArray a = arr.of((double) (1L << 53));
        assertEquals(false, first(a.lt((1L << 53) + 1)), "2^53 + 1 rounds to 2^53");
        assertEquals(true, first(a.eq((1L << 53) + 1)));
    }

    @Test
    void integerArraysCompareExactlyWithEitherScalar() {
        NDArray big = arr.of((1L << 53) + 1);
        assertEquals(true, first(big.gt((double) (1L << 53))), "int64 2^53 + 1 > 2^53.0, not rounded");
        NDArray small = arr.of(0L, 1L).as(DType.INT8);
        assertEquals(arr.of(true, false), small.lt(0.5));
        assertEquals(arr.of(true, true), small.lt(300L), "outside int8's range, still exact");
        assertEquals(arr.of(false, false), small.gt(300.0));
    }

    @Test
    void theNamedComparisonsAreApplyUnderTheirConstant() {
        NDArray a = arr.of(-1.5, 0.0, 2.5, Double.NaN);
        NDArray b = arr.of(0.0, 0.0, 3.0, Double.NaN);
        assertEquals(a.apply(ArrayOperations.Comparison.LT, b), a.lt(b));
        assertEquals(a.apply(ArrayOperations.Comparison.NE, 0.0), a.ne(0.0));
        assertEquals(a.apply(ArrayOperations.Arithmetic.DIV, 2L), a.div(2L));
        assertEquals(arr.of(true, false, true, true), a.ne(b), "NaN differs from everything, itself included");
    }
}
