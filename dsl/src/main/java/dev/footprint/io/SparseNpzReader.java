package dev.footprint.io;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CscArray;
import dev.footprint.sparse.CsrArray;
import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseNpzFile;
import dev.footprint.sparse.SparseNpzKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises and reads the sparse {@code .npz} layouts of pydata {@code sparse} (COO, GCXS) and
 * scipy (COO, CSR, CSC). A 2-d GCXS becomes CSR or CSC; a GCXS of more dimensions becomes COO.
 */
final class SparseNpzReader {
    private static final Pattern BYTE_STRING = Pattern.compile("\\|S(\\d{1,4})");

    private SparseNpzReader() {}

    static SparseNpzFile read(NpzArchive npz) {
        String file = npz.path().toString();
        try {
            if (npz.contains("format")) {
                return readScipy(npz, file);
            }
            if (npz.contains("coords")) {
                return new SparseNpzFile(readPydataCoo(npz), SparseNpzKind.PYDATA_COO);
            }
            if (npz.contains("compressed_axes")) {
                return new SparseNpzFile(readPydataGcxs(npz, file), SparseNpzKind.PYDATA_GCXS);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            if (e instanceof dev.footprint.array.ArrayAllocationException) {
                throw e;
            }
            throw new NpyFormatException(file, "its parts do not form a valid sparse array: " + e.getMessage(), e);
        }
        throw new NpyFormatException(file, "not a sparse .npz: it holds " + npz.names() + "; pydata sparse files "
                + "hold data, shape, fill_value and coords (COO) or indices, indptr, compressed_axes (GCXS); "
                + "scipy files hold format, shape, data and row/col or indices/indptr");
    }

    private static SparseNpzFile readScipy(NpzArchive npz, String file) {
        String format = byteString(npz, "format");
        long[] shape = shape(npz, file);
        if (shape.length != 2) {
            throw new NpyFormatException(file, "a scipy sparse matrix must be 2-d, but 'shape' has " + shape.length
                    + " entries");
        }
        NDArray data = required(npz, "data");
        return switch (format) {
            case "coo" -> new SparseNpzFile(new CooArray(rowsAndColumns(npz, file), data, shape),
                    SparseNpzKind.SCIPY_COO);
            case "csr" -> new SparseNpzFile(new CsrArray(data, required(npz, "indices"), required(npz, "indptr"), shape),
                    SparseNpzKind.SCIPY_CSR);
            case "csc" -> new SparseNpzFile(new CscArray(data, required(npz, "indices"), required(npz, "indptr"), shape),
                    SparseNpzKind.SCIPY_CSC);
            default -> throw new NpyFormatException(file, "scipy sparse format '" + format + "' is not supported; "
                    + "Footprint reads coo, csr and csc (convert with m.asformat('csr') before saving)");
        };
    }

    private static CooArray readPydataCoo(NpzArchive npz) {
        String file = npz.path().toString();
        return new CooArray(required(npz, "coords"), required(npz, "data"), required(npz, "fill_value"),
                shape(npz, file));
    }

    private static SparseArray<?> readPydataGcxs(NpzArchive npz, String file) {
        long[] shape = shape(npz, file);
        NDArray data = required(npz, "data");
        NDArray indices = required(npz, "indices");
        NDArray indptr = required(npz, "indptr");
        NDArray fill = required(npz, "fill_value");
        long[] axes = longs(required(npz, "compressed_axes"));
        if (shape.length == 2 && axes.length == 1 && (axes[0] == 0 || axes[0] == 1)) {
            return axes[0] == 0 ? new CsrArray(data, indices, indptr, fill, shape)
                    : new CscArray(data, indices, indptr, fill, shape);
        }
        return GcxsToCoo.convert(data, indices, indptr, fill, shape, axes, file);
    }

    /** scipy's row and col side by side as the (2, nnz) coordinates of a COO, in their common dtype. */
    private static NDArray rowsAndColumns(NpzArchive npz, String file) {
        NDArray row = required(npz, "row");
        NDArray col = required(npz, "col");
        if (row.ndim() != 1 || col.ndim() != 1 || row.size() != col.size()) {
            throw new NpyFormatException(file, "scipy COO needs 1-d row and col of the same length, got "
                    + java.util.Arrays.toString(row.shape()) + " and " + java.util.Arrays.toString(col.shape()));
        }
        DType t = row.dtype() == col.dtype() ? row.dtype() : DType.INT64;
        int n = partLength(row);
        NDArray coords = NDArray.allocate(t, 2, n);
        NDArray rows = row.as(t).copy();
        NDArray cols = col.as(t).copy();
        rows.storage().copyTo(null, 0, n, coords.storage(), 0);
        cols.storage().copyTo(null, 0, n, coords.storage(), n);
        return coords;
    }

    private static NDArray required(NpzArchive npz, String name) {
        if (!npz.contains(name)) {
            throw new NpyFormatException(npz.path().toString(), "the sparse .npz has no '" + name + "' array; it holds "
                    + npz.names());
        }
        return npz.read(name, ProgressListener.standardError());
    }

    private static long[] shape(NpzArchive npz, String file) {
        long[] shape = longs(required(npz, "shape"));
        for (long d : shape) {
            if (d < 0) {
                throw new NpyFormatException(file, "the sparse shape " + java.util.Arrays.toString(shape)
                        + " has a negative dimension");
            }
        }
        return shape;
    }

    /** The length of a sparse part, which Footprint keeps in one Java array; refused past that. */
    static int partLength(NDArray a) {
        if (a.size() > dev.footprint.storage.Storage.HEAP_ARRAY_MAX) {
            throw new dev.footprint.array.ArrayAllocationException("a sparse .npz part of " + a.size() + " elements is "
                    + "past the " + dev.footprint.storage.Storage.HEAP_ARRAY_MAX + " that one Java array holds, and "
                    + "sparse arrays keep each part in one; save the matrix in smaller parts");
        }
        return (int) a.size();
    }

    static long[] longs(NDArray a) {
        if (!a.dtype().isInteger() || a.ndim() > 1) {
            throw new IllegalArgumentException("expected a 1-d integer array, got " + a.dtype() + " of shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        long[] out = new long[partLength(a)];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getLongFlat(i);
        }
        return out;
    }

    /** A 0-d or one-element byte string entry (NumPy's {@code '|S3'}), as ASCII without trailing NULs. */
    private static String byteString(NpzArchive npz, String name) {
        String label = npz.label(name);
        byte[] bytes = npz.readBytes(name, 1 << 16);
        try {
            NpyHeader.Raw raw = NpyHeader.readRaw(Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length,
                    label);
            Matcher m = raw.descr() instanceof String s ? BYTE_STRING.matcher(s) : null;
            if (m == null || !m.matches() || !List.of(0, 1).contains(raw.shape().length)
                    || raw.shape().length == 1 && raw.shape()[0] != 1) {
                throw new NpyFormatException(label, "expected one byte string such as b'csr', found descr "
                        + raw.descr() + " and shape " + java.util.Arrays.toString(raw.shape()));
            }
            int width = Integer.parseInt(m.group(1));
            if (raw.dataOffset() + width > bytes.length) {
                throw new NpyFormatException(label, "the byte string is truncated");
            }
            String text = new String(bytes, (int) raw.dataOffset(), width, StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\0');
            return end < 0 ? text : text.substring(0, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
