package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential tests against NumPy: NumPy writes and Footprint reads; Footprint writes and NumPy
 * reads; every dtype, both byte orders, both memory orders, 0-d, empty, format versions 2 and 3,
 * {@code .npz} stored, deflated and with ZIP64 headers.
 */
class NpyNumpyRoundTripTest {
    @TempDir
    static Path dir;
    static Path fixtures;
    static JsonObject manifest;

    @BeforeAll
    static void writeFixturesWithNumpy() throws IOException {
        if (ExternalPython.problem("numpy") != null) {
            return; // each test then reports the skip (or, in CI, the failure)
        }
        fixtures = Files.createDirectories(dir.resolve("from-numpy"));
        ExternalPython.run("npy_fixtures.py", fixtures.toString());
        manifest = new Gson().fromJson(Files.readString(fixtures.resolve("manifest.json")), JsonObject.class);
    }

    @BeforeEach
    void requireNumpy() {
        ExternalPython.require("numpy");
    }

    @Test
    void readsEveryFileNumpyWrote() throws IOException {
        JsonArray npy = manifest.getAsJsonArray("npy");
        List<String> read = new ArrayList<>();
        for (var e : npy) {
            JsonObject spec = e.getAsJsonObject();
            NDArray a = Npy.read(fixtures.resolve(spec.get("file").getAsString()), ProgressListener.NONE);
            assertMatches(spec, a, spec.get("file").getAsString());
            read.add(spec.get("file").getAsString());
        }
        // 12 dtypes: 20 with both byte orders and memory orders, 0-d, 3 empty, 3 one-dimensional.
        assertEquals(133, read.size(), "fixtures read: " + read);
    }

