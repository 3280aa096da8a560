package dev.footprint.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warm-up run at each session start leaves nothing the user can see: the first expression
 * is still {@code $1}, the warm-up's value cannot be reached or completed, and no variable is
 * listed, in a fresh session and after a restart. The kernel's own evaluations ({@code %whos})
 * take no {@code $N} name either.
 */
class WarmUpTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static ExecutionOutcome run(String cell) {
        return evaluator.execute(cell, ExecutionListener.NONE);
    }

    private static String plain(String cell) {
        ExecutionOutcome outcome = run(cell);
        assertFalse(outcome.isError(), () -> cell + ": unexpected error " + outcome.error());
        return outcome.result().get("text/plain");
    }

    @Test
    void freshAndRestartedSessionsShowNoTraceOfTheWarmUp() {
        assertNoTrace();
        evaluator.restart();
        assertNoTrace();
    }

    private static void assertNoTrace() {
        assertTrue(evaluator.complete("$", 1).matches().isEmpty(), "no $ variable before the first cell");
        assertEquals("7", plain("3 + 4"));
        assertEquals("7", plain("$1"), "the first expression's value is $1");
        assertEquals("[$1]", evaluator.complete("$", 1).matches().toString());
        assertTrue(run("$2").isError(), "only one value so far");
        ExecutionOutcome warmUpValue = run(JShellSession.WARM_UP_VARIABLE);
        assertTrue(warmUpValue.isError(), "the warm-up's value was dropped");
        assertEquals("CompilationError", warmUpValue.error().ename());
        ExecutionOutcome whos = run("%whos");
        assertFalse(whos.isError(), () -> "%whos: " + whos.error());
        assertFalse(String.valueOf(whos.result()).contains(JShellSession.WARM_UP_VARIABLE), String.valueOf(whos.result()));
        assertEquals("11", plain("5 + 6"));
        assertEquals("11", plain("$2"), "%whos took no $N name: the next expression's value is $2");
        assertEquals("[$1, $2]", evaluator.complete("$", 1).matches().toString());
    }
}
