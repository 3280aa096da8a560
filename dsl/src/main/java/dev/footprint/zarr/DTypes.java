package dev.footprint.zarr;

import dev.footprint.array.DType;
import java.nio.ByteOrder;

/** Zarr's dtype strings (NumPy's typestr, such as {@code "<u2"} or {@code "|b1"}) for the Footprint dtypes. */
final class DTypes {
    static final String SUPPORTED = "Footprint reads |b1 |i1 |u1 and <i2 <u2 <i4 <u4 <i8 <u8 <f2 <f4 <f8 "
            + "(or > for big endian)";

    record Parsed(DType dtype, ByteOrder order) {}

    private DTypes() {}

    /** The dtype and byte order of {@code s}, or null when Footprint has no such dtype. */
    static Parsed parse(String s) {
        if (s.length() < 2) {
            return null;
        }
        char first = s.charAt(0);
        if (first != '<' && first != '>' && first != '|') {
            return null;
        }
        String typestr = s.substring(1);
        for (DType t : DType.values()) {
            // DType.descr() is the little-endian typestr: "<u2", or "|u1" for one byte.
            if (t.descr().substring(1).equals(typestr)) {
                if (t.itemsize() > 1 && first == '|') {
                    return null;
                }
                return new Parsed(t, first == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            }
        }
        return null;
    }

    /** The typestr written for {@code t}: {@code "<f8"}, {@code "|u1"}, {@code ">i4"}. */
    static String format(DType t, ByteOrder order) {
        String le = t.descr();
        return t.itemsize() > 1 && order == ByteOrder.BIG_ENDIAN ? ">" + le.substring(1) : le;
    }
}
