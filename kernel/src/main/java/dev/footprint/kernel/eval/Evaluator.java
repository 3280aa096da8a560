package dev.footprint.kernel.eval;

/**
 * Runs cells of Java source and answers questions about code, knowing nothing of the Jupyter
 * protocol. The protocol layer, the headless runner and the tests all drive one of these.
 *
 * <p>{@link #execute} is called from one thread at a time; {@link #interrupt} may be called from
 * any thread while a cell runs.
 */
public interface Evaluator extends AutoCloseable {

    /** Runs one cell (magics included); streams and displays reach {@code listener} as they happen. */
    ExecutionOutcome execute(String code, ExecutionListener listener);

    /** Stops the running cell, if any, keeping the state defined before it. */
    void interrupt();

    CompletionResult complete(String code, int cursor);

    InspectionResult inspect(String code, int cursor, int detailLevel);

    IsCompleteResult isComplete(String code);

    /** Forgets every definition and starts a fresh user JVM. */
    void restart();

    @Override
    void close();
}