    @Test
    void rewritesNumpysFilesByteForByte() throws IOException {
        int compared = 0;
        for (var e : manifest.getAsJsonArray("npy")) {
            JsonObject spec = e.getAsJsonObject();
            if (!spec.get("canonical").getAsBoolean()) {
                continue;
            }
            Path original = fixtures.resolve(spec.get("file").getAsString());
            Path copy = dir.resolve("rewritten.npy");
            Npy.write(copy, Npy.read(original, ProgressListener.NONE));
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), original.getFileName().toString());
            compared++;
        }
        assertEquals(12 * 8 + 2, compared);
    }

    @Test
    void theArticlesImageHasItsDataAtByte128() {
        Path image = fixtures.resolve("uint16_image.npy");
        NpyHeader h = Npy.readHeader(image);
        assertEquals(128, h.dataOffset());
        assertEquals(2_097_280L, image.toFile().length());
    }

    @Test
    void readsNpzStoredDeflatedAndZip64() throws IOException {
        for (var e : manifest.getAsJsonArray("npz")) {
            JsonObject spec = e.getAsJsonObject();
            Path file = fixtures.resolve(spec.get("file").getAsString());
            Map<String, NDArray> all = Npz.readAll(file);
            List<String> names = new ArrayList<>();
            for (var a : spec.getAsJsonArray("arrays")) {
                JsonObject arraySpec = a.getAsJsonObject();
                String name = arraySpec.get("name").getAsString();
                names.add(name);
                assertMatches(arraySpec, all.get(name), file.getFileName() + "!" + name);
                assertMatches(arraySpec, Npz.read(file, name), file.getFileName() + "!" + name);
            }
            assertEquals(names, new ArrayList<>(all.keySet()));
            assertEquals(names, Npz.names(file));
        }
    }

    @Test
    void numpyReadsWhatFootprintWrites() throws IOException {
        Path out = Files.createDirectories(dir.resolve("from-footprint"));
        JsonArray npy = new JsonArray();
        long seed = 7;
        for (DType t : DType.values()) {
            List<long[]> shapes = List.of(new long[] {3, 4, 5}, new long[] {}, new long[] {0}, new long[] {2, 0, 3},
                    new long[] {1000}, new long[] {1, 1});
            for (long[] shape : shapes) {
                for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                    for (boolean fortran : List.of(false, true)) {
                        NDArray a = TestArrays.random(t, seed++, shape);
                        String name = t + "_" + shapeName(shape) + "_" + seed
                                + (order == ByteOrder.BIG_ENDIAN ? "_be" : "_le") + (fortran ? "_f" : "_c");
                        NpyWriteOptions options = NpyWriteOptions.DEFAULT.byteOrder(order).fortranOrder(fortran);
                        Npy.write(out.resolve(name + ".npy"), a, options);
                        Files.write(out.resolve(name + ".bin"), TestArrays.leBytes(a));
                        JsonObject spec = spec(name + ".npy", name + ".bin", a);
                        spec.addProperty("descr", NpyDescr.format(t, order));
                        spec.addProperty("fortran", fortran && shape.length > 1);
                        spec.addProperty("identical", options.equals(NpyWriteOptions.DEFAULT));
                        npy.add(spec);
                    }
                }
            }
            // A transposed view: written by its elements in C order.
            NDArray view = TestArrays.random(t, seed++, 4, 6).transpose();
            String name = t + "_transposed";
            Npy.write(out.resolve(name + ".npy"), view);
            Files.write(out.resolve(name + ".bin"), TestArrays.leBytes(view));
            JsonObject spec = spec(name + ".npy", name + ".bin", view);
            spec.addProperty("identical", true);
            npy.add(spec);
        }
        for (int version = 1; version <= 3; version++) {
            NDArray a = TestArrays.random(DType.UINT16, seed++, 7, 3);
            String name = "uint16_v" + version;
            Npy.write(out.resolve(name + ".npy"), a, NpyWriteOptions.DEFAULT.version(version));
            Files.write(out.resolve(name + ".bin"), TestArrays.leBytes(a));
            JsonObject spec = spec(name + ".npy", name + ".bin", a);
            spec.addProperty("identical", true);
            spec.addProperty("version", version);
            npy.add(spec);
        }
        JsonArray npz = new JsonArray();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        JsonArray arraySpecs = new JsonArray();
        for (DType t : DType.values()) {
            NDArray a = TestArrays.random(t, seed++, 3, 5);
            arrays.put("a_" + t, a);
            Files.write(out.resolve("npz_" + t + ".bin"), TestArrays.leBytes(a));
            JsonObject s = spec(null, "npz_" + t + ".bin", a);
            s.addProperty("name", "a_" + t);
            arraySpecs.add(s);
        }
        for (boolean compressed : List.of(false, true)) {
            String file = compressed ? "deflated.npz" : "stored.npz";
            if (compressed) {
                Npz.writeCompressed(out.resolve(file), arrays);
            } else {
                Npz.write(out.resolve(file), arrays);
            }
            JsonObject s = new JsonObject();
            s.addProperty("file", file);
            s.addProperty("compressed", compressed);
            s.add("arrays", arraySpecs);
            npz.add(s);
        }
        JsonObject m = new JsonObject();
        m.add("npy", npy);
        m.add("npz", npz);
        Files.writeString(out.resolve("manifest.json"), m.toString());
        String result = ExternalPython.run("npy_check.py", out.toString());
        assertEquals("ok " + (npy.size() + npz.size()), result.strip());
    }

    private static String shapeName(long[] shape) {
        StringBuilder sb = new StringBuilder("s");
        for (long d : shape) {
            sb.append(sb.length() > 1 ? "x" : "").append(d);
        }
        return sb.toString();
    }

    private static JsonObject spec(String file, String bin, NDArray a) {
        JsonObject s = new JsonObject();
        if (file != null) {
            s.addProperty("file", file);
        }
        s.addProperty("bin", bin);
        s.addProperty("dtype", a.dtype().numpyName());
        JsonArray shape = new JsonArray();
        for (long d : a.shape()) {
            shape.add(d);
        }
        s.add("shape", shape);
        return s;
    }

    private static void assertMatches(JsonObject spec, NDArray a, String what) throws IOException {
        assertEquals(spec.get("dtype").getAsString(), a.dtype().numpyName(), what);
        long[] shape = new Gson().fromJson(spec.get("shape"), long[].class);
        assertArrayEquals(shape, a.shape(), what);
        byte[] expected = Files.readAllBytes(fixtures.resolve(spec.get("bin").getAsString()));
        assertArrayEquals(expected, TestArrays.leBytes(a), what);
        assertEquals(TestArrays.fromBytes(a.dtype(), expected, ByteOrder.LITTLE_ENDIAN, shape), a, what);
    }
}
