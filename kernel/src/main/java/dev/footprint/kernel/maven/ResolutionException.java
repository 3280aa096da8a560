package dev.footprint.kernel.maven;

/** Resolution failed; the message says what was asked, what went wrong and where it looked. */
public final class ResolutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResolutionException(String message) {
        super(message);
    }
}
