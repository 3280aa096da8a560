package dev.footprint.array;

import dev.footprint.display.Displayable;

/**
 * The one operation contract of every kind of array: dense ({@link NDArray}), sparse (COO, CSR,
 * CSC) and compressed. Each kind implements three methods, {@link #apply(Operation, Object)},
 * {@link #apply(Operation, long)} and {@link #apply(Operation, double)}; the thirty named
 * operations below are those three under an {@link Arithmetic} or {@link Comparison} constant,
 * and return the kind itself ({@code A}), never a cast.
 *
 * <pre>{@code
 * var a = arr.random(1024, 1024);
 * a.lt(0.5);                            // a dense bool array
 * sparse.coo(a).lt(0.5);                // a COO bool array
 * a.compress().apply(Comparison.LT, 0.5);   // the same, compressed
 * }</pre>
 *
 * <h2>Shapes</h2>
 * Dense and compressed arrays broadcast as NumPy does ({@code (3, 1)} with {@code (4,)} gives
 * {@code (3, 4)}); sparse arrays combine only with an array of the same shape. Either way, shapes
 * that do not fit throw {@link ShapeMismatchException} naming both.
 *
 * <h2>Result dtypes (NumPy 2, NEP 50)</h2>
 * <ul>
 *   <li>Array with array: the two dtypes promote as {@link DType#promote} ({@code uint16 + int8}
 *       is int32, {@code uint64 + int64} float64). Integers wrap on overflow; float division by zero
 *       gives inf or NaN; bool + bool is logical or, bool * bool logical and, bool - bool is refused
 *       ({@link IllegalArgumentException}, as NumPy).</li>
 *   <li>With a Java {@code long}: the scalar is "weak", so the array keeps its dtype (a bool
 *       array becomes int64); an integer dtype that cannot hold the scalar is refused with
 *       {@link IllegalArgumentException} (NumPy raises OverflowError) instead of widening.</li>
 *   <li>With a Java {@code double}: a float array keeps its dtype, the scalar rounded to it; any
 *       other array gives float64.</li>
 *   <li>{@link Arithmetic#DIV} is true division: integer and bool arrays give float64.</li>
 *   <li>Comparisons give bool.</li>
 * </ul>
 *
 * <h2>Comparing with a scalar</h2>
 * A bool or integer array compares exactly with either scalar, whatever its range: {@code int8}
 * against {@code 300} or {@code 0.5}, {@code int64} against {@code 2^53 + 1}, all exact (NumPy
 * rounds an int64 array and a Python float to float64 first). A float array compares in its own
 * dtype, the scalar rounded to it first, as NumPy does with a Python scalar: a float32 array
 * holding {@code 0.1f} is {@code eq(0.1)}, and not {@code lt} any double that rounds to
 * {@code 0.1f}. Array against array: in the promoted dtype, except uint64 against a signed
 * integer, which promotes to float64 but compares exactly. NaN is unordered: every comparison
 * with it is false but {@link Comparison#NE}.
 *
 * <h2>Sparse and compressed results</h2>
 * A sparse result keeps the format and has fill value {@code f(fill)} (so {@code coo.lt(0.5)} of
 * a fill-0 array has fill {@code true}); a compressed result keeps the chunks, codec and level.
 * A dense array with a compressed one is compressed whichever side the dense one is on
 * ({@code dense.sub(c)} as {@code c.sub(dense)}), with the compressed operand's codec and level.
 * Each equals, bit for bit, the dense result of the same operation.
 *
 * <h2>Not in the contract</h2>
 * {@code reshape} and {@code transpose} are not members: a sparse array answers them in a format of
 * its own choosing (a CSR array's transpose is CSC, a reshape to other than two axes is COO) and a
 * compressed array has neither (its chunks are laid out for its shape). Every kind has
 * {@link #as(DType)}, {@link #countNonzero()} and {@link #todense()} with one meaning.
 *
 * @param <A> the kind itself: what every operation returns
 * @param <B> the arrays this kind combines with elementwise (a dense array with dense arrays, a
 *     sparse array with any sparse array, a compressed array with compressed arrays; a compressed
 *     array also takes dense ones, through its own {@code apply(op, NDArray)}, and a dense array
 *     takes compressed ones on its right, through {@link ReflectedOperand})
 */
