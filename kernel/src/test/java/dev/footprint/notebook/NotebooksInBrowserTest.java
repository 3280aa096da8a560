package dev.footprint.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.cli.KernelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter Notebook in headless Chromium with the kernel installed in a temporary JUPYTER_PATH
 * ({@code src/test/python/browser_notebook.py} says what is checked). Screenshots of failed
 * checks are kept in {@code target/browser-screenshots}.
 */
class NotebooksInBrowserTest {

    @TempDir
    Path jupyter;

    @Test
    void notebooksWorkInJupyterNotebookInChromium() throws Exception {
        ExternalTools.requirePython("jupyter-notebook python3-selenium python3-psutil", "notebook", "selenium", "psutil");
        ExternalTools.requireExecutable("chromium", "/usr/bin/chromium");
        ExternalTools.requireExecutable("chromium-driver", "/usr/bin/chromedriver");
        // Named as the notebooks' metadata names it, so they open with this kernel and no question.
        KernelSpec.builder().userJvmOptions("-Xmx512m -XX:+UseSerialGC")
                .launch(List.of("-cp", ExternalTools.classPath(), "dev.footprint.cli.Main"))
                .build().writeTo(jupyter.resolve("kernels"));
        Path screenshots = Path.of("target", "browser-screenshots").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of(ExternalTools.pythonScript("browser_notebook.py").toString(),
                ExternalTools.notebooksFolder().toString(), screenshots.toString(), "--untrusted-charts"));
        ExternalTools.Result result = ExternalTools.runPython(Map.of("JUPYTER_PATH", jupyter.toString()), 15,
                args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.output() + "\nscreenshots of the failed checks: " + screenshots);
        assertTrue(result.output().contains("all browser checks passed"), result.output());
    }
}
