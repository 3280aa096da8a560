package dev.footprint.array;

import java.math.BigInteger;

/**
 * The twelve element types of Footprint, with everything the engine needs to know about each
 * one: width, range, kind, NumPy name and {@code .npy} descr. Every loop dispatches from here.
 *
 * <pre>{@code
 * UINT16.itemsize();      // 2
 * UINT16.descr();         // "<u2"
 * DType.promote(UINT16, INT8);   // INT32, as NumPy
 * }</pre>
 */
public enum DType {
    BOOL(Kind.BOOL, Storage.BYTE, 1, "bool", "|b1"),
    INT8(Kind.SIGNED, Storage.BYTE, 1, "int8", "|i1"),
    UINT8(Kind.UNSIGNED, Storage.BYTE, 1, "uint8", "|u1"),
    INT16(Kind.SIGNED, Storage.SHORT, 2, "int16", "<i2"),
    UINT16(Kind.UNSIGNED, Storage.SHORT, 2, "uint16", "<u2"),
    INT32(Kind.SIGNED, Storage.INT, 4, "int32", "<i4"),
    UINT32(Kind.UNSIGNED, Storage.INT, 4, "uint32", "<u4"),
    INT64(Kind.SIGNED, Storage.LONG, 8, "int64", "<i8"),
    UINT64(Kind.UNSIGNED, Storage.LONG, 8, "uint64", "<u8"),
    FLOAT16(Kind.FLOAT, Storage.SHORT, 2, "float16", "<f2"),
    FLOAT32(Kind.FLOAT, Storage.FLOAT, 4, "float32", "<f4"),
    FLOAT64(Kind.FLOAT, Storage.DOUBLE, 8, "float64", "<f8");

    /** The kind of value a dtype holds; NumPy's {@code b u i f}. */
    public enum Kind {
        BOOL, UNSIGNED, SIGNED, FLOAT;

        /** NumPy's same_kind order: a cast to a kind at or after this one keeps the kind. */
        int order() {
            return switch (this) {
                case BOOL -> 0;
                case UNSIGNED -> 1;
                case SIGNED -> 2;
                case FLOAT -> 3;
            };
        }
    }

    /** The Java primitive array that holds elements of a dtype. */
    public enum Storage {
        BYTE, SHORT, INT, LONG, FLOAT, DOUBLE
    }

    private final Kind kind;
    private final Storage storage;
    private final int itemsize;
    private final String numpyName;
    private final String descr;

    DType(Kind kind, Storage storage, int itemsize, String numpyName, String descr) {
        this.kind = kind;
        this.storage = storage;
        this.itemsize = itemsize;
        this.numpyName = numpyName;
        this.descr = descr;
    }

    /** The kind of value this dtype holds: bool, unsigned, signed or float (NumPy's {@code dtype.kind}). */
    public Kind kind() {
        return kind;
    }

    /** The Java primitive array that holds the elements, e.g. {@code SHORT} for int16, uint16 and float16. */
    public Storage storage() {
        return storage;
    }

    /** How an element of this dtype sits in storage (the storage layer's twin of this enum). */
    public dev.footprint.storage.Encoding encoding() {
        return dev.footprint.storage.Encoding.values()[ordinal()];
    }

    /** Bytes per element. */
    public int itemsize() {
        return itemsize;
    }

    /** Bits per element. */
    public int bits() {
        return itemsize * 8;
    }

    /** NumPy's name, e.g. {@code "uint16"}. */
    public String numpyName() {
        return numpyName;
    }

    /** The little-endian {@code .npy} descr, e.g. {@code "<u2"} ({@code "|u1"} for one byte). */
    public String descr() {
        return descr;
    }

    /** Whether this is float16, float32 or float64. */
    public boolean isFloat() {
        return kind == Kind.FLOAT;
    }

    /** Whether this is a signed or unsigned integer dtype; false for bool. */
    public boolean isInteger() {
        return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
    }

    /** Whether this is uint8, uint16, uint32 or uint64; false for bool. */
    public boolean isUnsigned() {
        return kind == Kind.UNSIGNED;
    }

    /** Whether this is bool. */
    public boolean isBool() {
        return kind == Kind.BOOL;
    }

    /** True when elements are read into the engine's {@code long} lane (bool and integers). */
    boolean longLane() {
        return kind != Kind.FLOAT;
    }

    /** Smallest value of an integer or bool dtype (unsigned: 0). */
    public long minLong() {
        return switch (this) {
            case BOOL, UINT8, UINT16, UINT32, UINT64 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            default -> throw new UnsupportedOperationException(numpyName + " is not an integer dtype");
        };
    }

    /** Largest value of an integer or bool dtype; for UINT64 this is -1, the bits of 2^64-1. */
    public long maxLong() {
        return switch (this) {
            case BOOL -> 1;
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 0xFF;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 0xFFFF;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 0xFFFF_FFFFL;
            case INT64 -> Long.MAX_VALUE;
            case UINT64 -> -1L;
            default -> throw new UnsupportedOperationException(numpyName + " is not an integer dtype");
        };
    }

