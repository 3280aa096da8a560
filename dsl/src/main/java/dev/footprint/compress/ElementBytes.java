package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves runs of elements between a dtype's primitive storage and little-endian bytes (the layout
 * NumPy, Blosc and Zarr use), through the byte buffer views' bulk copies.
 */
final class ElementBytes {
    private ElementBytes() {}

    /** Writes {@code src[from, from+n)} as bytes into {@code dst} from byte {@code at}. */
    static void put(DType t, Object src, int from, int n, byte[] dst, int at) {
        ByteBuffer b = ByteBuffer.wrap(dst, at, n * t.itemsize()).slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (t.storage()) {
            case BYTE -> System.arraycopy(src, from, dst, at, n);
            case SHORT -> b.asShortBuffer().put((short[]) src, from, n);
            case INT -> b.asIntBuffer().put((int[]) src, from, n);
            case LONG -> b.asLongBuffer().put((long[]) src, from, n);
            case FLOAT -> b.asFloatBuffer().put((float[]) src, from, n);
            case DOUBLE -> b.asDoubleBuffer().put((double[]) src, from, n);
        }
    }

    /** Reads {@code n} elements from {@code src} at byte {@code at} into {@code dst[from, from+n)}. */
    static void get(DType t, byte[] src, int at, Object dst, int from, int n) {
        ByteBuffer b = ByteBuffer.wrap(src, at, n * t.itemsize()).slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (t.storage()) {
            case BYTE -> System.arraycopy(src, at, dst, from, n);
            case SHORT -> b.asShortBuffer().get((short[]) dst, from, n);
            case INT -> b.asIntBuffer().get((int[]) dst, from, n);
            case LONG -> b.asLongBuffer().get((long[]) dst, from, n);
            case FLOAT -> b.asFloatBuffer().get((float[]) dst, from, n);
            case DOUBLE -> b.asDoubleBuffer().get((double[]) dst, from, n);
        }
    }

    /** A new primitive array of {@code n} elements of {@code t}'s storage. */
    static Object allocate(DType t, int n) {
        return NDArray.allocate(t, n).contiguousData();
    }
}
