package dev.footprint;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.footprint.array.ArrayOperations.Arithmetic;
import dev.footprint.array.ArrayOperations.Comparison;
import dev.footprint.array.ArrayOperations.Operation;
import dev.footprint.array.ArrayOperations;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.ShapeMismatchException;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CscArray;
import dev.footprint.sparse.CsrArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every array kind honours the one operation contract: each operation, with an array of its kind,
 * a Java integer or a Java double, gives what the dense arrays give, bit for bit, in the same kind;
 * the named methods are {@code apply} under their constant.
 */
class ArrayOperationsContractTest {
    private static final NDArray X = arr.of(0.0, 1.5, 0.0, -2.0, 0.0, 4.0, 0.0, Double.NaN, 0.0, 3.0, 0.0, -0.0).reshape(3, 4);
    private static final NDArray Y = arr.of(0.0, 0.5, 2.0, 0.0, 0.0, 4.0, -1.0, 0.0, 0.0, 3.0, 1.0, 0.0).reshape(3, 4);

    private static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>(List.of(Arithmetic.values()));
        ops.addAll(List.of(Comparison.values()));
        return ops;
    }

    /** {@code a} (made from X) and {@code b} (from Y) agree with the dense X and Y for every operation. */
    private static <A extends ArrayOperations<A, B>, B> void agreesWithDense(A a, B b, Function<A, NDArray> dense) {
        for (Operation op : operations()) {
            assertEquals(X.apply(op, Y), dense.apply(a.apply(op, b)), op + " with an array");
            assertEquals(X.apply(op, 3L), dense.apply(a.apply(op, 3L)), op + " with 3L");
            assertEquals(X.apply(op, 0.5), dense.apply(a.apply(op, 0.5)), op + " with 0.5");
        }
        assertEquals(dense.apply(a.apply(Arithmetic.ADD, b)), dense.apply(a.add(b)));
        assertEquals(dense.apply(a.apply(Arithmetic.MUL, 2L)), dense.apply(a.mul(2L)));
        assertEquals(dense.apply(a.apply(Comparison.LT, 0.5)), dense.apply(a.lt(0.5)));
        assertEquals(dense.apply(a.apply(Comparison.GE, b)), dense.apply(a.ge(b)));
        assertEquals(X.dtype(), a.dtype());
        assertEquals(X.size(), a.size());
        assertEquals(List.of(3L, 4L), java.util.Arrays.stream(a.shape()).boxed().toList());
        assertEquals(X.sum(), a.sum());
        assertEquals(X.max(1), a.max(1));
        assertEquals(X.countNonzero(), a.countNonzero(), "NaN counts, -0.0 does not");
        assertEquals(X.countNonzero(0), a.countNonzero(0));
        assertEquals(X.countNonzero(-1), a.countNonzero(-1));
        assertEquals(X, a.todense());
        assertEquals(X.as(DType.FLOAT32), dense.apply(a.as(DType.FLOAT32)), "as(dtype) keeps the kind");
        assertThrows(dev.footprint.array.LossyCastException.class, () -> a.as(DType.INT8), "1.5 is no int8");
        assertSame(a, a.named("x"));
        assertEquals("x", a.name());
    }

    @Test
    void denseArraysAgreeWithThemselves() {
        agreesWithDense(X.copy(), Y, d -> d);
    }

    @Test
    void everySparseFormatGivesTheDenseResultInItsOwnFormat() {
        agreesWithDense(sparse.coo(X), sparse.csr(Y), CooArray::todense);
        agreesWithDense(sparse.csr(X), sparse.coo(Y), CsrArray::todense);
        agreesWithDense(sparse.csc(X), sparse.csc(Y), CscArray::todense);
        CsrArray lt = sparse.csr(X).lt(0.5);
        assertEquals(true, lt.fillValue(), "fill = f(fill): 0.0 < 0.5");
    }

    @Test
    void aSparseArrayCountsItsMissingElementsWhenTheFillIsNotZero() {
        NDArray ones = arr.of(1L, 2L, 1L, 0L, 1L, 0L).reshape(2, 3);
        for (var s : List.<dev.footprint.sparse.SparseArray<?>>of(sparse.coo(ones, 1), sparse.coo(ones, 1).tocsr(), sparse.coo(ones, 1).tocsc())) {
            assertEquals(4, s.countNonzero(), s.format());
            assertEquals(ones.countNonzero(0), s.countNonzero(0), s.format());
            assertEquals(ones.countNonzero(1), s.countNonzero(1), s.format());
        }
    }

    @Test
    void aDenseArrayIsItsOwnDenseForm() {
        assertSame(X, X.todense());
    }

    @Test
    void compressedArraysGiveTheDenseResultCompressed() {
        agreesWithDense(X.compress(), Y.compress(), CompressedNDArray::decompress);
    }

    @Test
    void aDenseArrayWithACompressedOneIsCompressedOnEitherSide() {
        CompressedNDArray y = Y.compress("lz4", 1, 2, 2);
        NDArray row = X.slice("1:2, :");   // (1, 4): broadcast against (3, 4)
        for (Operation op : operations()) {
            CompressedNDArray left = X.apply(op, y);
            assertEquals(X.apply(op, Y), left.decompress(), op + " dense with compressed");
            assertEquals(row.apply(op, Y), row.apply(op, y).decompress(), op + " broadcast dense with compressed");
            assertEquals(Y.apply(op, row), y.apply(op, row).decompress(), op + " broadcast compressed with dense");
            assertEquals("lz4", left.codec(), op + " keeps the compressed operand's codec");
            assertEquals(List.of(2L, 2L), java.util.Arrays.stream(left.chunkShape()).boxed().toList(), op + " and its chunks");
        }
        assertEquals(X.sub(Y), X.sub(y).decompress());
        assertEquals(X.lt(Y), X.lt(y).decompress());
        assertThrows(ShapeMismatchException.class, () -> arr.ones(4, 3).sub(y));
    }

    @Test
    void narrowingKeepsTheFormatWithoutACast() {
        CooArray coo = sparse.coo(arr.eye(300));
        CooArray small = coo.compact().withIndexType(DType.UINT16);
        CsrArray csr = sparse.csr(arr.eye(300)).compact();
        CscArray csc = sparse.csc(arr.eye(300)).withIndexType(DType.UINT16).as(DType.FLOAT32);
        assertEquals(DType.UINT16, small.indexType());
        assertEquals(DType.UINT16, csr.indexType());
        assertEquals(arr.eye(300).as(DType.FLOAT32), csc.todense());
    }

    @Test
    void shapesThatDoNotFitAreOneExceptionForEveryKind() {
        NDArray other = arr.ones(4, 3);
        assertThrows(ShapeMismatchException.class, () -> X.add(other));
        assertThrows(ShapeMismatchException.class, () -> sparse.coo(X).add(sparse.coo(other)));
        assertThrows(ShapeMismatchException.class, () -> X.compress().add(other.compress()));
        assertThrows(ShapeMismatchException.class, () -> X.reshape(5, -1));
        assertThrows(ShapeMismatchException.class, () -> sparse.coo(X).reshape(5, -1));
        assertThrows(ShapeMismatchException.class, () -> sparse.csr(X).reshape(-1, -1));
    }
}
