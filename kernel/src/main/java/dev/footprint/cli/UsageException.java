package dev.footprint.cli;

/** The command line was wrong: an unknown option, a missing value, an extra argument. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** {@code message} says what was wrong and, where it can, what would be right. */
    public UsageException(String message) {
        super(message);
    }
}
