package dev.footprint.kernel.magic;

import dev.footprint.kernel.agent.MemoryProbe;
import java.util.Locale;

/**
 * {@code %memit stmt} and {@code %%memit}: the peak and the increment of array memory while the
 * code runs (the DSL's memory ledger), and the bytes the JVM allocated on the cell's thread.
 *
 * <pre>
 * %memit var a = arr.ones(1024, 1024)
 * peak memory: 8.00 MiB, increment: 8.00 MiB (arrays); allocated: 8.00 MiB (JVM, this cell's thread)
 * %memit var big = arr.load("big.npy", MMAP_READ)
 * peak memory: 8.00 MiB, increment: 0.00 MiB (arrays); allocated: 0.01 MiB (JVM, this cell's thread); mapped files: 3072.00 MiB (+3072.00 MiB), not heap
 * </pre>
 *
 * <p>Arrays over mapped files ({@code arr.load(path, MMAP_READ)}) are counted apart: their pages
 * belong to the operating system, so they are in no heap figure.
 */
public final class MemitMagic extends ProbedMagic {

    public MemitMagic() {
        super("memit", "peak and increment of array memory, and JVM allocation, while the code runs", true);
    }

    @Override
    String report(long[] before, long[] after) {
        String allocated = before[MemoryProbe.ALLOCATED_BYTES] < 0
                ? "allocated: unknown (JVM)"
                : "allocated: " + mib(after[MemoryProbe.ALLOCATED_BYTES] - before[MemoryProbe.ALLOCATED_BYTES])
                        + " (JVM, this cell's thread)";
        if (after[MemoryProbe.LEDGER_AVAILABLE] == 0) {
            return "array memory: unknown (no memory ledger in this DSL); " + allocated;
        }
        long peak = after[MemoryProbe.LEDGER_PEAK];
        // Against the window's start: an older array freed between the reset and the first reading
        // would otherwise count as part of what the code took.
        long start = after[MemoryProbe.LEDGER_WINDOW_START] >= 0
                ? after[MemoryProbe.LEDGER_WINDOW_START] : before[MemoryProbe.LEDGER_LIVE];
        long increment = Math.max(0, peak - start);
        return "peak memory: " + mib(peak) + ", increment: " + mib(increment) + " (arrays); " + allocated
                + mapped(before[MemoryProbe.LEDGER_MAPPED], after[MemoryProbe.LEDGER_MAPPED]);
    }

    /** Mapped files are pages of the operating system, not heap: said apart, and only when there are any. */
    private static String mapped(long before, long after) {
        if (before <= 0 && after <= 0) {
            return "";
        }
        long change = after - Math.max(0, before);
        return "; mapped files: " + mib(after) + " (" + (change < 0 ? "-" : "+") + mib(Math.abs(change)) + "), not heap";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
