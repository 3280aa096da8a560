package dev.footprint.array;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy-like text of arrays: {@code array([[1, 2], [3, 4]], dtype=uint16)}. Arrays of more than
 * 1000 elements show three items at each edge of every axis with {@code ...} between, and rows
 * wrap at 75 characters, as NumPy prints them.
 */
final class ArrayFormatter {
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int WIDTH = 75;

    private ArrayFormatter() {}

    static String repr(NDArray a) {
        if (a.ndim() == 0) {
            return scalar(a, a.offset);
        }
        boolean summarize = a.size > THRESHOLD;
        List<String> cells = new ArrayList<>();
        collect(a, 0, a.offset, summarize, cells);
        String[] formatted = format(a, cells);
        int width = 0;
        for (String s : formatted) {
            width = Math.max(width, s.length());
        }
        StringBuilder sb = new StringBuilder("array(");
        int[] next = {0};
        render(a, 0, a.offset, summarize, formatted, next, width, "      ", sb);
        boolean showDtype = a.size == 0 || !(a.dtype == DType.FLOAT64 || a.dtype == DType.INT64 || a.dtype == DType.BOOL);
        if (showDtype) {
            sb.append(", dtype=").append(a.dtype);
        }
        return sb.append(')').toString();
    }

    /** One element as NumPy prints a scalar of the dtype. */
    static String scalar(NDArray a, long storageIndex) {
        if (a.dtype.isBool()) {
            return a.storage.readLong(storageIndex) != 0 ? "True" : "False";
        }
        if (a.dtype.isFloat()) {
            return scalar(a.storage.readDouble(storageIndex), a.dtype);
        }
        long v = a.storage.readLong(storageIndex);
        return a.dtype == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    /** The shortest text that reads back as the same value of the dtype. */
    static String scalar(double v, DType t) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = switch (t) {
            case FLOAT32 -> Float.toString((float) v);
            case FLOAT16 -> shortestHalf(v);
            default -> Double.toString(v);
        };
        if (s.contains("E")) {
            return s.replace("E", "e").replace("e", "e+").replace("e+-", "e-");
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shortestHalf(double v) {
        for (int digits = 1; digits < 12; digits++) {
            String s = new BigDecimal(v).round(new java.math.MathContext(digits, RoundingMode.HALF_EVEN)).toPlainString();
            if (Half.round(Double.parseDouble(s)) == v) {
                return s.contains(".") ? s : s + ".0";
            }
        }
        return Double.toString(v);
    }

    private static void collect(NDArray a, int axis, long base, boolean summarize, List<String> out) {
        int dim = a.shape[axis];
        for (int i = 0; i < dim; i++) {
            if (summarize && dim > 2 * EDGE && i == EDGE) {
                i = dim - EDGE;
            }
            long at = base + i * a.strides[axis];
            if (axis == a.ndim() - 1) {
                out.add(scalar(a, at));
            } else {
                collect(a, axis + 1, at, summarize, out);
            }
        }
    }

    /** NumPy prints every element of a float array with the same number of decimals. */
    private static String[] format(NDArray a, List<String> cells) {
        String[] out = cells.toArray(new String[0]);
        if (!a.dtype.isFloat() || out.length == 0) {
            if (a.dtype.isBool()) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i].equals("True") ? " True" : "False";
                }
            }
            return out;
        }
        if (scientific(out)) {
            return exponentFormat(out);
        }
        // At most 8 decimals each; then pad the fractions with spaces so the points line up.
        int decimals = 0;
        for (int i = 0; i < out.length; i++) {
            String s = out[i];
            if (s.equals("nan") || s.endsWith("inf")) {
                continue;
            }
            BigDecimal d = new BigDecimal(s.endsWith(".") ? s + "0" : s);
            if (d.scale() > 8) {
                d = d.setScale(8, RoundingMode.HALF_EVEN);
            }
            String t = d.stripTrailingZeros().toPlainString();
            t = t.contains(".") ? t : t + ".";
            out[i] = t;
            decimals = Math.max(decimals, t.length() - t.indexOf('.') - 1);
        }
        for (int i = 0; i < out.length; i++) {
            int dot = out[i].indexOf('.');
            if (dot >= 0) {
                out[i] = out[i] + " ".repeat(decimals - (out[i].length() - dot - 1));
            }
        }
        return out;
    }

    /**
     * NumPy's choice for the whole printed part of a float array: e notation when the largest
     * non-zero magnitude is at least 1e8, the smallest is below 1e-4, or they are more than a
     * factor 1000 apart.
     */
    private static boolean scientific(String[] cells) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (String s : cells) {
            if (s.equals("nan") || s.endsWith("inf")) {
                continue;
            }
            double v = Math.abs(Double.parseDouble(s));
            if (v != 0) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        return max > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1000);
    }

    /**
     * Every finite cell as NumPy's e notation: its shortest digits (at most 8 after the point),
     * the fractions padded with zeros to one length and the exponents to one width of at least
     * two digits ({@code 1.5e+00, 1.0e+20}). nan and inf stay as they are.
     */
    private static String[] exponentFormat(String[] cells) {
        int n = cells.length;
        String[] lead = new String[n];
        String[] fraction = new String[n];
        int[] exponent = new int[n];
        int fractionDigits = 0;
        int exponentDigits = 2;
        for (int i = 0; i < n; i++) {
            String s = cells[i];
            if (s.equals("nan") || s.endsWith("inf")) {
                continue;
            }
            BigDecimal d = new BigDecimal(s).stripTrailingZeros();
            if (d.precision() > 9) {
                d = d.round(new java.math.MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            }
            String digits = d.unscaledValue().abs().toString();
            lead[i] = (s.startsWith("-") ? "-" : "") + digits.charAt(0); // the sign of -0.0 too
            fraction[i] = digits.substring(1);
            exponent[i] = d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
            fractionDigits = Math.max(fractionDigits, fraction[i].length());
            exponentDigits = Math.max(exponentDigits, Integer.toString(Math.abs(exponent[i])).length());
        }
        String[] out = cells.clone();
        for (int i = 0; i < n; i++) {
            if (lead[i] == null) {
                continue;
            }
            String e = Integer.toString(Math.abs(exponent[i]));
            out[i] = lead[i] + "." + fraction[i] + "0".repeat(fractionDigits - fraction[i].length()) + "e"
                    + (exponent[i] < 0 ? "-" : "+") + "0".repeat(exponentDigits - e.length()) + e;
        }
        return out;
    }

    private static void render(NDArray a, int axis, long base, boolean summarize, String[] cells, int[] next,
            int width, String indent, StringBuilder sb) {
        int dim = a.shape[axis];
        sb.append('[');
        boolean last = axis == a.ndim() - 1;
        int column = sb.length() - sb.lastIndexOf("\n") - 1;
        for (int i = 0; i < dim; i++) {
            if (summarize && dim > 2 * EDGE && i == EDGE) {
                if (last) {
                    sb.append("..., ");
                    column += 5;
                } else {
                    sb.append("...,\n").append("\n".repeat(Math.max(0, a.ndim() - axis - 2)))
                            .append(indent).append(" ".repeat(axis + 1));
                }
                i = dim - EDGE;
            }
            if (last) {
                String cell = pad(cells[next[0]++], width);
                if (column + cell.length() + 2 > WIDTH && i > 0) {
                    sb.setLength(sb.length() - 1); // drop the space after the comma
                    sb.append('\n').append(indent).append(" ".repeat(axis + 1));
                    column = indent.length() + axis + 1;
                }
                sb.append(cell);
                column += cell.length();
                if (i < dim - 1) {
                    sb.append(", ");
                    column += 2;
                }
            } else {
                render(a, axis + 1, base + i * a.strides[axis], summarize, cells, next, width, indent, sb);
                if (i < dim - 1) {
                    sb.append(",\n").append("\n".repeat(a.ndim() - axis - 2)).append(indent).append(" ".repeat(axis + 1));
                }
            }
        }
        sb.append(']');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** A notebook view: the text in a {@code <pre>}, under a one-line summary of dtype, shape and bytes. */
    static String html(NDArray a) {
        return "<div class=\"footprint-array\"><div style=\"font-family:sans-serif;font-size:90%;color:#555\">"
                + "NDArray " + a.dtype + " " + Shapes.text(a.shape) + " &middot; " + a.nbytes() + " bytes ("
                + humanBytes(a.nbytes()) + ")</div><pre>" + escape(repr(a)) + "</pre></div>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** 2097152 → "2.0 MiB". */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
