package dev.footprint.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayOperations.Arithmetic;
import dev.footprint.array.ArrayOperations.Comparison;
import dev.footprint.array.ArrayOperations.Operation;
import dev.footprint.array.Casting;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trips and differential checks: for random arrays of every dtype (with NaN, -0.0, infinities
 * and extremes), shapes of 0 to 3 axes and random chunk shapes, the compressed array gives back the
 * dense array bit for bit, and its reductions, slices, elements and casts equal the dense array's.
 */
class CompressedProperties {
    record Case(DType dtype, long[] shape, long[] chunk, String codec, long seed) {
        @Override
        public String toString() {
            return dtype + " " + Arrays.toString(shape) + " chunks " + Arrays.toString(chunk) + " " + codec + " seed " + seed;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<DType> dtypes = Arbitraries.of(DType.values());
        Arbitrary<long[]> shapes = Arbitraries.longs().between(0, 13).array(long[].class).ofMinSize(0).ofMaxSize(3);
        Arbitrary<String> codecs = Arbitraries.of("zstd", "lz4", "zlib", "none");
        return Combinators.combine(dtypes, shapes, codecs, Arbitraries.longs(), Arbitraries.longs().between(1, 9).array(long[].class).ofSize(3))
                .as((t, shape, codec, seed, c) -> new Case(t, shape, Arrays.copyOf(c, shape.length), codec, seed));
    }

    static NDArray randomArray(DType t, long[] shape, long seed) {
        Random r = new Random(seed);
        NDArray a = NDArray.allocate(DType.FLOAT64, shape);
        double[] d = (double[]) a.contiguousData();
        boolean lowEntropy = r.nextBoolean();
        for (int i = 0; i < d.length; i++) {
            int pick = r.nextInt(lowEntropy ? 3 : 12);
            d[i] = switch (pick) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> -0.0;
                case 3 -> Double.NaN;
                case 4 -> Double.POSITIVE_INFINITY;
                case 5 -> -1e300;
                case 6 -> Long.MAX_VALUE;
                default -> (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(12));
            };
        }
        return a.as(t, Casting.UNSAFE);
    }

    @Property(tries = 100)
    void compressedArraysAgreeWithTheirDenseArray(@ForAll("cases") Case c) {
        NDArray a = randomArray(c.dtype(), c.shape(), c.seed());
        CompressedNDArray z = a.compress(c.codec(), 1, c.chunk());
        identical(a, z.decompress(), "round trip");
        assertEquals(a.nbytes(), z.nbytes());
        assertTrue(z.storedBytes() <= a.nbytes(), "stored " + z.storedBytes() + " <= " + a.nbytes());
        same(a.sum(), z.sum(), "sum");
        same(a.mean(), z.mean(), "mean");
        assertEquals(a.countNonzero(), z.countNonzero());
        if (a.size() > 0) {
            same(a.min(), z.min(), "min");
            same(a.max(), z.max(), "max");
        }
        for (int axis = 0; axis < a.ndim(); axis++) {
            same(a.sum(axis), z.sum(axis), "sum " + axis);
            same(a.mean(axis), z.mean(axis), "mean " + axis);
            same(a.countNonzero(axis), z.countNonzero(axis), "countNonzero " + axis);
            if (a.shape()[axis] > 0) {
                same(a.min(axis), z.min(axis), "min " + axis);
                same(a.max(axis), z.max(axis), "max " + axis);
            }
        }
        String spec = sliceSpec(a.shape(), new Random(c.seed()));
        identical(a.slice(spec), z.slice(spec), "slice " + spec);
        identical(a.gt(1.0), z.gt(1.0).decompress(), "gt");
        same(a.mul(2), z.mul(2).decompress(), "mul");
        same(a.as(DType.FLOAT64, Casting.UNSAFE), z.as(DType.FLOAT64, Casting.UNSAFE).decompress(), "as float64");
        if (a.size() > 0) {
            long[] index = new long[a.ndim()];
            for (int d = 0; d < index.length; d++) {
                index[d] = a.shape()[d] - 1;
            }
            assertEquals(a.get(index), z.get(index));
        }
    }

