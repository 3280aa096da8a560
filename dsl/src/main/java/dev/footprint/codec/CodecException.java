package dev.footprint.codec;

/**
 * A compressed block that cannot be decoded into what was expected: damaged, truncated, of
 * another codec, or of another decoded length. Callers that know where the block came from (a
 * store and chunk key, an array and chunk index) wrap it with that.
 */
public class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
