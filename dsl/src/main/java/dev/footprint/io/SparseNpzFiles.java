package dev.footprint.io;

import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseFiles;
import dev.footprint.sparse.SparseNpzFile;
import java.nio.file.Path;

/** The sparse {@code .npz} layouts behind {@code sparse.load} and {@code s.save}, declared in {@code META-INF/services}. */
public final class SparseNpzFiles implements SparseFiles {
    @Override
    public SparseNpzFile open(Path file) {
        return SparseNpz.open(file);
    }

    @Override
    public void write(Path file, SparseArray<?> array) {
        SparseNpz.write(file, array);
    }

    @Override
    public void writeScipy(Path file, SparseArray<?> array) {
        SparseNpz.writeScipy(file, array);
    }
}
