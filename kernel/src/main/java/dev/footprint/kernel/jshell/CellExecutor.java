package dev.footprint.kernel.jshell;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.magic.CellParts;
import dev.footprint.kernel.magic.Magic;
import dev.footprint.kernel.magic.MagicContext;
import dev.footprint.kernel.magic.MagicRegistry;
import dev.footprint.kernel.userjvm.OutputRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * Runs one cell in one session: its Java parts through {@link CodeRunner}, its magics through
 * the registry, in order, stopping at the first error. The magics see it as their
 * {@link MagicContext}. Lives on the evaluator's owner thread.
 */
final class CellExecutor implements MagicContext {
    private final JShellSession session;
    private final CodeRunner runner;
    private final MagicRegistry magics;
    private final OutputRouter router;
    private final List<String> baseClassPath;
    private final Consumer<String> classPathAdded;
    private String cell;
    private int cellNumber;
    private int partOffset;

    CellExecutor(JShellSession session, ErrorReports reports, MagicRegistry magics, OutputRouter router,
            List<String> baseClassPath, Consumer<String> classPathAdded) {
        this.session = session;
        this.runner = new CodeRunner(session, reports);
        this.magics = magics;
        this.router = router;
        this.baseClassPath = baseClassPath;
        this.classPathAdded = classPathAdded;
    }

    /** Runs a cell; {@link CodeRunner.SessionLost} and {@link CodeRunner.Interrupted} escape. */
    ExecutionOutcome execute(String code, int number) {
        String outerCell = cell;
        int outerOffset = partOffset;
        cell = code;
        cellNumber = number;
        try {
            ExecutionOutcome outcome = ExecutionOutcome.ok(null);
            List<CellParts.Part> parts = CellParts.split(code);
            for (int i = 0; i < parts.size(); i++) {
                outcome = runPart(parts.get(i));
                if (outcome.isError()) {
                    return outcome;
                }
                if (i < parts.size() - 1 && outcome.result() != null) {
                    router.display(outcome.result(), null, false); // a magic's value mid-cell
                }
            }
            return outcome;
        } finally {
            cell = outerCell;
            partOffset = outerOffset;
        }
    }

    private ExecutionOutcome runPart(CellParts.Part part) {
        partOffset = part.offset();
        switch (part.kind()) {
            case CODE:
                return runner.run(cell, part.offset(), part.text(), cellNumber);
            case LINE_MAGIC: {
                Optional<Magic> magic = magics.find(part.name());
                return magic.isPresent()
                        ? magic.get().runLine(part.name(), part.args(), this)
                        : unknownMagic("%" + part.name());
            }
            default: {
                Optional<Magic> magic = magics.find(part.name());
                return magic.isPresent()
                        ? magic.get().runCell(part.name(), part.args(), part.text(), this)
                        : unknownMagic("%%" + part.name());
            }
        }
    }

    private static ExecutionOutcome unknownMagic(String name) {
        return Magic.failure("UsageError", "unknown magic " + name + "; %lsmagic lists them");
    }

    @Override
    public ExecutionOutcome runCode(String code) {
        // Positions of errors are reported in the cell; a magic's code is part of it when it can be found.
        int at = cell == null ? -1 : cell.indexOf(code, partOffset);
        return at >= 0 ? runner.run(cell, at, code, cellNumber) : runner.run(code, 0, code, cellNumber);
    }

    @Override
    public ExecutionOutcome runCell(String code) {
        return execute(code, cellNumber);
    }

    @Override
    public Object agentCommand(String command, Object argument) throws Exception {
        return session.agentCommand(command, argument);
    }

    @Override
    public MimeBundle evaluateHidden(String expression) throws Exception {
        List<SnippetEvent> events = session.evalHidden(expression);
        SnippetEvent main = events.stream().filter(event -> event.causeSnippet() == null).findFirst().orElse(null);
        if (main == null) {
            throw new IllegalStateException("cannot evaluate " + expression);
        }
        try {
            if (main.status() == Snippet.Status.REJECTED) {
                StringBuilder messages = new StringBuilder();
                session.shell.diagnostics(main.snippet())
                        .forEach((Diag diag) -> messages.append(diag.getMessage(Locale.ROOT)).append('\n'));
                throw new IllegalStateException(messages.toString().strip());
            }
            if (main.exception() != null) {
                throw new IllegalStateException(main.exception().toString());
            }
            return session.renderLastValue();
        } finally {
            session.shell.drop(main.snippet());
        }
    }

    @Override
    public List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        session.shell.variables()
                .filter(variable -> session.shell.status(variable) == Snippet.Status.VALID)
                .forEach((VarSnippet variable) -> variables.add(new Variable(variable.name(), variable.typeName())));
        return variables;
    }

    @Override
    public void addToClassPath(String entry) {
        session.addToClassPath(entry);
        classPathAdded.accept(entry);
    }

    @Override
    public List<String> classPath() {
        List<String> entries = new ArrayList<>(baseClassPath);
        entries.addAll(session.addedClassPath());
        return entries;
    }

    @Override
    public void print(String text) {
        router.write("stdout", text);
    }

    @Override
    public List<String> initialClassPath() {
        return List.copyOf(baseClassPath);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        router.display(bundle, displayId, update);
    }

    @Override
    public Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
