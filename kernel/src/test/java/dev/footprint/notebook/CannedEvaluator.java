package dev.footprint.notebook;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.CellOnlyEvaluator;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.InspectionResult;
import dev.footprint.kernel.eval.PagerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An evaluator that understands a tiny cell language, so runner tests need no JVM of their own:
 * each line is {@code print TEXT}, {@code eprint TEXT}, {@code show TEXT}, {@code show#ID TEXT},
 * {@code update#ID TEXT}, {@code clear}, {@code clearwait}, {@code value TEXT}, {@code fail MESSAGE}
 * or {@code sleep MILLIS}. Inspection knows one name, {@value #KNOWN_NAME}; help requests
 * ({@code name?}) are answered from it as every evaluator answers them, with {@link PagerRequest}.
 */
final class CannedEvaluator extends CellOnlyEvaluator {

    static final String KNOWN_NAME = "Canned.known";
    static final String KNOWN_HELP = "int Canned.known(int x)\nA documented method.";

    final List<String> executed = new ArrayList<>();
    volatile boolean interrupted;

    @Override
    public ExecutionOutcome execute(String code, ExecutionListener listener) {
        ExecutionOutcome help = PagerRequest.answer(code, this, listener);
        if (help != null) {
            return help;
        }
        executed.add(code);
        interrupted = false;
        ExecutionOutcome outcome = ExecutionOutcome.ok(null);
        for (String line : code.split("\n")) {
            String word = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
            String rest = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
            if (word.equals("print")) {
                listener.stream("stdout", rest + "\n");
            } else if (word.equals("eprint")) {
                listener.stream("stderr", rest + "\n");
            } else if (word.startsWith("show")) {
                listener.display(bundle(rest), word.contains("#") ? word.substring(word.indexOf('#') + 1) : null, false);
            } else if (word.startsWith("update#")) {
                listener.display(bundle(rest), word.substring(word.indexOf('#') + 1), true);
            } else if (word.equals("clear")) {
                listener.clearOutput(false);
            } else if (word.equals("clearwait")) {
                listener.clearOutput(true);
            } else if (word.equals("value")) {
                outcome = ExecutionOutcome.ok(bundle(rest));
            } else if (word.equals("fail")) {
                return ExecutionOutcome.failed(new ExecutionOutcome.ErrorInfo("CannedError", rest,
                        List.of("CannedError: " + rest, "    at line 1")));
            } else if (word.equals("sleep")) {
                long end = System.currentTimeMillis() + Long.parseLong(rest);
                while (System.currentTimeMillis() < end && !interrupted) {
                    Thread.onSpinWait();
                }
                if (interrupted) {
                    return ExecutionOutcome.failed(new ExecutionOutcome.ErrorInfo("Interrupted", "stopped", List.of("Interrupted")));
                }
            }
        }
        return outcome;
    }

    private static MimeBundle bundle(String text) {
        return MimeBundle.of(text, "<b>" + text + "</b>");
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    @Override
    public InspectionResult inspect(String code, int cursor, int detailLevel) {
        return code.equals(KNOWN_NAME) ? new InspectionResult(true, Map.of("text/plain", KNOWN_HELP))
                : new InspectionResult(false, Map.of());
    }
}
