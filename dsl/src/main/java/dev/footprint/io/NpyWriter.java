package dev.footprint.io;

import dev.footprint.array.NDArray;
import dev.footprint.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Writes one array as a {@code .npy} stream, the data in chunks from the array's storage. */
final class NpyWriter {
    private NpyWriter() {}

    static void write(WritableByteChannel out, NDArray array, NpyWriteOptions options) throws IOException {
        boolean fortran = options.fortranOrder() && array.ndim() > 1;
        byte[] header = NpyHeader.encode(array.dtype(), options.byteOrder(), fortran, array.shape(),
                options.version());
        IoSupport.writeFully(out, ByteBuffer.wrap(header));
        // Fortran order is C order of the transpose; for a transposed view that is its own storage.
        NDArray ordered = fortran ? array.transpose() : array;
        NDArray c = ordered.isContiguous() ? ordered : ordered.copy();
        Storage src = c.storage();
        long from = c.storageOffset();
        long size = array.size();
        if (size == 0) {
            return;
        }
        int itemsize = array.itemsize();
        int perChunk = NpyReader.CHUNK_BYTES / itemsize;
        ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.min((long) perChunk * itemsize, (long) size * itemsize))
                .order(options.byteOrder());
        for (long done = 0; done < size; ) {
            int n = (int) Math.min(perChunk, size - done);
            src.encode(from + done, n, chunk);
            IoSupport.writeFully(out, chunk);
            done += n;
        }
    }
}