public interface ArrayOperations<A extends ArrayOperations<A, B>, B> extends Displayable {

    /** An elementwise operation: an {@link Arithmetic} or a {@link Comparison}. */
    sealed interface Operation permits Arithmetic, Comparison {
        /** The DSL method's name: {@code "add"}, {@code "lt"}, ... */
        String method();
    }

    /** Arithmetic: a result of the promoted dtype. */
    enum Arithmetic implements Operation {
        /** {@code a + b} */
        ADD,
        /** {@code a - b} */
        SUB,
        /** {@code a * b} */
        MUL,
        /** {@code a / b}, true division */
        DIV;

        @Override
        public String method() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Comparisons: a bool result. */
    enum Comparison implements Operation {
        /** {@code a < b} */
        LT,
        /** {@code a <= b} */
        LE,
        /** {@code a > b} */
        GT,
        /** {@code a >= b} */
        GE,
        /** {@code a == b} */
        EQ,
        /** {@code a != b} */
        NE;

        @Override
        public String method() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * {@code op} elementwise with another array, under the rules above.
     *
     * <pre>{@code
     * a.apply(Arithmetic.ADD, b);   // a.add(b)
     * }</pre>
     *
     * @throws ShapeMismatchException the shapes do not broadcast (dense, compressed) or differ (sparse)
     * @throws IllegalArgumentException {@code op} or {@code other} is null, or {@code op} is SUB of two bool arrays
     */
    A apply(Operation op, B other);

    /**
     * {@code op} with a Java integer on every element, under the rules above.
     *
     * <pre>{@code
     * arr.ones(3).as(UINT8).apply(Arithmetic.ADD, 1);   // array([2, 2, 2], dtype=uint8)
     * }</pre>
     *
     * @throws IllegalArgumentException arithmetic on an integer array whose dtype cannot hold {@code s}
     */
    A apply(Operation op, long s);

    /**
     * {@code op} with a Java double on every element, under the rules above.
     *
     * <pre>{@code
     * a.apply(Comparison.LT, 0.9);   // a.lt(0.9)
     * }</pre>
     */
    A apply(Operation op, double s);

    /** {@code a + other}: {@code apply(ADD, other)}. <pre>{@code a.add(b) }</pre> */
    default A add(B other) { return apply(Arithmetic.ADD, other); }
    /** {@code a - other}: {@code apply(SUB, other)}. <pre>{@code a.sub(b) }</pre> */
    default A sub(B other) { return apply(Arithmetic.SUB, other); }
    /** {@code a * other}: {@code apply(MUL, other)}. <pre>{@code a.mul(b) }</pre> */
    default A mul(B other) { return apply(Arithmetic.MUL, other); }
    /** {@code a / other}, true division: {@code apply(DIV, other)}. <pre>{@code a.div(b) }</pre> */
    default A div(B other) { return apply(Arithmetic.DIV, other); }
    /** {@code a + s}: {@code apply(ADD, s)}. <pre>{@code a.add(1) }</pre> */
    default A add(long s) { return apply(Arithmetic.ADD, s); }
    /** {@code a - s}: {@code apply(SUB, s)}. <pre>{@code a.sub(1) }</pre> */
    default A sub(long s) { return apply(Arithmetic.SUB, s); }
    /** {@code a * s}: {@code apply(MUL, s)}. <pre>{@code a.mul(2) }</pre> */
    default A mul(long s) { return apply(Arithmetic.MUL, s); }
    /** {@code a / s}, true division: {@code apply(DIV, s)}. <pre>{@code a.div(2) }</pre> */
    default A div(long s) { return apply(Arithmetic.DIV, s); }
    /** {@code a + s}: {@code apply(ADD, s)}. <pre>{@code a.add(0.5) }</pre> */
    default A add(double s) { return apply(Arithmetic.ADD, s); }
    /** {@code a - s}: {@code apply(SUB, s)}. <pre>{@code a.sub(0.5) }</pre> */
    default A sub(double s) { return apply(Arithmetic.SUB, s); }
    /** {@code a * s}: {@code apply(MUL, s)}. <pre>{@code a.mul(0.5) }</pre> */
    default A mul(double s) { return apply(Arithmetic.MUL, s); }
    /** {@code a / s}: {@code apply(DIV, s)}. <pre>{@code a.div(0.5) }</pre> */
    default A div(double s) { return apply(Arithmetic.DIV, s); }

