package dev.footprint.array;

/** Operands whose shapes cannot be broadcast together, or a reshape to a different size. */
public class ShapeMismatchException extends IllegalArgumentException {
    public ShapeMismatchException(String message) {
        super(message);
    }
}
