package dev.footprint.sparse;

import dev.footprint.array.Providers;
import java.nio.file.Path;

/**
 * pydata's and scipy's sparse {@code .npz} files as the sparse facade reaches them:
 * {@code sparse.load}, {@code sparse.open}, {@code s.save} and {@code s.saveScipy}. The layouts live
 * in {@code dev.footprint.io}, which depends on this package; this one finds their implementation
 * through {@code META-INF/services}, so that it never imports the package above it.
 */
public interface SparseFiles {

    /** A sparse {@code .npz} of either library, with the layout it was found in. */
    SparseNpzFile open(Path file);

    /** {@code array} in pydata's {@code save_npz} layout, deflated. */
    void write(Path file, SparseArray<?> array);

    /** {@code array} in scipy's {@code save_npz} layout (2-d, fill value 0), deflated. */
    void writeScipy(Path file, SparseArray<?> array);

    /** The implementation declared on the class path, found on first use. */
    static SparseFiles installed() {
        return Installed.FILES;
    }

    /** Holds the implementation, loaded when first asked for. */
    final class Installed {
        private static final SparseFiles FILES = Providers.load(SparseFiles.class);

        private Installed() {}
    }
}
