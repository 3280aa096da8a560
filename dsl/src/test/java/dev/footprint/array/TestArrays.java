package dev.footprint.array;

import java.math.BigInteger;
import java.util.List;

/** Builds arrays of any dtype from exact text, and reads elements back as exact text, for tests. */
final class TestArrays {
    /** Where {@link #build} puts the elements: each storage kind must give the same results. */
    enum Kind { HEAP, MAPPED, BIG }

    /** log2 of the segment length of {@link Kind#BIG} arrays: 8 elements, so small arrays span several segments. */
    static final int SEGMENT_SHIFT = 3;

    private static final ThreadLocal<Kind> KIND = ThreadLocal.withInitial(() -> Kind.HEAP);

    private TestArrays() {}

    /** Runs {@code body} with {@link #build} making arrays of storage {@code kind}. */
    static void withStorage(Kind kind, org.junit.jupiter.api.function.Executable body) throws Throwable {
        Kind before = KIND.get();
        KIND.set(kind);
        try {
            if (kind == Kind.BIG) {
                // Results too: every array made while the body runs is in small segments.
                dev.footprint.storage.SmallSegments.run(SEGMENT_SHIFT, body);
            } else {
                body.execute();
            }
        } finally {
            KIND.set(before);
        }
    }

    /**
     * {@code a} in a {@code .npy} file mapped copy-on-write (so writes work and never reach the
     * file). The file is deleted at once: the mapping keeps its pages.
     */
    static NDArray mapped(NDArray a) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("footprint-mapped", ".npy");
            try {
                dev.footprint.io.Npy.write(file, a);
                return dev.footprint.io.Npy.map(file, dev.footprint.array.MapMode.MMAP_COPY);
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An array of {@code dtype} and {@code shape} holding {@code values} (C order), given as exact text. */
    static NDArray build(DType dtype, long[] shape, List<String> values) {
        int n = values.size();
        var data = dev.footprint.storage.HeapStorage.allocate(dtype.encoding(), n);
        for (int i = 0; i < n; i++) {
            String v = values.get(i);
            if (dtype.isFloat()) {
                data.writeDouble(i, parseDouble(v));
            } else {
                // Wrapping write of the exact integer's low 64 bits: uint64 past 2^63 included.
                data.writeLong(i, new BigInteger(v).longValue());
            }
        }
        return switch (KIND.get()) {
            case HEAP -> NDArray.wrap(dtype, data.array(), shape);
            case MAPPED -> mapped(NDArray.wrap(dtype, data.array(), shape));
            case BIG -> NDArray.over(dtype, dev.footprint.storage.SmallSegments.copy(data, SEGMENT_SHIFT), shape);
        };
    }

    /** Python's float text: {@code nan}, {@code inf}, {@code -inf} or a decimal. */
    static double parseDouble(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** The {@code i}-th element (C order) as exact text: 0/1 for bool, decimal integers, or the double's text. */
    static String text(NDArray a, long i) {
        DType t = a.dtype();
        if (t.isFloat()) {
            double v = a.getDoubleFlat(i);
            return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
        }
        long v = a.getLongFlat(i);
        return t == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    /** Whether element {@code i} of {@code a} equals the exact text {@code expected} (NaN equals NaN). */
    static boolean matches(NDArray a, long i, String expected, double relativeTolerance) {
        if (!a.dtype().isFloat()) {
            return text(a, i).equals(expected);
        }
        double e = parseDouble(expected);
        double v = a.getDoubleFlat(i);
        if (Double.isNaN(e) || Double.isNaN(v)) {
            return Double.isNaN(e) && Double.isNaN(v);
        }
        if (relativeTolerance == 0 || Double.isInfinite(e)) {
            return Double.doubleToLongBits(v) == Double.doubleToLongBits(e);
        }
        return Math.abs(v - e) <= relativeTolerance * Math.max(1, Math.abs(e));
    }
}
