package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged chunks and metadata Footprint does not read end in an error that names the store, the
 * chunk key or field, and what was wrong; never in a wrong value.
 */
class ZarrBadInputTest {
    @TempDir
    Path dir;

    private final ArrayFactory arr = new ArrayFactory();

    private static final List<ZarrOptions> COMPRESSED = List.of(ZarrOptions.DEFAULT, ZarrOptions.DEFAULT.blosc("zstd", 5),
            ZarrOptions.DEFAULT.zstd(3), ZarrOptions.DEFAULT.zlib(1), ZarrOptions.DEFAULT.uncompressed());

    private Path store(String name, ZarrOptions o) {
        NDArray a = arr.arange(0, 40_000).reshape(200, 200).as(DType.INT32);
        ZarrWriter.save(dir.resolve(name), a, o.chunks(100, 100));
        return dir.resolve(name);
    }

    private void assertChunkError(Path store, String key, String what, UnaryOperator<byte[]> damage) throws IOException {
        Path chunk = store.resolve(key);
        Files.write(chunk, damage.apply(Files.readAllBytes(chunk)));
        ZarrArray z = ZarrArray.open(store);
        for (Runnable op : List.<Runnable>of(z::read, z::sum, () -> z.max(0), () -> z.slice("90:110, 90:110"))) {
            ZarrFormatException x = assertThrows(ZarrFormatException.class, op::run);
            String m = x.getMessage();
            assertTrue(m.contains("Zarr store " + store) && m.contains("chunk " + key + ":") && m.contains(what), m);
        }
    }

    @Test
    void aTruncatedChunkIsNamed() throws IOException {
        for (ZarrOptions o : COMPRESSED) {
            String name = "trunc-" + o.compressor().describe().replaceAll("\\W", "_");
            assertChunkError(store(name, o), "1.1", "", b -> Arrays.copyOf(b, b.length / 2));
        }
    }

    @Test
    void aBloscHeaderThatLiesIsNamed() throws IOException {
        assertChunkError(store("cbytes", ZarrOptions.DEFAULT), "0.1", "stored bytes", b -> {
            b[12]++;
            return b;
        });
        assertChunkError(store("nbytes", ZarrOptions.DEFAULT), "1.0", "bytes uncompressed", b -> {
            b[5]++;
            return b;
        });
        assertChunkError(store("version", ZarrOptions.DEFAULT), "1.1", "format version 7", b -> {
            b[0] = 7;
            return b;
        });
        assertChunkError(store("short", ZarrOptions.DEFAULT), "0.0", "truncated Blosc header", b -> Arrays.copyOf(b, 9));
        assertChunkError(store("blosclz", ZarrOptions.DEFAULT), "0.0", "blosclz", b -> {
            b[2] = (byte) (b[2] & 0x1f);
            return b;
        });
    }

    @Test
    void damagedCompressedBytesAreNamed() throws IOException {
        for (ZarrOptions o : COMPRESSED.subList(0, 4)) {
            String name = "noise-" + o.compressor().describe().replaceAll("\\W", "_");
            assertChunkError(store(name, o), "1.0", "", b -> {
                for (int i = b.length / 2; i < b.length; i++) {
                    b[i] = (byte) (i * 31);
                }
                return b;
            });
        }
    }

    @Test
    void metadataFootprintDoesNotReadNamesTheFieldAndValue() throws IOException {
        Path base = store("meta", ZarrOptions.DEFAULT);
        String zarray = Files.readString(base.resolve(".zarray"));
        String[][] cases = {
            {"\"<i4\"", "\"<c16\"", "field 'dtype' is \"<c16\""},
            {"\"<i4\"", "[[\"a\", \"<i4\"]]", "field 'dtype'"},
            {"\"filters\": null", "\"filters\": [{\"id\": \"delta\", \"dtype\": \"<i4\"}]", "field 'filters' is [{\"id\":\"delta\""},
            {"\"zarr_format\": 2", "\"zarr_format\": 3", "field 'zarr_format' is 3"},
            {"\"order\": \"C\"", "\"order\": \"K\"", "field 'order' is \"K\""},
            {"\"lz4\"", "\"snappy\"", "'snappy' is not supported"},
            {"\"shuffle\": 1", "\"shuffle\": 2", "bit shuffle"},
            {"\"id\": \"blosc\"", "\"id\": \"lzma\"", "'lzma' is not supported"},
            {"\"fill_value\": 0", "\"fill_value\": 0.5", "field 'fill_value' is 0.5"},
        };
        for (String[] c : cases) {
            assertTrue(zarray.contains(c[0]), c[0] + " in " + zarray);
            Files.writeString(base.resolve(".zarray"), zarray.replace(c[0], c[1]), StandardCharsets.UTF_8);
            ZarrFormatException x = assertThrows(ZarrFormatException.class, () -> ZarrArray.open(base), c[1]);
            assertTrue(x.getMessage().contains(c[2]) && x.getMessage().contains(base.toString()), x.getMessage());
        }
    }

    @Test
    void aFolderWithoutMetadataIsNotAZarrArray() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("plain"));
        for (Path p : List.of(empty, dir.resolve("absent"))) {
            ZarrFormatException x = assertThrows(ZarrFormatException.class, () -> ZarrArray.open(p));
            assertTrue(x.getMessage().contains("not a Zarr array: " + p), x.getMessage());
        }
        Files.writeString(empty.resolve(".zgroup"), "{\"zarr_format\": 2}");
        assertTrue(assertThrows(ZarrFormatException.class, () -> ZarrArray.open(empty)).getMessage().contains("Zarr group"));
    }
}
