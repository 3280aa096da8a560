package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading stores in Footprint alone: round trips, lazy operations, copies, safe writes. */
class ZarrStoreTest {
    @TempDir
    Path dir;

    private final ArrayFactory arr = new ArrayFactory();

    /** 23 × 19 values from -150 to 150 with a NaN and a -0.0, in {@code t} (wrapped as NumPy's astype does). */
    static NDArray sample(DType t) {
        ArrayFactory arr = new ArrayFactory();
        arr.seed(5);
        NDArray a = arr.random(23, 19).sub(0.5).mul(300);
        a.set(0.0 / 0.0, 1, 1);
        a.set(-0.0, 2, 2);
        return t == DType.BOOL ? a.gt(0) : a.as(t, Casting.UNSAFE);
    }

    private static final List<ZarrOptions> COMPRESSORS = List.of(ZarrOptions.DEFAULT,
            ZarrOptions.DEFAULT.blosc("lz4", 5, false), ZarrOptions.DEFAULT.blosc("zstd", 5), ZarrOptions.DEFAULT.blosc("lz4", 0),
            ZarrOptions.DEFAULT.zstd(3), ZarrOptions.DEFAULT.zlib(1), ZarrOptions.DEFAULT.uncompressed());

    @Test
    void everyDtypeAndCompressorRoundTripsBitForBit() {
        for (DType t : DType.values()) {
            NDArray a = sample(t);
            for (ZarrOptions o : COMPRESSORS) {
                Path p = dir.resolve(t + "-" + o.compressor().describe().replaceAll("\\W", "_"));
                ZarrArray z = ZarrWriter.save(p, a, o.chunks(12, 10));
                assertEquals(a, ZarrArray.open(p).read(), t + " " + o);
                assertEquals(z.metadata(), ZarrArray.open(p).metadata());
            }
        }
    }

    @Test
    void lazyReductionsSlicesAndCastsMatchTheArrayInMemory() {
        for (DType t : DType.values()) {
            NDArray a = sample(t);
            ZarrArray z = ZarrWriter.save(dir.resolve("r-" + t), a, ZarrOptions.DEFAULT.chunks(8, 7));
            if (!t.isFloat()) {   // float sums add chunk by chunk, so only their last bits may differ
                assertEquals(a.sum(), z.sum(), t.toString());
                assertEquals(a.sum(0), z.sum(0), t.toString());
                assertEquals(a.sum(1), z.sum(1), t.toString());
                assertEquals(a.mean(1), z.mean(1), t.toString());
            } else {
                assertEquals(a.sum().as(DType.FLOAT64).doubleValue(), z.sum().as(DType.FLOAT64).doubleValue(), 1e-9);
            }
            assertEquals(a.min(), z.min(), t.toString());
            assertEquals(a.max(0), z.max(0), t.toString());
            assertEquals(a.min(-1), z.min(-1), t.toString());
            assertEquals(a.countNonzero(), z.countNonzero(), t.toString());
            assertEquals(a.countNonzero(0), z.countNonzero(0), t.toString());
            assertEquals(a.slice("3:17:4, -2::-5"), z.slice("3:17:4, -2::-5"), t.toString());
            assertEquals(a.slice("5"), z.slice("5"), t.toString());
            assertEquals(a.get(22, 18), z.get(22, 18), t.toString());
        }
        NDArray counts = arr.arange(0, 600).reshape(20, 30);
        ZarrArray z = ZarrWriter.save(dir.resolve("counts"), counts, ZarrOptions.DEFAULT.chunks(7, 8));
        assertEquals(counts.as(DType.UINT16), z.as(DType.UINT16));
        IllegalArgumentException lossy = assertThrows(IllegalArgumentException.class, () -> z.as(DType.UINT8));
        assertTrue(lossy.getMessage().contains("uint8 cannot hold 256 at [8, 16]"), lossy.getMessage());
    }

