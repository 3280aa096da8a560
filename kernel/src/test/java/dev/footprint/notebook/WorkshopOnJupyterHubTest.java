package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workshop as a teacher runs one: the kernel installed system-wide with {@code footprint
 * install --sys-prefix}, then Debian's JupyterHub with {@code notebooks/workshop/jupyterhub_config.py}
 * and ten participants at once ({@code src/test/python/workshop_hub.py} says what is checked).
 */
class WorkshopOnJupyterHubTest {

    private static final int PARTICIPANTS = 10;
    private static final int LIMIT_MIB = 3 * 1024;

    @TempDir
    Path dir;

    @Test
    void tenParticipantsRunTheSolutionsAtOnceOnJupyterHub() throws Exception {
        ExternalTools.requirePython("jupyterhub jupyter-notebook python3-psutil", "jupyterhub", "notebook", "psutil", "tornado");
        ExternalTools.requireExecutable("node-configurable-http-proxy", "/usr/bin/configurable-http-proxy");
        // The Python the single-user servers run from; its sys.prefix is where --sys-prefix installs.
        Path venv = dir.resolve("venv");
        ExternalTools.Result made = ExternalTools.runPython(Map.of(), 2, "-m", "venv", "--without-pip", "--system-site-packages", venv.toString());
        assertEquals(0, made.exitCode(), made.output());
        Path python = venv.resolve("bin/python3");

        String installed = footprint("install", "--sys-prefix", "--python", python.toString());
        Path spec = venv.resolve("share/jupyter/kernels/footprint/kernel.json");
        assertTrue(installed.contains(spec.getParent().toString()) && Files.isRegularFile(spec), installed);

        Path logs = Path.of("target", "workshop-hub").toAbsolutePath();
        ExternalTools.Result result = ExternalTools.runPython(Map.of(), 15,
                ExternalTools.pythonScript("workshop_hub.py").toString(), ExternalTools.notebooksFolder().resolve("workshop").toString(),
                venv.toString(), String.valueOf(PARTICIPANTS), String.valueOf(LIMIT_MIB), logs.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("workshop of " + PARTICIPANTS + " on JupyterHub: all checks passed"), result.output());
    }

    @Test
    void prefixUsrLocalIsWhereDebiansJupyterLooksForEveryUsersKernels() throws Exception {
        ExternalTools.requirePython("jupyter-core", "jupyter_core");
        ExternalTools.Result result = ExternalTools.runPython(Map.of("JUPYTER_PATH", ""), 1, "-c",
                "from jupyter_core.paths import SYSTEM_JUPYTER_PATH; print(SYSTEM_JUPYTER_PATH)");
        assertTrue(result.output().contains("'/usr/local/share/jupyter'"), result.output());
    }

    /** Runs the launcher's command line, as {@code ./footprint ARGS} would, and returns its output. */
    private static String footprint(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", ExternalTools.classPath(), "dev.footprint.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "footprint " + String.join(" ", args) + " did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
