package dev.footprint.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.ExecutionOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes a notebook's code cells in order with an {@link Evaluator} (the kernel's, magics
 * included) and stores their outputs in the notebook, as {@code jupyter nbconvert --execute}
 * does, without Python or Jupyter.
 *
 * <pre>{@code
 * Notebook notebook = NotebookFile.read(path);
 * try (Evaluator evaluator = new JShellEvaluator()) {
 *     RunResult result = NotebookRunner.builder().echoTo(System.out).build().run(notebook, evaluator);
 * }
 * NotebookFile.write(notebook, out);
 * }</pre>
 *
 * <p>Like nbconvert: every code cell's old outputs are cleared first; empty cells are skipped
 * and keep no execution count; an error stops the run unless errors are allowed, or the cell
 * is tagged {@value #RAISES_EXCEPTION} (it is meant to fail, and the error is its output); a
 * cell that runs past the timeout is interrupted and counts as an error. A cell that is only a
 * help request, {@code Math.max?} or {@code ?Math.max}, prints the signature and Javadoc the
 * kernel would show in Jupyter's pager, as text.
 */
public final class NotebookRunner {

    /** The cell tag that marks an error as expected, as nbclient knows it. */
    public static final String RAISES_EXCEPTION = "raises-exception";

    private final boolean allowErrors;
    private final Duration cellTimeout;
    private final TerminalEcho echo;

    private NotebookRunner(Builder builder) {
        this.allowErrors = builder.allowErrors;
        this.cellTimeout = builder.cellTimeout;
        this.echo = builder.echo;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the code cells of {@code notebook} with {@code evaluator}, writing outputs and
     * execution counts into the notebook.
     *
     * @return how the run went; the notebook holds the outputs up to where it stopped
     */
    public RunResult run(Notebook notebook, Evaluator evaluator) {
        notebook.recordLanguageInfo();
        for (JsonObject cell : notebook.codeCells()) {
            Notebook.setResult(cell, new JsonArray(), null);
        }
        Map<String, List<JsonObject>> displaysById = new HashMap<>();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "footprint-notebook-timeout");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        int count = 0;
        int errors = 0;
        try {
            List<JsonObject> cells = notebook.cells();
            for (int index = 0; index < cells.size(); index++) {
                JsonObject cell = cells.get(index);
                String source = Notebook.source(cell);
                if (!"code".equals(Notebook.type(cell))) {
                    if ("markdown".equals(Notebook.type(cell))) {
                        echo.markdown(source);
                    }
                    continue;
                }
                if (source.isBlank()) {
                    continue;
                }
                count++;
                echo.cellStarted(count, source);
                CellOutputs outputs = new CellOutputs(displaysById, echo);
                Notebook.setResult(cell, outputs.outputs(), count);
                ExecutionOutcome outcome = execute(evaluator, source, outputs, watchdog);
                outputs.finish(outcome, count);
                if (outcome.isError()) {
                    errors++;
                    if (!allowErrors && !Notebook.hasTag(cell, RAISES_EXCEPTION)) {
                        return new RunResult(count, errors, index, outcome.error(), since(start));
                    }
                }
            }
            return new RunResult(count, errors, -1, null, since(start));
        } finally {
            watchdog.shutdownNow();
        }
    }

    private ExecutionOutcome execute(Evaluator evaluator, String source, CellOutputs outputs,
            ScheduledExecutorService watchdog) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = cellTimeout == null ? null : watchdog.schedule(() -> {
            timedOut.set(true);
            evaluator.interrupt();
        }, cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
        ExecutionOutcome outcome;
        try {
            outcome = printPage(evaluator.execute(source, outputs), outputs);
        } catch (RuntimeException failure) {
            // An evaluator that breaks is reported like a failing cell, not as a crash of the runner.
            String message = String.valueOf(failure.getMessage());
            outcome = ExecutionOutcome.failed(new ExecutionOutcome.ErrorInfo(
                    failure.getClass().getSimpleName(), message, List.of(failure.getClass().getName() + ": " + message)));
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
        if (timedOut.get() && outcome.isError()) {
            String message = "the cell did not finish within " + cellTimeout.toSeconds()
                    + " seconds and was interrupted (raise the limit with --timeout SECONDS)";
            return ExecutionOutcome.failed(new ExecutionOutcome.ErrorInfo("CellTimeoutError", message,
                    List.of("CellTimeoutError: " + message)));
        }
        return outcome;
    }

    /**
     * A help request's page ({@code Math.max?}), which Jupyter shows in its pager, is printed to
     * the cell's standard output, as text.
     */
    private static ExecutionOutcome printPage(ExecutionOutcome outcome, CellOutputs outputs) {
        String text = outcome.page() == null ? null : outcome.page().get("text/plain");
        if (text != null) {
            outputs.stream("stdout", text.endsWith("\n") ? text : text + "\n");
        }
        return outcome;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Options of a run; every setter returns the builder. */
    public static final class Builder {
        private boolean allowErrors;
        private Duration cellTimeout;
        private TerminalEcho echo = TerminalEcho.SILENT;

        private Builder() {}

        /** Goes on after a failing cell, keeping its error as the cell's output (default: stop). */
        public Builder allowErrors(boolean allow) {
            this.allowErrors = allow;
            return this;
        }

        /** Interrupts a cell that runs longer than this; {@code null} (the default) waits forever. */
        public Builder cellTimeout(Duration timeout) {
            this.cellTimeout = timeout;
            return this;
        }

        /** Prints each cell and its text output to {@code out} as the run goes. */
        public Builder echoTo(PrintStream out) {
            this.echo = TerminalEcho.to(out);
            return this;
        }

        public NotebookRunner build() {
            return new NotebookRunner(this);
        }
    }
}