    /**
     * Arithmetic and comparisons between two compressed arrays of the same shape (any two dtypes,
     * chunk shapes equal or not) equal the dense arrays' results: bit for bit, NaN as NaN.
     */
    @Property(tries = 60)
    void twoCompressedArraysCombineAsTheirDenseArraysDo(@ForAll("cases") Case c, @ForAll("cases") Case d) {
        NDArray a = randomArray(c.dtype(), c.shape(), c.seed());
        NDArray b = randomArray(d.dtype(), c.shape(), d.seed());
        long[] otherChunks = c.chunk().clone();
        for (int k = 0; k < otherChunks.length && d.seed() % 2 != 0; k++) {
            otherChunks[k] = otherChunks[k] % 4 + 1;   // other chunk shapes: chunks of b straddle a's
        }
        CompressedNDArray x = a.compress(c.codec(), 1, c.chunk());
        CompressedNDArray y = b.compress(d.codec(), 1, otherChunks);
        agree(() -> a.add(b), () -> x.add(y), false, "add");
        agree(() -> a.sub(b), () -> x.sub(y), false, "sub");
        agree(() -> a.mul(b), () -> x.mul(y), false, "mul");
        agree(() -> a.div(b), () -> x.div(y), false, "div");
        agree(() -> a.lt(b), () -> x.lt(y), true, "lt");
        agree(() -> a.le(b), () -> x.le(y), true, "le");
        agree(() -> a.gt(b), () -> x.gt(y), true, "gt");
        agree(() -> a.ge(b), () -> x.ge(y), true, "ge");
        agree(() -> a.eq(b), () -> x.eq(y), true, "eq");
        agree(() -> a.ne(b), () -> x.ne(y), true, "ne");
    }

    /**
     * Operands of shapes that broadcast (axes of length 1, missing leading axes, either side),
     * compressed with each other or compressed with dense: results equal the dense arrays'
     * broadcast results, bit for bit (NaN as NaN).
     */
    @Property(tries = 50)
    void broadcastOperandsCombineAsTheirDenseArraysDo(@ForAll("cases") Case c, @ForAll("cases") Case d) {
        Random r = new Random(c.seed() ^ d.seed());
        long[] out = c.shape();
        long[] sa = operandShape(out, r);
        long[] sb = operandShape(out, r);
        NDArray a = randomArray(c.dtype(), sa, c.seed());
        NDArray b = randomArray(d.dtype(), sb, d.seed());
        CompressedNDArray x = a.compress(c.codec(), 1, r.longs(sa.length, 1, 10).toArray());
        CompressedNDArray y = b.compress(d.codec(), 1, r.longs(sb.length, 1, 10).toArray());
        String what = Arrays.toString(sa) + " with " + Arrays.toString(sb);
        agree(() -> a.add(b), () -> x.add(y), false, "add " + what);
        agree(() -> a.sub(b), () -> x.sub(y), false, "sub " + what);
        agree(() -> a.div(b), () -> x.div(y), false, "div " + what);
        agree(() -> a.gt(b), () -> x.gt(y), true, "gt " + what);
        agree(() -> a.mul(b), () -> x.mul(b), false, "mul dense " + what);
        agree(() -> a.ne(b), () -> x.ne(b), true, "ne dense " + what);
        agree(() -> b.sub(a), () -> y.sub(a), false, "sub dense " + what);
    }

    /**
     * A dense array on the left of a compressed one, of shapes that broadcast either way: every
     * operation gives a compressed array equal, bit for bit, to the dense arrays' result, with the
     * compressed operand's codec, and its chunks when it has the result's shape, as with the dense
     * array on the right.
     */
    @Property(tries = 50)
    void aDenseLeftOperandCombinesAsTheDenseArraysDo(@ForAll("cases") Case c, @ForAll("cases") Case d) {
        Random r = new Random(c.seed() ^ d.seed());
        long[] out = c.shape();
        long[] sa = operandShape(out, r);
        long[] sb = r.nextBoolean() ? out : operandShape(out, r);
        NDArray a = randomArray(c.dtype(), sa, c.seed());
        NDArray b = randomArray(d.dtype(), sb, d.seed());
        CompressedNDArray y = b.compress(d.codec(), 1, r.longs(sb.length, 1, 10).toArray());
        String what = Arrays.toString(sa) + " (dense) with " + Arrays.toString(sb) + " (compressed)";
        for (Operation op : java.util.stream.Stream.concat(Arrays.stream(Arithmetic.values()), Arrays.stream(Comparison.values())).toList()) {
            agree(() -> a.apply(op, b), () -> a.apply(op, y), op instanceof Comparison, op.method() + " " + what);
        }
        agree(() -> a.sub(b), () -> a.sub(y), false, "sub " + what);
        CompressedNDArray left = a.lt(y);
        CompressedNDArray right = y.gt(a);
        assertEquals(right.todense(), left.todense(), "a < y is y > a: " + what);
        assertEquals(y.codec(), left.codec(), what);
        long[] result = left.shape();
        if (Arrays.equals(result, sb) && result.length > 0 && left.size() > 0) {
            assertTrue(Arrays.equals(y.chunkShape(), left.chunkShape()), "the compressed operand's chunks: " + what);
        }
    }

