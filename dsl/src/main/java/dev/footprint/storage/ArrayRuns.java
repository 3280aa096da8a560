package dev.footprint.storage;

import java.nio.ByteBuffer;

/**
 * The storage layer's loops on a bare primitive array of an encoding's primitive, for code that
 * keeps its elements in such arrays (compressed and Zarr chunks): runs to and from bytes in a
 * buffer's byte order, into the long and double lanes, and new arrays from the lanes. The
 * conversions are the engine's ({@link Storage#gatherDouble}, {@link Storage#scatterDouble} and
 * the long lane's twins); the array must be of the encoding's primitive.
 */
public final class ArrayRuns {
    private ArrayRuns() {}

    /** A new zeroed primitive array of {@code n} elements of {@code e}'s primitive. */
    public static Object allocate(Encoding e, int n) {
        return HeapLoops.newArray(e.primitive(), n);
    }

    /** Puts {@code src[from, from + n)} into {@code buf} from its index 0, in its byte order; its limit becomes the bytes written. */
    public static void encode(Encoding e, Object src, int from, int n, ByteBuffer buf) {
        HeapLoops.encode(e, src, from, n, buf);
    }

    /** Stores the {@code n} elements in {@code buf} (from its position, in its byte order) at {@code dst[at, at + n)}; bool bytes become 0 or 1. */
    public static void decode(Encoding e, ByteBuffer buf, Object dst, int at, int n) {
        HeapLoops.decode(e, buf, dst, at, n);
    }

    /** Elements {@code src[from, from + n)} in the double lane, into {@code out[0, n)}. */
    public static void gatherDouble(Encoding e, Object src, int from, int n, double[] out) {
        HeapLoops.gatherDouble(e, src, null, from, n, out);
    }

    /** Elements {@code src[from, from + n)} in the long lane (unsigned values as their bits), into {@code out[0, n)}. */
    public static void gatherLong(Encoding e, Object src, int from, int n, long[] out) {
        HeapLoops.gatherLong(e, src, null, from, n, out);
    }

    /** A new array of {@code e} holding {@code values}, converted as {@link Storage#writeDouble} does. */
    public static Object fromDoubles(Encoding e, double[] values) {
        Object out = allocate(e, values.length);
        HeapLoops.scatterDouble(e, out, null, 0, values.length, values);
        return out;
    }

    /** A new array of {@code e} holding {@code values}, wrapped to its width as {@link Storage#writeLong} does. */
    public static Object fromLongs(Encoding e, long[] values) {
        Object out = allocate(e, values.length);
        HeapLoops.scatterLong(e, out, null, 0, values.length, values);
        return out;
    }
}
