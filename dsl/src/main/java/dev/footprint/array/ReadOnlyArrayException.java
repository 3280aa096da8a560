package dev.footprint.array;

/**
 * A write to an array whose storage refuses writes: a file mapped with {@code MMAP_READ}. The
 * message names the file and the modes that would allow the write.
 */
public class ReadOnlyArrayException extends IllegalStateException {
    public ReadOnlyArrayException(String message) {
        super(message);
    }
}
