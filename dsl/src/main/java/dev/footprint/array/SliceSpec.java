package dev.footprint.array;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's basic indexing, parsed: for each axis of a shape, the run of indices that a spec such
 * as {@code "1:10:2, -1, ..."} selects. Shared by array views and by stores read lazily.
 *
 * <pre>{@code
 * SliceSpec.parse("2:8:3, -1", new long[] {10, 5});   // [Axis[start=2, step=3, count=2, dropped=false],
 *                                                     //  Axis[start=4, step=1, count=1, dropped=true]]
 * }</pre>
 */
public final class SliceSpec {
    /**
     * The indices {@code start, start + step, ...} ({@code count} of them) of one axis; an integer
     * index selects one and drops the axis. Negative steps start from the highest index.
     */
    public record Axis(long start, long step, long count, boolean dropped) {}

    private SliceSpec() {}

    /**
     * Each axis's run, with NumPy's rules for omitted, negative and out-of-range bounds.
     *
     * @throws IndexOutOfBoundsException an integer index outside its axis, or more entries than axes
     * @throws IllegalArgumentException  a spec that is not NumPy's slice syntax, or a zero step
     */
    public static List<Axis> parse(String spec, long[] shape) {
        List<String> parts = new ArrayList<>();
        for (String p : spec.split(",", -1)) {
            parts.add(p.trim());
        }
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            parts.clear();
        }
        int ellipsis = parts.indexOf("...");
        if (ellipsis >= 0) {
            parts.remove(ellipsis);
            int fill = shape.length - parts.size();
            for (int i = 0; i < fill; i++) {
                parts.add(ellipsis, ":");
            }
        }
        if (parts.size() > shape.length) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + shape.length
                    + "-dimensional, but " + parts.size() + " were indexed in \"" + spec + "\"");
        }
        List<Axis> axes = new ArrayList<>();
        for (int axis = 0; axis < shape.length; axis++) {
            String p = axis < parts.size() ? parts.get(axis) : ":";
            long dim = shape[axis];
            if (!p.contains(":")) {
                long k = bound(p, spec);
                long kk = k < 0 ? k + dim : k;
                if (kk < 0 || kk >= dim) {
                    throw new IndexOutOfBoundsException("index " + p + " is out of bounds for axis " + axis + " with size " + dim);
                }
                axes.add(new Axis(kk, 1, 1, true));
                continue;
            }
            String[] f = p.split(":", -1);
            if (f.length > 3) {
                throw new IllegalArgumentException("bad slice \"" + p + "\" in \"" + spec + "\"");
            }
            // Python clamps slice bounds past the machine's integers, and the step to +-(2^63 - 1).
            long step = f.length == 3 && !f[2].isBlank() ? Math.max(-Long.MAX_VALUE, bound(f[2], spec)) : 1;
            if (step == 0) {
                throw new IllegalArgumentException("slice step cannot be zero in \"" + spec + "\"");
            }
            long start;
            long count;
            if (step > 0) {
                start = f[0].isBlank() ? 0 : clamp(bound(f[0], spec), dim, 0, dim);
                long stop = f[1].isBlank() ? dim : clamp(bound(f[1], spec), dim, 0, dim);
                // Python's slice length, exact for every step ((stop - start + step - 1) / step wraps for huge steps).
                count = stop > start ? (stop - start - 1) / step + 1 : 0;
            } else {
                start = f[0].isBlank() ? dim - 1 : clamp(bound(f[0], spec), dim, -1, dim - 1);
                long stop = f[1].isBlank() ? -1 : clamp(bound(f[1], spec), dim, -1, dim - 1);
                count = start > stop ? (start - stop - 1) / -step + 1 : 0;
            }
            axes.add(new Axis(start, step, count, false));
        }
        return axes;
    }

    /**
     * The spec that selects the box of {@code lengths[d]} indices from {@code origin[d]} on each
     * axis, such as the region a chunk covers.
     *
     * <pre>{@code
     * SliceSpec.box(new long[] {100, 0}, new int[] {50, 7});   // "100:150,0:7"
     * }</pre>
     */
    public static String box(long[] origin, int[] lengths) {
        StringBuilder spec = new StringBuilder();
        for (int d = 0; d < origin.length; d++) {
            spec.append(d == 0 ? "" : ",").append(origin[d]).append(':').append(origin[d] + lengths[d]);
        }
        return spec.toString();
    }

    private static long clamp(long k, long dim, long lo, long hi) {
        long v = k < 0 ? k + dim : k;
        return Math.max(lo, Math.min(hi, v));
    }

    /** A bound, step or index as Python takes it: an integer of any size, clamped to the long range. */
    private static long bound(String s, String spec) {
        String t = s.trim();
        if (t.matches("[+-]?[0-9]+")) {
            BigInteger v = new BigInteger(t);
            return v.bitLength() < Long.SIZE ? v.longValue() : v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return number(s, spec);
    }

    private static long number(String s, String spec) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad index \"" + s + "\" in slice \"" + spec
                    + "\"; use NumPy syntax such as \"1:10:2, :\"");
        }
    }
}
