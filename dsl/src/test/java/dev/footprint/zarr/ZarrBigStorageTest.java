package dev.footprint.zarr;

import static dev.footprint.Footprint.sparse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayAllocationException;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.LossyCastException;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.storage.BigStorage;
import dev.footprint.storage.SmallSegments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stores read into, and written from, arrays in big storage: with segments of 8 elements, rows
 * of 19 and chunks of 8 × 7 cross segment ends everywhere, as a store past 2^31 elements does
 * every 2^27. Every result equals the heap array's bit for bit (NaN, -0.0, the fill value of
 * missing chunks, edge chunks), and stores written from big storage (or a mapped file) are the
 * same files.
 */
class ZarrBigStorageTest {
    private static final int SHIFT = 3;
    private static final String[] SLICES = {":, :", "3:17:4, -2::-5", "5", "::-1, 2:9", "20:, 10:", "7:9, 6:8", "::3, ::-4"};

    @TempDir
    Path dir;

    private final ArrayFactory arr = new ArrayFactory();

    private static ZarrOptions options(DType t) {
        ZarrOptions o = ZarrOptions.DEFAULT.chunks(8, 7);
        // int8 keeps a zero fill, which a freshly allocated result already holds
        return t.isFloat() ? o.fillValue(0.0 / 0.0) : o.fillValue(t.isBool() ? 1L : t == DType.INT8 ? 0L : 7L);
    }

