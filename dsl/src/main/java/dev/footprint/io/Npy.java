package dev.footprint.io;

import dev.footprint.array.MapMode;
import dev.footprint.array.NDArray;
import dev.footprint.array.Shapes;
import dev.footprint.storage.MappedStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes NumPy's {@code .npy} files (format versions 1.0, 2.0 and 3.0), byte for byte
 * as {@code numpy.save} and {@code numpy.load} do, for the twelve Footprint dtypes in either
 * byte order and either memory order.
 *
 * <pre>{@code
 * Npy.write(Path.of("image.npy"), arr.ones(1024, 1024).as(UINT16));   // 2,097,280 bytes, as numpy.save
 * NDArray image = Npy.read(Path.of("image.npy"));
 * }</pre>
 *
 * <p>Loading streams the data into the new array's storage in 1 MiB chunks, so a file takes
 * its own size in memory and no more. A file whose header lies, which is truncated, or whose
 * dtype Footprint does not have is refused with an {@link NpyFormatException} before anything
 * large is allocated; a failing disk gives an {@link UncheckedIOException}.
 */
public final class Npy {
    private Npy() {}

    /**
     * Loads a {@code .npy} file into a new C-order array (Fortran-ordered files are reordered
     * while loading). Loads of more than 64 MiB that take more than a second show a one-line
     * progress on standard error.
     *
     * <pre>{@code
     * NDArray a = Npy.read(Path.of("a.npy"));
     * }</pre>
     *
     * @throws NpyFormatException     the file is not a readable {@code .npy} (the message says why)
     * @throws dev.footprint.array.ArrayAllocationException the array would not fit the heap
     * @throws UncheckedIOException   the file cannot be opened or read
     */
    public static NDArray read(Path file) {
        return read(file, ProgressListener.standardError());
    }

