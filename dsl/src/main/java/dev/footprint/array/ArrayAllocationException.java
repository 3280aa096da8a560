package dev.footprint.array;

/**
 * An array that was refused before any memory was taken: a negative or overflowing shape, more
 * elements than one array can hold, or more bytes than the heap has free.
 */
public class ArrayAllocationException extends IllegalArgumentException {
    public ArrayAllocationException(String message) {
        super(message);
    }
}
