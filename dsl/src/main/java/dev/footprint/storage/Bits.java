package dev.footprint.storage;

import java.util.Arrays;

/**
 * The bits lane: every element as the raw bits of its primitive in a {@code long}, zero-extended,
 * so that equality is bit equality (NaN payloads and -0.0 survive), and the kernels sparse arrays
 * are built from: marking the elements whose bits differ from a fill value's, gathering the marked
 * ones, filling with a value's bits and scattering a run to listed positions.
 *
 * <p>Heap storage runs the loops on its array. Other kinds stage up to {@link Storage#STEP}
 * elements at a time in a scratch array and run the same loops. Indices count elements from the
 * start of the storage.
 */
public final class Bits {
    private Bits() {}

    /** The heap array of {@code s}, or null when its elements live elsewhere. */
    private static Object heapArray(Storage s) {
        return s instanceof HeapStorage h ? h.array() : null;
    }

    /**
     * The primitive array that holds all of elements {@code [base, base + n)}: the heap array, or
     * the one segment of big storage they lie in; null when they live elsewhere or cross segments.
     */
    private static Object runArray(Storage s, long base, int n) {
        Object a = heapArray(s);
        return a != null ? a : s instanceof BigStorage b ? b.segmentHolding(base, n) : null;
    }

    /** Where element {@code base} lies in the array {@link #runArray} gave. */
    private static int runStart(Storage s, long base) {
        return s instanceof BigStorage b ? b.local(base) : (int) base;
    }

    /** The bits of elements {@code [base, base + n)} into {@code out[0, n)}. */
    public static void read(Storage s, long base, int n, long[] out) {
        Encoding.Primitive p = s.encoding.primitive();
        Object a = runArray(s, base, n);
        if (a != null) {
            BitLoops.read(p, a, runStart(s, base), n, out, 0);
            return;
        }
        for (int done = 0; done < n; ) {
            int m = Math.min(Storage.STEP, n - done);
            Object scratch = s.scratch(m);
            s.readRaw(null, base + done, m, scratch);
            BitLoops.read(p, scratch, 0, m, out, done);
            done += m;
        }
    }

    /** The bits of element {@code i}. */
    public static long read(Storage s, int i) {
        long[] one = new long[1];
        read(s, i, 1, one);
        return one[0];
    }

    /**
     * A new heap storage of {@code n} elements whose bits are the low bits of
     * {@code bits[from, from + n)} (a bool byte other than 0 reads as 1).
     */
    public static HeapStorage heap(Encoding e, long[] bits, int from, int n) {
        Object a = HeapLoops.newArray(e.primitive(), n);
        BitLoops.write(e.primitive(), bits, from, n, a, 0);
        return HeapStorage.adopt(e, a, n);
    }

    /** Sets every element to the low bits of {@code bits}. */
    public static void fill(Storage s, long bits) {
        Encoding.Primitive p = s.encoding.primitive();
        long total = s.length();
        Object a = heapArray(s);
        if (a != null) {
            BitLoops.fill(p, a, 0, (int) total, bits);
            return;
        }
        Object scratch = s.scratch(Storage.STEP);
        BitLoops.fill(p, scratch, 0, Storage.STEP, bits);
        for (long done = 0; done < total; ) {
            int m = (int) Math.min(Storage.STEP, total - done);
            s.writeRaw(null, done, m, scratch);
            done += m;
        }
    }

    /**
     * Marks which of elements {@code [base, base + n)} have other bits than {@code fillBits}'s low
     * bits: bit {@code i % 64} of {@code marks[i / 64]} for element {@code base + i}
     * ({@code marks} holds at least {@code ceil(n / 64)} words). Returns how many are marked.
     */
    public static int mark(Storage s, long base, int n, long fillBits, long[] marks) {
        Encoding.Primitive p = s.encoding.primitive();
        Object a = runArray(s, base, n);
        if (a != null) {
            return MarkLoops.mark(p, a, runStart(s, base), n, fillBits, marks);
        }
        int marked = 0;
        long[] step = new long[Storage.STEP >>> 6];
        for (int done = 0; done < n; ) {
            int m = Math.min(Storage.STEP, n - done); // STEP is a multiple of 64: each step fills whole mark words
            Object scratch = s.scratch(m);
            s.readRaw(null, base + done, m, scratch);
            marked += MarkLoops.mark(p, scratch, 0, m, fillBits, step);
            System.arraycopy(step, 0, marks, done >>> 6, (m + 63) >>> 6);
            done += m;
        }
        return marked;
    }

