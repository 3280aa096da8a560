package dev.footprint.notebook;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionOutcome;
import java.io.PrintStream;

/**
 * Where the headless runner shows a notebook's progress as it goes. Only text reaches a
 * terminal: each output's {@code text/plain} (footprint tables are aligned text there).
 */
interface TerminalEcho {

    /** Shows nothing. */
    TerminalEcho SILENT = new TerminalEcho() {};

    /** Prints to {@code out} like an IPython console: {@code In [n]:}, the output, {@code Out[n]:}. */
    static TerminalEcho to(PrintStream out) {
        return new TextEcho(out);
    }

    /** A Markdown cell was passed. */
    default void markdown(String text) {}

    /** A code cell starts running as execution {@code count}. */
    default void cellStarted(int count, String source) {}

    default void stream(String name, String text) {}

    default void display(MimeBundle bundle) {}

    default void result(MimeBundle bundle, int count) {}

    default void error(ExecutionOutcome.ErrorInfo error) {}

    /** The cell cleared what it had shown; a terminal cannot take it back, so it says so. */
    default void cleared() {}

    /** A code cell was skipped (empty). */
    default void skipped(String why) {}
}
