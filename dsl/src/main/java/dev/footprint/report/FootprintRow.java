package dev.footprint.report;

import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.SparseArray;

/** What a footprint table says about one array. */
record FootprintRow(String name, String kind, String dtype, String shape, long elements, long stored, long bytes,
        long mapped) {

    static FootprintRow of(String name, NDArray a) {
        return new FootprintRow(name, "dense", a.dtype().numpyName(), shapeText(a.shape()), a.size(), a.size(), a.nbytes(),
                a.isMapped() ? a.nbytes() : 0);
    }

    static FootprintRow of(String name, SparseArray<?> s) {
        return new FootprintRow(name, s.format().toUpperCase(), s.dtype().numpyName() + " / " + s.indexType().numpyName(),
                shapeText(s.shape()), s.size(), s.nnz(), s.nbytes(), 0);
    }

    /** Bytes on the Java heap: all of them, but for a mapped file's. */
    long heap() {
        return bytes - mapped;
    }

    /** A compressed array: its stored bytes, with codec, level, chunk shape and ratio beside the dtype. */
    static FootprintRow of(String name, CompressedNDArray c) {
        String detail = String.format(java.util.Locale.ROOT, "%s / %s %d / %.2fx", c.dtype().numpyName(), c.codec(),
                c.level(), c.ratio());
        return new FootprintRow(name, "compressed, chunks " + shapeText(c.chunkShape()), detail, shapeText(c.shape()),
                c.size(), c.size(), c.storedBytes(), 0);
    }

    /** Bits of storage per element of the (dense) array: 64 for float64 dense, 24 * 8 * density for the article's COO. */
    double bitsPerElement() {
        return elements == 0 ? 0 : bytes * 8.0 / elements;
    }

    /** Bytes relative to a float64 dense array of the same shape. */
    double ratioToFloat64() {
        return elements == 0 ? 0 : bytes / (elements * 8.0);
    }

    static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
