package dev.footprint.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher: {@code java -jar footprint-kernel.jar COMMAND [ARGS]}.
 *
 * <pre>{@code
 * java -jar footprint-kernel.jar install --user
 * java -jar footprint-kernel.jar kernel /path/to/kernel-1234.json
 * }</pre>
 */
public final class Main {

    /** Exit code of a command line that could not be understood. */
    public static final int USAGE_ERROR = 2;

    /** The subcommands, in the order the help lists them. */
    static final List<Command> COMMANDS = List.of(new KernelCommand(), new InstallCommand(),
            new RunCommand(), new DemoCommand(), new JshellCommand(), new NotebookCommand());

    private Main() {}

    /** Runs the command named by {@code args[0]} and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** Runs the command named by {@code args[0]}; returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return USAGE_ERROR;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            if (args.length > 1) {
                Optional<Command> command = find(args[1]);
                if (command.isPresent()) {
                    out.println(command.get().usage());
                    return 0;
                }
            }
            out.println(usage());
            return 0;
        }
        Optional<Command> command = find(name);
        if (command.isEmpty()) {
            err.println("footprint: unknown command '" + name + "'");
            err.println();
            err.println(usage());
            return USAGE_ERROR;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.get().usage());
            return 0;
        }
        try {
            return command.get().run(rest, out, err);
        } catch (UsageException e) {
            err.println("footprint " + name + ": " + e.getMessage());
            err.println();
            err.println(command.get().usage());
            return USAGE_ERROR;
        } catch (Exception e) {
            err.println("footprint " + name + ": " + e.getMessage());
            return 1;
        }
    }

    /** The launcher's help: its commands, one line each. */
    static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: java -jar footprint-kernel.jar COMMAND [OPTIONS]\n\n");
        text.append("Footprint: a Java notebook kernel that shows how much memory arrays take.\n\n");
        text.append("Commands:\n");
        for (Command command : COMMANDS) {
            text.append(String.format("  %-10s %s%n", command.name(), command.summary()));
        }
        text.append("\nRun 'java -jar footprint-kernel.jar COMMAND --help' for a command's options.");
        return text.toString();
    }

    private static Optional<Command> find(String name) {
        return COMMANDS.stream().filter(command -> command.name().equals(name)).findFirst();
    }
}