    /** The {@code nnz} elements of {@code [base, base + n)} marked by {@link #mark}, in order, in a new heap storage. */
    public static HeapStorage gatherMarked(Storage s, long base, int n, long[] marks, int nnz) {
        Encoding.Primitive p = s.encoding.primitive();
        Object out = HeapLoops.newArray(p, nnz);
        Object a = runArray(s, base, n);
        if (a != null) {
            MarkLoops.gather(p, a, runStart(s, base), marks, 0, (int) ((n + 63L) >>> 6), out, 0);
        } else {
            int k = 0;
            for (int done = 0; done < n; ) {
                int m = Math.min(Storage.STEP, n - done);
                Object scratch = s.scratch(m);
                s.readRaw(null, base + done, m, scratch);
                k = MarkLoops.gather(p, scratch, 0, marks, done >>> 6, (int) ((done + m + 63L) >>> 6), out, k);
                done += m;
            }
        }
        return HeapStorage.adopt(s.encoding, out, nnz);
    }

    /**
     * {@link #gatherMarked} for the elements of a C-order 2-d array with {@code cols} columns, and
     * the row ({@code coords[0, nnz)}) and column ({@code coords[nnz, 2 nnz)}) of each; heap
     * doubles, the common case, in one walk over the marks.
     */
    public static HeapStorage gatherMarked2d(Storage s, int base, int n, long[] marks, int nnz, long cols, long[] coords) {
        double[] d = s.doubles();
        if (d != null) {
            double[] values = new double[nnz];
            MarkLoops.gatherDoubles2d(d, base, marks, cols, values, coords);
            return HeapStorage.adopt(s.encoding, values, nnz);
        }
        HeapStorage values = gatherMarked(s, base, n, marks, nnz);
        MarkLoops.coordinates2d(marks, nnz, cols, coords);
        return values;
    }

    /**
     * Copies elements {@code [base, base + n)} of {@code src} to elements {@code at[0, n)} of
     * {@code dst} (the same encoding), bit for bit.
     */
    public static void scatter(Storage src, long base, int n, Storage dst, int[] at) {
        scatter(src, base, n, dst, 0, at);
    }

    /**
     * As {@link #scatter(Storage, long, int, Storage, int[])}, to elements {@code dstBase + at[0, n)}
     * of {@code dst}: past 2^31 elements, where an {@code int} offset from 0 no longer reaches.
     */
    public static void scatter(Storage src, long base, int n, Storage dst, long dstBase, int[] at) {
        Object a = heapArray(src);
        if (a != null && base == 0) {
            dst.writeRaw(at, dstBase, n, a);
            return;
        }
        for (int done = 0; done < n; ) {
            int m = Math.min(Storage.STEP, n - done);
            Object scratch = src.scratch(m);
            src.readRaw(null, base + done, m, scratch);
            dst.writeRaw(Arrays.copyOfRange(at, done, done + m), dstBase, m, scratch);
            done += m;
        }
    }

    /**
     * Copies elements {@code [base, base + n)} of {@code src} into the C-order 2-d array with
     * {@code cols} columns that {@code dst} holds, element {@code k} at row {@code xy[k]} and
     * column {@code xy[n + k]}, bit for bit; on the heap the offsets are computed in the loop.
     */
    public static void scatter2d(Storage src, int base, int n, Storage dst, long[] xy, long cols) {
        Object a = heapArray(src);
        Object d = heapArray(dst);
        if (a != null && d != null) {
            BitLoops.scatter2d(src.encoding.primitive(), a, base, n, d, xy, cols);
            return;
        }
        int[] at = new int[n];
        for (int k = 0; k < n; k++) {
            at[k] = (int) (xy[k] * cols + xy[n + k]);
        }
        scatter(src, base, n, dst, at);
    }
}
