package dev.footprint.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.protocol.ScriptedEvaluator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
    void aStartThatKeepsFailingIsTriedAgainAndReportedOnEveryRequest() {
        AtomicInteger attempts = new AtomicInteger();
        Evaluator evaluator = new BackgroundStartEvaluator(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the user JVM did not start: bad -Xmx");
        });
        for (int request = 1; request <= 2; request++) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> evaluator.execute("1", ExecutionListener.NONE));
            assertTrue(error.getMessage().contains("bad -Xmx"), error.getMessage());
        }
        assertEquals(3, attempts.get(), "the start in the background, then once for each request");
        evaluator.interrupt(); // nothing runs, so nothing to stop, and no exception
        evaluator.close(); // nothing to close, and no exception
        IllegalStateException afterClose = assertThrows(IllegalStateException.class,
                () -> evaluator.execute("1", ExecutionListener.NONE));
        assertTrue(afterClose.getMessage().contains("closed"), afterClose.getMessage());
        assertEquals(3, attempts.get(), "a closed evaluator starts nothing that nobody would close");
    }

    @Test
    void aStartThatFailedOnceIsTriedAgainByTheNextCellWhichThenRuns() {
        AtomicInteger attempts = new AtomicInteger();
        Evaluator evaluator = new BackgroundStartEvaluator(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the user JVM did not start: handshake failed");
            }
            return new ScriptedEvaluator();
        });
        assertEquals("7", evaluator.execute("value 7", ExecutionListener.NONE).result().get("text/plain"));
        assertEquals("8", evaluator.execute("value 8", ExecutionListener.NONE).result().get("text/plain"));
        assertEquals(2, attempts.get(), "started again once, then kept");
        evaluator.close();
    }
}
