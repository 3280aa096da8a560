package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.protocol.LoopbackPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {

    @Test
    void watchesOnlyARunningProcessNamedByJupyter() {
        long me = ProcessHandle.current().pid();
        long myParent = ProcessHandle.current().parent().orElseThrow().pid();
        assertEquals(myParent, ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, " " + myParent + " ")).orElseThrow().pid());
        assertTrue(ParentWatch.parent(Map.of()).isEmpty(), "started by hand: nothing to watch");
        assertTrue(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, "")).isEmpty());
        assertTrue(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, "1")).isEmpty(), "init outlives everything");
        assertTrue(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, "not a pid")).isEmpty());
        assertTrue(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, Long.toString(me))).isEmpty());
        assertTrue(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, "-5")).isEmpty());
    }

    @Test
    void aProcessThatHasEndedIsNotWatched() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertTrue(ParentWatch.parent(Map.of(ParentWatch.PARENT_PID, Long.toString(gone.pid()))).isEmpty());
    }

    /** What a crashed Jupyter server must not leave behind: a kernel and a user JVM nobody talks to. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theKernelAndItsUserJvmEndWhenTheirLauncherHasEnded(@TempDir Path dir) throws Exception {
        Process launcher = new ProcessBuilder("sleep", "600").start(); // stands for the Jupyter server
        Path connection = dir.resolve("kernel.json");
        Files.writeString(connection, connectionJson(), StandardCharsets.UTF_8);
        Path log = dir.resolve("kernel.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "kernel", connection.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(ParentWatch.PARENT_PID, Long.toString(launcher.pid()));
        builder.environment().put("FOOTPRINT_USER_JVM_OPTS", "-Xmx128m");
        Process kernel = builder.start();
        try {
            List<ProcessHandle> userJvms = awaitChildren(kernel, Duration.ofSeconds(60), log);
            assertTrue(kernel.isAlive(), "the kernel runs while its launcher does");

            launcher.destroy();
            launcher.waitFor();

            assertTrue(kernel.waitFor(30, TimeUnit.SECONDS),
                    "the kernel did not end after its launcher ended; its log:\n" + Files.readString(log));
            for (ProcessHandle userJvm : userJvms) {
                assertTrue(awaitEnd(userJvm, Duration.ofSeconds(15)), "the user JVM " + userJvm.pid() + " ended too");
            }
            assertTrue(Files.readString(log).contains("has ended; shutting down"), Files.readString(log));
        } finally {
            kernel.descendants().forEach(ProcessHandle::destroyForcibly);
            kernel.destroyForcibly();
            launcher.destroyForcibly();
        }
    }

    private static List<ProcessHandle> awaitChildren(Process kernel, Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = kernel.children().toList();
            if (!children.isEmpty() && Files.readString(log).contains("listening")) {
                return children;
            }
            assertTrue(kernel.isAlive(), "the kernel ended early; its log:\n" + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("no user JVM within " + timeout + "; the kernel's log:\n" + Files.readString(log));
    }

    private static boolean awaitEnd(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !process.isAlive();
    }

    private static String connectionJson() throws IOException {
        int[] ports = LoopbackPorts.distinct(5);
        return """
                {"transport": "tcp", "ip": "127.0.0.1", "shell_port": %d, "iopub_port": %d, "stdin_port": %d,
                 "control_port": %d, "hb_port": %d, "key": "%s", "signature_scheme": "hmac-sha256"}
                """.formatted(ports[0], ports[1], ports[2], ports[3], ports[4], UUID.randomUUID());
    }
}