    /** {@code a < other}: {@code apply(LT, other)}. <pre>{@code a.lt(b) }</pre> */
    default A lt(B other) { return apply(Comparison.LT, other); }
    /** {@code a <= other}: {@code apply(LE, other)}. <pre>{@code a.le(b) }</pre> */
    default A le(B other) { return apply(Comparison.LE, other); }
    /** {@code a > other}: {@code apply(GT, other)}. <pre>{@code a.gt(b) }</pre> */
    default A gt(B other) { return apply(Comparison.GT, other); }
    /** {@code a >= other}: {@code apply(GE, other)}. <pre>{@code a.ge(b) }</pre> */
    default A ge(B other) { return apply(Comparison.GE, other); }
    /** {@code a == other}: {@code apply(EQ, other)}. <pre>{@code a.eq(b) }</pre> */
    default A eq(B other) { return apply(Comparison.EQ, other); }
    /** {@code a != other}: {@code apply(NE, other)}. <pre>{@code a.ne(b) }</pre> */
    default A ne(B other) { return apply(Comparison.NE, other); }
    /** {@code a < s}: {@code apply(LT, s)}. <pre>{@code a.lt(0) }</pre> */
    default A lt(long s) { return apply(Comparison.LT, s); }
    /** {@code a <= s}: {@code apply(LE, s)}. <pre>{@code a.le(0) }</pre> */
    default A le(long s) { return apply(Comparison.LE, s); }
    /** {@code a > s}: {@code apply(GT, s)}. <pre>{@code a.gt(0) }</pre> */
    default A gt(long s) { return apply(Comparison.GT, s); }
    /** {@code a >= s}: {@code apply(GE, s)}. <pre>{@code a.ge(0) }</pre> */
    default A ge(long s) { return apply(Comparison.GE, s); }
    /** {@code a == s}: {@code apply(EQ, s)}. <pre>{@code a.eq(0) }</pre> */
    default A eq(long s) { return apply(Comparison.EQ, s); }
    /** {@code a != s}: {@code apply(NE, s)}. <pre>{@code a.ne(0) }</pre> */
    default A ne(long s) { return apply(Comparison.NE, s); }
    /** {@code a < s}: {@code apply(LT, s)}. <pre>{@code a.lt(0.5) }</pre> */
    default A lt(double s) { return apply(Comparison.LT, s); }
    /** {@code a <= s}: {@code apply(LE, s)}. <pre>{@code a.le(0.5) }</pre> */
    default A le(double s) { return apply(Comparison.LE, s); }
    /** {@code a > s}: {@code apply(GT, s)}. <pre>{@code a.gt(0.5) }</pre> */
    default A gt(double s) { return apply(Comparison.GT, s); }
    /** {@code a >= s}: {@code apply(GE, s)}. <pre>{@code a.ge(0.5) }</pre> */
    default A ge(double s) { return apply(Comparison.GE, s); }
    /** {@code a == s}: {@code apply(EQ, s)}. <pre>{@code a.eq(0.5) }</pre> */
    default A eq(double s) { return apply(Comparison.EQ, s); }
    /** {@code a != s}: {@code apply(NE, s)}. <pre>{@code a.ne(0.5) }</pre> */
    default A ne(double s) { return apply(Comparison.NE, s); }

    /** The length of each axis, as NumPy's {@code a.shape}; a copy. <pre>{@code a.shape()   // [1024, 1024] }</pre> */
    long[] shape();

    /** The number of axes. <pre>{@code a.ndim()   // 2 }</pre> */
    int ndim();

    /** The number of elements of the dense array, stored or not. <pre>{@code a.size()   // 1048576 }</pre> */
    long size();

    /** The element type. <pre>{@code a.dtype()   // float64 }</pre> */
    DType dtype();

