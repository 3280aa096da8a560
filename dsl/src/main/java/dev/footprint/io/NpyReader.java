package dev.footprint.io;

import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;
import dev.footprint.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads one {@code .npy} stream into a new C-order array, chunk by chunk straight into the
 * array's storage: the only full-size allocation is the array itself.
 */
final class NpyReader {
    /** Big enough to amortise the calls, small enough to stay out of the way of the heap. */
    static final int CHUNK_BYTES = 1 << 20;
    private static final int SCATTER_CHUNK = 1 << 16;

    private NpyReader() {}

    /**
     * Reads header and data from {@code in}. {@code length} is the size of the whole stream in
     * bytes, or -1 when unknown (then a short stream is found when it ends).
     */
    static NDArray read(ReadableByteChannel in, long length, String file, ProgressListener progress)
            throws IOException {
        NpyHeader header = NpyHeader.read(in, length, file);
        DType t = header.dtype();
        NDArray array = NDArray.allocate(t, header.shape());
        Storage dst = array.storage();
        long size = header.size();
        if (size == 0) {
            return array;
        }
        int itemsize = t.itemsize();
        boolean scatter = header.fortranOrder() && header.shape().length > 1;
        if (scatter && size > Shapes.MAX_SIZE) {
            throw new NpyFormatException(file, "the data is in Fortran order and has " + size + " elements; Fortran "
                    + "order loads up to " + Shapes.MAX_SIZE + " elements (save it in C order, NumPy's default)");
        }
        // Scattering needs an int of target index per element of the chunk: keep that small too.
        int perChunk = scatter ? Math.min(CHUNK_BYTES / itemsize, SCATTER_CHUNK) : CHUNK_BYTES / itemsize;
        ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.min((long) perChunk * itemsize, size * itemsize))
                .order(header.byteOrder());
        FortranCursor cursor = scatter ? new FortranCursor(intShape(header.shape())) : null;
        int[] targets = scatter ? new int[perChunk] : null;
        long total = size * itemsize;
        try {
            for (long done = 0; done < size; ) {
                int n = (int) Math.min(perChunk, size - done);
                chunk.clear().limit(n * itemsize);
                int got = IoSupport.readFully(in, chunk);
                if (got < n * itemsize) {
                    throw new NpyFormatException(file, "the data ends after " + (done * itemsize + got) + " of "
                            + total + " bytes that the header's shape " + Shapes.text(header.shape())
                            + " needs; the file is truncated");
                }
                chunk.flip();
                if (scatter) {
                    cursor.next(targets, n);
                    dst.decodeScatter(chunk, targets, n);
                } else {
                    dst.decode(chunk, done, n);
                }
                done += n;
                progress.progress(file, done * itemsize, total);
            }
        } finally {
            progress.finished(file);
        }
        return array;
    }

    private static int[] intShape(long[] shape) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = (int) shape[i];
        }
        return out;
    }
}
