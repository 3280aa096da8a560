package dev.footprint.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Ends the kernel when the program that started it has ended, as ipykernel does. Jupyter puts
 * its own process id in {@value #PARENT_PID} when it starts a kernel; without this watch, a
 * Jupyter server that crashed or was killed would leave the kernel and its user JVM running,
 * holding their memory, until someone found them.
 *
 * <pre>{@code
 * ParentWatch.parent(System.getenv()).ifPresent(parent ->
 *         parent.onExit().thenRun(() -> kernel.requestShutdown("Jupyter has ended")));
 * }</pre>
 */
final class ParentWatch {

    /** The environment variable holding the launching process's id. */
    static final String PARENT_PID = "JPY_PARENT_PID";

    private ParentWatch() {}

    /**
     * The process to watch: the one named by {@value #PARENT_PID}, if it is set, is not 1 (init
     * outlives everything) and is running now. Empty otherwise, e.g. for a kernel started by
     * hand.
     */
    static Optional<ProcessHandle> parent(Map<String, String> environment) {
        String value = environment.get(PARENT_PID);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(value.trim());
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
        if (pid <= 1 || pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
