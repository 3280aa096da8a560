package dev.footprint.io;

import java.nio.ByteOrder;

/**
 * How {@link Npy#write(java.nio.file.Path, dev.footprint.array.NDArray, NpyWriteOptions)} lays
 * out a file. The default is what {@code numpy.save} writes on a little-endian machine: little
 * endian, C order, the lowest format version that fits (1.0).
 *
 * <pre>{@code
 * Npy.write(path, a, NpyWriteOptions.DEFAULT.bigEndian());         // descr '>u2'
 * Npy.write(path, a, NpyWriteOptions.DEFAULT.fortranOrder(true));  // column-major data
 * }</pre>
 *
 * @param byteOrder    byte order of the data (and the descr's {@code <} or {@code >})
 * @param fortranOrder write the data column-major with {@code 'fortran_order': True}
 * @param version      format major version 1, 2 or 3, or 0 for the lowest that fits
 */
public record NpyWriteOptions(ByteOrder byteOrder, boolean fortranOrder, int version) {
    public static final NpyWriteOptions DEFAULT = new NpyWriteOptions(ByteOrder.LITTLE_ENDIAN, false, 0);

    public NpyWriteOptions {
        if (byteOrder == null) {
            throw new IllegalArgumentException("byteOrder must not be null");
        }
        if (version != 0 && version != 1 && version != 2 && version != 3) {
            throw new IllegalArgumentException(".npy format version must be 1, 2 or 3 (or 0 for automatic), not "
                    + version);
        }
    }

    public NpyWriteOptions bigEndian() {
        return new NpyWriteOptions(ByteOrder.BIG_ENDIAN, fortranOrder, version);
    }

    public NpyWriteOptions byteOrder(ByteOrder order) {
        return new NpyWriteOptions(order, fortranOrder, version);
    }

    public NpyWriteOptions fortranOrder(boolean fortran) {
        return new NpyWriteOptions(byteOrder, fortran, version);
    }

    public NpyWriteOptions version(int major) {
        return new NpyWriteOptions(byteOrder, fortranOrder, major);
    }
}
