package dev.footprint.kernel.magic;

import dev.footprint.kernel.agent.AgentExecutionControl;
import dev.footprint.kernel.eval.ExecutionOutcome;

/**
 * A magic that runs its code ({@code %name code}, or the body of a {@code %%name} cell) between
 * two reads of the user JVM's probe ({@code MemoryProbe}'s counters) and prints what it makes of
 * the two readings. {@code %time} and {@code %memit} are this with different reports.
 */
abstract class ProbedMagic extends NamedMagic {
    private final boolean resetPeak;

    /** @param resetPeak whether the peak counters restart before the code (as {@code %memit} needs) */
    ProbedMagic(String name, String summary, boolean resetPeak) {
        super(name, summary);
        this.resetPeak = resetPeak;
    }

    /** What the magic prints from the probe's readings before and after its code. */
    abstract String report(long[] before, long[] after);

    @Override
    public final ExecutionOutcome runLine(String name, String args, MagicContext context) {
        return run(args, context);
    }

    @Override
    public final ExecutionOutcome runCell(String name, String args, String body, MagicContext context) {
        return run(body, context);
    }

    /** Nothing is printed when the code fails: its error is the cell's output. */
    private ExecutionOutcome run(String code, MagicContext context) {
        String magic = names().get(0);
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
            context.print(report(before, after) + "\n");
        } catch (Exception failure) {
            context.print(magic + ": cannot read the user JVM's counters: " + failure.getMessage() + "\n");
        }
        return outcome;
    }

    private static String errorName(String magic) {
        return Character.toUpperCase(magic.charAt(0)) + magic.substring(1) + "Error";
    }
}
