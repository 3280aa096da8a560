package dev.footprint.array;

import java.nio.file.Path;
import java.util.Map;

/**
 * NumPy's files as the dense facade reaches them: {@code arr.load}, {@code arr.create},
 * {@code arr.savez} and {@code a.save}. The formats live in {@code dev.footprint.io}, which depends
 * on this package; the engine finds their implementation once, through {@code META-INF/services}
 * ({@link Providers}), so that it never imports the package above it.
 */
public interface ArrayFiles {

    /** A {@code .npy} read into a new C-order array. */
    NDArray read(Path file);

    /** A {@code .npy} mapped in {@code mode}, as NumPy's {@code np.load(path, mmap_mode=...)}. */
    NDArray map(Path file, MapMode mode);

    /** A new {@code .npy} of zeros, mapped read-write. */
    NDArray create(Path file, DType dtype, long... shape);

    /** One array of a {@code .npz}, by name. */
    NDArray read(Path archive, String name);

    /** Every array of a {@code .npz}, by name in archive order. */
    Map<String, NDArray> readAll(Path archive);

    /** {@code array} saved as a {@code .npy}, as {@code np.save}. */
    void write(Path file, NDArray array);

    /** {@code arrays} saved in one {@code .npz}, deflated when {@code compressed}. */
    void writeAll(Path archive, Map<String, NDArray> arrays, boolean compressed);

    /** The implementation declared on the class path, found on first use. */
    static ArrayFiles installed() {
        return Installed.FILES;
    }

    /** Holds the implementation, loaded when first asked for. */
    final class Installed {
        private static final ArrayFiles FILES = Providers.load(ArrayFiles.class);

        private Installed() {}
    }
}
