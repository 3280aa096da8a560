package dev.footprint.array;

import dev.footprint.array.ArrayOperations.Arithmetic;
import dev.footprint.array.ArrayOperations.Comparison;
import java.util.Arrays;

/**
 * Binary arithmetic and comparisons with NumPy broadcasting and promotion. Operands are read a
 * chunk at a time into the long or double lane, computed there, and written to the result, so
 * each dtype needs only its read and write loops, not a loop per operation.
 */
final class Elementwise {
    private static final int CHUNK = OffsetCursor.CHUNK;

    private Elementwise() {}

    /** Reads one operand, broadcast to the result's shape, chunk after chunk. */
    private static final class Reader {
        final NDArray a;
        final ElementReader elements;
        final boolean scalar;

        Reader(NDArray a, int[] outShape) {
            this.a = a;
            this.scalar = a.size == 1;
            boolean direct = a.isContiguous() && Arrays.equals(a.shape, outShape);
            this.elements = scalar ? null : new ElementReader(a, outShape,
                    direct ? null : Shapes.broadcastStrides(a.shape, a.strides, outShape));
        }

        /** Fills {@code n} values; a one-element operand fills only index 0 and reports it. */
        boolean longs(long[] out, int n) {
            if (scalar) {
                a.storage.gatherLong(null, a.offset, 1, out);
                return true;
            }
            elements.longs(out, n);
            return false;
        }

        boolean doubles(double[] out, int n) {
            if (scalar) {
                a.storage.gatherDouble(null, a.offset, 1, out);
                return true;
            }
            elements.doubles(out, n);
            return false;
        }
    }

