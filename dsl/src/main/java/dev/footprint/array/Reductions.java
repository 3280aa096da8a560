package dev.footprint.array;

import dev.footprint.storage.PairwiseSum;

/** {@code sum mean min max countNonzero}, over the whole array or along one axis, with NumPy's result dtypes. */
final class Reductions {
    enum Kind { SUM, MEAN, MIN, MAX, COUNT_NONZERO }

    private static final int CHUNK = OffsetCursor.CHUNK;

    private Reductions() {}

    /** NumPy's result dtype of a reduction over {@code t}. */
    static DType resultType(Kind kind, DType t) {
        return switch (kind) {
            case SUM -> t.isFloat() ? t : t.isUnsigned() ? DType.UINT64 : DType.INT64;
            case MEAN -> t.isFloat() ? t : DType.FLOAT64;
            case MIN, MAX -> t;
            case COUNT_NONZERO -> DType.INT64;
        };
    }

    /** The reduction over every element, as a 0-d array. */
    static NDArray reduceAll(Kind kind, NDArray a) {
        return whole(kind, a);
    }

    /** The reduction along {@code axis}; every int outside {@code -ndim..ndim-1} is refused, as NumPy's AxisError. */
    static NDArray reduce(Kind kind, NDArray a, int axis) {
        if (a.ndim() == 0 && (axis == 0 || axis == -1)) {
            // NumPy reduces a 0-d array along axis 0 or -1 as if it had one axis of length 1.
            return kind == Kind.COUNT_NONZERO ? NDArray.wrap(DType.INT64, new long[] {countNonzero(a)})
                    : whole(kind, a);
        }
        int ax = axis < 0 ? axis + a.ndim() : axis;
        if (ax < 0 || ax >= a.ndim()) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + a.ndim());
        }
        return alongAxis(kind, a, ax);
    }

    private static NDArray whole(Kind kind, NDArray a) {
        DType rt = resultType(kind, a.dtype);
        if ((kind == Kind.MIN || kind == Kind.MAX) && a.size == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + kind.name().toLowerCase()
                    + " which has no identity");
        }
        NDArray out = NDArray.zeros(rt, new int[0]);
        if (kind == Kind.SUM && a.dtype.isFloat() || kind == Kind.MEAN) {
            // NumPy averages integers and bools by a float64 sum of their values, float16 by a
            // float32 sum; a float16 sum keeps its total in float16 (PairwiseSum.Arithmetic).
            double total = inNumpyOrder(a, arithmetic(kind, a.dtype));
            // A float32 or float16 mean divides its sum in float64 and rounds once, as NumPy's does.
            out.storage.writeDouble(0, kind == Kind.SUM ? total : a.size == 0 ? Double.NaN : total / a.size);
            return out;
        }
        if (kind == Kind.SUM && ByteKernels.applies(a)) {
            out.storage.writeLong(0, ByteKernels.sum(a));
            return out;
        }
        ElementReader reader = new ElementReader(a);
        if (a.dtype.isFloat()) {
            double[] x = new double[CHUNK];
            double acc = kind == Kind.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            boolean nan = false;
            boolean laterWins = tiesTakeLater(a.dtype);
            for (long pos = 0; pos < a.size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, a.size - pos);
                reader.doubles(x, n);
                switch (kind) {
                    case MIN -> {
                        for (int i = 0; i < n; i++) {
                            nan |= x[i] != x[i];
                            acc = min(acc, x[i], laterWins);
                        }
                    }
                    case MAX -> {
                        for (int i = 0; i < n; i++) {
                            nan |= x[i] != x[i];
                            acc = max(acc, x[i], laterWins);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (nan) {
                acc = Double.NaN;
            }
            out.storage.writeDouble(0, acc);
            return out;
        }
        long[] x = new long[CHUNK];
        boolean unsigned = a.dtype == DType.UINT64;
        long acc = kind == Kind.MIN ? (unsigned ? -1L : Long.MAX_VALUE) : kind == Kind.MAX ? (unsigned ? 0 : Long.MIN_VALUE) : 0;
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, a.size - pos);
            reader.longs(x, n);
            switch (kind) {
                case SUM -> { for (int i = 0; i < n; i++) acc += x[i]; }
                case MIN -> {
                    for (int i = 0; i < n; i++) {
                        acc = unsigned ? (Long.compareUnsigned(x[i], acc) < 0 ? x[i] : acc) : Math.min(acc, x[i]);
                    }
                }
                case MAX -> {
                    for (int i = 0; i < n; i++) {
                        acc = unsigned ? (Long.compareUnsigned(x[i], acc) > 0 ? x[i] : acc) : Math.max(acc, x[i]);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        out.storage.writeLong(0, acc);
        return out;
    }

    /**
     * Which of two equal elements min/max return matters only for 0.0 and -0.0; NumPy's float32
     * and float64 loops return the later one, its float16 loop the earlier one.
     */
    private static boolean tiesTakeLater(DType t) {
        return t != DType.FLOAT16;
    }

    private static double min(double acc, double v, boolean laterWins) {
        return laterWins ? (v <= acc ? v : acc) : (v < acc ? v : acc);
    }

    private static double max(double acc, double v, boolean laterWins) {
        return laterWins ? (v >= acc ? v : acc) : (v > acc ? v : acc);
    }

    /**
     * An array's sum as NumPy 1.24 adds it ({@link PairwiseSum}), in {@code arithmetic}: NumPy
     * reads the elements with the axes ordered by decreasing stride magnitude (memory order for a
     * transposed array, the view's own order for a reversed one) and sums blocks of 8192 of them
     * pairwise, in order. A contiguous array, or one whose axes in that order are, is summed where
     * it lies on every core ({@link RunKernels#sum}); any other view is read a block at a time in
     * that order.
     */
    private static double inNumpyOrder(NDArray a, PairwiseSum.Arithmetic arithmetic) {
        NDArray inOrder = a.isContiguous() ? a : Views.transpose(a, numpyOrder(a));
        if (inOrder.isContiguous()) {
            return RunKernels.sum(inOrder, arithmetic);
        }
        ElementReader reader = new ElementReader(inOrder);
        PairwiseSum.InOrder sum = new PairwiseSum.InOrder(arithmetic);
        double[] x = new double[CHUNK];
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, a.size - pos);
            reader.doubles(x, n);
            sum.add(x, n);
        }
        return sum.total();
    }

    /** The arithmetic NumPy sums {@code t} in for {@code kind} (a sum or a mean). */
    static PairwiseSum.Arithmetic arithmetic(Kind kind, DType t) {
        return PairwiseSum.Arithmetic.of(t.isFloat(), t.itemsize(), kind == Kind.MEAN);
    }

    /** The axes of {@code a} by decreasing stride magnitude, ties in axis order: NumPy's iteration order for a reduction. */
    private static int[] numpyOrder(NDArray a) {
        Integer[] axes = new Integer[a.ndim()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        java.util.Arrays.sort(axes, (i, j) -> Long.compare(Math.abs(a.strides[j]), Math.abs(a.strides[i])));
        int[] order = new int[axes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = axes[i];
        }
        return order;
    }

    static long countNonzero(NDArray a) {
        if (ByteKernels.applies(a)) {
            return ByteKernels.countNonzero(a);
        }
        ElementReader reader = new ElementReader(a);
        long count = 0;
        if (a.dtype.isFloat()) {
            double[] x = new double[CHUNK];
            for (long pos = 0; pos < a.size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, a.size - pos);
                reader.doubles(x, n);
                for (int i = 0; i < n; i++) count += x[i] != 0 ? 1 : 0;
            }
        } else {
            long[] x = new long[CHUNK];
            for (long pos = 0; pos < a.size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, a.size - pos);
                reader.longs(x, n);
                for (int i = 0; i < n; i++) count += x[i] != 0 ? 1 : 0;
            }
        }
        return count;
    }

    private static NDArray alongAxis(Kind kind, NDArray a, int axis) {
        if ((kind == Kind.MIN || kind == Kind.MAX) && a.shape[axis] == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + kind.name().toLowerCase()
                    + " which has no identity");
        }
        int nd = a.ndim();
        int[] outShape = new int[nd - 1];
        for (int i = 0, j = 0; i < nd; i++) {
            if (i != axis) {
                outShape[j++] = a.shape[i];
            }
        }
        NDArray out = NDArray.zeros(resultType(kind, a.dtype), outShape);
        AxisReductions.reduce(kind, a, axis, out, tiesTakeLater(a.dtype));
        return out;
    }
}
