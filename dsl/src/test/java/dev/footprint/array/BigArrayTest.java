package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.storage.BigStorage;
import dev.footprint.storage.SmallSegments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Arrays in big storage of 8-element segments (so a 6×7×5 array spans 27 of them) give the
 * heap array's results bit for bit: views, reductions (along axes read as runs and across
 * neighbouring results), comparisons, casts, arithmetic and writes.
 */
class BigArrayTest {
    private static final int SHIFT = 3;

    private static NDArray heapArray(DType t) {
        arr.seed(11);
        NDArray a = arr.random(6, 7, 5).sub(0.4).mul(t.isFloat() ? 1000.0 : t.isBool() ? 1.0 : 90.0);
        a.set(-0.0, 1, 2, 3);
        return a.as(t, Casting.UNSAFE);
    }

    /** Pairs of (heap, big) results of the same operation. */
    private static List<NDArray[]> results(DType t) throws Throwable {
        NDArray heap = heapArray(t);
        List<NDArray> h = operations(heap);
        List<NDArray> b = new ArrayList<>();
        SmallSegments.run(SHIFT, () -> {
            NDArray big = NDArray.over(t, SmallSegments.copy(heap.storage(), SHIFT), heap.shape());
            assertTrue(big.storage() instanceof BigStorage);
            b.addAll(operations(big));
        });
        List<NDArray[]> out = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            out.add(new NDArray[] {h.get(i), b.get(i)});
        }
        return out;
    }

    private static List<NDArray> operations(NDArray a) {
        List<NDArray> r = new ArrayList<>();
        r.add(a.copy());
        r.add(a.slice("::-2, 1:6:2, :").copy());
        r.add(a.transpose().copy());
        r.add(a.slice("2, :, ::-1").copy());
        r.add(a.sum());
        r.add(a.mean());
        r.add(a.min());
        r.add(a.max());
        r.add(NDArray.wrap(DType.INT64, new long[] {a.countNonzero()}));
        addAxisReductions(r, a);
        r.add(a.slice("1:5, ::3, 1:").sum(1));
        // a long contiguous axis is read as runs; neighbouring results are gathered as one run
        NDArray rows = a.reshape(3, 70);
        NDArray cols = a.reshape(70, 3);
        for (NDArray m : new NDArray[] {rows, cols, rows.slice("::-1, ::-1"), cols.transpose()}) {
            addAxisReductions(r, m);
        }
        r.add(a.transpose().sum());
        r.add(a.lt(3));
        r.add(a.ge(-2.5));
        r.add(a.transpose().eq(a.transpose().slice("::-1, :, :")));
        r.add(a.as(DType.FLOAT32, Casting.UNSAFE));
        r.add(a.slice(":, ::2, :").as(DType.INT16, Casting.UNSAFE));
        r.add(a.as(DType.UINT64, Casting.UNSAFE).as(DType.FLOAT64, Casting.UNSAFE));
        if (!a.dtype().isBool()) {
            r.add(a.add(a));
            r.add(a.mul(a.slice("0:1, :, :")));
            r.add(a.sub(3));
            r.add(a.div(a.transpose().transpose()));
        }
        NDArray c = a.copy();
        c.set(c.gt(1), 1);
        c.set(true, 5, 6, 4);
        r.add(c);
        NDArray d = a.copy();
        d.slice("::2, 1, :").set(d.slice("::2, 1, :").lt(0), 0);
        r.add(d);
        return r;
    }

    private static void addAxisReductions(List<NDArray> r, NDArray a) {
        for (int axis = 0; axis < a.ndim(); axis++) {
            r.add(a.sum(axis));
            r.add(a.mean(axis));
            r.add(a.max(axis));
            r.add(a.min(axis));
            r.add(a.countNonzero(axis));
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyOperationGivesTheHeapResultBitForBit(DType t) throws Throwable {
        int i = 0;
        for (NDArray[] p : results(t)) {
            assertArrayEquals(p[0].shape(), p[1].shape(), "shape of result " + i);
            assertEquals(p[0], p[1], "result " + i + " of " + t + ": " + p[0] + " vs " + p[1]);
            assertEquals(p[0].toString(), p[1].toString(), "text of result " + i);
            i++;
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void setAndGetReachEveryElementAcrossSegments(DType t) throws Throwable {
        SmallSegments.run(SHIFT, () -> {
            NDArray a = arr.zeros(t, 5, 13);
            assertTrue(a.storage() instanceof BigStorage);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 13; j++) {
                    a.set((i * 13 + j) % 2 == 0, i, j);
                }
            }
            assertEquals(33, a.countNonzero());
            assertEquals(1.0, a.getDouble(4, 12));
            assertEquals(0.0, a.getDouble(-1, -2));
            assertEquals(65L * t.itemsize(), a.nbytes());
        });
    }
}
