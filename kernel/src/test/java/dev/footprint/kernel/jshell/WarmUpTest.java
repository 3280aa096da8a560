package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's {@code $N} names. The warm-up run at each session start leaves nothing the user can
 * see: the first expression is still {@code $1}, the warm-up's value cannot be reached or
 * completed, and no variable is listed, in a fresh session and after a restart. The kernel's own
 * evaluations ({@code %whos}) take no {@code $N} name either. The values of the last {@value
 * JShellSession#KEPT_VALUES} expressions keep their names; older ones are released (so a long
 * session's cells do not slow down, and the arrays an old cell displayed are freed), except a
 * value that code has named, and declared variables, which are never released.
 */
class WarmUpTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = newEvaluator();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static JShellEvaluator newEvaluator() {
        return new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build());
    }

    private static ExecutionOutcome run(String cell) {
        return run(evaluator, cell);
    }

    private static String plain(String cell) {
        return plain(evaluator, cell);
    }

    private static ExecutionOutcome run(JShellEvaluator on, String cell) {
        return on.execute(cell, ExecutionListener.NONE);
    }

    /** The cell's text value (null when it has none); fails the test on an error. */
    private static String plain(JShellEvaluator on, String cell) {
        ExecutionOutcome outcome = run(on, cell);
        assertFalse(outcome.isError(), () -> cell + ": unexpected error " + outcome.error());
        return outcome.result() == null ? null : outcome.result().get("text/plain");
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

    @Test
    void oldValuesAreReleasedButNamedOnesAndVariablesStay() {
        // A session of its own, numbered from $1 whatever the other test did.
        try (JShellEvaluator own = newEvaluator()) {
            assertEquals("42", plain(own, "40 + 2"));                    // $1, named by the next cell
            assertEquals("43", plain(own, "int next = $1 + 1; next"));  // names $1; next is a variable
            assertEquals("100", plain(own, "99 + 1"));                   // $2, never named
            int kept = JShellSession.KEPT_VALUES;
            for (int i = 0; i < kept + 5; i++) {
                assertEquals(Integer.toString(i), plain(own, i + " + 0"));
            }
            int last = 2 + kept + 5;
            assertEquals(Integer.toString(kept + 4), plain(own, "$" + last), "the newest value keeps its name");
            assertEquals("5", plain(own, "$" + (last - kept + 1)), "the oldest of the kept values");
            ExecutionOutcome released = run(own, "$" + (last - kept));
            assertTrue(released.isError(), "one older than that was released");
            assertEquals("CompilationError", released.error().ename());
            ExecutionOutcome second = run(own, "$2 + 1");
            assertTrue(second.isError(), "$2 was released");
            assertTrue(String.join("\n", second.error().traceback()).contains("$2 was released: the last 20 expression values"),
                    "the error says why: " + second.error().traceback());
            assertFalse(String.join("\n", run(own, "$999").error().traceback()).contains("released"),
                    "a name that never was is only not found");
            assertEquals("42", plain(own, "$1"), "$1 is named by code, so it stays");
            assertEquals("43", plain(own, "next"), "a declared variable stays");
            assertEquals("44", plain(own, "next + 1"), "and later cells still compile against it");
        }
    }

    @Test
    void aReleasedValuesArraysAreFreedAndACellKeepsTheValuesItNamesFurtherDown() {
        try (JShellEvaluator own = newEvaluator()) {
            String ledger = "dev.footprint.array.MemoryLedger";
            plain(own, ledger + ".settle();");
            plain(own, "long base = " + ledger + ".live();");
            plain(own, "arr.ones(1024, 1024)");                 // $1: 8 MiB held by its name only
            plain(own, "arr.ones(UINT8, 16)");                  // $2
            for (int i = 0; i < JShellSession.KEPT_VALUES - 1; i++) {
                plain(own, i + " + 0");                         // $3 .. $21: $1 is released
            }
            // $2 is the oldest kept value; the first expression below releases it, the second names it.
            assertEquals("16", plain(own, "100 + 0;\n$2.size()"), "a value named further down the cell is kept");
            // The same across a magic: the cell's parts run one by one, but its names count at once.
            // ($2.size() took $23, which released $3; $4 is now the oldest kept value.)
            ExecutionOutcome magic = run(own, "101 + 0\n%time $4 + 0");
            assertFalse(magic.isError(), () -> "a value named in a magic's line is kept: " + magic.error());
            plain(own, ledger + ".settle();");
            long held = Long.parseLong(plain(own, ledger + ".live() - base"));
            assertTrue(held < (1 << 20), "the released 8 MiB array was collected; still live: " + held + " bytes");
        }
    }
}