    /**
     * The bytes this form takes: dense {@code size * itemsize}; COO {@code data + coords}; CSR/CSC
     * {@code data + indices + indptr}; compressed, the logical {@code size * itemsize} (its stored
     * bytes are {@code storedBytes()}).
     *
     * <pre>{@code
     * sparse.coo(a).nbytes();   // 24 * nnz
     * }</pre>
     */
    long nbytes();

    /** A label shown by footprint tables; returns this array. <pre>{@code a.named("image") }</pre> */
    A named(String label);

    /** The label given by {@link #named}, or null. */
    String name();

    /**
     * Sum of all elements as a 0-d array of NumPy's sum dtype (uint16 sums to uint64, int8 to
     * int64); a sparse array's missing elements count as its fill value, here and in every
     * reduction below, each equal bit for bit to the dense array's.
     */
    NDArray sum();

    /**
     * Sum along {@code axis} (negative counts from the end), as NumPy's {@code a.sum(axis)}: a new
     * dense array without that axis, of the dtype {@link #sum()} gives.
     *
     * @throws IllegalArgumentException the axis is out of range
     */
    NDArray sum(int axis);

    /** Mean as a 0-d array: float64 for integers, float16 and float32 arrays keep their dtype, as NumPy. */
    NDArray mean();

    /**
     * Mean along {@code axis}, as NumPy's {@code a.mean(axis)}: a new dense float64 array without
     * that axis (float arrays keep their dtype); NaN for an axis of length 0.
     *
     * @throws IllegalArgumentException the axis is out of range
     */
    NDArray mean(int axis);

    /**
     * The smallest element as a 0-d array of this dtype, as NumPy's {@code a.min()}; NaN if any
     * element is NaN.
     *
     * @throws IllegalArgumentException the array is empty
     */
    NDArray min();

    /**
     * Smallest along {@code axis}, as NumPy's {@code a.min(axis)}: a new dense array of this dtype
     * without that axis; NaN if any element along the axis is NaN.
     *
     * @throws IllegalArgumentException the axis is out of range or has length 0
     */
    NDArray min(int axis);

    /**
     * The largest element as a 0-d array of this dtype, as NumPy's {@code a.max()}; NaN if any
     * element is NaN.
     *
     * @throws IllegalArgumentException the array is empty
     */
    NDArray max();

    /**
     * Largest along {@code axis}, as NumPy's {@code a.max(axis)}: a new dense array of this dtype
     * without that axis; NaN if any element along the axis is NaN.
     *
     * @throws IllegalArgumentException the axis is out of range or has length 0
     */
    NDArray max(int axis);

    /**
     * How many elements are not zero, as NumPy's {@code np.count_nonzero(a)}: NaN counts, -0.0 does
     * not; a sparse array's missing elements count when its fill value is not zero.
     *
     * <pre>{@code
     * sparse.coo(arr.of(0, 2, 0), 1).countNonzero();   // 3: the two missing 1s and the stored 2
     * }</pre>
     */
    long countNonzero();

    /**
     * How many elements along {@code axis} (negative counts from the end) are not zero, as
     * {@code np.count_nonzero(a, axis)}: a dense int64 array without that axis.
     *
     * @throws IllegalArgumentException the axis is out of range
     */
    NDArray countNonzero(int axis);

    /**
     * This array of {@code target}, converted only if every value survives exactly (NumPy 2.4's
     * {@code casting='same_value'}), else {@link LossyCastException} naming the first offending
     * index and value and a dtype that would hold them. The result is this kind: a sparse array
     * keeps its format (its fill value converted too), a compressed array its chunks and codec.
     *
     * <pre>{@code
     * arr.of(1, 2, 300).as(UINT8);          // LossyCastException: uint8 cannot hold 300 at [2]; uint16 can
     * sparse.csr(a).as(FLOAT32);             // a CSR float32 array
     * }</pre>
     */
    A as(DType target);

    /**
     * The elements as a dense array: a new one for sparse and compressed arrays (bit for bit what
     * they hold); a dense array returns itself, as NumPy's {@code np.asarray(a)}.
     *
     * <pre>{@code
     * sparse.coo(a).add(1).todense();   // a dense float64 array
     * }</pre>
     */
    NDArray todense();
}
