package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.cli.KernelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks through real Jupyter (nbclient and jupyter_client, with the kernelspec installed
 * in a temporary JUPYTER_PATH), the runner's output checked by Python's nbformat, and a
 * workshop's load: ten notebooks executed at once on this machine.
 */
class NotebooksInJupyterTest {

    private static final String KERNEL = "footprint-notebooks-test";
    /** The user JVM options a workshop server installs the kernel with (see notebooks/workshop/README.md). */
    private static final String WORKSHOP_JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC";
    private static final int WORKSHOP_SIZE = 10;
    private static final int WORKSHOP_LIMIT_MIB = 3 * 1024;
    private static final String LARGER_THAN_MEMORY = "08-larger-than-memory.ipynb";

    @TempDir
    static Path jupyter;

    @BeforeAll
    static void installKernel() throws Exception {
        KernelSpec.builder().name(KERNEL).userJvmOptions(WORKSHOP_JVM_OPTIONS)
                .launch(List.of("-cp", ExternalTools.classPath(), "dev.footprint.cli.Main"))
                .build().writeTo(jupyter.resolve("kernels"));
    }

    private static Map<String, String> jupyterEnvironment() throws Exception {
        Path runtime = Files.createDirectories(jupyter.resolve("runtime"));
        return Map.of("JUPYTER_PATH", jupyter.toString(), "JUPYTER_RUNTIME_DIR", runtime.toString());
    }

    private static List<String> notebookPaths() throws Exception {
        List<String> paths = new ArrayList<>();
        ExternalTools.notebooks().forEach(path -> paths.add(path.toString()));
        return paths;
    }

    @Test
    void everyNotebookRunsThroughNbclient() throws Exception {
        ExternalTools.requirePython("python3-nbclient python3-nbformat jupyter-client", "nbclient", "nbformat", "jupyter_client");
        Path out = Files.createDirectories(jupyter.resolve("executed"));
        List<String> args = new ArrayList<>(List.of(ExternalTools.pythonScript("notebooks_nbclient.py").toString(), KERNEL, out.toString()));
        args.addAll(notebookPaths());
        ExternalTools.Result result = ExternalTools.runPython(jupyterEnvironment(), 20, args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("ok ") && !result.output().contains("FAILED"), result.output());
    }

    @Test
    void theRunnersOutputValidatesWithNbformat() throws Exception {
        ExternalTools.requirePython("python3-nbformat", "nbformat");
        Path fresh = jupyter.resolve("runner/01-smaller-dtypes.ipynb");
        NotebookFile.write(NotebooksExecuteTest.execute(ExternalTools.notebooksFolder().resolve("01-smaller-dtypes.ipynb")), fresh);
        List<String> args = new ArrayList<>(List.of(ExternalTools.pythonScript("notebooks_validate.py").toString(), fresh.toString()));
        args.addAll(notebookPaths());   // the committed notebooks, whose outputs the runner wrote too
        ExternalTools.Result result = ExternalTools.runPython(Map.of(), 5, args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void aWorkshopOfTenNotebooksAtOnceSucceedsWithinThreeGibibytes() throws Exception {
        ExternalTools.requirePython("python3-nbclient python3-psutil jupyter-client", "nbclient", "psutil", "jupyter_client");
        List<String> args = new ArrayList<>(List.of(ExternalTools.pythonScript("notebooks_load.py").toString(), KERNEL,
                String.valueOf(WORKSHOP_SIZE), String.valueOf(WORKSHOP_LIMIT_MIB)));
        // Not the chapter on files larger than the heap: its point is a file of pages the operating
        // system holds for the kernel, which the sum of resident memory would count as the kernel's.
        notebookPaths().stream().filter(path -> !path.endsWith(LARGER_THAN_MEMORY)).forEach(args::add);
        ExternalTools.Result result = ExternalTools.runPython(jupyterEnvironment(), 20, args.toArray(String[]::new));
        System.out.println(result.output()); // the peak memory figure, for the record
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(WORKSHOP_SIZE + " notebooks at once: " + WORKSHOP_SIZE + " succeeded"), result.output());
    }
}
