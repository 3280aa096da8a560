package dev.footprint.kernel.jshell;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.agent.AgentExecutionControl;
import dev.footprint.kernel.userjvm.OutputRouter;
import dev.footprint.kernel.userjvm.UserJvm;
import dev.footprint.kernel.userjvm.UserJvmExecutionControl;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import dev.footprint.kernel.userjvm.UserJvmProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;

/**
 * One JShell (compiler, in the kernel JVM) bound to one user JVM. Used only from the
 * evaluator's owner thread, except {@link #stop} and {@link #kill}.
 */
final class JShellSession implements AutoCloseable {
    /** In effect from the first cell on; one that does not compile yet is skipped. */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import static dev.footprint.Footprint.*;",
            "import dev.footprint.array.*;",
            "import dev.footprint.sparse.*;",
            "import dev.footprint.report.*;",
            "import dev.footprint.display.Displayable;",
            "import dev.footprint.display.MimeBundle;",
            "import static dev.footprint.kernel.agent.Display.*;");

    /**
     * What {@link #warmUp} runs: an expression, the commonest kind of cell, so its first run
     * loads and compiles the same code (in both JVMs) as a user's first cell.
     */
    static final String WARM_UP_CODE = "1 + 1";
    /** The name of the warm-up's value, which keeps it out of the user's {@code $1, $2, ...}. */
    static final String WARM_UP_VARIABLE = "$footprintWarmUp";

    final JShell shell;
    private final UserJvmProvider provider;
    private final GrowingClassPath compilerClassPath;
    private final List<String> addedClassPath = new ArrayList<>();
    private final TempVariableNames tempNames;
    /** Warm-ups run so far: each needs a name of its own, as JShell keeps dropped snippets' names. */
    private int warmUps;
    private volatile boolean closed;
    private volatile boolean stopAsked;

    private JShellSession(JShell shell, UserJvmProvider provider, GrowingClassPath compilerClassPath, TempVariableNames tempNames) {
        this.shell = shell;
        this.provider = provider;
        this.compilerClassPath = compilerClassPath;
        this.tempNames = tempNames;
    }

    /**
     * Starts a user JVM and a JShell bound to it, with the class path and the startup imports,
     * and warms both up; returns once the user JVM is connected. JShell compiles the imports
     * and the warm-up while the user JVM boots.
     */
    static JShellSession start(UserJvmOptions options, OutputRouter router, List<String> extraClassPath) throws IOException {
        UserJvmProvider provider = new UserJvmProvider(options, router);
        TempVariableNames tempNames = new TempVariableNames();
        JShell shell;
        GrowingClassPath[] fileManager = new GrowingClassPath[1];
        try {
            shell = JShell.builder()
                    .executionEngine(provider, Map.of())
                    .tempVariableNameGenerator(tempNames)
                    .fileManager(standard -> fileManager[0] = new GrowingClassPath(standard))
                    .build();
        } catch (IllegalStateException failure) {
            throw new IOException(failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
        }
        JShellSession session = new JShellSession(shell, provider, fileManager[0], tempNames);
        try {
            shell.onShutdown(closedShell -> session.closed = true);
            // Through addToClasspath, not a --class-path compiler option, which would hide later additions.
            shell.addToClasspath(String.join(File.pathSeparator, options.classPath()));
            for (String entry : extraClassPath) {
                shell.addToClasspath(entry); // nothing compiled yet: JShell's own way costs nothing here
                session.addedClassPath.add(entry);
            }
            for (String startupImport : STARTUP_IMPORTS) {
                shell.eval(startupImport);
            }
            session.warmUp();
            provider.awaitStarted();
        } catch (IOException | RuntimeException failure) {
            session.close();
            throw failure;
        }
        return session;
    }

    /**
     * Runs {@link #WARM_UP_CODE} the way a cell runs (analysis, compilation, loading and
     * invocation in the user JVM, rendering) and drops it again, so the user's first cell finds
     * the compiler and both JVMs' code paths loaded and compiled. It leaves nothing a user can
     * see: its value has its own name rather than {@code $1}, and the snippet is dropped. A
     * failure only means no warm-up; one of the user JVM shows in the next cell. Also run after
     * a cell that grew the class path, which makes JShell start its compiler afresh.
     */
    void warmUp() {
        tempNames.override = warmUps++ == 0 ? WARM_UP_VARIABLE : WARM_UP_VARIABLE + warmUps;
        try {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(WARM_UP_CODE);
            String source = FootprintCallRewriter.rewrite(info.source()).source();
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                if (event.status() == Snippet.Status.VALID && event.exception() == null && CodeRunner.showsValue(event.snippet())) {
                    renderLastValue();
                }
                shell.drop(event.snippet());
            }
        } catch (RuntimeException | ExecutionControl.ExecutionControlException failure) {
            // no warm-up
        } finally {
            tempNames.override = null;
        }
    }

    /**
     * JShell's names for expression values: its own ({@code $1, $2, ...}, when this gives
     * null) except while {@link #override} is set.
     */
    private static final class TempVariableNames implements Supplier<String> {
        volatile String override;

        @Override
        public String get() {
            return override;
        }
    }

    /**
     * How many expression values keep their {@code $N} name. Every snippet JShell compiles
     * imports every live declaration, so each kept value costs every later cell about 0.1 ms of
     * compiling: kept forever, they made a 200-cell session's cells twice as slow as its first.
     */
    static final int KEPT_VALUES = 20;
    private static final Pattern VALUE_NAME = Pattern.compile("\\$[0-9]+");

    private final Deque<Snippet> values = new ArrayDeque<>();
    private final Set<String> namedInCode = new HashSet<>();
    private final Set<String> released = new HashSet<>();

    /**
     * Evaluates a snippet of the user's; the values of all but the last {@value #KEPT_VALUES}
     * expressions are released then (their {@code $N} dropped and the user JVM's reference
     * cleared, so what they held can be collected), except those that code has named
     * ({@link #noteNames}, which the caller gives the whole cell first), as a later snippet may
     * depend on them.
     */
    List<SnippetEvent> eval(String source) {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.status().isActive()
                    && event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                values.add(event.snippet());
            }
        }
        try {
            while (values.size() > KEPT_VALUES) {
                Snippet oldest = values.removeFirst();
                String name = ((VarSnippet) oldest).name();
                if (!namedInCode.contains(name) && shell.status(oldest).isActive()) {
                    shell.drop(oldest);
                    released.add(name);
                    releaseInUserJvm(name);
                }
            }
        } catch (IllegalStateException closedByTheSnippet) {
            // The snippet ended the user JVM (System.exit) and JShell with it: nothing is left to release.
        }
        return events;
    }

    /**
     * Marks the {@code $N} names that {@code code} mentions as never to be released. Called with
     * a whole cell before its first snippet runs, so that a value the cell names further down is
     * not released by an expression above it.
     */
    void noteNames(String code) {
        Matcher names = VALUE_NAME.matcher(code);
        while (names.find()) {
            namedInCode.add(names.group());
        }
    }

    /**
     * Dropping a snippet removes its name from JShell, but the user JVM's class for it still
     * holds the value in a static field: the agent clears it, so the arrays can be collected.
     */
    private void releaseInUserJvm(String name) {
        try {
            agentCommand(AgentExecutionControl.CMD_RELEASE_VALUE, name);
        } catch (ExecutionControl.ExecutionControlException failure) {
            // the user JVM is gone, and the value with it
        }
    }

    /**
     * Why {@code name} cannot be found when it is a value this session released, else null: said
     * beside JShell's "cannot find symbol", which alone would look like a typo.
     */
    String releasedValueNote(String name) {
        return released.contains(name)
                ? name + " was released: the last " + KEPT_VALUES + " expression values keep their names;"
                        + " keep a value you need later in a variable (var x = $N;)"
                : null;
    }

    /** The name of the value of the kernel's own evaluations, which keeps them out of {@code $1, $2, ...}. */
    static final String HIDDEN_VARIABLE = "$footprintHidden";

    /**
     * Evaluates the kernel's own code (what a magic such as {@code %whos} asks for) without
     * taking one of the user's {@code $N} names; the caller drops the snippet afterwards.
     */
    List<SnippetEvent> evalHidden(String source) {
        tempNames.override = HIDDEN_VARIABLE;
        try {
            return shell.eval(source);
        } finally {
            tempNames.override = null;
        }
    }

    /** Runs one of the agent's extension commands (probes, rendering). */
    Object agentCommand(String command, Object argument) throws ExecutionControl.ExecutionControlException {
        UserJvmExecutionControl control = provider.control();
        if (control == null || closed) {
            throw new ExecutionControl.EngineTerminationException("the user JVM is not running");
        }
        return control.extensionCommand(command, argument);
    }

    /** The last value's bundle as the user JVM rendered it (entries in the order they arrive), or null. */
    @SuppressWarnings("unchecked")
    MimeBundle renderLastValue() throws ExecutionControl.ExecutionControlException {
        Map<String, String> rendered = (Map<String, String>) agentCommand(AgentExecutionControl.CMD_RENDER_LAST, null);
        return rendered == null ? null : MimeBundle.copyOf(rendered);
    }

    /**
     * Adds {@code entry} to the class path of the compiler and of the user JVM. A jar goes to the
     * compiler through {@link GrowingClassPath}, which keeps the compiler warm, when it can;
     * otherwise (a directory, or a jar with classes in a package the compiler has already read)
     * through JShell, whose compiler then starts afresh. See {@link #handOverClassPath}.
     */
    void addToClassPath(String entry) {
        ExecutionControl engine = provider.engine();
        if (compilerClassPath != null && engine != null && compilerClassPath.add(Path.of(entry))) {
            try {
                engine.addToClasspath(entry);
            } catch (ExecutionControl.ExecutionControlException failure) {
                // as JShell's own addToClasspath: the next cell that needs the user JVM reports it
            }
        } else {
            shell.addToClasspath(entry);
        }
        addedClassPath.add(entry);
    }

    /**
     * Gives JShell the jars that reached the compiler through {@link GrowingClassPath}, so that
     * its completion indexes them and its compiler holds them in its own class path; JShell then
     * starts its compiler afresh, so the caller warms it up again ({@link #warmUp}). Run between
     * cells. The user JVM already has these jars and ignores a second addition of the same one.
     */
    void handOverClassPath() {
        if (compilerClassPath == null) {
            return;
        }
        List<Path> jars = compilerClassPath.added();
        compilerClassPath.handOver();
        for (Path jar : jars) {
            shell.addToClasspath(jar.toString());
        }
    }

    List<String> addedClassPath() {
        return List.copyOf(addedClassPath);
    }

    /** True once the user JVM is gone or JShell was closed. */
    boolean isClosed() {
        UserJvm userJvm = provider.userJvm();
        return closed || userJvm == null || !userJvm.isAlive();
    }

    /** Exit status of the user JVM, if it exited. */
    Integer exitStatus() {
        UserJvm userJvm = provider.userJvm();
        return userJvm == null ? null : userJvm.exitStatus(2000);
    }

    boolean takeStopped() {
        UserJvmExecutionControl control = provider.control();
        return control != null && control.takeStopped();
    }

    boolean isUserCodeRunning() {
        UserJvmExecutionControl control = provider.control();
        return control != null && control.isUserCodeRunning();
    }

    /**
     * Whether a stop was asked for since the cell began. A statement may swallow the stop (a
     * {@code catch (Throwable)} around it) and end normally; the cell's later statements must
     * then not run.
     */
    boolean stopAsked() {
        return stopAsked;
    }

    /** Forgets a stop asked for by an earlier cell. */
    void clearStopAsked() {
        stopAsked = false;
    }

    /** Asks the user JVM to stop the running cell; safe from any thread. */
    void stop() {
        stopAsked = true;
        if (!closed) {
            try {
                shell.stop();
            } catch (IllegalStateException alreadyClosed) {
                // nothing runs
            }
        }
    }

    /** Ends the user JVM at once; the running cell fails and the state is lost. */
    void kill() {
        UserJvm userJvm = provider.userJvm();
        if (userJvm != null) {
            userJvm.kill();
        }
    }

    long userJvmStartMillis() {
        UserJvm userJvm = provider.userJvm();
        return userJvm == null ? -1 : userJvm.startMillis;
    }

    @Override
    public void close() {
        try {
            shell.close();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        UserJvm userJvm = provider.userJvm();
        if (userJvm != null) {
            userJvm.close();
        }
    }
}
