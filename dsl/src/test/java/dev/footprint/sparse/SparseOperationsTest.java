package dev.footprint.sparse;

import static dev.footprint.Footprint.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** Sparse operations against their dense equivalents, and bad input. */
class SparseOperationsTest {

    static NDArray sample() {
        arr.seed(3);
        NDArray a = arr.random(30, 40);
        a.set(a.lt(0.8), 0.0);
        return a;
    }

    @Test
    void elementwiseWithScalarsMatchesDenseAndCarriesTheFill() {
        NDArray a = sample();
        for (SparseArray<?> s : new SparseArray<?>[] {sparse.coo(a), sparse.csr(a), sparse.csc(a)}) {
            assertEquals(a.add(1.5), s.add(1.5).todense(), s.format());
            assertEquals(1.5, s.add(1.5).fillValue());
            assertEquals(s.format(), s.add(1.5).format());
            assertEquals(a.mul(2L), s.mul(2L).todense());
            assertEquals(a.sub(0.25), s.sub(0.25).todense());
            assertEquals(a.div(4.0), s.div(4.0).todense());
            assertEquals(a.lt(0.9), s.lt(0.9).todense());
            assertEquals(BOOL, s.gt(0.9).dtype());
            assertEquals(false, s.gt(0.9).fillValue());
            assertEquals(a.eq(0.0), s.eq(0.0).todense());
            assertEquals(0, s.mul(0L).nnz(), "results equal to the new fill are dropped, as pydata");
        }
    }

    @Test
    void divisionOfTheFillByZeroGivesANanFill() {
        SparseArray<?> s = sparse.coo(arr.of(0.0, 2.0, 0.0));
        SparseArray<?> q = s.div(0.0);
        assertTrue(Double.isNaN((Double) q.fillValue()));
        assertEquals(arr.of(0.0, 2.0, 0.0).div(0.0), q.todense());
    }

    @Test
    void integerOperationsFollowNumpyPromotion() {
        NDArray a = arr.of(0L, 3L, 0L, 250L).as(UINT8);
        SparseArray<?> s = sparse.coo(a);
        assertEquals(a.add(10L), s.add(10L).todense(), "uint8 + 10 wraps in uint8");
        assertEquals(UINT8, s.add(10L).dtype());
        assertEquals(a.div(2L), s.div(2L).todense());
        assertEquals(FLOAT64, s.div(2L).dtype());
    }

    @Test
    void elementwiseWithSparseArraysOfTheSameShape() {
        NDArray a = sample();
        arr.seed(4);
        NDArray b = arr.random(30, 40);
        b.set(b.lt(0.7), 0.0);
        SparseArray<?> sa = sparse.coo(a);
        SparseArray<?> sb = sparse.csr(b);
        assertEquals(a.add(b), sa.add(sb).todense());
        assertEquals(a.mul(b), sa.mul(sb).todense());
        assertEquals(a.sub(b), sa.sub(sb).todense());
        assertEquals(a.gt(b), sa.gt(sb).todense());
        assertEquals(a.mul(b).countNonzero(), sa.mul(sb).nnz(), "the product stores only the overlap");
        SparseArray<?> other = sparse.coo(arr.zeros(40, 30));
        assertThrows(ShapeMismatchException.class, () -> sa.add(other));
    }

    @Test
    void reductionsCountTheFillValue() {
        NDArray a = sample();
        SparseArray<?> s = sparse.coo(a);
        assertEquals(a.sum().doubleValue(), s.sum().doubleValue(), 1e-9);
        assertEquals(a.mean().doubleValue(), s.mean().doubleValue(), 1e-12);
        assertEquals(a.min(), s.min());
        assertEquals(a.max(), s.max());
        NDArray ones = arr.of(1L, 5L, 1L, 1L);
        CooArray withFill = sparse.coo(ones, 1L);
        assertEquals(1, withFill.nnz());
        assertEquals(8L, withFill.sum().longValue());
        assertEquals(INT64, withFill.sum().dtype());
        assertEquals(2.0, withFill.mean().doubleValue());
        assertEquals(1L, withFill.min().longValue());
        assertEquals(5L, withFill.max().longValue());
        assertTrue(Double.isNaN(sparse.coo(arr.of(0.0, Double.NaN)).max().doubleValue()), "NaN propagates");
    }

