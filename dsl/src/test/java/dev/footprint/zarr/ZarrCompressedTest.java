package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.codec.BloscLayout;
import dev.footprint.compress.StoredChunks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed arrays written to Zarr stores and Zarr stores read into compressed arrays, chunk by
 * chunk: chunks whose codec and layout match keep their bytes, the rest are compressed again, and
 * the values are the same either way. And the stores' user attributes.
 */
class ZarrCompressedTest {
    @TempDir
    Path dir;

    private final ArrayFactory arr = new ArrayFactory();

    /** A smooth 300×500 image with noise in its low bits: compresses, but not to nothing. */
    private NDArray image(DType t) {
        arr.seed(3);
        NDArray smooth = arr.arange(0, 300 * 500).reshape(300, 500).div(37.0);
        return smooth.add(arr.random(300, 500).mul(4)).as(t, Casting.UNSAFE);
    }

    private static byte[] stored(CompressedNDArray c, int i) {
        byte[] b = new byte[StoredChunks.storedLength(c, i)];
        StoredChunks.copyStored(c, i, b, 0);
        return b;
    }

    @Test
    void aCompressedArrayIsWrittenWithItsChunkBytesAndReadBackKeepingThem() throws IOException {
        for (String codec : List.of("lz4", "zstd", "zlib")) {
            for (DType t : List.of(DType.UINT16, DType.FLOAT64, DType.UINT8)) {
                NDArray a = image(t);
                int level = BloscLayout.nativeLevel(codec, 5);
                CompressedNDArray c = a.compress(codec, level, 64, 128);   // 5×4 chunks: 12 interior, 8 at the edges
                Path p = dir.resolve(codec + "-" + t);
                StoreCompression.Counts written = new StoreCompression.Counts();
                ZarrArray z = StoreCompression.save(p, c, ZarrOptions.DEFAULT, written);
                String what = codec + " " + t;
                assertEquals(12, written.kept().get(), what);
                assertEquals(8, written.recompressed().get(), what);
                assertEquals("blosc(" + codec + ", clevel 5, shuffle)", z.compressor(), what);
                assertArrayEquals(new long[] {64, 128}, z.chunks(), what);
                for (int i = 0; i < c.chunkCount(); i++) {
                    long[] o = c.chunkOrigin(i);
                    if (o[0] + 64 > 300 || o[1] + 128 > 500) {
                        continue;
                    }
                    byte[] file = Files.readAllBytes(p.resolve(o[0] / 64 + "." + o[1] / 128));
                    assertArrayEquals(stored(c, i), Arrays.copyOfRange(file, 16, file.length), what + " chunk " + i);
                }
                assertEquals(a, ZarrArray.open(p).read(), what);
                // The same store as zarr.save writes it from the dense array, byte for byte.
                Path dense = dir.resolve(codec + "-" + t + "-dense");
                ZarrWriter.save(dense, a, ZarrOptions.DEFAULT.chunks(64, 128).blosc(codec.equals("zlib") ? "zstd" : codec, 5));
                if (!codec.equals("zlib")) {
                    for (String key : List.of("0.0", "3.2", "4.3")) {
                        assertArrayEquals(Files.readAllBytes(dense.resolve(key)), Files.readAllBytes(p.resolve(key)), what + " " + key);
                    }
                }

                StoreCompression.Counts read = new StoreCompression.Counts();
                CompressedNDArray back = ZarrArray.open(p).compress(read);
                assertEquals(12, read.kept().get(), what);
                assertEquals(8, read.recompressed().get(), what);
                assertEquals(codec, back.codec());
                assertEquals(level, back.level());
                assertEquals(a, back.decompress(), what);
                for (int i = 0; i < c.chunkCount(); i++) {
                    assertArrayEquals(stored(c, i), stored(back, i), what + " chunk " + i);
                    assertEquals(StoredChunks.plain(c, i), StoredChunks.plain(back, i), what + " chunk " + i);
                }
            }
        }
    }

