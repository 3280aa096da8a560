package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.KernelLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A Jupyter kernel speaking protocol 5.3 over ZeroMQ: binds the five sockets of a connection
 * file and answers them with an {@link Evaluator}, which it owns and closes.
 *
 * <p>Threads: shell requests run one at a time on the shell thread; control (interrupt, shutdown)
 * and heartbeat have a thread each, so they answer while a cell runs. All three block in polls.
 *
 * <pre>{@code
 * try (KernelServer kernel = new KernelServer(ConnectionInfo.read(file), evaluator)) {
 *     kernel.start();
 *     kernel.awaitShutdown();     // returns after a shutdown_request
 * }
 * }</pre>
 */
public final class KernelServer implements AutoCloseable {

    /** How long outgoing messages (the shutdown reply above all) may wait to leave at close. */
    private static final int LINGER_MILLIS = 1000;
    private static final Duration THREAD_STOP_WAIT = Duration.ofSeconds(3);
    /**
     * How long a busy port is tried again. Jupyter picks a kernel's ports, frees them and starts
     * the kernel; until the kernel binds them, any program may take one for a moment (a JVM of
     * another kernel starting, a connection closing). A port held for good still fails the start.
     */
    static final Duration DEFAULT_BIND_PATIENCE = Duration.ofSeconds(3);
    private static final long BIND_RETRY_MILLIS = 50;
    /** How often the announcement of the start looks for a subscriber. */
    private static final Duration ANNOUNCE_POLL = Duration.ofMillis(20);
    /** How long after the first subscription the start is announced: Jupyter's other connections join meanwhile. */
    private static final Duration ANNOUNCE_SETTLE = Duration.ofMillis(500);

    private final ConnectionInfo connection;
    private final Evaluator evaluator;
    private final ExecutionHistory history = new ExecutionHistory();
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private ZMQ.Context context;
    private StopSignal stopSignal;
    private IoPubPublisher iopub;
    private ZMQ.Socket stdin;
    private final Duration bindPatience;
    private boolean started;
    private volatile boolean closed;

    /** A kernel for {@code connection} that runs cells with {@code evaluator}. */
    public KernelServer(ConnectionInfo connection, Evaluator evaluator) {
        this(connection, evaluator, DEFAULT_BIND_PATIENCE);
    }

    /** As above; a port still busy after {@code bindPatience} fails the start. */
    KernelServer(ConnectionInfo connection, Evaluator evaluator, Duration bindPatience) {
        this.connection = connection;
        this.evaluator = evaluator;
        this.bindPatience = bindPatience;
    }

