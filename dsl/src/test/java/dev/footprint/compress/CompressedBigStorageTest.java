package dev.footprint.compress;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.Casting;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.storage.BigStorage;
import dev.footprint.storage.SmallSegments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Arrays in big storage of 8-element segments compress to the same chunks as the heap array
 * (chunks and runs cross segment ends) and decompress into big storage bit for bit; views of them
 * (deep into the storage, strided) too.
 */
class CompressedBigStorageTest {
    private static final int SHIFT = 3;
    private static final String[] CODECS = {"zstd", "lz4", "zlib", "none"};
    private static final String[] VIEWS = {":, :, :", "3:, :, :", "::-2, 1:6:2, :", "2, :, ::-1"};

    private static NDArray heapArray(DType t) {
        arr.seed(5);
        NDArray a = arr.random(6, 7, 5).sub(0.4).mul(t.isFloat() ? 1000.0 : t.isBool() ? 1.0 : 90.0);
        a.set(-0.0, 1, 2, 3);
        a.set(Double.NaN, 4, 0, 1);
        a.slice("2:4, :, :").set(a.slice("2:4, :, :").lt(1e9), 0); // runs of zeros that compress
        return a.as(t, Casting.UNSAFE);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void bigStorageCompressesAsTheHeapArrayAndComesBackBitForBit(DType t) throws Throwable {
        NDArray heap = heapArray(t);
        for (String codec : CODECS) {
            for (String view : VIEWS) {
                NDArray hv = heap.slice(view);
                long[] tile = new long[hv.ndim()];
                java.util.Arrays.fill(tile, 3);
                CompressedNDArray expectedWhole = CompressedNDArray.of(hv, codec, 1);
                CompressedNDArray expectedTiled = CompressedNDArray.of(hv, codec, 1, tile);
                SmallSegments.run(SHIFT, () -> {
                    NDArray big = NDArray.over(t, SmallSegments.copy(heap.storage(), SHIFT), heap.shape()).slice(view);
                    String what = t + " " + codec + " [" + view + "]";
                    for (CompressedNDArray[] p : new CompressedNDArray[][] {
                            {expectedWhole, CompressedNDArray.of(big, codec, 1)},
                            {expectedTiled, CompressedNDArray.of(big, codec, 1, tile)}}) {
                        assertEquals(p[0].storedBytes(), p[1].storedBytes(), what);
                        assertEquals(p[0].chunkCount(), p[1].chunkCount(), what);
                        NDArray back = p[1].decompress();
                        assertTrue(back.storage() instanceof BigStorage, what);
                        assertEquals(hv, back, what);
                        assertEquals(p[0].decompress(), back, what);
                        if (hv.ndim() > 0 && !t.isBool()) {
                            assertEquals(hv.sum(0), p[1].sum(0), what);
                        }
                    }
                });
            }
        }
    }
}
