package dev.footprint.kernel.eval;

/**
 * An evaluator for tests that only run cells: a test writes {@link #execute} and overrides what
 * else it needs; completion and inspection say they are not supported, and interrupting,
 * restarting and closing do nothing.
 */
public abstract class CellOnlyEvaluator implements Evaluator {

    @Override
    public void interrupt() {}

    @Override
    public CompletionResult complete(String code, int cursor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InspectionResult inspect(String code, int cursor, int detailLevel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IsCompleteResult isComplete(String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restart() {}

    @Override
    public void close() {}
}
