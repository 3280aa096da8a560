package dev.footprint.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the whole JVM, every thread counted: the workers an operation splits its work
 * over, the collector that frees its results, the compiler. {@code compare.py} measures NumPy's
 * process the same way ({@code time.process_time}), so a CPU ratio says what the work cost the
 * machine, where the wall-time ratio can hide work done on a second core.
 *
 * <p>On Linux it is the sum of every thread's time on a CPU in {@code /proc/self/task/}, in
 * nanoseconds, though some systems advance it in steps of a few ms (so callers time many calls
 * at once); {@code OperatingSystemMXBean.getProcessCpuTime} counts in clock ticks of 10 ms there.
 * Elsewhere it is that method.
 */
final class ProcessCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    /** The process's CPU time so far, in nanoseconds. */
    static long nanos() {
        if (!Files.isDirectory(TASKS)) {
            return OS.getProcessCpuTime();
        }
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                total += onCpu(task.resolve("schedstat"));
            }
        } catch (IOException e) {
            return OS.getProcessCpuTime();
        }
        return total;
    }

    /** The first field of a thread's {@code schedstat}: its time on a CPU, in ns (0 if it has just ended). */
    private static long onCpu(Path schedstat) {
        try {
            String line = Files.readString(schedstat);
            int end = line.indexOf(' ');
            return Long.parseLong(end < 0 ? line.trim() : line.substring(0, end));
        } catch (IOException | NumberFormatException ended) {
            return 0;
        }
    }
}
