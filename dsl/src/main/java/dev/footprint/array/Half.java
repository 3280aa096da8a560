package dev.footprint.array;

import dev.footprint.storage.Conversions;

/**
 * IEEE 754 binary16 (NumPy's float16), stored as the 16 bits of a {@code short}.
 *
 * <p>Conversions round to nearest, ties to even, as NumPy does; values past 65504 become
 * infinity and NaN stays NaN.
 */
public final class Half {
    public static final double MAX_VALUE = 65504.0;

    private Half() {}

    /** The value of the half-precision bits. */
    public static float toFloat(short bits) {
        return Conversions.halfToFloat(bits);
    }

    public static double toDouble(short bits) {
        return toFloat(bits);
    }

    /** The nearest half-precision bits to {@code value} (ties to even), rounded once from the double. */
    public static short fromDouble(double value) {
        return Conversions.halfFromDouble(value);
    }

    public static short fromFloat(float value) {
        return fromDouble(value);
    }

    /** The double nearest to {@code value} that float16 can hold. */
    public static double round(double value) {
        return toDouble(fromDouble(value));
    }
}
