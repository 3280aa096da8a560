package dev.footprint.io;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CompressedArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.SparseArray;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes sparse arrays in the layouts of pydata {@code sparse.save_npz} and scipy's {@code save_npz}. */
final class SparseNpzWriter {
    private SparseNpzWriter() {}

    /** pydata's layout: COO as COO, CSR and CSC as a 2-d GCXS compressed along rows or columns. */
    static void writePydata(Path file, SparseArray<?> s, boolean compressed) {
        Map<String, NpzWriter.EntryContent> entries = new LinkedHashMap<>();
        entries.put("data", array(data(s)));
        entries.put("shape", array(NDArray.wrap(DType.INT64, s.shape(), s.ndim())));
        entries.put("fill_value", array(s.fillValueArray()));
        if (s instanceof CooArray coo) {
            entries.put("coords", array(coo.coords()));
        } else {
            CompressedArray c = (CompressedArray) s;
            entries.put("indices", array(c.indices()));
            entries.put("indptr", array(c.indptr()));
            long axis = "csr".equals(s.format()) ? 0 : 1;
            entries.put("compressed_axes", array(NDArray.wrap(DType.INT64, new long[] {axis}, 1)));
        }
        NpzWriter.writeEntries(file, entries, compressed);
    }

    /** scipy's layout (2-d, fill value 0 only): the same keys and order as {@code scipy.sparse.save_npz}. */
    static void writeScipy(Path file, SparseArray<?> s, boolean compressed) {
        if (s.ndim() != 2) {
            throw new IllegalArgumentException("scipy sparse matrices are 2-d; this array has shape "
                    + java.util.Arrays.toString(s.shape()) + " (save it in pydata's layout instead)");
        }
        NDArray fill = s.fillValueArray();
        if (fill.getDoubleFlat(0) != 0 || Double.doubleToRawLongBits(fill.getDoubleFlat(0)) != 0) {
            throw new IllegalArgumentException("scipy sparse matrices have no fill value, but this array's is "
                    + s.fillValue() + " (save it in pydata's layout instead)");
        }
        Map<String, NpzWriter.EntryContent> entries = new LinkedHashMap<>();
        if (s instanceof CooArray coo) {
            NDArray coords = coo.coords().reshape(2, coo.nnz());
            entries.put("row", array(coords.slice("0, :")));
            entries.put("col", array(coords.slice("1, :")));
        } else {
            CompressedArray c = (CompressedArray) s;
            entries.put("indices", array(c.indices()));
            entries.put("indptr", array(c.indptr()));
        }
        entries.put("format", byteString(s.format()));
        entries.put("shape", array(NDArray.wrap(DType.INT64, s.shape(), 2)));
        entries.put("data", array(data(s)));
        NpzWriter.writeEntries(file, entries, compressed);
    }

    private static NDArray data(SparseArray<?> s) {
        return s instanceof CooArray coo ? coo.data() : ((CompressedArray) s).data();
    }

    private static NpzWriter.EntryContent array(NDArray a) {
        return out -> NpyWriter.write(out, a, NpyWriteOptions.DEFAULT);
    }

    /** A 0-d NumPy byte string, as {@code np.array(b'csr')}. */
    private static NpzWriter.EntryContent byteString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return out -> {
            IoSupport.writeFully(out, ByteBuffer.wrap(NpyHeader.encode("|S" + bytes.length, false, new long[0], 0)));
            IoSupport.writeFully(out, ByteBuffer.wrap(bytes));
        };
    }
}
