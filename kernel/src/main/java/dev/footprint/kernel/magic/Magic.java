package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.ExecutionOutcome.ErrorInfo;
import java.util.List;

/**
 * A command of the notebook that is not Java: {@code %name args} or a cell {@code %%name args}.
 * Footprint's magics extend {@link NamedMagic}, which is given their names and summary once;
 * those that run their code ({@code %time}, {@code %memit}) extend {@link ProbedMagic}.
 */
public interface Magic {

    /** The name without percent signs; a magic may answer to several. */
    List<String> names();

    /** One line for {@code %lsmagic}. */
    String summary();

    /** What {@code %name?} shows in the pager: usage, what it does, an example. */
    default String help() {
        return "%" + names().get(0) + ": " + summary();
    }

    /** Runs {@code %name args}. */
    default ExecutionOutcome runLine(String name, String args, MagicContext context) {
        return failure("UsageError", "%" + name + " is a cell magic: write %%" + name + " on the cell's first line");
    }

    /** Runs a cell that starts with {@code %%name args}; {@code body} is the rest of the cell. */
    default ExecutionOutcome runCell(String name, String args, String body, MagicContext context) {
        return failure("UsageError", "%%" + name + " is not a cell magic; use %" + name + " on one line");
    }

    /** An error outcome with a one-line traceback. */
    static ExecutionOutcome failure(String name, String message) {
        return ExecutionOutcome.failed(new ErrorInfo(name, message, List.of(name + ": " + message)));
    }
}
