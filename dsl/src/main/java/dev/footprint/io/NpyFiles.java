package dev.footprint.io;

import dev.footprint.array.ArrayFiles;
import dev.footprint.array.DType;
import dev.footprint.array.MapMode;
import dev.footprint.array.NDArray;
import java.nio.file.Path;
import java.util.Map;

/** The {@code .npy} and {@code .npz} formats behind {@code arr.load} and {@code a.save}, declared in {@code META-INF/services}. */
public final class NpyFiles implements ArrayFiles {
    @Override
    public NDArray read(Path file) {
        return Npy.read(file);
    }

    @Override
    public NDArray map(Path file, MapMode mode) {
        return Npy.map(file, mode);
    }

    @Override
    public NDArray create(Path file, DType dtype, long... shape) {
        return Npy.create(file, dtype, shape);
    }

    @Override
    public NDArray read(Path archive, String name) {
        return Npz.read(archive, name);
    }

    @Override
    public Map<String, NDArray> readAll(Path archive) {
        return Npz.readAll(archive);
    }

    @Override
    public void write(Path file, NDArray array) {
        Npy.write(file, array);
    }

    @Override
    public void writeAll(Path archive, Map<String, NDArray> arrays, boolean compressed) {
        if (compressed) {
            Npz.writeCompressed(archive, arrays);
        } else {
            Npz.write(archive, arrays);
        }
    }
}
