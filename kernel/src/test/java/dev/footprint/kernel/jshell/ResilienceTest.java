package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a cell can do to its user JVM, and how the kernel keeps serving. */
class ResilienceTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /** Every test finds a variable it can check the state by, whatever ran before it (a restart included). */
    @BeforeEach
    void declareASurvivor() {
        assertFalse(run(evaluator, "int survivor = 42;").isError());
    }

    static ExecutionOutcome run(JShellEvaluator on, String cell) {
        return on.execute(cell, ExecutionListener.NONE);
    }

    /** What an interrupt ended: the cell's outcome and how long the stop took (for messages only). */
    record Stopped(ExecutionOutcome outcome, Duration took) {}

    /**
     * Runs {@code cell}, whose last snippet prints {@code running} before it loops or sleeps,
     * interrupts it once that line has arrived (so the stop meets the loop itself, however slowly
     * the machine starts it) and awaits its end under a generous limit (a stop that never comes
     * fails the test; how fast it comes is the benchmarks' business).
     */
    static Stopped interruptOnceRunning(JShellEvaluator on, String cell) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void stream(String name, String text) {
                if (text.contains("running")) {
                    running.countDown();
                }
            }

            @Override
            public void display(MimeBundle bundle, String displayId, boolean update) {}

            @Override
            public void clearOutput(boolean wait) {}
        };
        CompletableFuture<ExecutionOutcome> outcome = CompletableFuture.supplyAsync(
                () -> on.execute(cell, listener));
        assertTrue(running.await(60, TimeUnit.SECONDS), () -> "the cell never started: " + outcome);
        assertFalse(outcome.isDone(), "the cell should still run");
        long start = System.nanoTime();
        on.interrupt();
        ExecutionOutcome ended = outcome.get(60, TimeUnit.SECONDS);
        return new Stopped(ended, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The cell ended as interrupted, saying so, and the variables defined before it are there. */
    private void assertInterruptedKeepingTheState(Stopped stopped) {
        ExecutionOutcome outcome = stopped.outcome();
        assertEquals("Interrupted", outcome.error().ename(), "ended in " + stopped.took());
        assertTrue(outcome.error().evalue().contains("kept"), outcome.error().evalue());
        assertTheStateIsKept();
    }

    private void assertTheStateIsKept() {
        assertEquals("42", run(evaluator, "survivor").result().get("text/plain"));
    }

    @Test
    void interruptStopsABusyLoopAndKeepsTheState() throws Exception {
        Stopped stopped = interruptOnceRunning(evaluator,
                "long spins = 0;\nwhile (true) { if (spins++ == 0) System.out.println(\"running\"); }");
        assertInterruptedKeepingTheState(stopped);
    }

    @Test
    void interruptWakesASleepingCell() throws Exception {
        Stopped stopped = interruptOnceRunning(evaluator, "{ System.out.println(\"running\"); Thread.sleep(600_000); }");
        assertEquals("Interrupted", stopped.outcome().error().ename(), "stopped in " + stopped.took());
        assertTheStateIsKept();
    }

    @Test
    void heapExhaustionIsAnErrorAndTheKernelGoesOn() {
        ExecutionOutcome tooLarge = run(evaluator, "for (int i = 0; i < 100; i++) { long[] huge = new long[Integer.MAX_VALUE - 8]; }");
        assertEquals("java.lang.OutOfMemoryError", tooLarge.error().ename(), tooLarge.error().toString());
        ExecutionOutcome growing = run(evaluator, "var hoard = new ArrayList<long[]>();\nwhile (true) hoard.add(new long[1 << 20]);");
        assertEquals("java.lang.OutOfMemoryError", growing.error().ename(), growing.error().toString());
        assertTrue(growing.error().evalue().contains("heap"), growing.error().evalue());
        assertFalse(run(evaluator, "hoard = null;").isError());
        assertTheStateIsKept();
    }

    @Test
    void stackOverflowIsAnErrorWithAShortTrace() {
        run(evaluator, "int deep(int n) { return deep(n + 1) + 1; }");
        ExecutionOutcome outcome = run(evaluator, "deep(0)");
        assertEquals("java.lang.StackOverflowError", outcome.error().ename());
        assertTrue(outcome.error().traceback().size() < 10, outcome.error().traceback().toString());
        assertTrue(outcome.error().traceback().get(2).contains("repeated"), outcome.error().traceback().toString());
        assertTheStateIsKept();
    }

    @Test
    void aStopSwallowedByOneStatementEndsTheCellBeforeItsNextStatement() throws Exception {
        Stopped stopped = interruptOnceRunning(evaluator,
                "try { System.out.println(\"running\"); while (true) { Thread.onSpinWait(); } } catch (Throwable swallowed) { }\n"
                        + "while (true) { Thread.onSpinWait(); }");
        assertInterruptedKeepingTheState(stopped);
        assertEquals("2", run(evaluator, "1 + 1").result().get("text/plain"), "the next cell runs as usual");
    }

    @Test
    void aCellThatIgnoresTheStopIsKilledAndTheKernelRestartsIt() throws Exception {
        Stopped stopped = interruptOnceRunning(evaluator,
                "while (true) { try { System.out.println(\"running\"); while (true) { Thread.onSpinWait(); } } catch (Throwable ignored) { } }");
        ExecutionOutcome outcome = stopped.outcome();
        assertEquals("Interrupted", outcome.error().ename(), "ended in " + stopped.took());
        assertTrue(outcome.error().evalue().contains("state was lost"), outcome.error().evalue());
        assertEquals("2", run(evaluator, "1 + 1").result().get("text/plain"));
    }

    @Test
    void systemExitRestartsTheUserJvm() {
        run(evaluator, "int beforeExit = 7;");
        ExecutionOutcome outcome = run(evaluator, "System.out.println(\"bye\");\nSystem.exit(3);");
        assertEquals("UserJvmExited", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("exited with status 3"), outcome.error().evalue());
        assertTrue(outcome.error().evalue().contains("restarted"), outcome.error().evalue());
        assertEquals("2", run(evaluator, "1 + 1").result().get("text/plain"));
        assertTrue(run(evaluator, "beforeExit").isError(), "the state was lost");
        assertEquals("8388608", run(evaluator, "arr.ones(1024, 1024).nbytes()").result().get("text/plain"),
                "the startup imports are back");
    }

    @Test
    void anExpressionThatExitsWhenOldValuesAreDueForReleaseIsReportedAsAnExit() {
        run(evaluator, "int quit(int status) { System.exit(status); return 0; }");
        for (int i = 0; i < JShellSession.KEPT_VALUES; i++) {
            assertEquals(Integer.toString(i), run(evaluator, i + " + 0").result().get("text/plain"));
        }
        ExecutionOutcome outcome = run(evaluator, "quit(4)"); // a value too many: the oldest is due for release
        assertEquals("UserJvmExited", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("exited with status 4"), outcome.error().evalue());
        assertEquals("2", run(evaluator, "1 + 1").result().get("text/plain"));
    }

    @Test
    void restartForgetsAndCloseLeavesNoProcess() throws Exception {
        JShellEvaluator own = new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().build());
        try {
            run(own, "int forgotten = 1;");
            long before = childJavaProcesses();
            own.restart();
            assertTrue(run(own, "forgotten").isError());
            assertEquals("2", run(own, "1 + 1").result().get("text/plain"));
            assertEquals(before, childJavaProcesses(), "restart replaced the user JVM, it did not add one");
        } finally {
            long withOwn = childJavaProcesses();
            own.close();
            assertEquals(withOwn - 1, waitForChildren(withOwn - 1), "close ended the user JVM");
        }
    }

    static long childJavaProcesses() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    private static long waitForChildren(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (childJavaProcesses() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return childJavaProcesses();
    }
}
