package dev.footprint.zarr;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.Bits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * A {@code .zarray}'s {@code fill_value}: the value of every element of a chunk that was never
 * written. Kept as the element's bits in its dtype, so NaN and -0.0 stay exact. {@code null}
 * (zarr-python's "no fill value") reads as zeros.
 */
record FillValue(DType dtype, long bits, boolean isNull) {

    static FillValue zero(DType dtype) {
        return new FillValue(dtype, 0, false);
    }

    /** The fill value {@code value} in {@code dtype}, refused when the dtype cannot hold it exactly. */
    static FillValue of(DType dtype, double value) {
        NDArray one = NDArray.wrap(DType.FLOAT64, new double[] {value}, 1);
        NDArray cast = dtype.isFloat() ? one.as(dtype, Casting.UNSAFE) : one.as(dtype);
        return new FillValue(dtype, bitsOf(cast), false);
    }

    /** The fill value {@code value} in {@code dtype}, refused when the dtype cannot hold it exactly. */
    static FillValue of(DType dtype, long value) {
        return new FillValue(dtype, bitsOf(NDArray.wrap(DType.INT64, new long[] {value}, 1).as(dtype)), false);
    }

    static FillValue parse(Path store, DType dtype, JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return new FillValue(dtype, 0, true);
        }
        try {
            if (!e.isJsonPrimitive()) {
                throw new IllegalArgumentException("not a number");
            }
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (dtype == DType.BOOL) {
                boolean b = p.isBoolean() ? p.getAsBoolean() : p.getAsBigDecimal().signum() != 0;
                return new FillValue(dtype, b ? 1 : 0, false);
            }
            if (dtype.isFloat()) {
                double v = p.isString() ? switch (p.getAsString()) {
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException("not a number");
                } : p.getAsDouble();
                return of(dtype, v);
            }
            BigInteger v = new BigDecimal(p.getAsString()).toBigIntegerExact();
            if (dtype == DType.UINT64) {
                if (v.signum() < 0 || v.bitLength() > 64) {
                    throw new IllegalArgumentException("out of range");
                }
                return new FillValue(dtype, v.longValue(), false);
            }
            return of(dtype, v.longValueExact());
        } catch (RuntimeException x) {
            throw ZarrFormatException.field(store, "fill_value", e, "it is not a " + dtype + " value"
                    + (dtype.isFloat() ? " (a number, \"NaN\", \"Infinity\" or \"-Infinity\")" : ""));
        }
    }

    /** JSON as zarr-python writes it: numbers, {@code "NaN"}, {@code "Infinity"}, booleans, or null. */
    JsonElement toJson() {
        if (isNull) {
            return JsonNull.INSTANCE;
        }
        if (dtype == DType.BOOL) {
            return new JsonPrimitive(bits != 0);
        }
        if (dtype.isInteger()) {
            return new JsonPrimitive((Number) asArray(1).get(0));
        }
        double v = asArray(1).getDoubleFlat(0);
        if (Double.isNaN(v)) {
            return new JsonPrimitive("NaN");
        }
        if (Double.isInfinite(v)) {
            return new JsonPrimitive(v > 0 ? "Infinity" : "-Infinity");
        }
        return new JsonPrimitive(v);
    }

    /** A new C-order array of {@code n} elements, every one the fill value (zeros for a null fill). */
    NDArray asArray(int n) {
        NDArray a = NDArray.allocate(dtype, n);
        if (bits != 0) {
            Bits.fill(a.storage(), bits);
        }
        return a;
    }

    /** Whether a fill is still exact in {@code other} (for copies into a smaller dtype). */
    FillValue in(DType other) {
        if (isNull) {
            return new FillValue(other, 0, true);
        }
        return new FillValue(other, bitsOf(asArray(1).as(other)), false);
    }

    @Override
    public String toString() {
        return isNull ? "null" : toJson().toString();
    }

    /** The bits of a one-element array's element, sign-extended from its width. */
    private static long bitsOf(NDArray one) {
        int shift = 64 - 8 * one.itemsize();
        return Bits.read(one.storage(), (int) one.storageOffset()) << shift >> shift;
    }
}
