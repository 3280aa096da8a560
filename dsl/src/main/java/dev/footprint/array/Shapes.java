package dev.footprint.array;

import java.util.Arrays;

/** Validation, strides and broadcasting of shapes. Shapes are {@code int[]} inside the engine. */
public final class Shapes {
    /** The most elements one array may have: Java arrays are indexed by {@code int}. */
    public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private Shapes() {}

    /** Checks a user's shape and returns it as ints; refuses negative or too large shapes. */
    public static int[] checked(long... shape) {
        if (shape == null) {
            throw new ArrayAllocationException("shape must not be null");
        }
        int[] out = new int[shape.length];
        long size = 1;
        boolean overflow = false;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new ArrayAllocationException("negative dimensions are not allowed: shape " + text(shape)
                        + " has " + shape[i] + " at axis " + i);
            }
            if (shape[i] > MAX_SIZE) {
                // Even beside a zero dimension: an axis this long has no int index.
                throw new ArrayAllocationException("shape " + text(shape) + " has " + shape[i] + " at axis " + i
                        + "; one axis can have at most " + MAX_SIZE + " elements");
            } else {
                out[i] = (int) shape[i];
            }
            if (!overflow && shape[i] != 0 && size > MAX_SIZE / shape[i]) {
                overflow = true;
            }
            size = overflow ? size : size * shape[i];
        }
        if (overflow && Arrays.stream(shape).noneMatch(d -> d == 0)) {
            throw new ArrayAllocationException("shape " + text(shape) + " has more than " + MAX_SIZE
                    + " elements, the most one array can hold; split it into chunks");
        }
        return out;
    }

    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** C-order strides, in elements. */
    public static int[] stridesOf(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
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
        return out;
    }

    /** Strides that read an array of {@code shape}/{@code strides} as if it had {@code target}'s shape. */
    static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        }
        return out;
    }

    /** NumPy's text of a shape: {@code (1024, 1024)}, {@code (5,)}, {@code ()}. */
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
