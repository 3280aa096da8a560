package dev.footprint.kernel.magic;

import dev.footprint.kernel.agent.MemoryProbe;
import java.util.Locale;

/**
 * {@code %time stmt} and {@code %%time}: CPU and wall time of the code in the user JVM, compile
 * time excluded.
 *
 * <pre>
 * %time arr.random(1024, 1024).sum()
 * CPU time: 5.12 ms
 * Wall time: 5.31 ms
 * </pre>
 */
public final class TimeMagic extends ProbedMagic {

    public TimeMagic() {
        super("time", "CPU and wall time of the code in the user JVM", false);
    }

    @Override
    String report(long[] before, long[] after) {
        return "CPU time: " + duration(after[MemoryProbe.CPU_NANOS] - before[MemoryProbe.CPU_NANOS])
                + "\nWall time: " + duration(after[MemoryProbe.EXECUTION_NANOS] - before[MemoryProbe.EXECUTION_NANOS]);
    }

    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
