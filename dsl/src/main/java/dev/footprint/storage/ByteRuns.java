package dev.footprint.storage;

/**
 * Receives a stretch of one-byte elements (bool, int8, uint8) run by run, each run in one heap
 * array (a heap storage, one segment of a big one, or a block copied out of a mapped file), so
 * loops read them in place ({@link Storage#visitBytes}). Runs arrive in order; {@code done}
 * counts the elements of the stretch before the run. Bool elements are exactly 0 or 1.
 */
public interface ByteRuns {
    /** Elements {@code a[off..off + n)}. */
    void array(byte[] a, int off, int n, long done);
}
