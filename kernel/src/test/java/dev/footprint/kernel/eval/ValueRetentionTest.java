package dev.footprint.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The values of the last {@value JShellSession#KEPT_VALUES} expressions keep their {@code $N}
 * names; older ones are released (so a long session's cells do not slow down, and the arrays an
 * old cell displayed are freed), except a value that code has named, and declared variables,
 * which are never released.
 */
class ValueRetentionTest {
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
    void oldValuesAreReleasedButNamedOnesAndVariablesStay() {
        assertEquals("42", plain("40 + 2"));                    // $1, named by the next cell
        assertEquals("43", plain("int next = $1 + 1; next"));  // names $1; next is a variable
        assertEquals("100", plain("99 + 1"));                   // $2, never named
        int kept = JShellSession.KEPT_VALUES;
        for (int i = 0; i < kept + 5; i++) {
            assertEquals(Integer.toString(i), plain(i + " + 0"));
        }
        int last = 2 + kept + 5;
        assertEquals(Integer.toString(kept + 4), plain("$" + last), "the newest value keeps its name");
        assertEquals("5", plain("$" + (last - kept + 1)), "the oldest of the kept values");
        ExecutionOutcome released = run("$" + (last - kept));
        assertTrue(released.isError(), "one older than that was released");
        assertEquals("CompilationError", released.error().ename());
        assertTrue(run("$2").isError(), "$2 was released");
        assertEquals("42", plain("$1"), "$1 is named by code, so it stays");
        assertEquals("43", plain("next"), "a declared variable stays");
        assertEquals("44", plain("next + 1"), "and later cells still compile against it");
    }
}
