package dev.footprint.io;

import dev.footprint.array.NDArray;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@code .npz} archives as {@code numpy.savez} (entries stored) and
 * {@code numpy.savez_compressed} (entries deflated) do. Stored entries need their CRC and size
 * before their data, so each is serialised twice: once into a checksum, once into the archive;
 * neither pass copies the array.
 */
final class NpzWriter {
    private NpzWriter() {}

    /** An entry's content, written to a channel; called once or twice. */
    interface EntryContent {
        void writeTo(WritableByteChannel out) throws IOException;
    }

    static void write(Path file, Map<String, NDArray> arrays, boolean compressed) {
        dev.footprint.array.Arguments.notNull(file, "path");
        dev.footprint.array.Arguments.notNull(arrays, "arrays");
        Map<String, EntryContent> contents = new java.util.LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            if (array == null) {
                throw new IllegalArgumentException("the array named '" + name + "' is null");
            }
            contents.put(name, out -> NpyWriter.write(out, array, NpyWriteOptions.DEFAULT));
        });
        writeEntries(file, contents, compressed);
    }

    /** Writes the entries in order; every name is checked before the file is touched, and a failure leaves the old file. */
    static void writeEntries(Path file, Map<String, EntryContent> contents, boolean compressed) {
        for (String name : contents.keySet()) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("array names in an .npz must not be empty or null, got "
                        + (name == null ? "null" : "\"\"") + " among " + contents.keySet().size() + " names");
            }
        }
        AtomicFile.write(file, out -> writeZip(out, contents, compressed));
    }

    private static void writeZip(WritableByteChannel out, Map<String, EntryContent> contents, boolean compressed)
            throws IOException {
        // The channel is the atomic file's: closing the zip must not close it before it reaches the disk.
        try (OutputStream raw = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(out)), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            WritableByteChannel channel = Channels.newChannel(new NonClosing(zip));
            for (Map.Entry<String, EntryContent> e : contents.entrySet()) {
                String name = e.getKey();
                ZipEntry entry = new ZipEntry(name + ".npy");
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    Checksum sum = new Checksum();
                    e.getValue().writeTo(sum);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(sum.bytes);
                    entry.setCompressedSize(sum.bytes);
                    entry.setCrc(sum.crc.getValue());
                }
                zip.putNextEntry(entry);
                e.getValue().writeTo(channel);
                zip.closeEntry();
            }
        }
    }

    /** Counts and checksums what is written, keeping nothing. */
    private static final class Checksum implements WritableByteChannel {
        final CRC32 crc = new CRC32();
        long bytes;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            crc.update(src);
            bytes += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** Keeps the zip open when an entry's channel is dropped. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {}
    }
}
