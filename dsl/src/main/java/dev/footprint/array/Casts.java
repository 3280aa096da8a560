package dev.footprint.array;

/** Conversions between the long and double lanes with NumPy's (x86-64 C) semantics. */
final class Casts {
    private static final double TWO_63 = 0x1p63;

    private Casts() {}

    /**
     * C's truncating conversion as x86-64 performs it: in range it truncates toward zero; out of
     * range or NaN it yields the "integer indefinite" value (the minimum of a 32- or 64-bit int).
     */
    static long doubleToLongC(double v, int bits) {
        if (bits == 32) {
            return v > -2147483649.0 && v < 2147483648.0 ? (long) v : Integer.MIN_VALUE;
        }
        return v >= -TWO_63 && v < TWO_63 ? (long) v : Long.MIN_VALUE;
    }

    /** C's double to uint64 as compiled for x86-64: values at or past 2^63 go through an offset. */
    static long doubleToUnsignedLongC(double v) {
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
    static long doubleToUint32C(double v) {
        if (v >= 0x1p31) {
            return (doubleToLongC(v - 0x1p31, 32) ^ Integer.MIN_VALUE) & 0xFFFF_FFFFL;
        }
        return doubleToLongC(v, 32) & 0xFFFF_FFFFL;
    }

    /** The value of uint64 bits as the nearest double. */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // Halve keeping the low bit so the final rounding is still correct.
        double half = (bits >>> 1) | (bits & 1);
        return half * 2.0;
    }

    /** Whether a double is an integer that an integer dtype holds exactly. */
    static boolean fitsInteger(double v, DType t) {
        if (v != Math.rint(v)) {
            return false; // fractions, NaN and infinities
        }
        return switch (t) {
            case BOOL -> v == 0 || v == 1;
            case INT64 -> v >= -TWO_63 && v < TWO_63;
            case UINT64 -> v >= 0 && v < 0x1p64;
            default -> v >= t.minLong() && v <= t.maxLong();
        };
    }

    /** The integer value of a double known to satisfy {@link #fitsInteger} for {@code t}. */
    static long exactLong(double v, DType t) {
        return t == DType.UINT64 ? doubleToUnsignedLongC(v) : (long) v;
    }
}