    static NDArray binary(Arithmetic op, NDArray a, NDArray b) {
        Arguments.notNull(b, "other");
        DType common = DType.promote(a.dtype, b.dtype);
        DType outType = op == Arithmetic.DIV && !common.isFloat() ? DType.FLOAT64 : common;
        if (outType == DType.BOOL && op == Arithmetic.SUB) {
            throw new IllegalArgumentException("subtracting bool arrays is not supported (as NumPy); use ne(...) "
                    + "for exclusive or, or convert with as(INT8)");
        }
        if (DirectKernels.applies(a, b, outType)) {
            return DirectKernels.binary(op, a, b, outType);
        }
        int[] shape = Shapes.broadcast(a.shape, b.shape);
        NDArray out = NDArray.zeros(outType, shape);
        long size = out.size;
        Reader ra = new Reader(a, shape);
        Reader rb = new Reader(b, shape);
        if (outType.isFloat()) {
            double[] x = new double[CHUNK];
            double[] y = new double[CHUNK];
            for (long pos = 0; pos < size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, size - pos);
                boolean xs = ra.doubles(x, n);
                boolean ys = rb.doubles(y, n);
                if (xs) Arrays.fill(x, 1, n, x[0]);
                if (ys) Arrays.fill(y, 1, n, y[0]);
                computeDouble(op, x, y, n);
                out.storage.scatterDouble(null, pos, n, x);
            }
        } else {
            long[] x = new long[CHUNK];
            long[] y = new long[CHUNK];
            boolean logical = outType == DType.BOOL;
            for (long pos = 0; pos < size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, size - pos);
                boolean xs = ra.longs(x, n);
                boolean ys = rb.longs(y, n);
                if (xs) Arrays.fill(x, 1, n, x[0]);
                if (ys) Arrays.fill(y, 1, n, y[0]);
                if (logical) {
                    computeLogical(op, x, y, n);
                } else {
                    computeLong(op, x, y, n);
                }
                out.storage.scatterLong(null, pos, n, x);
            }
        }
        return out;
    }

    private static void computeDouble(Arithmetic op, double[] x, double[] y, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) x[i] += y[i]; }
            case SUB -> { for (int i = 0; i < n; i++) x[i] -= y[i]; }
            case MUL -> { for (int i = 0; i < n; i++) x[i] *= y[i]; }
            case DIV -> { for (int i = 0; i < n; i++) x[i] /= y[i]; }
        }
    }

    /** Integer arithmetic in 64 bits; narrowing on write wraps exactly as NumPy's fixed-width ops. */
    private static void computeLong(Arithmetic op, long[] x, long[] y, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) x[i] += y[i]; }
            case SUB -> { for (int i = 0; i < n; i++) x[i] -= y[i]; }
            case MUL -> { for (int i = 0; i < n; i++) x[i] *= y[i]; }
            default -> throw new IllegalStateException(op + " on integers");
        }
    }

    /** NumPy's bool arithmetic: + is or, * is and. */
    private static void computeLogical(Arithmetic op, long[] x, long[] y, int n) {
        if (op == Arithmetic.ADD) {
            for (int i = 0; i < n; i++) x[i] = (x[i] | y[i]) != 0 ? 1 : 0;
        } else {
            for (int i = 0; i < n; i++) x[i] = (x[i] != 0 && y[i] != 0) ? 1 : 0;
        }
    }

    // ---- comparisons -----------------------------------------------------------------------

    static NDArray compare(Comparison cmp, NDArray a, NDArray b) {
        Arguments.notNull(b, "other");
        DType common = DType.promote(a.dtype, b.dtype);
        int[] shape = Shapes.broadcast(a.shape, b.shape);
        NDArray out = NDArray.zeros(DType.BOOL, shape);
        ResultRun run = new ResultRun(out);
        byte[] o = (byte[]) run.array();
        long size = out.size;
        Reader ra = new Reader(a, shape);
        Reader rb = new Reader(b, shape);
        if (common.isFloat() && !a.dtype.isFloat() && !b.dtype.isFloat()) {
            // uint64 against a signed integer promotes to float64, which rounds past 2^53:
            // compare the integers themselves instead.
            compareMixedIntegers(cmp, ra, a.dtype == DType.UINT64, rb, b.dtype == DType.UINT64, run, size);
        } else if (common.isFloat()) {
            double[] x = new double[CHUNK];
            double[] y = new double[CHUNK];
            for (long pos = 0; pos < size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, size - pos);
                if (ra.doubles(x, n)) Arrays.fill(x, 1, n, x[0]);
                if (rb.doubles(y, n)) Arrays.fill(y, 1, n, y[0]);
                compareDoubles(cmp, x, y, n, o, run.at(pos));
                run.done(pos, n);
            }
        } else {
            long[] x = new long[CHUNK];
            long[] y = new long[CHUNK];
            boolean unsigned = common == DType.UINT64;
            for (long pos = 0; pos < size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, size - pos);
                if (ra.longs(x, n)) Arrays.fill(x, 1, n, x[0]);
                if (rb.longs(y, n)) Arrays.fill(y, 1, n, y[0]);
                if (unsigned) {
                    for (int i = 0; i < n; i++) {
                        x[i] ^= Long.MIN_VALUE; // unsigned order as signed order
                        y[i] ^= Long.MIN_VALUE;
                    }
                }
                compareLongs(cmp, x, y, n, o, run.at(pos));
                run.done(pos, n);
            }
        }
        return out;
    }

    private static void compareMixedIntegers(Comparison cmp, Reader ra, boolean aUnsigned, Reader rb, boolean bUnsigned,
                                             ResultRun run, long size) {
        long[] x = new long[CHUNK];
        long[] y = new long[CHUNK];
        byte[] o = (byte[]) run.array();
        for (long pos = 0; pos < size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, size - pos);
            if (ra.longs(x, n)) Arrays.fill(x, 1, n, x[0]);
            if (rb.longs(y, n)) Arrays.fill(y, 1, n, y[0]);
            int at = run.at(pos);
            for (int i = 0; i < n; i++) {
                o[at + i] = test(cmp, compareIntegers(x[i], aUnsigned, y[i], bUnsigned));
            }
            run.done(pos, n);
        }
    }

    /** Sign of {@code x - y} for two 64-bit integers, each read as uint64 bits when so marked. */
    static int compareIntegers(long x, boolean xUnsigned, long y, boolean yUnsigned) {
        boolean xAbove = xUnsigned && x < 0; // at or past 2^63
        boolean yAbove = yUnsigned && y < 0;
        if (xAbove || yAbove) {
            return xAbove && yAbove ? Long.compareUnsigned(x, y) : xAbove ? 1 : -1;
        }
        return Long.compare(x, y);
    }

    /**
     * Array against a double. A float array compares in its own dtype, as NumPy does with a weak
     * scalar ({@code float32 array < 0.9} rounds 0.9 to float32 first); integer arrays compare
     * exactly (int64 values are not rounded to double first).
     */
    static NDArray compare(Comparison cmp, NDArray a, double s) {
        s = roundToFloatType(s, a.dtype);
        if (a.dtype.isFloat() || (a.dtype.itemsize() < 8)) {
            NDArray out = NDArray.zeros(DType.BOOL, a.shape.clone());
            if (a.isContiguous() && a.dtype == DType.FLOAT64 && Double.isFinite(s)) {
                RunKernels.compareFinite(cmp, a, s, out);
                return out;
            }
            if (ByteKernels.applies(a)) {
                ByteKernels.lookup(a, byteAnswers(cmp, a.dtype, s), out);
                return out;
            }
            if (a.isContiguous() && a.dtype == DType.FLOAT64 && a.storage.onHeap() && out.storage.onHeap()) {
                compareDoubleScalarDirect(cmp, a.storage.doubles(), (int) a.offset, s, out.storage.bytes(), (int) a.size);
                return out;
            }
            double[] x = new double[CHUNK];
            double[] y = new double[CHUNK];
            Arrays.fill(y, s);
            Reader ra = new Reader(a, a.shape);
            ResultRun run = new ResultRun(out);
            for (long pos = 0; pos < a.size; pos += CHUNK) {
                int n = (int) Math.min(CHUNK, a.size - pos);
                if (ra.doubles(x, n)) Arrays.fill(x, 1, n, x[0]);
                compareDoubles(cmp, x, y, n, (byte[]) run.array(), run.at(pos));
                run.done(pos, n);
            }
            return out;
        }
        // 64-bit integers: compare exactly against the double's floor.
        NDArray out = NDArray.zeros(DType.BOOL, a.shape.clone());
        ResultRun run = new ResultRun(out);
        byte[] o = (byte[]) run.array();
        boolean unsigned = a.dtype == DType.UINT64;
        long[] x = new long[CHUNK];
        Reader ra = new Reader(a, a.shape);
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, a.size - pos);
            if (ra.longs(x, n)) Arrays.fill(x, 1, n, x[0]);
            int at = run.at(pos);
            for (int i = 0; i < n; i++) {
                o[at + i] = test(cmp, Double.isNaN(s) ? 2 : compareIntegerWithDouble(x[i], unsigned, s));
            }
            run.done(pos, n);
        }
        return out;
    }

    /**
     * Array against a long: integer arrays compare exactly, in range or not (as NumPy 2); a float
     * array compares in its own dtype, the scalar rounded to it as NumPy's weak scalars are.
     */
    static NDArray compare(Comparison cmp, NDArray a, long s) {
        if (a.dtype.isFloat()) {
            return compare(cmp, a, (double) s);
        }
        NDArray out = NDArray.zeros(DType.BOOL, a.shape.clone());
        ResultRun run = new ResultRun(out);
        byte[] o = (byte[]) run.array();
        Reader ra = new Reader(a, a.shape);
        boolean unsigned = a.dtype == DType.UINT64;
        long[] x = new long[CHUNK];
        long[] y = new long[CHUNK];
        for (long pos = 0; pos < a.size; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, a.size - pos);
            int at = run.at(pos);
            if (ra.longs(x, n)) Arrays.fill(x, 1, n, x[0]);
            if (unsigned && s < 0) {
                // every uint64 is greater than a negative scalar
                for (int i = 0; i < n; i++) o[at + i] = test(cmp, 1);
            } else {
                if (unsigned) {
                    for (int i = 0; i < n; i++) x[i] ^= Long.MIN_VALUE;
                }
                Arrays.fill(y, 0, n, unsigned ? s ^ Long.MIN_VALUE : s);
                compareLongs(cmp, x, y, n, o, at);
            }
            run.done(pos, n);
        }
        return out;
    }

    /**
     * {@code v cmp s} for each byte value {@code v} of a one-byte dtype (int8 signed, uint8 and
     * bool unsigned), compared as the chunked loop compares it: the value in the double lane.
     */
    private static byte[] byteAnswers(Comparison cmp, DType t, double s) {
        double[] x = new double[256];
        double[] y = new double[256];
        for (int v = 0; v < 256; v++) {
            x[v] = t == DType.INT8 ? (byte) v : v;
        }
        Arrays.fill(y, s);
        byte[] answers = new byte[256];
        compareDoubles(cmp, x, y, 256, answers, 0);
        return answers;
    }

    private static double roundToFloatType(double s, DType t) {
        return switch (t) {
            case FLOAT32 -> (float) s;
            case FLOAT16 -> Half.round(s);
            default -> s;
        };
    }

    /** Sign of {@code v - s} for an integer (unsigned bits if asked) and a non-NaN double. */
    static int compareIntegerWithDouble(long v, boolean unsigned, double s) {
        if (unsigned && v < 0) {
            if (s < 0x1p63) {
                return 1;
            }
            return compareIntegerWithDouble(v ^ Long.MIN_VALUE, false, s - 0x1p63);
        }
        if (s >= 0x1p63) {
            return -1;
        }
        if (s < -0x1p63) {
            return 1;
        }
        double f = Math.floor(s);
        long fl = (long) f;
        if (v != fl) {
            return Long.compare(v, fl);
        }
        return s == f ? 0 : -1;
    }

    /** 1 for true; the sign code 2 stands for "unordered" (NaN). */
    private static byte test(Comparison cmp, int sign) {
        if (sign == 2) {
            return (byte) (cmp == Comparison.NE ? 1 : 0);
        }
        boolean r = switch (cmp) {
            case LT -> sign < 0;
            case LE -> sign <= 0;
            case GT -> sign > 0;
            case GE -> sign >= 0;
            case EQ -> sign == 0;
            case NE -> sign != 0;
        };
        return (byte) (r ? 1 : 0);
    }

    private static void compareDoubleScalarDirect(Comparison cmp, double[] d, int off, double s, byte[] o, int n) {
        switch (cmp) {
            case LT -> { for (int i = 0; i < n; i++) o[i] = (byte) (d[off + i] < s ? 1 : 0); }
            case LE -> { for (int i = 0; i < n; i++) o[i] = (byte) (d[off + i] <= s ? 1 : 0); }
            case GT -> { for (int i = 0; i < n; i++) o[i] = (byte) (d[off + i] > s ? 1 : 0); }
            case GE -> { for (int i = 0; i < n; i++) o[i] = (byte) (d[off + i] >= s ? 1 : 0); }
            case EQ -> { for (int i = 0; i < n; i++) o[i] = (byte) (d[off + i] == s ? 1 : 0); }
            case NE -> { for (int i = 0; i < n; i++) o[i] = (byte) (d[off + i] != s ? 1 : 0); }
        }
    }

    private static void compareDoubles(Comparison cmp, double[] x, double[] y, int n, byte[] o, int pos) {
        switch (cmp) {
            case LT -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] < y[i] ? 1 : 0); }
            case LE -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] <= y[i] ? 1 : 0); }
            case GT -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] > y[i] ? 1 : 0); }
            case GE -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] >= y[i] ? 1 : 0); }
            case EQ -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] == y[i] ? 1 : 0); }
            case NE -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] != y[i] ? 1 : 0); }
        }
    }

    private static void compareLongs(Comparison cmp, long[] x, long[] y, int n, byte[] o, int pos) {
        switch (cmp) {
            case LT -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] < y[i] ? 1 : 0); }
            case LE -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] <= y[i] ? 1 : 0); }
            case GT -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] > y[i] ? 1 : 0); }
            case GE -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] >= y[i] ? 1 : 0); }
            case EQ -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] == y[i] ? 1 : 0); }
            case NE -> { for (int i = 0; i < n; i++) o[pos + i] = (byte) (x[i] != y[i] ? 1 : 0); }
        }
    }
}
