package dev.footprint.array;

/**
 * Java scalars next to arrays, under NumPy 2's rules (NEP 50): a scalar is "weak" and takes the
 * array's dtype, and an integer that the dtype cannot hold is an error, not a silent widening.
 */
final class Scalars {
    private Scalars() {}

    static void checkInteger(long value, DType t, String op) {
        if (t.isInteger() && !t.holdsInteger(value, false)) {
            throw new IllegalArgumentException("Java integer " + value + " is out of bounds for " + t + " ("
                    + t.rangeText() + ") in " + op + "; convert the array first, e.g. as(" + widerFor(value, t).name()
                    + ")");
        }
    }

    static void checkDouble(double value, DType t, String op) {
        if (t.isInteger() && !Casts.fitsInteger(value, t)) {
            throw new IllegalArgumentException(t + " cannot hold " + value + " exactly in " + op
                    + (value == Math.rint(value) ? " (range " + t.rangeText() + ")" : " (it has a fraction)")
                    + "; convert the array to a float dtype first, e.g. as(FLOAT64)");
        }
    }

    private static DType widerFor(long value, DType t) {
        for (DType c : new DType[] {DType.INT16, DType.INT32, DType.INT64}) {
            if (c.itemsize() > t.itemsize() && c.holdsInteger(value, false)) {
                return c;
            }
        }
        return DType.INT64;
    }

    /** The 0-d operand for {@code array op s}, typed as NEP 50 says. */
    static NDArray weak(long s, DType arrayType, String op) {
        DType t;
        if (arrayType.isBool()) {
            t = DType.INT64;
        } else {
            checkInteger(s, arrayType, op);
            t = arrayType;
        }
        NDArray out = NDArray.zeros(t, new int[0]);
        out.storage.writeLong(0, s);
        return out;
    }

    static NDArray weak(double s, DType arrayType) {
        DType t = arrayType.isFloat() ? arrayType : DType.FLOAT64;
        NDArray out = NDArray.zeros(t, new int[0]);
        out.storage.writeDouble(0, s);
        return out;
    }
}