    @Test
    void copiesKeepChunkFilesAsTheyAreUnlessDtypeOrCompressorChange() throws IOException {
        NDArray a = arr.arange(0, 1000).reshape(25, 40).as(DType.INT32);
        ZarrArray z = ZarrWriter.save(dir.resolve("src"), a, ZarrOptions.DEFAULT.chunks(10, 16));
        ZarrArray same = z.copyTo(dir.resolve("same"), ZarrOptions.DEFAULT);
        for (String key : List.of("0.0", "2.2", "1.1")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("src").resolve(key)), Files.readAllBytes(dir.resolve("same").resolve(key)));
        }
        assertEquals(a, same.read());
        ZarrArray small = z.copyTo(dir.resolve("small"), ZarrOptions.DEFAULT.dtype(DType.UINT16).zstd(5));
        assertEquals(DType.UINT16, ZarrArray.open(dir.resolve("small")).dtype());
        assertEquals(a.as(DType.UINT16), small.read());
        assertThrows(IllegalArgumentException.class, () -> z.copyTo(dir.resolve("tiny"), ZarrOptions.DEFAULT.dtype(DType.INT8)));
        assertThrows(IllegalArgumentException.class, () -> z.copyTo(dir.resolve("src"), ZarrOptions.DEFAULT));
    }

    @Test
    void missingChunksReadAsTheFillValue() throws IOException {
        NDArray a = arr.full(DType.FLOAT32, 0.0 / 0.0, 9, 9);
        ZarrWriter.save(dir.resolve("f"), a, ZarrOptions.DEFAULT.chunks(4, 4).fillValue(0.0 / 0.0));
        Files.delete(dir.resolve("f").resolve("1.1"));
        Files.delete(dir.resolve("f").resolve("2.2"));
        assertEquals(a, ZarrArray.open(dir.resolve("f")).read());
        assertEquals(81, ZarrArray.open(dir.resolve("f")).countNonzero());
    }

    @Test
    void aFailedWriteLeavesTheExistingStoreAsItWasAndNoNewOne() throws IOException {
        Path p = dir.resolve("s");
        NDArray ones = arr.ones(DType.INT16, 10, 10);
        ZarrWriter.save(p, ones, ZarrOptions.DEFAULT.chunks(5, 5));
        ZarrMetadata meta = ZarrArray.open(p).metadata();
        NDArray twos = arr.full(DType.INT16, 2L, 10, 10);
        RuntimeException boom = new RuntimeException("disk full");
        ZarrWriter.ChunkSource failing = (target, at) -> {
            if (at[0] == 1 && at[1] == 1) {
                throw boom;
            }
            return target.encode(at, twos.slice(ZarrWriter.regionSpec(target, at)));
        };
        assertThrows(RuntimeException.class, () -> ZarrWriter.write(p, meta, null, failing));
        assertEquals(ones, ZarrArray.open(p).read());
        Path fresh = dir.resolve("fresh");
        assertThrows(RuntimeException.class, () -> ZarrWriter.write(fresh, meta, null, failing));
        assertFalse(Files.exists(fresh));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
        ZarrWriter.save(p, twos, ZarrOptions.DEFAULT.chunks(5, 5));
        assertEquals(twos, ZarrArray.open(p).read());
    }

    @Test
    void refusesToWriteOverAFolderThatIsNotAZarrArray() throws IOException {
        Path p = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(p.resolve("holiday.jpg"), "not a chunk");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.save(p, arr.ones(3), ZarrOptions.DEFAULT));
        assertTrue(x.getMessage().contains("not a Zarr array"), x.getMessage());
        assertTrue(Files.exists(p.resolve("holiday.jpg")));
    }

    @Test
    void edgeChunksAreStoredPaddedWithTheFillValue() throws IOException {
        ZarrWriter.save(dir.resolve("e"), arr.ones(DType.UINT8, 5), ZarrOptions.DEFAULT.chunks(4).uncompressed().fillValue(9L));
        assertArrayEquals(new byte[] {1, 9, 9, 9}, Files.readAllBytes(dir.resolve("e").resolve("1")));
    }

    @Test
    void defaultsAreZarrPythons() {
        ZarrArray z = ZarrWriter.save(dir.resolve("d"), arr.zeros(4096, 4096).slice(":10, :"), ZarrOptions.DEFAULT);
        assertEquals("blosc(lz4, clevel 5, shuffle)", z.compressor());
        assertArrayEquals(new long[] {256, 512}, ChunkGuess.guess(new long[] {4096, 4096}, 8));
        assertArrayEquals(new long[] {250, 250, 5}, ChunkGuess.guess(new long[] {1000, 1000, 10}, 2));
        assertArrayEquals(new long[] {1, 5}, ChunkGuess.guess(new long[] {0, 5}, 4));
        assertArrayEquals(new long[] {262144}, ChunkGuess.guess(new long[] {1L << 27}, 8));
    }
}
