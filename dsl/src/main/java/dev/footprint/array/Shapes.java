package dev.footprint.array;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Validation, strides and broadcasting of shapes. Shapes are {@code int[]} inside the engine (an
 * axis has at most {@link #MAX_AXIS} elements); sizes, strides and offsets are {@code long}.
 */
public final class Shapes {
    /**
     * The most elements one Java array holds, and so a dense array handed over as one primitive
     * array ({@code contiguousData()}) or a sparse array's dense index range. Dense arrays past it
     * live in segments ({@link #MAX_ELEMENTS}).
     */
    public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    /** The longest axis: axis lengths are Java ints. */
    public static final long MAX_AXIS = Integer.MAX_VALUE;

    /** The most elements a dense array may have: its bytes must have a long count (the heap refuses far fewer). */
    public static final long MAX_ELEMENTS = Long.MAX_VALUE / 8;

    private Shapes() {}

    /**
     * The most axes an array may have: NumPy 2's limit, so every array Footprint makes can be
     * saved and read back by NumPy.
     */
    public static final int MAX_NDIM = 64;

    /** Checks a user's shape and returns it as ints; refuses negative or too large shapes. */
    public static int[] checked(long... shape) {
        if (shape == null) {
            throw new ArrayAllocationException("shape must not be null");
        }
        if (shape.length > MAX_NDIM) {
            throw new ArrayAllocationException("an array can have at most " + MAX_NDIM + " dimensions, as NumPy; "
                    + "this shape has " + shape.length);
        }
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new ArrayAllocationException("negative dimensions are not allowed: shape " + text(shape)
                        + " has " + shape[i] + " at axis " + i);
            }
            if (shape[i] > MAX_AXIS) {
                // Even beside a zero dimension: an axis this long has no int index.
                throw new ArrayAllocationException("shape " + text(shape) + " has " + shape[i] + " at axis " + i
                        + "; one axis can have at most " + MAX_AXIS + " elements (axis lengths are Java ints); "
                        + "split that axis in two, e.g. (" + (shape[i] + 999_999) / 1_000_000 + ", 1000000)");
            }
            out[i] = (int) shape[i];
        }
        BigInteger size = exactSize(shape);
        if (size.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
            throw new ArrayAllocationException("shape " + text(shape) + " has " + size + " elements, more than the "
                    + MAX_ELEMENTS + " an array can have; split it into chunks");
        }
        return out;
    }

    /** The exact number of elements of {@code shape}, however large (the shape's entries must not be negative). */
    public static BigInteger exactSize(long[] shape) {
        BigInteger n = BigInteger.ONE;
        for (long d : shape) {
            n = n.multiply(BigInteger.valueOf(d));
        }
        return n;
    }

    /** The number of elements of a checked shape: exact, since a checked shape has at most {@link #MAX_ELEMENTS}. */
    public static long size(int[] shape) {
        for (int d : shape) {
            if (d == 0) {
                return 0; // before any product: (2^31 - 1, 2^31 - 1, 2^31 - 1, 0) is empty, not an overflow
            }
        }
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** C-order strides, in elements. */
    public static long[] stridesOf(int[] shape) {
        long[] strides = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** The shape two operands broadcast to, as NumPy. */
    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException("operands could not be broadcast together with shapes "
                        + text(a) + " " + text(b) + " (axis " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        // Two arrays that each fit can broadcast to one that does not: (1, 65536) + (65537, 1).
        BigInteger size = exactSize(Arrays.stream(out).asLongStream().toArray());
        if (size.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
            throw new ArrayAllocationException("operands with shapes " + text(a) + " " + text(b) + " broadcast to "
                    + text(out) + ", which has " + size + " elements, more than the " + MAX_ELEMENTS
                    + " an array can have; split the operation into chunks");
        }
        return out;
    }

    /** Strides that read an array of {@code shape}/{@code strides} as if it had {@code target}'s shape. */
    static long[] broadcastStrides(int[] shape, long[] strides, int[] target) {
        long[] out = new long[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        }
        return out;
    }

    /** NumPy's text of a shape: {@code (1024, 1024)}, {@code (5,)}, {@code ()}. */
    /**
     * {@code newShape} for a reshape of an array of {@code oldShape} ({@code size} elements), with
     * its one {@code -1} resolved, as NumPy's {@code reshape}: the one rule for dense and sparse
     * arrays. A product past 2^63 is compared exactly, so it is a size mismatch, never a wrapped
     * size that happens to fit.
     *
     * <pre>{@code
     * Shapes.reshaped(new long[] {6}, 6, 2, -1);   // [2, 3]
     * }</pre>
     *
     * @throws ShapeMismatchException two dimensions are {@code -1}, or the sizes differ
     * @throws ArrayAllocationException a dimension other than {@code -1} is negative
     */
    public static long[] reshaped(long[] oldShape, long size, long... newShape) {
        long[] target = Arguments.notNull(newShape, "newShape").clone();
        int unknown = -1;
        BigInteger known = BigInteger.ONE;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (unknown >= 0) {
                    throw new ShapeMismatchException("can only specify one unknown dimension (-1) in reshape "
                            + text(newShape));
                }
                unknown = i;
            } else if (target[i] < 0) {
                throw new ArrayAllocationException("negative dimension " + target[i] + " in reshape " + text(newShape));
            } else {
                known = known.multiply(BigInteger.valueOf(target[i]));
            }
        }
        BigInteger elements = BigInteger.valueOf(size);
        boolean fits = unknown >= 0 ? known.signum() != 0 && elements.mod(known).signum() == 0 : known.equals(elements);
        if (!fits) {
            throw new ShapeMismatchException("cannot reshape an array of shape " + text(oldShape) + " (size " + size
                    + ") into shape " + text(newShape).replace("-1", "?"));
        }
        if (unknown >= 0) {
            target[unknown] = elements.divide(known).longValueExact();
        }
        return target;
    }

    public static String text(int[] shape) {
        return text(Arrays.stream(shape).asLongStream().toArray());
    }

    public static String text(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }
}
