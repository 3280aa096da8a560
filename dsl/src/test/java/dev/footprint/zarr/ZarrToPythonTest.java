package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.io.ExternalPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written by Footprint open in zarr-python (Debian's python3-zarr 2.13) and in
 * {@code dask.array.from_zarr} with identical values: every dtype, each compressor Footprint
 * writes, edge chunks, fill values, NaN and -0.0, 0-d; compressed arrays written with their chunk
 * bytes kept; user attributes.
 */
class ZarrToPythonTest {
    @TempDir
    Path dir;

    private final JsonArray manifest = new JsonArray();

    @Test
    void zarrPythonAndDaskReadWhatFootprintWrites() throws IOException {
        ExternalPython.require("zarr", "numcodecs", "dask.array");
        ArrayFactory arr = new ArrayFactory();
        arr.seed(13);
        NDArray normal = arr.random(29, 31).sub(0.5).mul(1000);
        normal.set(0.0 / 0.0, 0, 0);
        normal.set(-0.0, 0, 1);
        normal.set(1.0 / 0.0, 0, 2);
        for (DType t : DType.values()) {
            NDArray a = t == DType.BOOL ? normal.gt(0) : normal.as(t, Casting.UNSAFE);
            save("default-" + t, a, ZarrOptions.DEFAULT.chunks(8, 10), "blosc", "0");
        }
        NDArray smooth = arr.arange(0, 300 * 500).reshape(300, 500).div(7).as(DType.INT64, Casting.UNSAFE);
        for (DType t : new DType[] {DType.UINT16, DType.FLOAT64, DType.INT32}) {
            NDArray a = smooth.as(t, Casting.UNSAFE);
            save("blosc-lz4-" + t, a, ZarrOptions.DEFAULT.chunks(256, 300), "blosc", null);
            save("blosc-lz4-noshuffle-" + t, a, ZarrOptions.DEFAULT.chunks(256, 300).blosc("lz4", 5, false), "blosc", null);
            save("blosc-zstd-" + t, a, ZarrOptions.DEFAULT.chunks(100, 128).blosc("zstd", 5), "blosc", null);
            save("blosc-clevel0-" + t, a, ZarrOptions.DEFAULT.chunks(100, 128).blosc("lz4", 0), "blosc", null);
            save("zstd-" + t, a, ZarrOptions.DEFAULT.chunks(100, 128).zstd(3), "zstd", null);
            save("zlib-" + t, a, ZarrOptions.DEFAULT.chunks(100, 128).zlib(1), "zlib", null);
            save("none-" + t, a, ZarrOptions.DEFAULT.chunks(100, 128).uncompressed(), null, null);
        }
        save("random-f64", arr.random(400, 300), ZarrOptions.DEFAULT, "blosc", null);
        save("guessed-chunks", smooth, ZarrOptions.DEFAULT, "blosc", null);
        save("fill-nan", normal, ZarrOptions.DEFAULT.chunks(8, 8).fillValue(0.0 / 0.0), "blosc", "nan");
        save("fill-int", smooth.as(DType.INT16, Casting.UNSAFE), ZarrOptions.DEFAULT.chunks(64, 64).fillValue(-7L),
                "blosc", "-7");
        save("zero-d", NDArray.wrap(DType.FLOAT32, new float[] {2.5f}), ZarrOptions.DEFAULT, "blosc", null);
        save("three-d", smooth.reshape(30, 50, 100).as(DType.UINT8, Casting.UNSAFE), ZarrOptions.DEFAULT.chunks(7, 9, 40),
                "blosc", null);
        // Compressed arrays written chunk by chunk, their chunk bytes kept (plain chunks and edge chunks too).
        for (String codec : new String[] {"lz4", "zstd", "zlib"}) {
            for (DType t : new DType[] {DType.UINT16, DType.FLOAT64, DType.UINT8}) {
                saveCompressed("compressed-" + codec + "-" + t, smooth.as(t, Casting.UNSAFE).compress(codec, 1, 64, 128));
            }
        }
        saveCompressed("compressed-plain", arr.random(200, 300).mul(255).as(DType.UINT8, Casting.UNSAFE).compress("lz4", 9, 100, 100));
        saveCompressed("compressed-default", normal.compress());
        saveCompressed("compressed-default-1mib-blocks", arr.arange(0, 512 * 512).reshape(512, 512).div(3).compress());
        Files.writeString(dir.resolve("manifest.json"), manifest.toString());
        String out = ExternalPython.run("zarr_check.py", dir.toString());
        assertEquals("ok " + manifest.size(), out.strip());
    }

    /** Writes {@code c} as a store with user attributes, which zarr-python must read back too. */
    private void saveCompressed(String name, CompressedNDArray c) {
        JsonObject attrs = new JsonObject();
        attrs.addProperty("name", name);
        attrs.addProperty("scale", 0.25);
        attrs.addProperty("count", c.chunkCount());
        JsonArray axes = new JsonArray();
        axes.add("y");
        axes.add("x");
        attrs.add("axes", axes);
        StoreCompression.save(dir.resolve(name + ".zarr"), c, ZarrOptions.DEFAULT.attrs(Attributes.toJava(attrs)),
                new StoreCompression.Counts());
        c.decompress().save(dir.resolve(name + ".npy"));
        JsonObject spec = describe(name, "blosc", null);
        spec.add("attrs", attrs);
        manifest.add(spec);
    }

    private void save(String name, NDArray a, ZarrOptions options, String compressor, String fill) {
        ZarrWriter.save(dir.resolve(name + ".zarr"), a, options);
        a.save(dir.resolve(name + ".npy"));
        manifest.add(describe(name, compressor, fill));
    }

    private static JsonObject describe(String name, String compressor, String fill) {
        JsonObject spec = new JsonObject();
        spec.addProperty("store", name + ".zarr");
        spec.addProperty("npy", name + ".npy");
        spec.addProperty("compressor", compressor);
        spec.addProperty("fill", fill);
        return spec;
    }
}
