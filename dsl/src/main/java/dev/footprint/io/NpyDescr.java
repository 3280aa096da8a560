package dev.footprint.io;

import dev.footprint.array.DType;
import java.nio.ByteOrder;

/**
 * Reads and writes the {@code descr} of a {@code .npy} header, such as {@code '<u2'}: a byte
 * order ({@code < > | =}), a kind letter and a size. Only the twelve Footprint dtypes are
 * accepted; anything else is refused with a message that says what the descr is.
 */
record NpyDescr(DType dtype, ByteOrder order) {
    private static final String SUPPORTED = "Footprint reads |b1, |i1, |u1, i2, u2, i4, u4, i8, u8, f2, f4, f8 "
            + "in either byte order";

    /** Parses a descr that came from a header; {@code problem} receives the reason it was refused. */
    static NpyDescr parse(Object descr, String file) {
        if (descr instanceof java.util.List<?> || descr instanceof PyLiteralParser.Tuple) {
            throw new NpyFormatException(file, "structured dtype " + abbreviate(String.valueOf(descr))
                    + " (records with named fields) is not supported; " + SUPPORTED);
        }
        if (!(descr instanceof String s) || s.isEmpty()) {
            throw new NpyFormatException(file, "the header's 'descr' is not a dtype string: " + descr);
        }
        char first = s.charAt(0);
        ByteOrder order;
        String typestr = s;
        if (first == '<' || first == '>' || first == '|' || first == '=') {
            typestr = s.substring(1);
            order = first == '>' ? ByteOrder.BIG_ENDIAN
                    : first == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
        } else {
            order = ByteOrder.nativeOrder();
        }
        DType t = switch (typestr) {
            case "b1", "?" -> DType.BOOL;
            case "i1", "b" -> DType.INT8;
            case "u1", "B" -> DType.UINT8;
            case "i2" -> DType.INT16;
            case "u2" -> DType.UINT16;
            case "i4" -> DType.INT32;
            case "u4" -> DType.UINT32;
            case "i8" -> DType.INT64;
            case "u8" -> DType.UINT64;
            case "f2", "e" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            default -> null;
        };
        if (t == null) {
            throw new NpyFormatException(file, "unsupported dtype '" + abbreviate(s) + "'" + describe(typestr)
                    + "; " + SUPPORTED);
        }
        return new NpyDescr(t, order);
    }

    /** The descr written for {@code dtype} in {@code order}: {@code '>u2'}, {@code '|u1'}. */
    static String format(DType dtype, ByteOrder order) {
        String le = dtype.descr();
        if (dtype.itemsize() == 1) {
            return le;
        }
        return (order == ByteOrder.BIG_ENDIAN ? '>' : '<') + le.substring(1);
    }

    private static String describe(String typestr) {
        if (typestr.isEmpty()) {
            return "";
        }
        return switch (typestr.charAt(0)) {
            case 'O' -> " (Python objects)";
            case 'c' -> " (complex numbers)";
            case 'U' -> " (unicode strings)";
            case 'S', 'a' -> " (byte strings)";
            case 'V' -> " (raw or structured records)";
            case 'M' -> " (datetimes)";
            case 'm' -> " (timedeltas)";
            case 'f' -> " (a float width Footprint does not have)";
            case 'i', 'u' -> " (an integer width Footprint does not have)";
            default -> "";
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
