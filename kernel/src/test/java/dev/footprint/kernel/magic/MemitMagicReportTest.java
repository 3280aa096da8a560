package dev.footprint.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.agent.MemoryProbe;
import org.junit.jupiter.api.Test;

/** What {@code %memit} says from two readings of the probe, whatever the collector did between them. */
class MemitMagicReportTest {
    private static final long MIB = 1 << 20;

    private static long[] reading(long live, long peak, long windowStart) {
        long[] sample = new long[9];
        sample[MemoryProbe.LEDGER_AVAILABLE] = 1;
        sample[MemoryProbe.ALLOCATED_BYTES] = -1;
        sample[MemoryProbe.LEDGER_LIVE] = live;
        sample[MemoryProbe.LEDGER_PEAK] = peak;
        sample[MemoryProbe.LEDGER_WINDOW_START] = windowStart;
        return sample;
    }

    @Test
    void anOlderArrayFreedBetweenTheResetAndTheFirstReadingIsNotCountedAsTheCodes() {
        // The window began with 32 MiB live; 16 MiB of garbage went before the first reading;
        // the code itself allocated nothing on the heap.
        String text = new MemitMagic().report(reading(16 * MIB, 32 * MIB, 32 * MIB), reading(16 * MIB, 32 * MIB, 32 * MIB));
        assertTrue(text.contains("increment: 0.00 MiB (arrays)"), text);
    }

    @Test
    void whatTheCodeAllocatedIsTheIncrement() {
        String text = new MemitMagic().report(reading(4 * MIB, 4 * MIB, 4 * MIB), reading(6 * MIB, 6 * MIB, 4 * MIB));
        assertTrue(text.contains("peak memory: 6.00 MiB, increment: 2.00 MiB (arrays)"), text);
    }

    @Test
    void aLedgerWithoutAWindowStartFallsBackToTheLiveBytesBefore() {
        String text = new MemitMagic().report(reading(4 * MIB, 4 * MIB, -1), reading(6 * MIB, 7 * MIB, -1));
        assertTrue(text.contains("increment: 3.00 MiB (arrays)"), text);
    }
}
