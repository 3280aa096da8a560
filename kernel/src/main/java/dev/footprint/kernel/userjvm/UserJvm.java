package dev.footprint.kernel.userjvm;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Field;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StringReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import dev.footprint.kernel.agent.UserJvmAgent;
import dev.footprint.kernel.eval.KernelLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A started user JVM: its process, the command socket (TCP_NODELAY, loopback) and the debugger
 * connection used only to stop runaway cells.
 *
 * <p>Both connections go from the user JVM out to listeners of the kernel bound to the loopback
 * address: the user JVM never opens a port. The JDWP agent connects out to the debugger listener
 * ({@link DebuggeeConnection}); the command socket must begin with a random token given in the
 * environment, so another local process cannot take the user JVM's place. Both listeners close
 * connections that do not greet as expected and keep waiting, so a stray client (another
 * kernel's, which reached a port Jupyter had just freed) cannot spoil the start. The debugger
 * listener takes the first JVM that greets, so once the command socket proved itself the kernel
 * reads the same token back through the debugger connection (a static field of the agent) and
 * refuses to start when it is not there: a debugger connection always belongs to the process it
 * started.
 */
public final class UserJvm implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    final Process process;
    final VirtualMachine vm;
    final Socket socket;
    public final long startMillis;

    private UserJvm(Process process, VirtualMachine vm, Socket socket, long startMillis) {
        this.process = process;
        this.vm = vm;
        this.socket = socket;
        this.startMillis = startMillis;
    }

    /**
     * Starts a user JVM and waits until it is connected.
     *
     * @param rawOutput receives what the process writes to its own stdout/stderr (JVM messages)
     */
    static UserJvm start(UserJvmOptions options, Consumer<String> rawOutput) throws IOException {
        long start = System.nanoTime();
        int timeoutMs = (int) options.startTimeout().toMillis();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Process process = null;
        try (ServerSocket commandListener = loopbackListener(); ServerSocket debugListener = loopbackListener()) {
            String debugAddress = LOOPBACK + ":" + debugListener.getLocalPort();
            ProcessBuilder builder = new ProcessBuilder(command(options, debugAddress, commandListener.getLocalPort()));
            builder.environment().put(UserJvmAgent.TOKEN_ENV, token);
            builder.redirectErrorStream(true);
            process = builder.start();
            process.getOutputStream().close(); // the cells have no standard input
            drain(process.getInputStream(), rawOutput);
            DebuggeeConnection debugger = DebuggeeConnection.accept(debugListener, deadline, KernelLog::warn);
            VirtualMachine vm;
            try {
                vm = Bootstrap.virtualMachineManager().createVirtualMachine(debugger, process);
            } catch (IOException | RuntimeException failure) {
                debugger.close();
                throw failure;
            }
            Socket socket = null;
            try {
                socket = acceptAgent(commandListener, token, deadline);
                checkIdentity(vm, token);
            } catch (IOException | RuntimeException failure) {
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException closing) {
                    failure.addSuppressed(closing);
                }
                try {
                    vm.dispose();
                } catch (RuntimeException alreadyGone) {
                    // checkIdentity disposed it, or the connection broke
                }
                throw failure;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new UserJvm(process, vm, socket, millis);
        } catch (IOException | RuntimeException failure) {
            if (process != null) {
                process.destroyForcibly();
            }
            String exit = process != null && !process.isAlive() ? " (exit status " + process.exitValue() + ")" : "";
            throw new IOException("the user JVM did not start" + exit + ": " + failure.getMessage(), failure);
        }
    }

    private static ServerSocket loopbackListener() throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 4);
            return listener;
        } catch (IOException failure) {
            listener.close();
            throw failure;
        }
    }

    private static List<String> command(UserJvmOptions options, String debugAddress, int commandPort) {
        List<String> command = new ArrayList<>();
        command.add(options.javaExecutable().toString());
        command.add("-agentlib:jdwp=transport=dt_socket,server=n,suspend=n,address=" + debugAddress);
        // Cells draw charts into SVG or PNG; a kernel has no screen (a later -D of the user's wins).
        command.add("-Djava.awt.headless=true");
        command.addAll(UserJvmOptions.startingHeap(options.jvmOptions()));
        command.addAll(options.jvmOptions());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, options.classPath()));
        command.add(UserJvmAgent.class.getName());
        command.add(Integer.toString(commandPort));
        return command;
    }

    static Socket acceptAgent(ServerSocket listener, String token, long deadline) throws IOException {
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            listener.setSoTimeout((int) left);
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketTimeoutException late) {
                break;
            }
            long patience = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(left, DebuggeeConnection.GREETING_PATIENCE_MS));
            try {
                socket.setTcpNoDelay(true);
                String line = new String(DebuggeeConnection.readWithin(socket, 100, '\n', patience), StandardCharsets.US_ASCII);
                if (token.equals(line)) {
                    socket.setSoTimeout(0);
                    return socket;
                }
            } catch (IOException silentOrBroken) {
                // a stranger, or a connection that broke before it proved itself: both are closed below
            }
            socket.close(); // not our user JVM
            KernelLog.warn("closed a connection to the command port from " + socket.getRemoteSocketAddress() + ": it did not give the token");
        }
        throw new IOException("the user JVM did not connect back in time");
    }

    /** Throws unless {@code vm} is the started agent: its identity field holds {@code token}. */
    static void checkIdentity(VirtualMachine vm, String token) throws IOException {
        String found = null;
        for (ReferenceType type : vm.classesByName(UserJvmAgent.class.getName())) {
            Field field = type.fieldByName(UserJvmAgent.FIELD_IDENTITY);
            Value value = field == null || !field.isStatic() ? null : type.getValue(field);
            if (value instanceof StringReference) {
                found = ((StringReference) value).value();
            }
        }
        if (found == null || !MessageDigest.isEqual(found.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            vm.dispose();
            throw new IOException("the debugger connection came from another process than the started user JVM");
        }
    }

    private static void drain(InputStream processOutput, Consumer<String> sink) {
        Thread drainer = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(processOutput, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line + "\n");
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, "footprint-user-jvm-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once the process ended, waiting a little for it; null if still alive. */
    public Integer exitStatus(long waitMillis) {
        try {
            if (process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Ends the process and its connections; waits until the process is gone. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            vm.dispose();
        } catch (RuntimeException alreadyGone) {
            // the VM died first
        }
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (a cell that will not stop). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
