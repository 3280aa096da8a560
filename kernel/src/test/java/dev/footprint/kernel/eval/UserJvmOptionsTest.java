package dev.footprint.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserJvmOptionsTest {

    @Test
    void environmentOptionsAreSplitOnWhitespace() {
        assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC"), UserJvmOptions.splitOptions("  -Xmx2g \t -XX:+UseSerialGC "));
        assertEquals(List.of(), UserJvmOptions.splitOptions(null));
        assertEquals(List.of(), UserJvmOptions.splitOptions("  "));
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
}
