package dev.footprint.compress;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.ArrayRuns;
import dev.footprint.storage.Storage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves runs of elements between a dtype's primitive storage and little-endian bytes (the layout
 * NumPy, Blosc and Zarr use), with the storage layer's bulk codec ({@link ArrayRuns}).
 */
final class ElementBytes {
    private ElementBytes() {}

    /** Writes {@code src[from, from+n)} as bytes into {@code dst} from byte {@code at}. */
    static void put(DType t, Object src, int from, int n, byte[] dst, int at) {
        ArrayRuns.encode(t.encoding(), src, from, n, ByteBuffer.wrap(dst, at, n * t.itemsize()).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Reads {@code n} elements from {@code src} at byte {@code at} into {@code dst[from, from+n)}; bool bytes become 0 or 1. */
    static void get(DType t, byte[] src, int at, Object dst, int from, int n) {
        ArrayRuns.decode(t.encoding(), ByteBuffer.wrap(src, at, n * t.itemsize()).slice().order(ByteOrder.LITTLE_ENDIAN), dst, from, n);
    }

    /** Writes elements {@code [from, from+n)} of {@code src} as bytes into {@code dst} from byte {@code at}. */
    static void put(DType t, Storage src, long from, int n, byte[] dst, int at) {
        src.encode(from, n, ByteBuffer.wrap(dst, at, n * t.itemsize()).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Reads {@code n} elements from {@code src} at byte {@code at} into elements {@code [from, from+n)} of {@code dst}. */
    static void get(DType t, byte[] src, int at, Storage dst, long from, int n) {
        dst.decode(ByteBuffer.wrap(src, at, n * t.itemsize()).slice().order(ByteOrder.LITTLE_ENDIAN), from, n);
    }

    /** A new primitive array of {@code n} elements of {@code t}'s storage. */
    static Object allocate(DType t, int n) {
        return NDArray.allocate(t, n).contiguousData();
    }
}
