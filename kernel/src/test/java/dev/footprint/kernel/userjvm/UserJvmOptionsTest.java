package dev.footprint.kernel.userjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.jshell.JShellEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserJvmOptionsTest {

    @Test
    void environmentOptionsAreSplitOnWhitespace() {
        assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC"), UserJvmOptions.splitOptions("  -Xmx2g \t -XX:+UseSerialGC "));
        assertEquals(List.of(), UserJvmOptions.splitOptions(null));
        assertEquals(List.of(), UserJvmOptions.splitOptions("  "));
    }

    @Test
    void theServersOptionsComeAfterTheKernelspecsSoItsHeapCapWins() {
        Map<String, String> environment = Map.of(UserJvmOptions.JVM_OPTIONS_ENV, "-Xmx1g -XX:+UseSerialGC",
                UserJvmOptions.SERVER_JVM_OPTIONS_ENV, "-Xmx512m");
        assertEquals(List.of("-Xmx1g", "-XX:+UseSerialGC", "-Xmx512m"), UserJvmOptions.environmentOptions(environment::get));
        assertEquals(List.of("-Xmx512m"), UserJvmOptions.environmentOptions(Map.of(UserJvmOptions.SERVER_JVM_OPTIONS_ENV, "-Xmx512m")::get));
        assertEquals(List.of(), UserJvmOptions.environmentOptions(name -> null));
    }

    @Test
    void defaultsUseThisJvm() {
        UserJvmOptions options = UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx64m").build();
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), options.javaExecutable());
        assertEquals(List.of("-Xmx64m"), options.jvmOptions());
        assertTrue(options.classPath().stream().anyMatch(entry -> entry.contains("classes")), options.classPath().toString());
    }

    @Test
    void javaHomeChoosesTheLauncher() {
        Path home = Path.of("some", "jdk");
        assertEquals(home.resolve("bin").resolve("java"), UserJvmOptions.builder().javaHome(home).build().javaExecutable());
    }

    @Test
    void theUserJvmStartsWithASmallHeapUnlessItsOptionsSizeItThemselves() {
        assertEquals(List.of("-Xms32m"), UserJvmOptions.startingHeapGiven(List.of()));
        assertEquals(List.of("-Xms32m"), UserJvmOptions.startingHeapGiven(List.of("-Xmx512m", "-XX:+UseSerialGC")));
        assertEquals(List.of("-Xms32m"), UserJvmOptions.startingHeapGiven(List.of("-Xmx1G")));
        assertEquals(List.of("-Xms32m"), UserJvmOptions.startingHeapGiven(List.of("-XX:MaxHeapSize=33554432")));
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-Xms1g", "-Xmx2g")), "the user's own start");
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-XX:InitialHeapSize=64m")));
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-Xmn64m")), "a young generation larger than 32m");
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-Xmx16m")), "a heap capped below the start");
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-XX:MaxHeapSize=8m")));
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-XX:MinHeapSize=64m")), "a minimum above the start");
        assertEquals(List.of("-Xms32m"), UserJvmOptions.startingHeapGiven(List.of("-Xmx16m", "-Xmx1g")), "the last cap counts");
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-Xmx1g", "-Xmx16m")));
        // JAVA_TOOL_OPTIONS come first: a cap there and none later keeps the JVM's start alone.
        assertEquals(List.of(), UserJvmOptions.startingHeapGiven(List.of("-Xmx16m", "-XX:+UseSerialGC")));
    }

    @Test
    void theStartedUserJvmHasTheSmallStartingHeapAndTheUsersOwnWins() {
        String initialHeap = "java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit()";
        try (JShellEvaluator evaluator = new JShellEvaluator(
                UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx256m").build())) {
            assertEquals(Long.toString(32L << 20), evaluator.execute(initialHeap, ExecutionListener.NONE).result().get("text/plain"));
        }
        try (JShellEvaluator evaluator = new JShellEvaluator(
                UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xms48m", "-Xmx256m").build())) {
            assertEquals(Long.toString(48L << 20), evaluator.execute(initialHeap, ExecutionListener.NONE).result().get("text/plain"));
        }
    }
}
