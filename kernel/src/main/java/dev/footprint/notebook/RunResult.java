package dev.footprint.notebook;

import dev.footprint.kernel.eval.ExecutionOutcome;
import java.time.Duration;

/**
 * What running a notebook came to.
 *
 * @param cellsRun code cells executed (empty ones are not counted)
 * @param errors cells that ended with an error, whether or not the run went on
 * @param stoppedAt index among all cells of the cell whose error stopped the run, or -1
 * @param stopError that cell's error, or {@code null}
 * @param elapsed wall time of the run, starting the evaluator excluded
 */
public record RunResult(int cellsRun, int errors, int stoppedAt, ExecutionOutcome.ErrorInfo stopError, Duration elapsed) {

    /** True when every cell ran and none failed unexpectedly. */
    public boolean succeeded() {
        return stoppedAt < 0;
    }
}
