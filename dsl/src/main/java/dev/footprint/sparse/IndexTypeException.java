package dev.footprint.sparse;

/**
 * An index dtype too narrow for a sparse array: it names the dimension (or the index pointer)
 * that does not fit and a dtype that would.
 *
 * <pre>{@code
 * sparse.coo(arr.zeros(1024, 1024)).withIndexType(UINT8);
 * // IndexTypeException: uint8 cannot address dimension 0 of size 1024 (largest index 1023, ...); uint16 can
 * }</pre>
 */
public class IndexTypeException extends IllegalArgumentException {
    public IndexTypeException(String message) {
        super(message);
    }
}
