package dev.footprint.kernel.magic;

import dev.footprint.kernel.agent.AgentExecutionControl;
import dev.footprint.kernel.eval.ExecutionOutcome;

/**
 * Runs a magic's code between two reads of the user JVM's probe ({@code MemoryProbe}'s counters)
 * and prints what the magic makes of the two readings. {@code %time} and {@code %memit} are this
 * with different reports.
 */
final class ProbedRun {
    private ProbedRun() {}

    /** What a magic prints from the probe's readings before and after its code. */
    interface Report {
        String of(long[] before, long[] after);
    }

    /**
     * @param magic     the magic's name, for messages ("time")
     * @param resetPeak whether the peak counters restart before the code (as {@code %memit} needs)
     * @param report    the text printed from the two readings; nothing is printed when the code
     *                  fails, as its error is the cell's output
     */
    static ExecutionOutcome run(String magic, String code, MagicContext context, boolean resetPeak, Report report) {
        long[] before;
        try {
            if (resetPeak) {
                context.agentCommand(AgentExecutionControl.CMD_RESET_PEAK, null);
            }
            before = (long[]) context.agentCommand(AgentExecutionControl.CMD_PROBE, null);
        } catch (Exception failure) {
            return Magic.failure(errorName(magic), "cannot read the user JVM's counters: " + failure.getMessage());
        }
        ExecutionOutcome outcome = context.runCode(code);
        if (outcome.isError()) {
            return outcome;
        }
        try {
            long[] after = (long[]) context.agentCommand(AgentExecutionControl.CMD_PROBE, null);
            context.print(report.of(before, after) + "\n");
        } catch (Exception failure) {
            context.print(magic + ": cannot read the user JVM's counters: " + failure.getMessage() + "\n");
        }
        return outcome;
    }

    private static String errorName(String magic) {
        return Character.toUpperCase(magic.charAt(0)) + magic.substring(1) + "Error";
    }
}
