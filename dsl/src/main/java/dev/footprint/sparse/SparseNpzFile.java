package dev.footprint.sparse;


/**
 * A sparse array loaded from a {@code .npz}, with the layout it was found in.
 *
 * <pre>{@code
 * SparseNpzFile f = sparse.open("m.npz");
 * f.kind();    // SCIPY_CSR
 * f.array();   // a CsrArray
 * }</pre>
 */
public record SparseNpzFile(SparseArray<?> array, SparseNpzKind kind) {
    @Override
    public String toString() {
        return kind + " file: " + array.format() + " " + array.dtype() + " " + java.util.Arrays.toString(array.shape())
                + ", nnz " + array.nnz();
    }
}