    /** Largest finite value as a double (for floats) or the integer maximum. */
    public double maxDouble() {
        return switch (this) {
            case FLOAT16 -> Half.MAX_VALUE;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
            case UINT64 -> 18446744073709551615.0;
            default -> maxLong();
        };
    }

    /** The range as NumPy prints it, e.g. {@code "0..65535"}. */
    public String rangeText() {
        if (isFloat()) {
            return "±" + (this == FLOAT64 ? "1.8e308" : this == FLOAT32 ? "3.4e38" : "65504");
        }
        String max = this == UINT64 ? new BigInteger(Long.toUnsignedString(-1L)).toString() : Long.toString(maxLong());
        return minLong() + ".." + max;
    }

    /**
     * Whether an integer value (signed, or unsigned when {@code unsignedBits} is set) lies in this
     * dtype's range. Floats hold every integer in range, though not always exactly.
     */
    public boolean holdsInteger(long value, boolean unsignedBits) {
        if (unsignedBits && value < 0) {
            // A uint64 value of 2^63 or more.
            return this == UINT64 || (isFloat() && this != FLOAT16);
        }
        return switch (this) {
            case BOOL -> value == 0 || value == 1;
            case UINT64 -> value >= 0;
            case INT64 -> true;
            case FLOAT16 -> Math.abs((double) value) <= Half.MAX_VALUE;
            case FLOAT32, FLOAT64 -> true;
            default -> value >= minLong() && value <= maxLong();
        };
    }

    /** Looks a dtype up by its NumPy name ({@code "uint16"}) or descr ({@code "<u2"}). */
    public static DType of(String name) {
        for (DType t : values()) {
            if (t.numpyName.equals(name) || t.descr.equals(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "'; known: bool, int8, uint8, int16, uint16, "
                + "int32, uint32, int64, uint64, float16, float32, float64");
    }

    static DType signedOfSize(int size) {
        return switch (size) {
            case 1 -> INT8;
            case 2 -> INT16;
            case 4 -> INT32;
            case 8 -> INT64;
            default -> throw new IllegalArgumentException("no signed integer of " + size + " bytes");
        };
    }

    static DType floatOfSize(int size) {
        return switch (size) {
            case 2 -> FLOAT16;
            case 4 -> FLOAT32;
            default -> FLOAT64;
        };
    }

    /** The smallest float that holds every value of this integer dtype (NumPy's rule). */
    private DType floatForInteger() {
        return switch (itemsize) {
            case 1 -> FLOAT16;
            case 2 -> FLOAT32;
            default -> FLOAT64;
        };
    }

    /**
     * NumPy's type promotion of two arrays: the dtype both convert to for a binary operation.
     * {@code promote(UINT16, INT8) == INT32}; {@code promote(UINT64, INT64) == FLOAT64}.
     */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.kind == Kind.BOOL) {
            return b;
        }
        if (b.kind == Kind.BOOL) {
            return a;
        }
        if (a.isFloat() || b.isFloat()) {
            DType fa = a.isFloat() ? a : a.floatForInteger();
            DType fb = b.isFloat() ? b : b.floatForInteger();
            return fa.itemsize >= fb.itemsize ? fa : fb;
        }
        if (a.kind == b.kind) {
            return a.itemsize >= b.itemsize ? a : b;
        }
        DType signed = a.kind == Kind.SIGNED ? a : b;
        DType unsigned = a.kind == Kind.UNSIGNED ? a : b;
        if (unsigned.itemsize < signed.itemsize) {
            return signed;
        }
        return unsigned.itemsize >= 8 ? FLOAT64 : signedOfSize(unsigned.itemsize * 2);
    }

    /** NumPy's {@code can_cast(from, to, 'safe')}: every value of {@code from} is exact in {@code to}. */
    public static boolean canCastSafely(DType from, DType to) {
        if (from == to || from.kind == Kind.BOOL) {
            return true;
        }
        if (to.kind == Kind.BOOL) {
            return false;
        }
        if (from.isFloat()) {
            return to.isFloat() && to.itemsize >= from.itemsize;
        }
        if (to.isFloat()) {
            return to.itemsize >= from.floatForInteger().itemsize;
        }
        if (from.kind == to.kind) {
            return to.itemsize >= from.itemsize;
        }
        // unsigned -> larger signed is safe; signed -> unsigned never is.
        return from.kind == Kind.UNSIGNED && to.itemsize > from.itemsize;
    }

    /** NumPy's {@code can_cast(from, to, 'same_kind')}: safe, or toward the same or a later kind. */
    public static boolean canCastSameKind(DType from, DType to) {
        return canCastSafely(from, to) || from.kind.order() <= to.kind.order() && from.kind != Kind.BOOL;
    }

    /** NumPy's name, as {@link #numpyName()}: {@code "uint16"}, not {@code "UINT16"}. */
    @Override
    public String toString() {
        return numpyName;
    }
}
