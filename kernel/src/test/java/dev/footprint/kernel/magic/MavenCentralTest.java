package dev.footprint.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.footprint.kernel.jshell.JShellEvaluator;
import dev.footprint.kernel.maven.MavenConfig;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} of a small real library from Maven's default repository (the one in Maven's
 * super POM), into a temporary local repository, without the machine's settings. In CI
 * ({@code footprint.requireExternal}) the repository must be reachable; elsewhere the test is
 * skipped, saying so, when it is not.
 */
class MavenCentralTest {

    @Test
    void aLibraryFromTheDefaultRepositoryIsUsableInTheNextCell(@TempDir Path root) {
        Properties properties = new Properties();
        properties.setProperty("maven.repo.local", root.resolve("local").toString());
        MavenConfig config = new MavenConfig(root.resolve("home"), properties, Duration.ofSeconds(20), Duration.ofSeconds(60));
        UserJvmOptions options = UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build();
        try (JShellEvaluator evaluator = new JShellEvaluator(options, config)) {
            MavenMagicTest.Run added = MavenMagicTest.run(evaluator, "%maven org.jooq:joou:0.9.4");
            if (added.outcome().isError() && added.error().contains("cannot reach repository central")) {
                String message = "skipping: Maven's default repository cannot be reached from here: " + added.error();
                if (Boolean.getBoolean("footprint.requireExternal")) {
                    fail(message.replace("skipping", "cannot run") + "; footprint.requireExternal=true forbids skipping");
                }
                Assumptions.abort(message);
            }
            assertTrue(!added.outcome().isError(), added.error());
            assertTrue(added.table().contains("org.jooq:joou:0.9.4") && added.table().contains("central ("), added.table());
            assertEquals("65535", MavenMagicTest.run(evaluator, "org.joou.Unsigned.ushort(65535).intValue()").value());
        }
    }
}
