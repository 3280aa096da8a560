package dev.footprint.io;

import dev.footprint.array.NDArray;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An open {@code .npz}: a zip of {@code name.npy} entries, stored or deflated, ZIP64 or not
 * ({@link ZipFile} reads them all). Entries are read one at a time, on demand.
 */
final class NpzArchive implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;
    /** Array name (entry name without {@code .npy}) to entry, in archive order. */
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    private NpzArchive(Path path, ZipFile zip) {
        this.path = path;
        this.zip = zip;
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (!e.isDirectory() && e.getName().endsWith(".npy")) {
                entries.putIfAbsent(e.getName().substring(0, e.getName().length() - 4), e);
            }
        }
    }

    static NpzArchive open(Path path) {
        dev.footprint.array.Arguments.notNull(path, "path");
        FileErrors.checkReadable(path);
        if (!Files.exists(path)) {
            throw FileErrors.of("read", path, new java.nio.file.NoSuchFileException(path.toString()));
        }
        try {
            return new NpzArchive(path, new ZipFile(path.toFile()));
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(path.toString(), "not a readable .npz (zip) archive: " + describe(e), e);
        } catch (IOException e) {
            throw FileErrors.of("read", path, e);
        } catch (RuntimeException e) {
            // ZipFile reports some damaged central directories with unchecked exceptions.
            throw new NpyFormatException(path.toString(), "damaged .npz (zip) archive: " + e, e);
        }
    }

    /** Array names in archive order. */
    List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Loads the array stored as {@code name.npy}. */
    NDArray read(String name, ProgressListener progress) {
        ZipEntry entry = entry(name);
        String label = label(entry);
        try (InputStream in = zip.getInputStream(entry)) {
            return NpyReader.read(Channels.newChannel(in), entry.getSize(), label, progress);
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(label, "damaged zip entry: " + describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + label + ": " + e.getMessage(), e);
        } catch (dev.footprint.array.ArrayAllocationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // The zip layer reports some damaged local headers with unchecked exceptions.
            throw new NpyFormatException(label, "damaged zip entry: " + e, e);
        }
    }

    /** The raw bytes of a small entry (at most {@code limit} bytes), for headers that are not arrays of numbers. */
    byte[] readBytes(String name, int limit) {
        ZipEntry entry = entry(name);
        String label = label(entry);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new NpyFormatException(label, "entry is larger than the " + limit + " bytes expected");
            }
            return bytes;
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(label, "damaged zip entry: " + describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + label + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    String label(String name) {
        return label(entry(name));
    }

    Path path() {
        return path;
    }

    private ZipEntry entry(String name) {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(path + " has no array named '" + name + "'; it holds "
                    + entries.keySet());
        }
        return entry;
    }

    private String label(ZipEntry entry) {
        return path + "!" + entry.getName();
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
