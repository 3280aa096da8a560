package dev.footprint.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the launcher ({@code kernel}, {@code install}, ...). To add one, extend
 * {@link NamedCommand} (which is given the name and summary once) and list it in {@link Main#COMMANDS}.
 */
public interface Command {

    /** The word that selects this command, e.g. {@code "install"}. */
    String name();

    /** One line for the launcher's command list. */
    String summary();

    /** The full help text, shown for {@code --help} and after a usage error. */
    String usage();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit code (0 for success)
     * @throws UsageException when the arguments are wrong; the launcher prints it with the usage
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
