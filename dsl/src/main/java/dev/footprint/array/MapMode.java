package dev.footprint.array;

/**
 * How {@code arr.load(path, mode)} maps a {@code .npy} file instead of reading it, as NumPy's
 * {@code np.load(path, mmap_mode=...)}. Nothing is read up front: operations read the pages they
 * reach, which the operating system keeps outside the Java heap.
 *
 * <pre>{@code
 * var big = arr.load("big.npy", MMAP_READ);   // np.load("big.npy", mmap_mode="r")
 * big.sum();
 * }</pre>
 */
public enum MapMode {
    /** NumPy's {@code 'r'}: read only; {@code set} is refused. */
    MMAP_READ("r"),
    /**
     * NumPy's {@code 'c'}: copy-on-write; writes change this process's memory, never the file.
     * The file must be writable all the same: the JDK maps copy-on-write only from a file opened
     * for writing.
     */
    MMAP_COPY("c"),
    /** NumPy's {@code 'r+'}: read and write; writes reach the file. */
    MMAP_READ_WRITE("r+");

    private final String numpy;

    MapMode(String numpy) {
        this.numpy = numpy;
    }

    /** NumPy's {@code mmap_mode} string for this mode. */
    public String numpyName() {
        return numpy;
    }
}