    @Test
    void transposeReshapeAndCountsMatchDense() {
        NDArray a = sample();
        CsrArray csr = sparse.csr(a);
        CscArray t = csr.transpose();
        assertSame(csr.data(), t.data(), "CSR transpose reuses the arrays, as scipy");
        assertEquals(a.transpose().copy(), t.todense());
        assertEquals(a.transpose().copy(), sparse.coo(a).transpose().todense());
        assertEquals(a.reshape(60, 20), csr.reshape(60, 20).todense());
        assertEquals("csr", csr.reshape(60, -1).format());
        assertEquals(a.reshape(2, 3, 200), csr.reshape(2, 3, 200).todense());
        assertThrows(ShapeMismatchException.class, () -> csr.reshape(7, 7));
        NDArray perRow = a.ne(0.0).countNonzero(1);
        NDArray perCol = a.ne(0.0).countNonzero(0);
        for (SparseArray<?> s : new SparseArray<?>[] {sparse.coo(a), csr, sparse.csc(a)}) {
            assertEquals(perRow, s.nnzPerRow(), s.format());
            assertEquals(perCol, s.nnzPerColumn(), s.format());
        }
    }

    @Test
    void matvecAndMatmulMatchADenseProduct() {
        NDArray a = sample();
        arr.seed(5);
        NDArray x = arr.random(40);
        NDArray m = arr.random(40, 3);
        double[] expected = new double[30];
        double[][] expectedM = new double[30][3];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 40; j++) {
                expected[i] += a.getDouble(i, j) * x.getDouble(j);
                for (int k = 0; k < 3; k++) expectedM[i][k] += a.getDouble(i, j) * m.getDouble(j, k);
            }
        }
        for (SparseArray<?> s : new SparseArray<?>[] {sparse.coo(a), sparse.csr(a), sparse.csc(a)}) {
            NDArray y = s.matvec(x);
            NDArray ym = s.matmul(m);
            assertArrayEquals(new long[] {30}, y.shape());
            for (int i = 0; i < 30; i++) {
                assertEquals(expected[i], y.getDouble(i), 1e-12, s.format());
                for (int k = 0; k < 3; k++) assertEquals(expectedM[i][k], ym.getDouble(i, k), 1e-12);
            }
        }
        NDArray ints = arr.of(0L, 2L, 3L, 0L).reshape(2, 2).as(INT16);
        assertEquals(arr.of(4L, 3L), sparse.csr(ints).matvec(arr.of(1L, 2L)), "int16 @ int64 -> int64");
        assertThrows(ShapeMismatchException.class, () -> sparse.csr(a).matvec(arr.ones(39)));
        var e = assertThrows(IllegalArgumentException.class, () -> sparse.coo(a, 1.0).matvec(x));
        assertTrue(e.getMessage().contains("fill value of 0"), e.getMessage());
    }

    @Test
    void csrAndCscKeepTheirNarrowIndexTypeThroughElementwiseOperationsAsCooDoes() {
        NDArray a = arr.zeros(300, 300);
        a.set(2.0, 1, 7);
        a.set(3.0, 250, 299);
        for (SparseArray<?> s : new SparseArray<?>[] {sparse.coo(a), sparse.csr(a), sparse.csc(a)}) {
            SparseArray<?> narrow = s.withIndexType(UINT16);
            SparseArray<?> sum = narrow.add(narrow);
            assertEquals(UINT16, sum.indexType(), s.format() + " + itself");
            assertEquals(UINT16, narrow.mul(2L).indexType(), s.format() + " * 2");
            assertEquals(a.mul(2L), sum.todense(), s.format() + ": the values are right");
            assertEquals(s.format(), sum.format());
        }
        // Where the narrow type no longer holds the result (nnz past 255), scipy's default takes over.
        NDArray top = arr.zeros(2, 200);
        NDArray bottom = arr.zeros(2, 200);
        for (int j = 0; j < 150; j++) {
            top.set(1.0, 0, j);
            bottom.set(1.0, 1, j);
        }
        CsrArray x = sparse.csr(top).withIndexType(UINT8);
        CsrArray y = sparse.csr(bottom).withIndexType(UINT8);
        SparseArray<?> union = x.add(y);
        assertEquals(300, union.nnz());
        assertEquals(INT32, union.indexType(), "uint8 cannot hold the index pointer 300");
        assertEquals(top.add(bottom), union.todense());
    }

    @Test
    void indexDtypeIsCheckedAgainstTheLargestDimensionNotTheFlatSize() {
        NDArray a = sample();
        CooArray s = sparse.coo(arr.zeros(1000, 1000));
        assertEquals(UINT16, s.smallestIndexType(), "10^6 elements, but every index fits uint16");
        assertEquals(UINT16, s.withIndexType(UINT16).indexType());
        var e = assertThrows(IndexTypeException.class, () -> sparse.coo(arr.zeros(1024, 4)).withIndexType(UINT8));
        assertTrue(e.getMessage().contains("uint8 cannot address dimension 0 of size 1024"), e.getMessage());
        assertTrue(e.getMessage().endsWith("uint16 can"), e.getMessage());
        var signed = assertThrows(IndexTypeException.class, () -> sparse.coo(arr.zeros(4, 200)).withIndexType(INT8));
        assertTrue(signed.getMessage().contains("dimension 1 of size 200") && signed.getMessage().endsWith("int16 can"),
                signed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sparse.coo(a).withIndexType(FLOAT32));
        // CSR's indices are column numbers and CSC's row numbers: the error names that axis.
        var columns = assertThrows(IndexTypeException.class, () -> sparse.csr(arr.zeros(4, 300)).withIndexType(UINT8));
        assertTrue(columns.getMessage().contains("uint8 cannot address dimension 1 of size 300"), columns.getMessage());
        var rows = assertThrows(IndexTypeException.class, () -> sparse.csc(arr.zeros(300, 4)).withIndexType(UINT8));
        assertTrue(rows.getMessage().contains("uint8 cannot address dimension 0 of size 300"), rows.getMessage());
        assertEquals(UINT8, sparse.csr(arr.zeros(300, 4)).withIndexType(UINT8).indexType(), "300 rows need no column index");
        NDArray full = arr.ones(20, 20);
        CsrArray csr = sparse.csr(full);
        var ptr = assertThrows(IndexTypeException.class, () -> csr.withIndexType(UINT8));
        assertTrue(ptr.getMessage().contains("uint8 cannot hold the index pointer 400 (nnz)"), ptr.getMessage());
        assertEquals(full, csr.withIndexType(UINT16).todense());
        assertEquals(400 * 10 + 21 * 2, csr.withIndexType(UINT16).nbytes());
        assertEquals(a, sparse.csr(a).compact().todense());
    }

    @Test
    void rawPartsConstructorsValidateAndSort() {
        NDArray coords = arr.of(1L, 0L, 2L, 0L).reshape(2, 2);
        CooArray s = new CooArray(coords, arr.of(7.0, 5.0), 3, 3);
        assertEquals(arr.of(0L, 1L, 0L, 2L).reshape(2, 2), s.coords(), "sorted into C order");
        assertEquals(arr.of(5.0, 7.0), s.data());
        assertEquals(5.0, s.todense().getDouble(0, 0));
        assertEquals(7.0, s.todense().getDouble(1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> new CooArray(arr.of(0L, 3L).reshape(2, 1), arr.of(1.0), 3, 3));
        var dup = assertThrows(IllegalArgumentException.class,
                () -> new CooArray(arr.of(1L, 1L, 2L, 2L).reshape(2, 2), arr.of(1.0, 2.0), 3, 3));
        assertTrue(dup.getMessage().contains("[1, 2] appears more than once"), dup.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new CooArray(arr.of(0L, 1L).reshape(2, 1), arr.of(1.0, 2.0), 3, 3));
        CsrArray csr = new CsrArray(arr.of(1.0, 2.0, 3.0), arr.of(2L, 0L, 1L).as(INT32), arr.of(0L, 1L, 1L, 3L).as(INT32), 3, 3);
        assertEquals(arr.from(new double[][] {{0, 0, 1}, {0, 0, 0}, {2, 3, 0}}), csr.todense());
        assertThrows(IllegalArgumentException.class,
                () -> new CsrArray(arr.of(1.0), arr.of(0L).as(INT32), arr.of(0L, 2L).as(INT32), 1, 3));
        CscArray csc = new CscArray(arr.of(1.0, 2.0), arr.of(1L, 0L).as(INT32), arr.of(0L, 1L, 2L).as(INT32), arr.of(-1.0), 2, 2);
        assertEquals(arr.from(new double[][] {{-1, 2}, {1, -1}}), csc.todense());
        // A position stored twice is refused where the array is made, in sorted and unsorted rows alike.
        var twice = assertThrows(IllegalArgumentException.class, () -> new CsrArray(arr.of(1.0, 2.0, 3.0),
                arr.of(0L, 2L, 0L).as(INT32), arr.of(0L, 0L, 3L).as(INT32), 2, 3));
        assertTrue(twice.getMessage().contains("row 1 stores column 0 twice (indices[0] and indices[2])"), twice.getMessage());
        var sortedTwice = assertThrows(IllegalArgumentException.class, () -> new CscArray(arr.of(1.0, 2.0),
                arr.of(1L, 1L).as(INT32), arr.of(0L, 0L, 2L).as(INT32), 2, 2));
        assertTrue(sortedTwice.getMessage().contains("column 1 stores row 1 twice"), sortedTwice.getMessage());
        CsrArray unsorted = new CsrArray(arr.of(1.0, 2.0), arr.of(2L, 0L).as(INT32), arr.of(0L, 2L).as(INT32), 1, 3);
        assertEquals(arr.from(new double[][] {{2, 0, 1}}), unsorted.todense(), "unsorted but distinct is fine");
    }

    @Test
    void tooDenseArraysAreAllowedButTheSummaryWarns() {
        SparseArray<?> s = sparse.coo(arr.ones(4, 4));
        assertTrue(s.isDenserThanDense());
        assertTrue(s.toString().contains("Warning: this coo array takes 384 bytes, more than the 128"), s.toString());
        assertTrue(s.mimeBundle().get("text/html").contains("Warning"));
        assertFalse(sparse.coo(sample()).toString().contains("Warning"));
    }

    @Test
    void summaryShowsWhatPydataShows() {
        SparseArray<?> s = sparse.coo(arr.of(0.0, 1.5, 0.0, 0.0).reshape(2, 2));
        String text = s.toString();
        for (String field : new String[] {"Format", "coo", "Data Type", "float64", "Shape", "(2, 2)", "nnz", "Density", "0.25",
                "Read-only", "True", "Size", "24 B", "Storage ratio", "0.75"}) {
            assertTrue(text.contains(field), field + " in\n" + text);
        }
        String html = s.mimeBundle().get("text/html");
        assertTrue(html.startsWith("<table><tbody><tr><th style=\"text-align: left\">Format</th>"), html);
    }

    @Test
    void theMeanOfLargeIntegersDoesNotWrap() {
        NDArray a = arr.of(1L << 62, 1L << 62, 0L, 0L);
        assertEquals(a.mean().doubleValue(), 0x1p61);
        for (SparseArray<?> s : new SparseArray<?>[] {sparse.coo(a), sparse.csr(a.reshape(2, 2)), sparse.csc(a.reshape(2, 2))}) {
            assertEquals(0x1p61, s.mean().doubleValue(), s.format());
        }
    }

    @Test
    void aProductTooLargeForOneArrayIsRefusedClearly() {
        // An empty 100000 x 3 CSR array times a dense 3 x 30000 array: 3e9 result cells.
        SparseArray<?> rows = new CsrArray(arr.zeros(0), arr.zeros(dev.footprint.array.DType.INT32, 0),
                arr.zeros(dev.footprint.array.DType.INT32, 100_001), 100_000, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rows.matmul(arr.zeros(3, 30_000)));
        assertTrue(e.getMessage().contains("more than one Java array holds"), e.getMessage());
    }
}
