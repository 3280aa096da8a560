package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the notebook tests need from outside the JVM: Debian's Python with Jupyter's packages,
 * the project's notebooks, and the test class path to start kernels with. A missing Python
 * skips a test with the reason, unless {@code footprint.requireExternal} is true (CI).
 */
public final class ExternalTools {

    /** Debian's Python, which has the Jupyter packages; {@code -Dfootprint.python} overrides it. */
    public static final String PYTHON = System.getProperty("footprint.python", "/usr/bin/python3");

    private ExternalTools() {}

    /** Skips (or, in CI, fails) unless {@link #PYTHON} imports every one of {@code modules}. */
    public static void requirePython(String debianPackages, String... modules) {
        String missing = missingModules(modules);
        if (missing == null) {
            return;
        }
        skipOrFail("skipping: " + missing + " (install Debian's " + debianPackages + ")");
    }

    /** Skips (or, in CI, fails) unless {@code path}, from Debian's {@code debianPackage}, can be run. */
    static void requireExecutable(String debianPackage, String path) {
        if (!Files.isExecutable(Path.of(path))) {
            skipOrFail("skipping: no " + path + " (install Debian's " + debianPackage + ")");
        }
    }

    private static void skipOrFail(String message) {
        if (Boolean.getBoolean("footprint.requireExternal")) {
            fail(message.replace("skipping", "cannot run") + "; footprint.requireExternal=true forbids skipping");
        }
        Assumptions.abort(message);
    }

    private static String missingModules(String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return "no Python at " + PYTHON;
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).start();
            String text = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return PYTHON + " cannot import " + String.join(", ", modules) + ": " + text.strip();
            }
            return null;
        } catch (Exception e) {
            return "cannot start " + PYTHON + ": " + e.getMessage();
        }
    }

    /** The project's notebooks folder (tests run in the kernel module's folder). */
    public static Path notebooksFolder() {
        for (Path candidate : List.of(Path.of("..", "notebooks"), Path.of("notebooks"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no notebooks/ folder beside the kernel module");
    }

    /** Every notebook of the project, sorted, executed copies excluded. */
    static List<Path> notebooks() throws Exception {
        try (var files = Files.walk(notebooksFolder())) {
            return files.filter(f -> f.toString().endsWith(".ipynb") && !f.toString().endsWith(".nbconvert.ipynb")
                    && !f.toString().contains(".ipynb_checkpoints")).sorted().toList();
        }
    }

    /** The class path of this test run, which holds the kernel, the DSL and their libraries. */
    public static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** A Python script of {@code src/test/python}. */
    static Path pythonScript(String name) {
        Path script = Path.of("src", "test", "python", name);
        if (!Files.isRegularFile(script)) {
            script = Path.of("kernel", "src", "test", "python", name);
        }
        return script.toAbsolutePath();
    }

    /** Runs {@link #PYTHON} {@code args}, echoing its output, and returns exit code and output. */
    public static Result runPython(Map<String, String> environment, long timeoutMinutes, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile("footprint-python-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("python " + String.join(" ", args) + " did not finish within " + timeoutMinutes + " minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        System.out.println(output);
        return new Result(process.exitValue(), output);
    }

    public record Result(int exitCode, String output) {}

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
