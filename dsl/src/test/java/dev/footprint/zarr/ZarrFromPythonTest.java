package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import dev.footprint.compress.StoredChunks;
import dev.footprint.io.ExternalPython;
import dev.footprint.io.Npy;
import dev.footprint.io.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written by zarr-python (Debian's python3-zarr 2.13 and python3-numcodecs) read in
 * Footprint bit for bit as zarr-python reads them: every dtype, each compressor, edge chunks,
 * fill values and missing chunks, order F, nested keys, big endian, 0-d, user attributes; Blosc
 * chunks c-blosc wrote kept as they are in a compressed array. Stores Footprint cannot read are
 * refused with the field or compressor named.
 */
class ZarrFromPythonTest {
    @TempDir
    static Path dir;
    static JsonObject manifest;

    @BeforeAll
    static void writeStoresWithZarrPython() throws IOException {
        if (ExternalPython.problem("zarr", "numcodecs") != null) {
            return; // each test then reports the skip (or, in CI, the failure)
        }
        ExternalPython.run("zarr_fixtures.py", dir.toString());
        manifest = new Gson().fromJson(Files.readString(dir.resolve("manifest.json")), JsonObject.class);
    }

    @BeforeEach
    void requireZarr() {
        ExternalPython.require("zarr", "numcodecs");
    }

    @Test
    void readsEveryStoreZarrPythonWroteAsZarrPythonReadsIt() {
        List<String> read = new ArrayList<>();
        for (var e : manifest.getAsJsonArray("good")) {
            JsonObject spec = e.getAsJsonObject();
            String store = spec.get("store").getAsString();
            NDArray expected = Npy.read(dir.resolve(spec.get("npy").getAsString()), ProgressListener.NONE);
            NDArray actual = ZarrArray.open(dir.resolve(store)).read();
            assertEquals(expected, actual, store);
            if (spec.has("attrs")) {
                assertEquals(Attributes.toJava(spec.getAsJsonObject("attrs")), ZarrArray.open(dir.resolve(store)).attrs(), store);
            }
            read.add(store);
        }
        assertEquals(12 + 9 * 3 + 3 + 4 + 9, read.size(), "stores read: " + read);
    }

    @Test
    void compressingABloscStoreKeepsTheChunksCBloscWrote() throws IOException {
        // name, chunks inside the array (not at its far edges), chunks in all
        Object[][] stores = {{"blosc-lz4-large", 1, 4}, {"blosc-zstd-large", 1, 4}, {"blosc-random-large", 1, 1},
            {"blosc-lz4-shuffle-float64", 2, 6}, {"blosc-zstd-uint16", 2, 6}, {"blosc-zlib-int32", 2, 6},
            {"default-float64", 4, 9}};
        for (Object[] s : stores) {
            String name = (String) s[0];
            ZarrArray z = ZarrArray.open(dir.resolve(name + ".zarr"));
            StoreCompression.Counts counts = new StoreCompression.Counts();
            CompressedNDArray c = z.compress(counts);
            assertEquals(s[1], (int) counts.kept().get(), name);
            assertEquals((int) s[2] - (int) s[1], (int) counts.recompressed().get(), name);
            assertEquals(Npy.read(dir.resolve(name + ".npy"), ProgressListener.NONE), c.decompress(), name);
            byte[] file = Files.readAllBytes(dir.resolve(name + ".zarr").resolve("0.0"));
            byte[] kept = new byte[StoredChunks.storedLength(c, 0)];
            StoredChunks.copyStored(c, 0, kept, 0);
            assertArrayEquals(Arrays.copyOfRange(file, 16, file.length), kept, name);
        }
    }

    @Test
    void lazyOperationsAgreeWithTheArrayInMemory() {
        for (String name : List.of("default-float64", "default-int8", "fill-nan", "order-f-3d", "three-d", "nested",
                "big-endian")) {
            ZarrArray z = ZarrArray.open(dir.resolve(name + ".zarr"));
            NDArray a = Npy.read(dir.resolve(name + ".npy"), ProgressListener.NONE);
            assertEquals(a.max(), z.max(), name);
            assertEquals(a.min(), z.min(), name);
            assertEquals(a.countNonzero(), z.countNonzero(), name);
            for (int axis = 0; axis < a.ndim(); axis++) {
                assertEquals(a.max(axis), z.max(axis), name + " axis " + axis);
                assertEquals(a.countNonzero(axis), z.countNonzero(axis), name + " axis " + axis);
            }
            assertEquals(a.slice("1:-1:2, ::-3"), z.slice("1:-1:2, ::-3"), name);
            assertEquals(a.slice("-1"), z.slice("-1"), name);
        }
    }

    @Test
    void refusesStoresItCannotReadNamingWhatIsWrong() {
        for (var e : manifest.getAsJsonArray("bad")) {
            JsonObject spec = e.getAsJsonObject();
            Path store = dir.resolve(spec.get("store").getAsString());
            ZarrFormatException x = assertThrows(ZarrFormatException.class, () -> ZarrArray.open(store).read(),
                    store.toString());
            assertTrue(x.getMessage().contains(spec.get("expect").getAsString()) && x.getMessage().contains(store.toString()),
                    x.getMessage());
        }
    }
}
