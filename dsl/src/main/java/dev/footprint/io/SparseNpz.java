package dev.footprint.io;

import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseNpzFile;
import java.nio.file.Path;

/**
 * Reads and writes sparse arrays in {@code .npz} files, in the layouts of pydata
 * {@code sparse.save_npz} (COO, GCXS) and scipy's {@code save_npz} (coo, csr, csc). Reading
 * recognises either layout by its keys.
 *
 * <pre>{@code
 * SparseNpz.write(Path.of("s.npz"), s);             // pydata layout, deflated: sparse.load_npz reads it
 * SparseNpz.writeScipy(Path.of("m.npz"), s.tocsr()); // scipy.sparse.load_npz reads it
 * SparseArray back = SparseNpz.read(Path.of("m.npz"));
 * SparseNpz.open(Path.of("m.npz")).kind();         // SCIPY_CSR
 * }</pre>
 *
 * <p>Failure modes: a file that is not a sparse {@code .npz}, or whose parts contradict each
 * other (an index outside the shape, an indptr that decreases, a repeated coordinate), gives an
 * {@link NpyFormatException} naming the file; a failing disk an {@link java.io.UncheckedIOException}.
 */
public final class SparseNpz {
    private SparseNpz() {}

    /** Loads the sparse array: COO for pydata COO and scipy coo, CSR/CSC for 2-d GCXS and scipy csr/csc, COO for n-d GCXS. */
    public static SparseArray<?> read(Path file) {
        return open(file).array();
    }

    /** Loads the sparse array and tells which layout the file had. */
    public static SparseNpzFile open(Path file) {
        try (NpzArchive npz = NpzArchive.open(file)) {
            return SparseNpzReader.read(npz);
        }
    }

    /**
     * Saves in pydata's layout, deflated, as {@code sparse.save_npz(file, s)}: COO as COO, CSR
     * and CSC as a 2-d GCXS (which pydata loads as GCXS and Footprint as CSR/CSC again).
     */
    public static void write(Path file, SparseArray<?> s) {
        SparseNpzWriter.writePydata(file, s, true);
    }

    /** As {@link #write(Path, SparseArray)}, stored without compression when {@code compressed} is false. */
    public static void write(Path file, SparseArray<?> s, boolean compressed) {
        SparseNpzWriter.writePydata(file, s, compressed);
    }

    /**
     * Saves in scipy's layout, deflated, as {@code scipy.sparse.save_npz(file, m)}.
     *
     * @throws IllegalArgumentException the array is not 2-d or its fill value is not 0 (scipy has no fill value)
     */
    public static void writeScipy(Path file, SparseArray<?> s) {
        SparseNpzWriter.writeScipy(file, s, true);
    }

    /** As {@link #writeScipy(Path, SparseArray)}, stored without compression when {@code compressed} is false. */
    public static void writeScipy(Path file, SparseArray<?> s, boolean compressed) {
        SparseNpzWriter.writeScipy(file, s, compressed);
    }
}
