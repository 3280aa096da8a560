package dev.footprint.notebook;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionOutcome;
import java.io.PrintStream;

/** The runner's terminal view: headings of Markdown cells, each code cell, its text output. */
final class TextEcho implements TerminalEcho {

    private static final String CONTINUATION = "   ...: ";

    private final PrintStream out;
    private boolean atLineStart = true;

    TextEcho(PrintStream out) {
        this.out = out;
    }

    @Override
    public void markdown(String text) {
        // Headings only: they tell where the run is; the prose belongs in the notebook.
        text.lines().filter(line -> line.startsWith("#")).forEach(line -> {
            out.println();
            out.println(line);
        });
    }

    @Override
    public void cellStarted(int count, String source) {
        out.println();
        String prompt = "In [" + count + "]: ";
        String[] lines = source.stripTrailing().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.println((i == 0 ? prompt : CONTINUATION) + lines[i]);
        }
        atLineStart = true;
        out.flush();
    }

    @Override
    public void stream(String name, String text) {
        out.print(text);
        atLineStart = text.endsWith("\n");
        out.flush();
    }

    @Override
    public void display(MimeBundle bundle) {
        printBlock(textOf(bundle));
    }

    @Override
    public void result(MimeBundle bundle, int count) {
        String text = textOf(bundle);
        String prompt = "Out[" + count + "]: ";
        printBlock(text.contains("\n") ? prompt + "\n" + text : prompt + text);
    }

    @Override
    public void error(ExecutionOutcome.ErrorInfo error) {
        StringBuilder text = new StringBuilder();
        if (error.traceback() != null && !error.traceback().isEmpty()) {
            error.traceback().forEach(line -> text.append(line).append('\n'));
        } else {
            text.append(error.ename()).append(": ").append(error.evalue()).append('\n');
        }
        printBlock(text.toString());
    }

    @Override
    public void cleared() {
        printBlock("(output cleared)");
    }

    @Override
    public void skipped(String why) {
        printBlock("(skipped: " + why + ")");
    }

    private static String textOf(MimeBundle bundle) {
        String text = bundle.get("text/plain");
        if (text != null) {
            return text;
        }
        return "<" + String.join(", ", bundle.keySet()) + ">";
    }

    private void printBlock(String text) {
        if (!atLineStart) {
            out.println();
        }
        out.print(text.endsWith("\n") ? text : text + "\n");
        atLineStart = true;
        out.flush();
    }
}
