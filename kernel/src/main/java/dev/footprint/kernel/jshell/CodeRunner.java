package dev.footprint.kernel.jshell;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.jshell.ErrorReports.PositionedDiag;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.ExecutionOutcome.ErrorInfo;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.spi.ExecutionControl.ExecutionControlException;

/**
 * Runs the Java part of a cell: splits it into snippets, evaluates them in order, stops at the
 * first error, and renders the value of a final expression in the user JVM.
 */
final class CodeRunner {
    /** Thrown when the cell ended because the user JVM went away or was stopped. */
    static final class SessionLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SessionLost() {
            super("the user JVM went away", null, false, false);
        }
    }

    /** Thrown when the cell was stopped by an interrupt and the state survived. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    private final JShellSession session;
    private final ErrorReports reports;

    CodeRunner(JShellSession session, ErrorReports reports) {
        this.session = session;
        this.reports = reports;
    }

    /**
     * Runs {@code code}, which sits at {@code offsetInCell} of {@code cell}.
     *
     * @throws SessionLost when the user JVM exited or was killed during the run
     * @throws Interrupted when a stop ended a snippet
     */
    ExecutionOutcome run(String cell, int offsetInCell, String code, int cellNumber) {
        session.noteNames(cell); // the whole cell: its other parts (magics included) may name a value
        SourceCodeAnalysis analysis = session.shell.sourceCodeAnalysis();
        String remaining = code;
        int consumed = 0;
        SnippetEvent last = null;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String chunk;
            String source;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            } else if (info.completeness().isComplete()) {
                chunk = remaining.substring(0, remaining.length() - info.remaining().length());
                source = info.source();
            } else {
                chunk = remaining;
                source = remaining;
            }
            int chunkOffset = offsetInCell + consumed + leadingBlank(chunk, source);
            if (session.stopAsked()) {
                throw new Interrupted(); // an earlier statement swallowed the stop: run nothing more
            }
            FootprintCallRewriter.Rewrite rewrite = FootprintCallRewriter.rewrite(source);
            List<SnippetEvent> events = session.eval(rewrite.source());
            SnippetEvent main = mainEvent(events);
            checkSession();
            if (main == null) {
                ErrorInfo error = ErrorReports.compileError(cell, List.of(new PositionedDiag(
                        info.completeness().isComplete() ? "cannot evaluate this code" : "incomplete code: the cell ends too early",
                        chunkOffset, offsetInCell + code.length())));
                return ExecutionOutcome.failed(error);
            }
            // JShell numbers a snippet's lines from its first line of code, past blank lines and comments.
            int firstCode = chunkOffset + firstCodeCharacter(source);
            reports.remember(main.snippet().id(), cellNumber, ErrorReports.lineOf(cell, firstCode) + 1);
            ExecutionOutcome failure = failureOf(cell, chunkOffset, rewrite, main, cellNumber);
            if (failure != null) {
                return failure;
            }
            last = main;
            consumed += chunk.length();
            remaining = info.completeness().isComplete() ? info.remaining() : "";
        }
        return ExecutionOutcome.ok(resultOf(last));
    }

    private ExecutionOutcome failureOf(String cell, int chunkOffset, FootprintCallRewriter.Rewrite rewrite,
            SnippetEvent main, int cellNumber) {
        if (session.takeStopped()) {
            throw new Interrupted();
        }
        if (main.status() == Snippet.Status.REJECTED) {
            List<PositionedDiag> diags = new ArrayList<>();
            for (Diag diag : (Iterable<Diag>) session.shell.diagnostics(main.snippet())::iterator) {
                if (diag.isError()) {
                    diags.add(withReleasedValueNote(cell, PositionedDiag.of(diag, chunkOffset, rewrite::toOriginal)));
                }
            }
            if (diags.isEmpty()) {
                diags.add(new PositionedDiag("this code was rejected", chunkOffset, chunkOffset + 1));
            }
            return ExecutionOutcome.failed(ErrorReports.compileError(cell, diags));
        }
        if (main.exception() != null) {
            return ExecutionOutcome.failed(reports.runtimeError(main.exception(), cellNumber));
        }
        return null;
    }

    private PositionedDiag withReleasedValueNote(String cell, PositionedDiag diag) {
        if (!diag.message().startsWith("cannot find symbol") || diag.start() < 0 || diag.end() > cell.length()
                || diag.start() >= diag.end()) {
            return diag;
        }
        String note = session.releasedValueNote(cell.substring(diag.start(), diag.end()));
        return note == null ? diag : new PositionedDiag(diag.message() + "\n" + note, diag.start(), diag.end());
    }

    private MimeBundle resultOf(SnippetEvent last) {
        if (last == null || !showsValue(last.snippet())) {
            forgetLastValue();
            return null;
        }
        try {
            return session.renderLastValue();
        } catch (ExecutionControlException failure) {
            checkSession();
            return MimeBundle.plain(last.value() == null ? "" : last.value());
        }
    }

    private void forgetLastValue() {
        try {
            session.agentCommand(dev.footprint.kernel.agent.AgentExecutionControl.CMD_FORGET_LAST, null);
        } catch (ExecutionControlException failure) {
            checkSession();
        }
    }

    /** Expressions show their value, as in a notebook; declarations and assignments do not. */
    static boolean showsValue(Snippet snippet) {
        switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND:
            case VAR_VALUE_SUBKIND:
            case OTHER_EXPRESSION_SUBKIND:
                return true;
            default:
                return false;
        }
    }

    private void checkSession() {
        if (session.isClosed()) {
            throw new SessionLost();
        }
    }

    private static SnippetEvent mainEvent(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                return event;
            }
        }
        return null;
    }

    private static int firstCodeCharacter(String source) {
        boolean[] code = FootprintCallRewriter.codeMask(source);
        for (int i = 0; i < source.length(); i++) {
            if (code[i] && !Character.isWhitespace(source.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    // analyzeCompletion may drop the whitespace and comments that precede a snippet.
    private static int leadingBlank(String chunk, String source) {
        if (source.isEmpty() || chunk.startsWith(source.substring(0, 1))) {
            return 0;
        }
        int found = chunk.indexOf(source.strip().substring(0, Math.min(8, source.strip().length())));
        return Math.max(found, 0);
    }
}
