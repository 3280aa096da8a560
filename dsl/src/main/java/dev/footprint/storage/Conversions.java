package dev.footprint.storage;

/**
 * Conversions between the long and double lanes with NumPy's (x86-64 C) semantics, and the
 * float16 bits. The engine's casts and the storage loops share them.
 */
public final class Conversions {
    private static final double TWO_63 = 0x1p63;

    private Conversions() {}

    /**
     * C's truncating conversion as x86-64 performs it: in range it truncates toward zero; out of
     * range or NaN it yields the "integer indefinite" value (the minimum of a 32- or 64-bit int).
     */
    public static long doubleToLongC(double v, int bits) {
        if (bits == 32) {
            return v > -2147483649.0 && v < 2147483648.0 ? (long) v : Integer.MIN_VALUE;
        }
        return v >= -TWO_63 && v < TWO_63 ? (long) v : Long.MIN_VALUE;
    }

    /** C's double to uint64 as compiled for x86-64: values at or past 2^63 go through an offset. */
    public static long doubleToUnsignedLongC(double v) {
        if (v >= TWO_63) {
            return doubleToLongC(v - TWO_63, 64) ^ Long.MIN_VALUE;
        }
        return doubleToLongC(v, 64);
    }

    /**
     * Double to uint32 as NumPy's contiguous cast loop does on x86-64: values from 2^31 up go
     * through an offset of 2^31 in the 32-bit conversion, so NaN, -inf and values below -2^31
     * give 2^31 (NumPy's strided loop converts through 64 bits instead; both are C's undefined
     * behaviour, and the contiguous loop is what {@code astype} runs on ordinary arrays).
     */
    public static long doubleToUint32C(double v) {
        if (v >= 0x1p31) {
            return (doubleToLongC(v - 0x1p31, 32) ^ Integer.MIN_VALUE) & 0xFFFF_FFFFL;
        }
        return doubleToLongC(v, 32) & 0xFFFF_FFFFL;
    }

    /** The value of uint64 bits as the nearest double. */
    public static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // Halve keeping the low bit so the final rounding is still correct.
        double half = (bits >>> 1) | (bits & 1);
        return half * 2.0;
    }

    /** The value of IEEE 754 binary16 bits. */
    public static float halfToFloat(short bits) {
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

    /** The nearest binary16 bits to {@code value} (ties to even), rounded once from the double. */
    public static short halfFromDouble(double value) {
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
}
