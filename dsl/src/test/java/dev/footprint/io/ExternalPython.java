package dev.footprint.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Python helper scripts of these tests with the system Python that has NumPy, SciPy
 * pydata sparse, numcodecs, c-blosc, Zarr and Dask (Debian's {@code python3-numpy python3-scipy
 * python3-sparse python3-numcodecs python3-blosc python3-zarr python3-dask python3-distributed}). When it is
 * missing the tests are skipped, unless {@code -Dfootprint.requireExternal=true} (set in CI),
 * which makes them fail instead.
 */
public final class ExternalPython {
    /** Debian's interpreter; another {@code python3} on the PATH may lack the packages. */
    private static final String PYTHON = System.getProperty("footprint.python", "/usr/bin/python3");
    private static final Path SCRIPTS = Path.of("src", "test", "python");
    private static final Map<String, Optional<String>> PROBES = new HashMap<>();

    private ExternalPython() {}

    /** Skips (or, where required, fails) the calling test unless Python with {@code modules} runs. */
    public static void require(String... modules) {
        String problem = problem(modules);
        if (problem != null) {
            if (Boolean.getBoolean("footprint.requireExternal")) {
                fail("footprint.requireExternal is true but " + problem);
            }
            Assumptions.abort("skipped: " + problem + " (install the Debian packages .ci/run lists, such as "
                    + "python3-numpy python3-scipy python3-sparse python3-numcodecs python3-blosc python3-zarr python3-dask)");
        }
    }

    /** Why Python with {@code modules} cannot run, or null when it can. */
    public static synchronized String problem(String... modules) {
        return PROBES.computeIfAbsent(String.join(",", modules), k -> Optional.ofNullable(probe(modules))).orElse(null);
    }

    private static String probe(String... modules) {
        try {
            Result r = exec(List.of(PYTHON, "-c", "import " + String.join(", ", modules)));
            return r.exit == 0 ? null : PYTHON + " cannot import " + String.join(", ", modules) + ": " + r.err.strip();
        } catch (IOException e) {
            return PYTHON + " cannot be run: " + e.getMessage();
        }
    }

    /** Runs {@code script} from the test scripts folder; fails the test with its output if it exits non-zero. */
    public static String run(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        Result r = exec(command);
        if (r.exit != 0) {
            fail(script + " exited with " + r.exit + ":\n" + r.out + r.err);
        }
        return r.out;
    }

    private record Result(int exit, String out, String err) {}

    private static Result exec(List<String> command) throws IOException {
        Path out = Files.createTempFile("python-out", ".txt");
        Path err = Files.createTempFile("python-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in 300 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