    /** As {@link #read(Path)}, reporting progress to {@code progress} ({@link ProgressListener#NONE} for none). */
    public static NDArray read(Path file, ProgressListener progress) {
        dev.footprint.array.Arguments.notNull(file, "path");
        dev.footprint.array.Arguments.notNull(progress, "progress");
        FileErrors.checkReadable(file);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return NpyReader.read(in, in.size(), file.toString(), progress);
        } catch (IOException e) {
            throw FileErrors.of("read", file, e);
        }
    }

    /**
     * Maps a {@code .npy} file instead of reading it, as NumPy's {@code np.load(path,
     * mmap_mode=...)}: the array's elements stay in the file, so it may be larger than the heap,
     * and operations read what they reach. A Fortran-ordered file maps as the transpose of its C
     * order, as NumPy's does.
     *
     * <pre>{@code
     * NDArray big = Npy.map(Path.of("big.npy"), MapMode.MMAP_READ);
     * }</pre>
     *
     * @throws NpyFormatException the header is malformed, or the file holds fewer bytes than its shape needs
     * @throws UncheckedIOException the file cannot be opened (for writing too, in {@link MapMode#MMAP_READ_WRITE})
     */
    public static NDArray map(Path file, MapMode mode) {
        MappedStorage.Mode how = switch (mode) {
            case MMAP_READ -> MappedStorage.Mode.READ;
            case MMAP_COPY -> MappedStorage.Mode.COPY_ON_WRITE;
            case MMAP_READ_WRITE -> MappedStorage.Mode.READ_WRITE;
        };
        // The JDK maps copy-on-write only from a channel open for writing too; nothing is written.
        var options = mode == MapMode.MMAP_READ
                ? new StandardOpenOption[] {StandardOpenOption.READ}
                : new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE};
        try (FileChannel in = FileChannel.open(file, options)) {
            NpyHeader header = NpyHeader.read(in, in.size(), file.toString());
            long[] shape = header.shape();
            boolean fortran = header.fortranOrder() && shape.length > 1;
            long[] stored = fortran ? reversed(shape) : shape;
            Shapes.checked(stored);
            MappedStorage storage = MappedStorage.map(in, in.position(), header.dtype().encoding(), header.size(),
                    header.byteOrder(), how, file.toString());
            NDArray a = NDArray.over(header.dtype(), storage, stored);
            return fortran ? a.transpose() : a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + " (" + mode + ", NumPy's mmap_mode='" + mode.numpyName()
                    + "'): " + e.getMessage(), e);
        }
    }

    /**
     * Creates a {@code .npy} file of zeros of {@code dtype} and {@code shape} and maps it
     * read-write, as NumPy's {@code np.lib.format.open_memmap(path, mode='w+', dtype=..., shape=...)}:
     * the file is written once, sparse where the file system allows, and filled through the
     * returned array ({@code set}), a slice at a time when it is larger than the heap. Its header
     * is the one {@code numpy.save} writes for that dtype and shape. An existing file is replaced
     * only once the new one is complete.
     *
     * <pre>{@code
     * NDArray big = Npy.create(Path.of("big.npy"), DType.FLOAT64, 40000, 4096);   // 1.2 GiB, none of it heap
     * big.slice("0:100").set(big.slice("0:100").eq(0.0), 1.5);
     * }</pre>
     *
     * @throws dev.footprint.array.ArrayAllocationException the shape is negative or too large for a mapped array
     * @throws UncheckedIOException the file cannot be written
     */
    public static NDArray create(Path file, dev.footprint.array.DType dtype, long... shape) {
        dev.footprint.array.Arguments.notNull(file, "path");
        dev.footprint.array.Arguments.notNull(dtype, "dtype");
        long dataBytes = Math.multiplyExact(Shapes.size(Shapes.checked(shape)), (long) dtype.itemsize());
        byte[] header = NpyHeader.encode(dtype, java.nio.ByteOrder.LITTLE_ENDIAN, false, shape, 0);
        AtomicFile.write(file, out -> {
            IoSupport.writeFully(out, java.nio.ByteBuffer.wrap(header));
            if (dataBytes == 0) {
                return;
            }
            if (out instanceof FileChannel channel) {
                // One byte at the end: the file system gives the rest as zeros, without writing them.
                channel.write(java.nio.ByteBuffer.allocate(1), header.length + dataBytes - 1);
                return;
            }
            java.nio.ByteBuffer zeros = java.nio.ByteBuffer.allocate((int) Math.min(dataBytes, 1 << 20));
            for (long left = dataBytes; left > 0; left -= zeros.limit()) {
                zeros.clear().limit((int) Math.min(left, zeros.capacity()));
                IoSupport.writeFully(out, zeros);
            }
        });
        return map(file, MapMode.MMAP_READ_WRITE);
    }

    private static long[] reversed(long[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[shape.length - 1 - i];
        }
        return out;
    }

    /**
     * Reads only the header: dtype, shape, byte and memory order, and so how many bytes the
     * array will take, without loading the data.
     *
     * <pre>{@code
     * Npy.readHeader(Path.of("a.npy")).dataBytes();   // 2097152
     * }</pre>
     *
     * @throws NpyFormatException the header is malformed or declares more data than the file has
     */
    public static NpyHeader readHeader(Path file) {
        dev.footprint.array.Arguments.notNull(file, "path");
        FileErrors.checkReadable(file);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return NpyHeader.read(in, in.size(), file.toString());
        } catch (IOException e) {
            throw FileErrors.of("read", file, e);
        }
    }

    /**
     * Saves {@code array} as {@code numpy.save} would: little endian, C order, format 1.0, the
     * data at a multiple of 64 bytes. Views are written by their elements, not their storage.
     * The parent folder must exist; an existing file is replaced only once the new one is complete
     * ({@link AtomicFile}): a failed save leaves it byte for byte.
     *
     * <pre>{@code
     * Npy.write(Path.of("a.npy"), arr.of(1, 2, 3));
     * }</pre>
     *
     * @throws UncheckedIOException the file cannot be written
     */
    public static void write(Path file, NDArray array) {
        write(file, array, NpyWriteOptions.DEFAULT);
    }

    /**
     * Saves {@code array} with a chosen byte order, memory order or format version.
     *
     * <pre>{@code
     * Npy.write(Path.of("a.npy"), a, NpyWriteOptions.DEFAULT.bigEndian().fortranOrder(true));
     * }</pre>
     */
    public static void write(Path file, NDArray array, NpyWriteOptions options) {
        dev.footprint.array.Arguments.notNull(file, "path");
        dev.footprint.array.Arguments.notNull(array, "array");
        dev.footprint.array.Arguments.notNull(options, "options");
        AtomicFile.write(file, out -> NpyWriter.write(out, array, options));
    }

    /** Whether {@code file} starts with the {@code .npy} magic (false when it cannot be read). */
    public static boolean isNpy(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(NpyHeader.MAGIC.length);
            return java.util.Arrays.equals(start, NpyHeader.MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
