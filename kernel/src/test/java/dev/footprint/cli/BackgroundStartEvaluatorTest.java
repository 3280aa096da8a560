package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.protocol.ScriptedEvaluator;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BackgroundStartEvaluatorTest {

    @Test
    void requestsWaitForTheStartThenDelegate() {
        CountDownLatch release = new CountDownLatch(1);
        Evaluator evaluator = new BackgroundStartEvaluator(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ScriptedEvaluator();
        });
        evaluator.interrupt(); // before the start: nothing to stop, and no waiting
        release.countDown();
        assertEquals("7", evaluator.execute("value 7", ExecutionListener.NONE).result().get("text/plain"));
        assertEquals("incomplete", evaluator.isComplete("if (x) {").status());
        evaluator.close();
    }

    @Test
    void aFailedStartIsReportedOnEveryRequest() {
        Evaluator evaluator = new BackgroundStartEvaluator(() -> {
            throw new IllegalStateException("the user JVM did not start: bad -Xmx");
        });
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> evaluator.execute("1", ExecutionListener.NONE));
        assertTrue(error.getMessage().contains("bad -Xmx"), error.getMessage());
        evaluator.close(); // nothing to close, and no exception
    }
}
