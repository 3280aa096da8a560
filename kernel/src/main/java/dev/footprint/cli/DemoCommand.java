package dev.footprint.cli;

import dev.footprint.notebook.NotebookRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code demo [--all] [--notebooks DIR]}: runs the article's notebooks (01 to 03) headless and
 * prints every cell with its output, footprint tables included; writes nothing.
 */
final class DemoCommand extends NamedCommand {

    /** The chapters that reproduce the article, by file name prefix. */
    static final List<String> ARTICLE = List.of("01-", "02-", "03-");

    private final NotebookExecution.EvaluatorFactory evaluators;

    DemoCommand() {
        this(NotebookExecution.KERNEL_EVALUATOR);
    }

    DemoCommand(NotebookExecution.EvaluatorFactory evaluators) {
        super("demo", "run the article's notebooks headless and print their footprint tables");
        this.evaluators = evaluators;
    }

    @Override
    public String usage() {
        return """
                Usage: footprint demo [--all] [--notebooks DIR] [--timeout SECONDS]

                Runs the notebooks that reproduce the article "Reducing NumPy memory usage with
                lossless compression" (01 smaller dtypes, 02 sparse arrays, 03 when it won't
                work) with the headless runner, printing each cell and its output. The
                notebooks on disk are left as they are.

                Options:
                  --all            run every numbered chapter (01 to 07), not only the article's
                  --notebooks DIR  where the notebooks are (default: the project's notebooks/)
                  --timeout SEC    interrupt a cell that runs longer than SEC seconds
                """.stripTrailing();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean all = false;
        Path explicit = null;
        NotebookRunner.Builder runner = NotebookRunner.builder().echoTo(out);
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--all" -> all = true;
                case "--notebooks" -> explicit = Path.of(value(arg, rest));
                case "--timeout" -> {
                    String seconds = value(arg, rest);
                    try {
                        runner.cellTimeout(java.time.Duration.ofSeconds(Long.parseLong(seconds)));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--timeout takes seconds, not '" + seconds + "'");
                    }
                }
                default -> throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        Path folder = NotebookFolder.find(explicit).orElseThrow(() -> new UsageException(
                "cannot find the notebooks; looked in " + NotebookFolder.candidates(null) + " (name them with --notebooks DIR)"));
        List<Path> notebooks = chapters(folder, all);
        if (notebooks.isEmpty()) {
            err.println("footprint demo: no chapter notebooks (01-*.ipynb, ...) in " + folder);
            return 1;
        }
        NotebookExecution execution = new NotebookExecution(evaluators, List.of(), runner.build());
        for (Path notebook : notebooks) {
            out.println();
            out.println("=".repeat(78));
            out.println(notebook.getFileName());
            out.println("=".repeat(78));
            if (!execution.run(notebook, null, out, err)) {
                return 1;
            }
        }
        return 0;
    }

    /** The chapter notebooks of {@code folder} in order: the article's, or all numbered ones. */
    static List<Path> chapters(Path folder, boolean all) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.matches("\\d\\d-.*\\.ipynb") && !name.endsWith(".nbconvert.ipynb")
                        && (all || ARTICLE.stream().anyMatch(name::startsWith));
            }).sorted().toList();
        }
    }

    private static String value(String option, List<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return rest.remove(0);
    }
}
