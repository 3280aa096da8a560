package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import java.util.List;

/**
 * {@code %whos}: the session's variables that hold arrays, largest first, as a footprint table
 * ({@code footprint("a", a, "s", s)} evaluated in the user JVM).
 */
public final class WhosMagic extends NamedMagic {

    public WhosMagic() {
        super("whos", "the variables that hold arrays, largest first, as a footprint table");
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        List<MagicContext.Variable> variables = context.variables();
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (MagicContext.Variable variable : variables) {
            String separator = names.length() == 0 ? "" : ", ";
            names.append(separator).append('"').append(variable.name()).append('"');
            values.append(separator).append(variable.name());
        }
        String expression = "dev.footprint.kernel.agent.ArrayVariables.table(new String[] {" + names
                + "}, new Object[] {" + values + "})";
        try {
            return ExecutionOutcome.ok(context.evaluateHidden(expression));
        } catch (Exception failure) {
            return Magic.failure("WhosError", failure.getMessage());
        }
    }
}
