package dev.footprint.sparse;

/** Which library's {@code save_npz} layout a sparse {@code .npz} follows. */
public enum SparseNpzKind {
    /** pydata {@code sparse.save_npz} of a COO: keys {@code data, shape, fill_value, coords}. */
    PYDATA_COO("pydata sparse COO"),
    /** pydata {@code sparse.save_npz} of a GCXS: keys {@code data, shape, fill_value, indices, indptr, compressed_axes}. */
    PYDATA_GCXS("pydata sparse GCXS"),
    /** scipy {@code save_npz} of a COO matrix: keys {@code format=b'coo', shape, data, row, col}. */
    SCIPY_COO("scipy.sparse COO"),
    /** scipy {@code save_npz} of a CSR matrix: keys {@code format=b'csr', shape, data, indices, indptr}. */
    SCIPY_CSR("scipy.sparse CSR"),
    /** scipy {@code save_npz} of a CSC matrix: keys {@code format=b'csc', shape, data, indices, indptr}. */
    SCIPY_CSC("scipy.sparse CSC");

    private final String description;

    SparseNpzKind(String description) {
        this.description = description;
    }

    /** Whether files of this kind come from scipy (no fill value, 2-d only). */
    public boolean isScipy() {
        return this == SCIPY_COO || this == SCIPY_CSR || this == SCIPY_CSC;
    }

    @Override
    public String toString() {
        return description;
    }
}