    /** A dtype every value of the sample survives a cast to. */
    private static DType wider(DType t) {
        return t.isFloat() ? DType.FLOAT64 : t.isBool() ? DType.UINT8 : t == DType.UINT64 ? DType.UINT64 : DType.INT64;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aStoreReadIntoBigStorageEqualsTheHeapRead(DType t) throws Throwable {
        ZarrArray z = ZarrWriter.save(dir.resolve("s"), ZarrStoreTest.sample(t), options(t));
        Files.delete(z.path().resolve("1.1"));   // missing: the fill value
        Files.delete(z.path().resolve("2.2"));   // a missing edge chunk
        NDArray whole = z.read();
        Map<String, NDArray> slices = new TreeMap<>();
        for (String s : SLICES) {
            slices.put(s, z.slice(s));
        }
        NDArray cast = z.as(wider(t));
        NDArray[] along = {z.max(0), z.min(1), z.countNonzero(0), t.isFloat() || t.isBool() ? z.max(1) : z.sum(1)};
        NDArray fromCompressed = z.compress().decompress();
        SmallSegments.run(SHIFT, () -> {
            NDArray big = z.read();
            assertTrue(big.storage() instanceof BigStorage, big.storage().describe());
            assertEquals(whole, big, t.toString());
            for (Map.Entry<String, NDArray> e : slices.entrySet()) {
                NDArray b = z.slice(e.getKey());
                assertTrue(b.storage() instanceof BigStorage, e.getKey());
                assertEquals(e.getValue(), b, t + " [" + e.getKey() + "]");
            }
            NDArray bigCast = z.as(wider(t));
            assertTrue(bigCast.storage() instanceof BigStorage);
            assertEquals(cast, bigCast, t.toString());
            NDArray[] bigAlong = {z.max(0), z.min(1), z.countNonzero(0), t.isFloat() || t.isBool() ? z.max(1) : z.sum(1)};
            for (int k = 0; k < along.length; k++) {
                assertTrue(bigAlong[k].storage() instanceof BigStorage);
                assertEquals(along[k], bigAlong[k], t + " reduction " + k);
            }
            NDArray back = z.compress().decompress();
            assertTrue(back.storage() instanceof BigStorage);
            assertEquals(fromCompressed, back, t.toString());
            if (!t.isFloat()) {   // NaN is not zero: a float sample's COO holds every element either way
                CooArray expected = sparse.coo(whole);
                CooArray actual = sparse.coo(big);
                assertEquals(expected.coords(), actual.coords(), t.toString());
                assertEquals(expected.data(), actual.data(), t.toString());
            }
        });
        assertEquals(whole, fromCompressed, t.toString());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void bigStorageSavesToTheSameChunkFilesAsTheHeapArray(DType t) throws Throwable {
        NDArray heap = ZarrStoreTest.sample(t);
        ZarrOptions o = options(t);
        String view = "::-2, 3:";
        Path[] expected = {
            ZarrWriter.save(dir.resolve("heap"), heap, o).path(),
            ZarrWriter.save(dir.resolve("heap-view"), heap.slice(view), o).path(),
            ZarrWriter.save(dir.resolve("heap-cast"), heap, o.dtype(wider(t))).path()};
        SmallSegments.run(SHIFT, () -> {
            NDArray big = NDArray.over(t, SmallSegments.copy(heap.storage(), SHIFT), heap.shape());
            Path[] actual = {
                ZarrWriter.save(dir.resolve("big"), big, o).path(),
                ZarrWriter.save(dir.resolve("big-view"), big.slice(view), o).path(),
                ZarrWriter.save(dir.resolve("big-cast"), big, o.dtype(wider(t))).path()};
            for (int k = 0; k < expected.length; k++) {
                assertEquals(chunkFiles(expected[k]), chunkFiles(actual[k]), t + " " + actual[k].getFileName());
                assertEquals(ZarrArray.open(expected[k]).metadata(), ZarrArray.open(actual[k]).metadata());
            }
        });
        assertEquals(heap, ZarrArray.open(dir.resolve("big")).read(), t.toString());
        assertEquals(heap.slice(view), ZarrArray.open(dir.resolve("big-view")).read(), t.toString());
    }

    @Test
    void aMappedNpySavesToTheSameChunkFilesAsTheHeapArray() throws IOException {
        NDArray heap = ZarrStoreTest.sample(DType.FLOAT32);
        Path npy = dir.resolve("sample.npy");
        heap.save(npy);
        NDArray mapped = arr.load(npy.toString(), dev.footprint.array.MapMode.MMAP_READ);
        assertTrue(mapped.isMapped());
        ZarrOptions o = options(DType.FLOAT32);
        assertEquals(chunkFiles(ZarrWriter.save(dir.resolve("heap"), heap, o).path()),
                chunkFiles(ZarrWriter.save(dir.resolve("mapped"), mapped, o).path()));
        assertEquals(chunkFiles(ZarrWriter.save(dir.resolve("heap-view"), heap.slice("::2, ::-3"), o).path()),
                chunkFiles(ZarrWriter.save(dir.resolve("mapped-view"), mapped.slice("::2, ::-3"), o).path()));
    }

    @Test
    void aCastThatLosesAValueNamesItInTheWholeArrayAsAsDoes() throws Throwable {
        NDArray counts = arr.arange(0, 600).reshape(20, 30);
        LossyCastException inMemory = assertThrows(LossyCastException.class, () -> counts.as(DType.UINT8));
        SmallSegments.run(SHIFT, () -> {
            NDArray big = NDArray.over(counts.dtype(), SmallSegments.copy(counts.storage(), SHIFT), counts.shape());
            Path p = dir.resolve("u8");
            LossyCastException saved = assertThrows(LossyCastException.class,
                    () -> ZarrWriter.save(p, big, ZarrOptions.DEFAULT.chunks(7, 8).dtype(DType.UINT8)));
            assertEquals(inMemory.getMessage(), saved.getMessage());
            assertTrue(saved.getMessage().contains("uint8 cannot hold 256 at [8, 16]"), saved.getMessage());
            assertTrue(Files.notExists(p));
        });
    }

    @Test
    void aStoreLargerThanTheHeapIsRefusedBeforeAllocatingAndStillSlices() {
        long side = 200_000;   // 320 GB of float64, every chunk missing
        ZarrMetadata meta = new ZarrMetadata(new long[] {side, side}, new int[] {5000, 5000}, DType.FLOAT64,
                ByteOrder.LITTLE_ENDIAN, false, FillValue.of(DType.FLOAT64, 2.5),
                new Uncompressed(), ".");
        ZarrArray z = ZarrWriter.write(dir.resolve("huge"), meta, null, (target, at) -> null);
        for (var read : new org.junit.jupiter.api.function.Executable[] {z::read, () -> z.slice("1:, :"), () -> z.as(DType.FLOAT32)}) {
            ArrayAllocationException e = assertThrows(ArrayAllocationException.class, read);
            assertTrue(e.getMessage().contains("cannot allocate") && e.getMessage().contains("available"), e.getMessage());
        }
        assertEquals(arr.full(DType.FLOAT64, 2.5, 2, 3), z.slice("199998:, 7:10"));
    }

    @Test
    void aCooTheHeapCannotHoldIsRefusedBeforeAllocatingFromAReadOrACompressedStore() {
        // 24 axes, 22 of them of length 1: each stored element takes 24 int64 coordinates, so a
        // few tens of megabytes of ones need more than the whole heap as COO.
        long[] shape = new long[24];
        java.util.Arrays.fill(shape, 1);
        shape[23] = 8192;
        shape[0] = Runtime.getRuntime().maxMemory() / (shape[23] * (8 * 24 + 1)) + 1;
        long[] chunks = shape.clone();
        chunks[0] = 256;
        ZarrArray z = ZarrWriter.save(dir.resolve("ones"), arr.ones(DType.UINT8, shape), ZarrOptions.DEFAULT.chunks(chunks));
        NDArray dense = z.read();
        var compressed = z.compress();
        for (var coo : new org.junit.jupiter.api.function.Executable[] {() -> sparse.coo(dense), () -> sparse.coo(compressed)}) {
            ArrayAllocationException e = assertThrows(ArrayAllocationException.class, coo);
            assertTrue(e.getMessage().startsWith("cannot allocate ") && e.getMessage().contains(
                    "bytes for the " + dense.size() + " stored elements of a COO of this uint8 array of shape ("
                    + shape[0] + ", 1, 1,") && e.getMessage().contains("bytes of the heap are available"), e.getMessage());
        }
    }

    /** The chunk files of a store, by name, as hex. */
    private static Map<String, String> chunkFiles(Path store) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(store)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (!f.getFileName().toString().startsWith(".")) {
                    files.put(f.getFileName().toString(), HexFormat.of().formatHex(Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