    /** A shape that broadcasts to {@code out}: some leading axes dropped, some axes made 1. */
    private static long[] operandShape(long[] out, Random r) {
        long[] s = Arrays.copyOfRange(out, r.nextInt(out.length + 1), out.length);
        for (int k = 0; k < s.length; k++) {
            if (r.nextInt(3) == 0) {
                s[k] = 1;
            }
        }
        return s;
    }

    /** The compressed result equals the dense one, or both refuse the operation (as bool minus bool). */
    private static void agree(java.util.function.Supplier<NDArray> dense, java.util.function.Supplier<CompressedNDArray> compressed,
            boolean bitForBit, String what) {
        NDArray expected;
        try {
            expected = dense.get();
        } catch (IllegalArgumentException refused) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, compressed::get, what);
            return;
        }
        CompressedNDArray c = compressed.get();
        if (bitForBit) {
            identical(expected, c.todense(), what);
        } else {
            same(expected, c.todense(), what);
        }
    }

    static String sliceSpec(long[] shape, Random r) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < shape.length; d++) {
            b.append(d == 0 ? "" : ", ");
            int kind = r.nextInt(4);
            if (kind == 0 && shape[d] > 0) {
                b.append(r.nextInt((int) shape[d]));
            } else if (kind == 1) {
                b.append("::-").append(1 + r.nextInt(3));
            } else {
                b.append(r.nextInt(4)).append(":").append(r.nextInt(14)).append(":").append(1 + r.nextInt(3));
            }
        }
        return b.toString();
    }

    /**
     * Equal shape, dtype and bits (the sign of zero included). A NaN computed by arithmetic may
     * carry any payload (Java leaves it open, and the JIT may swap an addition's operands), so
     * results compare NaN with NaN by value; stored elements compare every bit (see {@link #identical}).
     */
    static void same(NDArray expected, NDArray actual, String what) {
        compare(expected, actual, what, false);
    }

    /** Every bit equal, NaN payloads included. */
    static void identical(NDArray expected, NDArray actual, String what) {
        compare(expected, actual, what, true);
    }

    private static void compare(NDArray expected, NDArray actual, String what, boolean payloads) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        assertTrue(Arrays.equals(expected.shape(), actual.shape()), what + " shape");
        if (expected.size() == 0) {
            return;
        }
        Object e = expected.copy().contiguousData();
        Object g = actual.copy().contiguousData();
        int n = java.lang.reflect.Array.getLength(e);
        for (int i = 0; i < n; i++) {
            long x = bits(expected.dtype(), e, i);
            long y = bits(expected.dtype(), g, i);
            boolean nans = !payloads && isNaN(expected.dtype(), x) && isNaN(expected.dtype(), y);
            assertTrue(x == y || nans, what + ": element " + i + " expected " + expected + " got " + actual);
        }
    }

    private static long bits(DType t, Object d, int i) {
        return switch (t.storage()) {
            case BYTE -> ((byte[]) d)[i];
            case SHORT -> ((short[]) d)[i];
            case INT -> ((int[]) d)[i];
            case LONG -> ((long[]) d)[i];
            case FLOAT -> Float.floatToRawIntBits(((float[]) d)[i]);
            case DOUBLE -> Double.doubleToRawLongBits(((double[]) d)[i]);
        };
    }

    private static boolean isNaN(DType t, long bits) {
        return switch (t) {
            case FLOAT16 -> (bits & 0x7C00) == 0x7C00 && (bits & 0x03FF) != 0;
            case FLOAT32 -> Float.isNaN(Float.intBitsToFloat((int) bits));
            case FLOAT64 -> Double.isNaN(Double.longBitsToDouble(bits));
            default -> false;
        };
    }
}
