package dev.footprint.storage;

import org.junit.jupiter.api.function.Executable;

/**
 * Big storage with segments of a few elements, for tests in any package: arrays of a dozen
 * elements then cross segment ends as a big array's do every 2^27 elements.
 */
public final class SmallSegments {
    private SmallSegments() {}

    /** Runs {@code body} with every array made on this thread in big storage of {@code 2^shift}-element segments. */
    public static void run(int shift, Executable body) throws Throwable {
        Integer before = Storage.SEGMENTS_FOR_TESTS.get();
        Storage.SEGMENTS_FOR_TESTS.set(shift);
        try {
            body.execute();
        } finally {
            if (before == null) {
                Storage.SEGMENTS_FOR_TESTS.remove();
            } else {
                Storage.SEGMENTS_FOR_TESTS.set(before);
            }
        }
    }

    /** A copy of {@code src}'s elements in big storage of {@code 2^shift}-element segments. */
    public static BigStorage copy(Storage src, int shift) {
        BigStorage big = BigStorage.allocate(src.encoding(), src.length(), shift);
        src.copyTo(null, 0, Math.toIntExact(src.length()), big, 0);
        return big;
    }
}
