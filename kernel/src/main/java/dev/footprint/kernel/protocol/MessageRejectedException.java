package dev.footprint.kernel.protocol;

/** A message that must not be acted on: malformed, badly signed, or a replay. */
public final class MessageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** {@code reason} says why, for the kernel's log; it never contains the key. */
    public MessageRejectedException(String reason) {
        super(reason);
    }
}
