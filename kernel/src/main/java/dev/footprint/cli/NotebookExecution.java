package dev.footprint.cli;

import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.jshell.JShellEvaluator;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import dev.footprint.notebook.Notebook;
import dev.footprint.notebook.NotebookFile;
import dev.footprint.notebook.NotebookRunner;
import dev.footprint.notebook.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs one notebook file headless with a fresh evaluator (a new kernel per notebook, as
 * nbconvert starts one) and writes the result; shared by {@code run} and {@code demo}.
 */
final class NotebookExecution {

    /** Starts the evaluator a notebook runs with, given extra user JVM options. */
    @FunctionalInterface
    interface EvaluatorFactory {
        Evaluator start(List<String> userJvmOptions);
    }

    /** The kernel's own evaluator, with the user JVM options after {@code FOOTPRINT_USER_JVM_OPTS}. */
    static final EvaluatorFactory KERNEL_EVALUATOR =
            options -> new JShellEvaluator(UserJvmOptions.builder().jvmOptions(options.toArray(String[]::new)).build());

    private final EvaluatorFactory evaluators;
    private final List<String> userJvmOptions;
    private final NotebookRunner runner;

    NotebookExecution(EvaluatorFactory evaluators, List<String> userJvmOptions, NotebookRunner runner) {
        this.evaluators = evaluators;
        this.userJvmOptions = List.copyOf(userJvmOptions);
        this.runner = runner;
    }

    /**
     * Runs {@code input} and writes it to {@code output} (even when a cell failed, so the error
     * can be read in the notebook); {@code output == null} writes nothing.
     *
     * @return true when the run succeeded
     */
    boolean run(Path input, Path output, PrintStream out, PrintStream err) throws IOException {
        Notebook notebook = NotebookFile.read(input);
        long start = System.nanoTime();
        RunResult result;
        try (Evaluator evaluator = evaluators.start(userJvmOptions)) {
            result = runner.run(notebook, evaluator);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        if (output != null) {
            NotebookFile.write(notebook, output);
        }
        out.println();
        out.printf(Locale.ROOT, "%s: %d cells in %.1f s (%.1f s running cells)%s%n",
                input.getFileName(), result.cellsRun(), seconds(total), seconds(result.elapsed()),
                output == null ? "" : "; wrote " + output);
        if (!result.succeeded()) {
            err.printf("%s: In [%d] (cell %d of the notebook) failed: %s: %s%n", input.getFileName(), result.cellsRun(),
                    result.stoppedAt() + 1, result.stopError().ename(), result.stopError().evalue());
            err.println("(run with --allow-errors to go on after a failing cell)");
        }
        return result.succeeded();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