    /**
     * Binds the sockets to the connection file's address and starts answering.
     *
     * @throws IllegalStateException if a port cannot be bound (already in use, bad address)
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the kernel was already started");
        }
        started = true;
        context = ZMQ.context(1);
        stopSignal = new StopSignal(context);
        MessageSigner signer = new MessageSigner(connection.key());
        WireCodec codec = new WireCodec(signer, new ReplayGuard(ReplayGuard.DEFAULT_CAPACITY));
        MessageFactory messages = new MessageFactory();

        ZMQ.Socket shell = null;
        ZMQ.Socket control = null;
        ZMQ.Socket heartbeat = null;
        try {
            shell = bind(SocketType.ROUTER, connection.shellPort(), "shell");
            control = bind(SocketType.ROUTER, connection.controlPort(), "control");
            heartbeat = bind(SocketType.REP, connection.hbPort(), "heartbeat");
            stdin = bind(SocketType.ROUTER, connection.stdinPort(), "stdin");
            iopub = new IoPubPublisher(bind(SocketType.XPUB, connection.iopubPort(), "iopub"), codec, messages);
        } catch (RuntimeException bindFailure) {
            // A socket left open would make terminating the context wait for it forever.
            for (ZMQ.Socket socket : new ZMQ.Socket[] {shell, control, heartbeat, stdin}) {
                if (socket != null) {
                    socket.close();
                }
            }
            stdin = null;
            stopSignal.close();
            context.term();
            closed = true;
            safely("close the evaluator", evaluator::close);
            throw bindFailure;
        }

        JsonObject kernelInfo = KernelInfo.content(KernelInfo.implementationVersion());
        ShellHandler shellHandler = new ShellHandler(evaluator, iopub, history, kernelInfo, connection);
        ControlHandler controlHandler = new ControlHandler(evaluator, kernelInfo, shutdownRequested::countDown);
        startThread("footprint-heartbeat", new Heartbeat(context, heartbeat, stopSignal.subscribe()));
        startThread("footprint-control", new ChannelLoop(
                "control", context, control, stopSignal.subscribe(), codec, messages, controlHandler));
        startThread("footprint-shell", new ChannelLoop(
                "shell", context, shell, stopSignal.subscribe(), codec, messages, shellHandler));
        Thread announcer = new Thread(this::announceStart, "footprint-iopub-starting");
        announcer.setDaemon(true);
        announcer.start();
    }

    /**
     * Publishes the status "starting" on iopub, as Jupyter kernels do when they start: the page
     * of Jupyter Notebook, told by its server that a dead kernel is being restarted, shows "Dead
     * kernel" until this status makes it ask for the kernel's info and show it ready. A message
     * published with nobody subscribed is lost, and Jupyter's connections to a restarted
     * kernel's ports come back every 100 ms, each on its own: published {@link #ANNOUNCE_SETTLE}
     * after the first subscription, or before the first reply to a request if that comes sooner.
     */
    private void announceStart() {
        try {
            while (!iopub.hasSubscriber()) {
                if (closed) {
                    return;
                }
                Thread.sleep(ANNOUNCE_POLL.toMillis());
            }
            Thread.sleep(ANNOUNCE_SETTLE.toMillis());
            iopub.announceStart();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until a client sends {@code shutdown_request}. */
    public void awaitShutdown() throws InterruptedException {
        shutdownRequested.await();
    }

    /**
     * Ends {@link #awaitShutdown} as a client's shutdown_request would, for a kernel whose client
     * is gone; {@code reason} goes to the kernel's log.
     */
    public void requestShutdown(String reason) {
        KernelLog.warn(reason);
        shutdownRequested.countDown();
    }

    /** Blocks until a shutdown request or the timeout; true if shutdown was requested. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return shutdownRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The cells run so far. */
    public ExecutionHistory history() {
        return history;
    }

    /**
     * Stops the running cell, the socket threads and the evaluator, then releases the ports.
     * Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed || !started) {
            closed = true;
            return;
        }
        closed = true;
        safely("interrupt the running cell", evaluator::interrupt);
        boolean allStopped = stopThreads();
        safely("close the evaluator", evaluator::close);
        if (iopub != null) {
            iopub.close();
        }
        if (stdin != null) {
            stdin.close();
        }
        stopSignal.close();
        if (allStopped) {
            context.term();
        } else {
            // Terminating now would wait forever for the stuck thread's socket; the process ends soon.
            KernelLog.warn("a kernel thread did not stop in " + THREAD_STOP_WAIT.toSeconds() + " s");
        }
    }

    /** Signals the loops until all have ended or the wait is over; true if all ended. */
    private boolean stopThreads() {
        long deadline = System.nanoTime() + THREAD_STOP_WAIT.toNanos();
        for (Thread thread : threads) {
            // Signalling again is cheap and covers a subscription that had not reached the
            // publisher when the first signal went out.
            while (thread.isAlive() && System.nanoTime() < deadline) {
                stopSignal.fire();
                try {
                    thread.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private ZMQ.Socket bind(SocketType type, int port, String channel) {
        String endpoint = connection.endpoint(port);
        long deadline = System.nanoTime() + bindPatience.toNanos();
        boolean warned = false;
        while (true) {
            ZMQ.Socket socket = context.socket(type);
            socket.setLinger(LINGER_MILLIS);
            socket.setIPv6(connection.ip().contains(":"));
            try {
                socket.bind(endpoint);
                if (warned) {
                    KernelLog.warn("bound the " + channel + " socket to " + endpoint + " once it was free");
                }
                return socket;
            } catch (ZMQException e) {
                socket.close();
                if (System.nanoTime() >= deadline) {
                    throw new IllegalStateException("cannot bind the " + channel + " socket to " + endpoint + ": "
                            + e.getMessage() + " (is another kernel using this connection file?)", e);
                }
                if (!warned) {
                    KernelLog.warn("the " + channel + " port " + port + " is busy (" + e.getMessage()
                            + "); trying again for up to " + bindPatience.toMillis() + " ms");
                    warned = true;
                }
            }
            try {
                Thread.sleep(BIND_RETRY_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the " + channel + " port " + port);
            }
        }
    }

    private void startThread(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        // A stuck cell must never keep the process alive after shutdown.
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void safely(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            KernelLog.error("could not " + what, e);
        }
    }
}
