package dev.footprint.storage;

import java.nio.DoubleBuffer;

/**
 * Receives a stretch of float64 elements run by run, each run lying in one heap array (a heap
 * storage, or one segment of a big one) or in one mapped piece of a file, so that a loop reads
 * the elements where they are instead of a copy ({@link Storage#visitDoubles}). Runs arrive in
 * order; {@code done} counts the elements of the stretch before the run.
 */
public interface DoubleRuns {
    /** Elements {@code a[off..off + n)}. */
    void array(double[] a, int off, int n, long done);

    /** Elements {@code b.get(index) .. b.get(index + n - 1)}; the buffer reads in the file's byte order. */
    void buffer(DoubleBuffer b, int index, int n, long done);
}
