package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.Footprint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract every dtype keeps: one suite, run for each of the twelve. */
class DTypeContractTest {
    /** 0, 1, 2, ... wrapped into the dtype (bools alternate), in a 3×4 array. */
    private static NDArray sample(DType t) {
        return arr.arange(12).as(t, Casting.UNSAFE).reshape(3, 4);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void describesItself(DType t) {
        assertEquals(t, DType.of(t.numpyName()));
        assertEquals(t, DType.of(t.descr()));
        assertEquals(t.itemsize(), t.descr().charAt(2) - '0', "descr ends in the width");
        assertTrue(t.rangeText().contains(".") || t.isFloat(), t.rangeText());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void createsWithTheDtypeWidth(DType t) {
        for (NDArray a : new NDArray[] {arr.zeros(t, 3, 4), arr.ones(t, 3, 4), arr.empty(t, 3, 4), arr.full(t, 1L, 3, 4)}) {
            assertEquals(t, a.dtype());
            assertEquals(12, a.size());
            assertEquals(12L * t.itemsize(), a.nbytes());
            assertEquals(t.storage().name().toLowerCase(), a.contiguousData().getClass().getComponentType().getName());
        }
        assertEquals(12, arr.ones(t, 3, 4).countNonzero());
        assertEquals(0, arr.zeros(t, 3, 4).countNonzero());
        assertEquals(1024L * 1024 * t.itemsize(), arr.ones(t, 1024, 1024).nbytes());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void getsAndSetsOneElement(DType t) {
        NDArray a = arr.zeros(t, 2, 3);
        a.set(1L, 1, 2);
        assertEquals(1.0, a.getDouble(1, 2));
        assertEquals(1L, a.getLong(-1, -1), "negative indices count from the end");
        assertEquals(0.0, a.getDouble(0, 0));
        a.set(true, 0, 0);
        assertEquals(2, a.countNonzero());
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void copiesAreIndependent(DType t) {
        NDArray a = sample(t);
        NDArray c = a.copy();
        assertEquals(a, c);
        assertNotSame(a.contiguousData(), c.contiguousData());
        c.set(0L, 0, 1);
        assertEquals(1.0, a.getDouble(0, 1), "the original keeps its value");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void viewsShareStorage(DType t) {
        NDArray a = arr.zeros(t, 3, 4);
        a.reshape(4, 3).set(1L, 3, 2);
        assertEquals(1.0, a.getDouble(2, 3), "reshape");
        a.transpose().set(1L, 1, 0);
        assertEquals(1.0, a.getDouble(0, 1), "transpose");
        a.slice("::-1, 1::2").set(1L, 1, 0);
        assertEquals(1.0, a.getDouble(1, 1), "negative-step slice");
        a.slice("1, ::3").set(1L, 1);
        assertEquals(1.0, a.getDouble(1, 3), "integer index drops the axis");
        assertEquals(4, a.countNonzero());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void castToItselfIsAnEqualCopy(DType t) {
        NDArray a = sample(t);
        NDArray same = a.as(t);
        assertEquals(a, same);
        assertNotSame(a.contiguousData(), same.contiguousData());
        assertEquals(a, a.transpose().as(t).transpose(), "strided source");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void printsLikeNumpy(DType t) {
        String text = arr.zeros(t, 2).toString();
        boolean numpyDefault = t == DType.FLOAT64 || t == DType.INT64 || t == DType.BOOL;
        assertEquals(!numpyDefault, text.contains("dtype=" + t.numpyName()), text);
        String big = arr.ones(t, 1024, 1024).toString();
        assertTrue(big.contains("...") && big.length() < 600, big);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void minimalDtypeRoundTripsExactly(DType t) {
        NDArray a = sample(t);
        DType m = a.minimalDType();
        assertTrue(m.itemsize() <= t.itemsize(), m + " is not wider than " + t);
        assertEquals(a, a.as(m).as(t), "through " + m);
        NDArray t2 = a.transpose();
        assertEquals(t2, t2.as(t2.minimalDType()).as(t));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void reducesWithNumpyResultTypes(DType t) {
        NDArray a = arr.ones(t, 3, 4);
        DType sum = t.isFloat() ? t : t.isUnsigned() ? DType.UINT64 : DType.INT64;
        assertEquals(sum, a.sum().dtype());
        assertEquals(12.0, a.sum().doubleValue());
        assertEquals(sum, a.sum(1).dtype());
        assertEquals(t, a.max().dtype());
        assertEquals(t.isFloat() ? t : DType.FLOAT64, a.mean(0).dtype());
        assertEquals(1.0, a.mean().doubleValue());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maskedSetChangesOnlyMaskedElements(DType t) {
        NDArray a = arr.ones(t, 4);
        NDArray mask = arr.of(true, false, true, false);
        a.set(mask, 0L);
        assertEquals(2, a.countNonzero());
        assertEquals(0.0, a.getDouble(2));
        NDArray w = a.where(mask.eq(0L), 0L);
        assertEquals(0, w.countNonzero());
        assertEquals(2, a.countNonzero(), "where returns a new array");
        assertEquals(Footprint.BOOL, a.lt(1L).dtype());
    }

    @org.junit.jupiter.api.Test
    void minimalDtypeOfIntegralFloatsSpanningBothSignsAndHugeValuesStaysFloat() {
        // Found by the cast property: no integer dtype holds both -1 and 2^63.
        NDArray a = arr.of(-1.0, 0x1p63);
        assertEquals(DType.FLOAT32, a.minimalDType());
        assertEquals(a, a.as(a.minimalDType()).as(DType.FLOAT64));
        assertEquals(DType.UINT64, arr.of(1.0, 0x1p63 + 2048).minimalDType(), "float32 would round it");
        assertEquals(DType.INT8, arr.of(-1.0, 3.0).minimalDType());
        assertEquals(DType.FLOAT64, arr.of(3.1).minimalDType(), "3.1 is not float16's 3.099609375");
        assertEquals(DType.FLOAT16, arr.of(0.5, 300.0).minimalDType());
    }
}
