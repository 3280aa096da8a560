package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The user JVM on JDK 25, where {@code Thread.stop} is gone: the debugger-based stop must
 * still interrupt a busy loop. The JDK comes from the system property
 * {@code footprint.test.jdk25} or the environment variable {@code FOOTPRINT_TEST_JDK25}.
 * (The kernel itself runs on whatever JDK runs the tests; to run it on JDK 25 too, start the
 * tests with that JDK.)
 */
class Jdk25UserJvmTest {

    private static Path jdk25() {
        String home = System.getProperty("footprint.test.jdk25", System.getenv("FOOTPRINT_TEST_JDK25"));
        assumeTrue(home != null && !home.isBlank(),
                "no JDK 25 given: set -Dfootprint.test.jdk25=JDK_HOME or FOOTPRINT_TEST_JDK25 to run this test");
        Path path = Path.of(home);
        assumeTrue(Files.isExecutable(path.resolve("bin/java")), "no bin/java in " + home);
        return path;
    }

    @Test
    void cellsRunAndStopOnJdk25() throws Exception {
        Path home = jdk25();
        try (JShellEvaluator evaluator = new JShellEvaluator(
                UserJvmOptions.builder().javaHome(home).clearJvmOptions().jvmOptions("-Xmx128m").build())) {
            ExecutionOutcome version = ResilienceTest.run(evaluator, "Runtime.version().feature()");
            assertEquals("25", version.result().get("text/plain"), "the user JVM runs on JDK 25");
            ResilienceTest.run(evaluator, "int kept = 25;");
            ResilienceTest.Stopped stopped = ResilienceTest.interruptOnceRunning(evaluator, "{ System.out.println(\"running\"); while (true) { } }");
            assertEquals("Interrupted", stopped.outcome().error().ename(), "stopped in " + stopped.took());
            assertTrue(stopped.outcome().error().evalue().contains("kept"));
            assertEquals("25", ResilienceTest.run(evaluator, "kept").result().get("text/plain"));
            ExecutionOutcome exit = ResilienceTest.run(evaluator, "System.exit(3)");
            assertTrue(exit.error().evalue().contains("status 3"), exit.error().evalue());
            assertEquals("2", ResilienceTest.run(evaluator, "1 + 1").result().get("text/plain"));
        }
    }
}
