package dev.footprint.cli;

import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.protocol.ConnectionInfo;
import dev.footprint.kernel.protocol.KernelServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kernel CONNECTION_FILE}: runs the Jupyter kernel until a client shuts it down. Jupyter
 * starts this through the kernelspec written by {@code install}.
 */
final class KernelCommand extends NamedCommand {

    KernelCommand() {
        super("kernel", "run the Jupyter kernel (Jupyter starts this; see install)");
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar footprint-kernel.jar kernel CONNECTION_FILE

                Runs the Footprint Jupyter kernel on the sockets named in CONNECTION_FILE, the
                JSON file a Jupyter client writes (transport, ip, five ports, key), until a
                client sends shutdown_request. Cells run in a separate user JVM; its options
                come from the environment variable FOOTPRINT_USER_JVM_OPTS (e.g. "-Xmx1g").
                When JPY_PARENT_PID names a running process (Jupyter sets it), the kernel shuts
                down once that process has ended.

                You normally do not run this yourself: install the kernelspec with
                'java -jar footprint-kernel.jar install' and pick "Java (Footprint)" in Jupyter.""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing CONNECTION_FILE");
        }
        if (args.size() > 1) {
            throw new UsageException("expected one CONNECTION_FILE, got " + args.size() + " arguments: " + args);
        }
        Path file = Path.of(args.get(0));
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "connection file not found");
        }
        ConnectionInfo connection;
        try {
            connection = ConnectionInfo.read(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Evaluator evaluator = Evaluators.create();
        KernelServer kernel = new KernelServer(connection, evaluator);
        // Jupyter may end the kernel with a signal; the user JVM must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(kernel::close, "footprint-kernel-exit"));
        try {
            kernel.start();
            err.println("Footprint kernel listening: " + connection);
            // The JDK notices the end of a process that is not its child within a few seconds.
            ParentWatch.parent(System.getenv()).ifPresent(parent -> parent.onExit().thenRun(() ->
                    kernel.requestShutdown("the process that started this kernel (pid " + parent.pid()
                            + ") has ended; shutting down")));
            kernel.awaitShutdown();
        } finally {
            kernel.close();
        }
        return 0;
    }
}
