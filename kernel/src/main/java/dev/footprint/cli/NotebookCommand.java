package dev.footprint.cli;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code notebook [--notebooks DIR] [--no-install] [-- JUPYTER ARGS]}: installs the kernelspec
 * for the user and opens Jupyter Notebook on the project's notebooks.
 */
final class NotebookCommand extends NamedCommand {

    /** The Debian packages that give a working {@code jupyter notebook}. */
    static final String JUPYTER_PACKAGES = "jupyter-notebook jupyter-client python3-ipykernel";

    NotebookCommand() {
        super("notebook", "install the kernelspec for you and open Jupyter Notebook on notebooks/");
    }

    @Override
    public String usage() {
        return """
                Usage: footprint notebook [--notebooks DIR] [--no-install] [-- JUPYTER OPTIONS...]

                Installs the "Java (Footprint)" kernelspec for the current user (as
                'footprint install --user' does) and starts 'jupyter notebook' in the
                project's notebooks/ folder. Options after '--' go to Jupyter, e.g.
                  footprint notebook -- --no-browser --port 8899

                Options:
                  --notebooks DIR  the folder to open (default: the project's notebooks/)
                  --no-install     do not (re)install the kernelspec first

                Jupyter itself is not part of Footprint; on Debian it comes with:
                  sudo apt-get install %s
                """.formatted(JUPYTER_PACKAGES).stripTrailing();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path explicit = null;
        boolean install = true;
        List<String> jupyterArgs = new ArrayList<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--notebooks" -> {
                    if (rest.isEmpty()) {
                        throw new UsageException("--notebooks needs a folder");
                    }
                    explicit = Path.of(rest.remove(0));
                }
                case "--no-install" -> install = false;
                case "--" -> {
                    jupyterArgs.addAll(rest);
                    rest.clear();
                }
                default -> throw new UsageException("unexpected argument '" + arg + "' (Jupyter's options go after '--')");
            }
        }
        Optional<Path> jupyter = onPath("jupyter-notebook");
        if (jupyter.isEmpty()) {
            err.println("footprint notebook: Jupyter Notebook is not installed (no jupyter-notebook on PATH).");
            err.println("On Debian or Ubuntu:  sudo apt-get install " + JUPYTER_PACKAGES);
            err.println("Without Jupyter, 'footprint run NOTEBOOK.ipynb' executes a notebook headless.");
            return 1;
        }
        Path folder = NotebookFolder.find(explicit).orElseThrow(() -> new UsageException(
                "cannot find the notebooks; looked in " + NotebookFolder.candidates(null) + " (name them with --notebooks DIR)"));
        if (install) {
            int installed = new InstallCommand().run(List.of("--user"), out, err);
            if (installed != 0) {
                return installed;
            }
        }
        List<String> command = new ArrayList<>(List.of(jupyter.get().toString(), "--notebook-dir=" + folder));
        command.addAll(jupyterArgs);
        out.println("Starting Jupyter Notebook in " + folder + " (Ctrl-C twice to stop)");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
        return process.waitFor();
    }

    /** The executable {@code name} found on PATH, as a shell would find it. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
