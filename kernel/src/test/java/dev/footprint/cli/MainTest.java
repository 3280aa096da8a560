package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("--help"));
        for (Command command : Main.COMMANDS) {
            assertTrue(out().contains(command.name()), command.name());
        }
    }

    @Test
    void noArgumentsPrintsUsageAsAnError() {
        assertEquals(Main.USAGE_ERROR, run());
        assertTrue(err().contains("Usage:"));
    }

    @Test
    void eachCommandHasHelp() {
        for (Command command : Main.COMMANDS) {
            out.reset();
            assertEquals(0, run(command.name(), "--help"));
            assertTrue(out().startsWith("Usage:"), command.name() + ": " + out());
            out.reset();
            assertEquals(0, run("help", command.name()));
            assertTrue(out().contains(command.name()));
        }
    }

    @Test
    void anUnknownCommandIsNamed() {
        assertEquals(Main.USAGE_ERROR, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
    }

    @Test
    void kernelNeedsExactlyOneExistingConnectionFile(@TempDir Path dir) throws Exception {
        assertEquals(Main.USAGE_ERROR, run("kernel"));
        assertTrue(err().contains("missing CONNECTION_FILE"), err());
        err.reset();
        assertEquals(Main.USAGE_ERROR, run("kernel", "a.json", "b.json"));
        assertTrue(err().contains("expected one CONNECTION_FILE"), err());
        err.reset();
        assertEquals(1, run("kernel", dir.resolve("missing.json").toString()));
        assertTrue(err().contains("connection file not found"), err());
        err.reset();
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"shell_port\": 1}");
        assertEquals(Main.USAGE_ERROR, run("kernel", bad.toString()));
        assertTrue(err().contains("has no iopub_port"), err());
    }

    @Test
    void installRejectsBadArguments() {
        assertEquals(Main.USAGE_ERROR, run("install", "--bogus"));
        assertTrue(err().contains("unknown option '--bogus'"), err());
        err.reset();
        assertEquals(Main.USAGE_ERROR, run("install", "--user", "--sys-prefix"));
        assertTrue(err().contains("exclude each other"), err());
        err.reset();
        assertEquals(Main.USAGE_ERROR, run("install", "--prefix"));
        assertTrue(err().contains("--prefix needs a value"), err());
        err.reset();
        assertEquals(Main.USAGE_ERROR, run("install", "--name", "bad name"));
        assertTrue(err().contains("may only hold"), err());
    }
}