    @Test
    void theDefaultZstdBlocksAreWrittenAsBloscsBlocksizeAndKept() throws IOException {
        NDArray a = arr.arange(0, 512 * 512).reshape(512, 512).div(3.0);
        CompressedNDArray c = a.compress();
        assertEquals(1 << 20, c.blockSize());
        assertEquals(32768, CompressedNDArray.withBlockSize(a, "zstd", 1, 0).blockSize());   // c-blosc's rule at clevel 1
        StoreCompression.Counts counts = new StoreCompression.Counts();
        ZarrArray z = StoreCompression.save(dir.resolve("d"), c, ZarrOptions.DEFAULT, counts);
        assertEquals(2, counts.kept().get());
        assertTrue(Files.readString(dir.resolve("d").resolve(".zarray")).contains("\"blocksize\": 1048576"));
        assertEquals(a, z.read());
        StoreCompression.Counts back = new StoreCompression.Counts();
        assertEquals(a, ZarrArray.open(dir.resolve("d")).compress(back).decompress());
        assertEquals(2, back.kept().get());
    }

    @Test
    void chunksThatDidNotShrinkAreStoredPlainAndKept() {
        arr.seed(9);
        NDArray noise = arr.random(200, 300).mul(255).as(DType.UINT8, Casting.UNSAFE);
        CompressedNDArray c = noise.compress("lz4", 9, 100, 100);
        assertTrue(c.plainChunks() > 0, "random bytes do not shrink with lz4");
        Path p = dir.resolve("noise");
        StoreCompression.Counts written = new StoreCompression.Counts();
        StoreCompression.save(p, c, ZarrOptions.DEFAULT, written);
        assertEquals(6, written.kept().get());
        assertEquals(noise, ZarrArray.open(p).read());
        StoreCompression.Counts read = new StoreCompression.Counts();
        CompressedNDArray back = ZarrArray.open(p).compress(read);
        assertEquals(6, read.kept().get());
        assertEquals(c.plainChunks(), back.plainChunks());
        assertEquals(noise, back.decompress());
    }

    @Test
    void storesZarrSaveWroteAreKeptWhenTheirCodecMatchesAndRecompressedOtherwise() {
        NDArray a = image(DType.INT32);
        Path blosc = dir.resolve("blosc");
        ZarrWriter.save(blosc, a, ZarrOptions.DEFAULT.chunks(100, 100));
        StoreCompression.Counts kept = new StoreCompression.Counts();
        CompressedNDArray c = ZarrArray.open(blosc).compress(kept);
        assertEquals(15, kept.kept().get());
        assertEquals(0, kept.recompressed().get());
        assertEquals("lz4", c.codec());
        assertEquals(a, c.decompress());
        assertEquals(a.sum(0), c.sum(0));

        CompressedNDArray other = ZarrArray.open(blosc).compress("zstd", 1);
        assertEquals("zstd", other.codec());
        assertEquals(a, other.decompress());

        for (ZarrOptions o : List.of(ZarrOptions.DEFAULT.zstd(3), ZarrOptions.DEFAULT.blosc("lz4", 0),
                ZarrOptions.DEFAULT.blosc("lz4", 5, false), ZarrOptions.DEFAULT.uncompressed())) {
            Path p = dir.resolve("o" + Math.abs(o.toString().hashCode()));
            ZarrWriter.save(p, a, o.chunks(64, 90).fillValue(-1L));
            StoreCompression.Counts counts = new StoreCompression.Counts();
            CompressedNDArray r = ZarrArray.open(p).compress(counts);
            assertEquals(0, counts.kept().get(), o.toString());
            // Blosc lz4 without shuffle still gives lz4 at its level; other compressors give the defaults.
            assertEquals(o.toString().contains("no shuffle") ? "lz4" : CompressedNDArray.DEFAULT_CODEC, r.codec(), o.toString());
            assertEquals(a, r.decompress(), o.toString());
        }
    }

