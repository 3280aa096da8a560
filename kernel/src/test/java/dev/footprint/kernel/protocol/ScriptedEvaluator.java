package dev.footprint.kernel.protocol;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.CompletionResult;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.ExecutionOutcome.ErrorInfo;
import dev.footprint.kernel.eval.InspectionResult;
import dev.footprint.kernel.eval.IsCompleteResult;
import dev.footprint.kernel.eval.PagerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An evaluator for protocol tests that runs a tiny script language instead of Java, one command
 * a line, so tests can make a cell print, display, fail or hang on purpose:
 *
 * <pre>
 * out TEXT / err TEXT        a stream
 * display MIME TEXT          a display_data
 * show ID TEXT / update ID TEXT   a display with an id, then its update
 * clear                      clear_output
 * fail NAME MESSAGE          the cell fails
 * sleep MILLIS               pauses
 * hang                       runs until interrupted
 * value TEXT                 the cell's text/plain result
 * </pre>
 *
 * <p>Inspection knows the commands that print; {@code print?} is answered from it, as every
 * evaluator answers help requests, with {@link PagerRequest}.
 */
public final class ScriptedEvaluator implements Evaluator {

    private static final List<String> VOCABULARY = List.of("print", "println", "printf", "value");

    private volatile CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch hanging = new CountDownLatch(1);
    final AtomicInteger restarts = new AtomicInteger();
    final AtomicInteger interrupts = new AtomicInteger();
    volatile boolean closed;
    private volatile boolean hangRanOut;
    public final List<String> executed = new CopyOnWriteArrayList<>();

    @Override
    public ExecutionOutcome execute(String code, ExecutionListener listener) {
        ExecutionOutcome help = PagerRequest.answer(code, this, listener);
        if (help != null) {
            return help;
        }
        executed.add(code);
        interrupted = new CountDownLatch(1);
        MimeBundle result = null;
        for (String line : code.split("\n")) {
            String[] words = line.trim().split(" ", 3);
            String rest = line.trim().contains(" ") ? line.trim().substring(words[0].length() + 1) : "";
            switch (words[0]) {
                case "out" -> listener.stream("stdout", rest + "\n");
                case "err" -> listener.stream("stderr", rest + "\n");
                case "display" -> listener.display(MimeBundle.copyOf(Map.of("text/plain", words[2], words[1], words[2])), null, false);
                case "show" -> listener.display(MimeBundle.copyOf(Map.of("text/plain", words[2])), words[1], false);
                case "update" -> listener.display(MimeBundle.copyOf(Map.of("text/plain", words[2])), words[1], true);
                case "clear" -> listener.clearOutput(false);
                case "fail" -> {
                    return ExecutionOutcome.failed(new ErrorInfo(words[1], words.length > 2 ? words[2] : "",
                            List.of(words[1] + ": " + (words.length > 2 ? words[2] : ""))));
                }
                case "hang" -> {
                    hanging.countDown();
                    try {
                        if (interrupted.await(30, TimeUnit.SECONDS)) {
                            return ExecutionOutcome.failed(new ErrorInfo("Interrupted", "the cell was stopped",
                                    List.of("Interrupted: the cell was stopped")));
                        }
                        hangRanOut = true;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "sleep" -> {
                    try {
                        Thread.sleep(Long.parseLong(words[1]));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "value" -> result = MimeBundle.plain(rest);
                case "" -> { }
                default -> {
                    return ExecutionOutcome.failed(new ErrorInfo("UnknownCommand", words[0], List.of("no " + words[0])));
                }
            }
        }
        return ExecutionOutcome.ok(result);
    }

    /** Whether a {@code hang} ended by itself after 30 s, without an interrupt. */
    boolean hangRanOut() {
        return hangRanOut;
    }

    /** Waits until a cell is inside {@code hang}, so an interrupt cannot arrive too early. */
    void awaitHang() throws InterruptedException {
        if (!hanging.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no cell started hanging");
        }
    }

    @Override
    public void interrupt() {
        interrupts.incrementAndGet();
        interrupted.countDown();
    }

    @Override
    public CompletionResult complete(String code, int cursor) {
        int start = cursor;
        while (start > 0 && Character.isLetter(code.charAt(start - 1))) {
            start--;
        }
        String prefix = code.substring(start, cursor);
        return new CompletionResult(
                VOCABULARY.stream().filter(word -> word.startsWith(prefix)).toList(), start, cursor);
    }

    @Override
    public InspectionResult inspect(String code, int cursor, int detailLevel) {
        for (String word : VOCABULARY) {
            int at = code.indexOf(word);
            if (at >= 0 && at <= cursor && cursor <= at + word.length()) {
                return new InspectionResult(true, Map.of("text/plain", word + ": a scripted command"));
            }
        }
        return new InspectionResult(false, Map.of());
    }

    @Override
    public IsCompleteResult isComplete(String code) {
        if (code.trim().endsWith("{")) {
            return new IsCompleteResult("incomplete", "    ");
        }
        if (code.contains("}}")) {
            return new IsCompleteResult("invalid", "");
        }
        return new IsCompleteResult("complete", "");
    }

    @Override
    public void restart() {
        restarts.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
        interrupt();
    }
}
