package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.maven.MavenConfig;
import dev.footprint.kernel.maven.TestRepository;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footprint jshell} driven non-interactively: a script on standard input prints the article's numbers. */
class JshellSessionTest {

    @Test
    void aScriptOnStandardInputPrintsTheArticlesNumbers() throws Exception {
        String output = jshell(MavenConfig.standard(), List.of("--jvm-opts", "-Xmx256m"), """
                var int64arr = arr.ones(1024, 1024).as(UINT64);
                int64arr.nbytes()
                arr.ones(1024, 1024).as(UINT16).nbytes()
                arr.of(1, 2, 300).as(UINT16)
                /exit
                """);
        assertTrue(output.contains("==> 8388608"), output);
        assertTrue(output.contains("==> 2097152"), output);
        assertTrue(output.contains("array([  1,   2, 300], dtype=uint16)"), "values print as text:\n" + output);
        assertTrue(!output.contains("Error"), output);
    }

    @Test
    void librariesNamedWithMavenAreOnTheClassPath(@TempDir Path root) throws Exception {
        TestRepository repo = TestRepository.create(root);
        String output = jshell(repo.config(), List.of("--jvm-opts", "-Xmx256m", "--maven", "org.example:greeting:1.0"), """
                org.example.greeting.Greeting.hello()
                /exit
                """);
        assertTrue(output.contains("==> \"hello from words 1.0\""), output);
    }

    private static String jshell(MavenConfig maven, List<String> args, String script) throws Exception {
        Path jshell = JshellCommand.jshellExecutable();
        Assumptions.assumeTrue(Files.isExecutable(jshell), "no jshell in this JDK (" + jshell + "); a JRE cannot run this test");
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        Path startup = JshellCommand.extractStartupScript();
        try {
            List<String> command = new JshellCommand(classPath, maven).command(jshell, startup, args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "jshell ended");
            assertEquals(0, process.exitValue(), output);
            return output;
        } finally {
            Files.deleteIfExists(startup);
        }
    }
}
