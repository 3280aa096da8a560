package dev.footprint.array;

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
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
        }
        if (exp == 0) {
            // Zero or subnormal: mant * 2^-24, exact in float.
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    public static double toDouble(short bits) {
        return toFloat(bits);
    }

    /** The nearest half-precision bits to {@code value} (ties to even), rounded once from the double. */
    public static short fromDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int sign = (int) ((bits >>> 48) & 0x8000);
        double abs = Math.abs(value);
        if (Double.isNaN(value)) {
            return (short) (sign | 0x7E00);
        }
        if (abs >= 65520.0) {
            // 65520 is halfway between 65504 and 2^16: ties to even round up to infinity.
            return (short) (sign | 0x7C00);
        }
        if (abs < 0x1p-14) {
            // Subnormal (or zero): the unit is 2^-24.
            long units = Math.round(Math.rint(abs * 0x1p24));
            return (short) (sign | (int) units);
        }
        int exp = Math.getExponent(abs); // -14 .. 15
        double scaled = Math.scalb(abs, 10 - exp); // in [1024, 2048)
        long mant = (long) Math.rint(scaled);
        if (mant == 2048) {
            mant = 1024;
            exp++;
            if (exp > 15) {
                return (short) (sign | 0x7C00);
            }
        }
        return (short) (sign | ((exp + 15) << 10) | (int) (mant - 1024));
    }

    public static short fromFloat(float value) {
        return fromDouble(value);
    }

    /** The double nearest to {@code value} that float16 can hold. */
    public static double round(double value) {
        return toDouble(fromDouble(value));
    }
}
