package dev.footprint.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where Jupyter looks for kernelspecs, computed as jupyter_core does. */
final class JupyterPaths {

    private JupyterPaths() {}

    /** The user's Jupyter data folder: JUPYTER_DATA_DIR, else the platform's default. */
    static Path userDataDir() {
        String explicit = System.getenv("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData/Roaming") : Path.of(appData)).resolve("jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path dataHome = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return dataHome.resolve("jupyter");
    }

    /**
     * The {@code sys.prefix} of {@code python}, or, when null, of the Python that runs the
     * {@code jupyter} command on PATH (read from its {@code #!} line), else of {@code python3}.
     */
    static Path sysPrefix(String python) throws IOException {
        String interpreter = python != null ? python : jupyterInterpreter();
        Process process;
        try {
            process = new ProcessBuilder(interpreter, "-c", "import sys; print(sys.prefix)")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run " + interpreter + " to find sys.prefix (use --python PATH or --prefix DIR): "
                    + e.getMessage(), e);
        }
        String output;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = reader.lines().reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b).trim();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(interpreter + " could not tell its sys.prefix: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + interpreter + " for sys.prefix", e);
        }
        return Path.of(output);
    }

    private static String jupyterInterpreter() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path jupyter = Path.of(dir, "jupyter");
                if (Files.isRegularFile(jupyter)) {
                    String shebang = firstLine(jupyter);
                    if (shebang.startsWith("#!")) {
                        List<String> words = List.of(shebang.substring(2).trim().split("\\s+"));
                        // "#!/usr/bin/env python3" names the interpreter in its second word.
                        return words.get(0).endsWith("/env") && words.size() > 1 ? words.get(1) : words.get(0);
                    }
                }
            }
        }
        return "python3";
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }
}
