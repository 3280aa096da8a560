package dev.footprint.array;

import dev.footprint.storage.Conversions;

/** Value checks of casts; the lane conversions themselves are the storage layer's {@link Conversions}. */
final class Casts {
    private static final double TWO_63 = 0x1p63;

    private Casts() {}

    static long doubleToLongC(double v, int bits) {
        return Conversions.doubleToLongC(v, bits);
    }

    static long doubleToUnsignedLongC(double v) {
        return Conversions.doubleToUnsignedLongC(v);
    }

    static long doubleToUint32C(double v) {
        return Conversions.doubleToUint32C(v);
    }

    static double unsignedToDouble(long bits) {
        return Conversions.unsignedToDouble(bits);
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
