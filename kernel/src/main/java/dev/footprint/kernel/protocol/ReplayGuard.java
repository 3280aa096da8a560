package dev.footprint.kernel.protocol;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * Remembers the signatures of recently accepted messages so that a captured message sent again
 * is refused. The history is bounded: past {@code capacity} the oldest signature is forgotten,
 * as ipykernel does with its digest history.
 *
 * <pre>{@code
 * ReplayGuard guard = new ReplayGuard(4);
 * guard.firstSighting("ab12...");   // true
 * guard.firstSighting("ab12...");   // false: a replay
 * }</pre>
 */
public final class ReplayGuard {

    /** As ipykernel: hours of busy notebook use; about 12 MB of heap once full. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private final int capacity;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();

    /** A guard that remembers the last {@code capacity} signatures. */
    public ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records {@code signature}; false if it was already seen (the message is a replay). */
    public synchronized boolean firstSighting(String signature) {
        if (!seen.add(signature)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** How many signatures are remembered now. */
    public synchronized int size() {
        return seen.size();
    }
}