    @Test
    void otherChunksCompressorsOrDtypesAreWrittenChunkByChunkWithTheSameValues() throws IOException {
        NDArray a = image(DType.FLOAT32);
        a.set(0.0 / 0.0, 1, 1);
        a.set(-0.0, 2, 2);
        CompressedNDArray c = a.compress();
        List<ZarrOptions> options = List.of(ZarrOptions.DEFAULT.chunks(70, 70), ZarrOptions.DEFAULT.zstd(3),
                ZarrOptions.DEFAULT.uncompressed().chunks(33, 500), ZarrOptions.DEFAULT.blosc("lz4", 5, false));
        for (ZarrOptions o : options) {
            Path p = dir.resolve("w" + Math.abs(o.toString().hashCode()));
            StoreCompression.Counts counts = new StoreCompression.Counts();
            StoreCompression.save(p, c, o, counts);
            assertEquals(0, counts.kept().get(), o.toString());
            assertEquals(a, ZarrArray.open(p).read(), o.toString());
        }
        NDArray small = arr.arange(0, 6000).reshape(60, 100).as(DType.INT64);
        ZarrArray z = new ZarrFactory().save(dir.resolve("u16").toString(), small.compress("lz4", 1, 16, 100),
                ZarrOptions.DEFAULT.dtype(DType.UINT16));
        assertEquals(DType.UINT16, z.dtype());
        assertEquals(small.as(DType.UINT16), z.read());
        IllegalArgumentException lossy = assertThrows(IllegalArgumentException.class, () -> new ZarrFactory().save(
                dir.resolve("u8").toString(), small.compress(), ZarrOptions.DEFAULT.dtype(DType.UINT8)));
        assertTrue(lossy.getMessage().contains("256"), lossy.getMessage());
        NDArray scalar = NDArray.wrap(DType.FLOAT64, new double[] {2.5});
        assertEquals(scalar, new ZarrFactory().save(dir.resolve("zero-d").toString(), scalar.compress()).read());
        NDArray empty = arr.zeros(0, 4);
        assertEquals(empty, new ZarrFactory().save(dir.resolve("empty").toString(), empty.compress()).read());
    }

    @Test
    void userAttributesAreWrittenReadAndCopied() throws IOException {
        Map<String, Object> attrs = Map.of("units", "counts", "scale", 0.5, "bins", 64L, "axes", List.of("y", "x"),
                "calibrated", true, "instrument", Map.of("name", "scope", "serial", 1234L));
        NDArray a = image(DType.UINT16);
        ZarrArray z = ZarrWriter.save(dir.resolve("a"), a, ZarrOptions.DEFAULT.attrs(attrs));
        assertEquals(attrs, z.attrs());
        assertEquals(attrs, ZarrArray.open(dir.resolve("a")).attrs());
        assertTrue(Files.readString(dir.resolve("a").resolve(".zattrs")).contains("\"units\": \"counts\""));
        assertEquals(attrs, z.copyTo(dir.resolve("copy").toString()).attrs());
        assertEquals(attrs, ZarrArray.open(dir.resolve("copy")).attrs());
        assertEquals(attrs, ZarrArray.open(z.copyTo(dir.resolve("copy16").toString(), ZarrOptions.DEFAULT.zstd(1)).path()).attrs());
        Map<String, Object> other = Map.of("units", "photons");
        assertEquals(other, ZarrArray.open(z.copyTo(dir.resolve("copy2").toString(), ZarrOptions.DEFAULT.attrs(other)).path()).attrs());
        assertEquals(other, ZarrArray.open(new ZarrFactory().save(dir.resolve("c").toString(), a.compress(),
                ZarrOptions.DEFAULT.attrs(other)).path()).attrs());
        assertEquals(Map.of(), ZarrWriter.save(dir.resolve("none"), a, ZarrOptions.DEFAULT).attrs());
        assertEquals(Map.of(), ZarrArray.open(dir.resolve("none")).attrs());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ZarrOptions.DEFAULT.attrs(Map.of("when", new Object())));
        assertTrue(bad.getMessage().contains("when"), bad.getMessage());
        Files.writeString(dir.resolve("a").resolve(".zattrs"), "[1, 2]");
        ZarrFormatException notObject = assertThrows(ZarrFormatException.class, () -> ZarrArray.open(dir.resolve("a")));
        assertTrue(notObject.getMessage().contains(".zattrs"), notObject.getMessage());
    }
}
