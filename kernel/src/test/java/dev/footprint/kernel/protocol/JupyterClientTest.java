package dev.footprint.kernel.protocol;

import static org.junit.jupiter.api.Assertions.fail;

import dev.footprint.cli.KernelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python tests of {@code src/test/python} against the real kernel, started by
 * {@code jupyter_client} from a kernelspec installed in a temporary folder: the
 * {@code jupyter_kernel_test} conformance suite, signature checks with raw ZeroMQ, and
 * resilience (exit, endless loop, full heap) on Java 17 and, when one is named, Java 25.
 *
 * <p>Without {@code /usr/bin/python3} and its Jupyter packages these tests are skipped, unless
 * the system property {@code footprint.requireExternal} is true (CI), which makes them fail.
 * Name a Java 25 home with the environment variable {@code FOOTPRINT_TEST_JDK25} or the system
 * property {@code footprint.jdk25}.
 */
class JupyterClientTest {

    /** Debian's Python, which has the Jupyter packages; {@code -Dfootprint.python} overrides it. */
    private static final String PYTHON = System.getProperty("footprint.python", "/usr/bin/python3");
    private static final long TIMEOUT_MINUTES = 5;

    @TempDir
    static Path jupyterHome;

    /** What the probe of Python found missing; "" once it found everything. */
    private static String missingPython;

    // Per test rather than per class, so that each skipped test is reported with the reason.
    @BeforeEach
    void requirePythonWithJupyter() throws Exception {
        if (missingPython == null) {
            String missing = missingPythonPackages();
            missingPython = missing == null ? "" : missing;
        }
        String missing = missingPython.isEmpty() ? null : missingPython;
        if (missing != null) {
            String message = "skipping the Python-driven kernel tests: " + missing
                    + " (install Debian's python3-jupyter-client python3-jupyter-kernel-test python3-zmq)";
            if (Boolean.getBoolean("footprint.requireExternal")) {
                fail(message.replace("skipping", "cannot run") + "; footprint.requireExternal=true forbids skipping");
            }
            Assumptions.abort(message);
        }
    }

    @Test
    void passesTheJupyterKernelTestSuite() throws Exception {
        runPython(installKernel("footprint-test", "-Xmx512m"), "", "test_conformance");
    }

    @Test
    void freshKernelShowsNoTraceOfItsWarmUp() throws Exception {
        runPython(installKernel("footprint-test-fresh", "-Xmx256m"), "", "test_fresh_session");
    }

    @Test
    void refusesForgedMissingAndReplayedSignatures() throws Exception {
        runPython(installKernel("footprint-test-signatures", "-Xmx512m"), "", "test_signatures");
    }

    @Test
    void survivesExitLoopAndFullHeapOnJava17() throws Exception {
        runPython(installKernel("footprint-test-resilience", "-Xmx256m"), String.valueOf(Runtime.version().feature()),
                "test_resilience");
    }

    @Test
    void survivesExitLoopAndFullHeapOnJava25() throws Exception {
        String home = System.getProperty("footprint.jdk25", System.getenv("FOOTPRINT_TEST_JDK25"));
        Assumptions.assumeTrue(home != null && !home.isBlank(),
                "skipping the Java 25 run: set FOOTPRINT_TEST_JDK25 (or -Dfootprint.jdk25) to a JDK 25 home");
        Path java = javaOf(home);
        Assumptions.assumeTrue(Files.isExecutable(java), "skipping the Java 25 run: no executable " + java);
        runPython(installKernel("footprint-test-jdk25", java, "-Xmx256m"), "25", "test_resilience");
    }

    /** Installs a kernelspec that runs this build's classes with the tests' own java; returns its name. */
    private static String installKernel(String name, String userJvmOptions) throws IOException {
        return installKernel(name, javaOf(System.getProperty("java.home")), userJvmOptions);
    }

    /** Installs a kernelspec that runs this build's classes with {@code java}; returns its name. */
    private static String installKernel(String name, Path java, String userJvmOptions) throws IOException {
        KernelSpec.builder()
                .name(name)
                .javaExecutable(java.toString())
                .userJvmOptions(userJvmOptions)
                .launch(List.of("-cp", classPath(), "dev.footprint.cli.Main"))
                .build()
                .writeTo(jupyterHome.resolve("kernels"));
        return name;
    }

    private static void runPython(String kernelName, String expectedJava, String module) throws Exception {
        Path runtime = Files.createDirectories(jupyterHome.resolve("runtime"));
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "-m", "unittest", "-v", module)
                .directory(pythonTests().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterHome.toString());
        env.put("JUPYTER_RUNTIME_DIR", runtime.toString());
        env.put("FOOTPRINT_KERNEL_NAME", kernelName);
        env.put("FOOTPRINT_EXPECT_JAVA", expectedJava);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.remove("FOOTPRINT_USER_JVM_OPTS"); // the kernelspec sets it
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(module + " did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        if (process.exitValue() != 0) {
            fail(module + " failed (exit " + process.exitValue() + "):\n" + text);
        }
    }

    /** Null if /usr/bin/python3 can import jupyter_client, jupyter_kernel_test and zmq, else what is missing. */
    private static String missingPythonPackages() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " not found";
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import jupyter_client, jupyter_kernel_test, zmq")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!probe.waitFor(1, TimeUnit.MINUTES) || probe.exitValue() != 0) {
                String[] lines = output.split("\n");
                return PYTHON + " lacks a package: " + lines[lines.length - 1];
            }
            return null;
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }

    private static Path pythonTests() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path tests = moduleDir.resolve("src/test/python");
        if (!Files.isDirectory(tests)) {
            tests = moduleDir.resolve("kernel/src/test/python");
        }
        return tests.toAbsolutePath();
    }

    /** The class path of this test run, which holds the kernel, the DSL and their libraries. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Path javaOf(String javaHome) {
        return Path.of(javaHome, "bin", "java");
    }
}
