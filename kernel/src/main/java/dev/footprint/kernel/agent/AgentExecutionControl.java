package dev.footprint.kernel.agent;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.RemoteExecutionControl;

/**
 * The user JVM's end of the execution engine: runs the cells' compiled classes, keeps the last
 * value so the kernel can ask for its bundle, answers the magics' probes, and cooperates with
 * the kernel's debugger-based stop.
 *
 * <p>The kernel stops a runaway cell by throwing {@link #stopSignal} into the thread that runs
 * {@code invoke} (JDI {@code ThreadReference.stop}); it finds this object through the field
 * names below, which are therefore part of the protocol between the two JVMs.
 */
public class AgentExecutionControl extends RemoteExecutionControl {
    /** Field the kernel reads: true while user code runs. */
    public static final String FIELD_IN_USER_CODE = "inUserCode";
    /** Field the kernel sets before throwing the stop signal, cleared when it arrived. */
    public static final String FIELD_EXPECTING_STOP = "expectingStop";
    /** Field holding the throwable the kernel throws into the running thread. */
    public static final String FIELD_STOP_SIGNAL = "stopSignal";

    public static final String CMD_RENDER_LAST = "footprint-render-last";
    public static final String CMD_FORGET_LAST = "footprint-forget-last";
    public static final String CMD_PROBE = "footprint-probe";
    public static final String CMD_RESET_PEAK = "footprint-reset-peak";
    /** Sets the fields that hold a value the kernel released ({@code $N}, the argument) to null. */
    public static final String CMD_RELEASE_VALUE = "footprint-release-value";

    private static final int MAX_VALUE_TEXT = 20_000;

    private volatile boolean inUserCode;
    private volatile boolean expectingStop;
    @SuppressWarnings("unused") // thrown by the kernel through JDI
    private final CellStopped stopSignal = new CellStopped();

    private Object lastValue;
    /**
     * For each {@code $N} name, the loaded snippet classes with a static reference field of that
     * name. Dropping a snippet in JShell removes the name but not the field, which would keep the
     * value (and its arrays) alive for the rest of the session.
     */
    private final Map<String, List<Class<?>>> valueHolders = new HashMap<>();
    private long executionNanos;
    private long executionCpuNanos;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        long start = System.nanoTime();
        long startCpu = MemoryProbe.threadCpuNanos();
        Object value;
        try {
            value = doitMethod.invoke(null);
        } finally {
            executionNanos += System.nanoTime() - start;
            executionCpuNanos += MemoryProbe.threadCpuNanos() - startCpu;
        }
        lastValue = value;
        return shortText(value);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        Object value;
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException failure) {
            throw new InternalException("cannot read " + varName + ": " + failure);
        }
        lastValue = value;
        return shortText(value);
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        switch (command) {
            case CMD_RENDER_LAST: {
                Object value = lastValue;
                lastValue = null;
                // A display handle as the cell's value would repeat what display() showed; the
                // stream that System.out.printf(...) returns would only show its identity hash.
                return value instanceof DisplayHandle || ValueRenderer.isBareStream(value)
                        ? null
                        : new HashMap<>(ValueRenderer.bundle(value));
            }
            case CMD_FORGET_LAST:
                lastValue = null;
                return null;
            case CMD_PROBE:
                return MemoryProbe.sample(executionNanos, executionCpuNanos);
            case CMD_RESET_PEAK:
                return MemoryProbe.resetLedgerPeak();
            case CMD_RELEASE_VALUE:
                return releaseValue((String) arg);
            default:
                return super.extensionCommand(command, arg);
        }
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        for (ClassBytecodes loaded : classes) {
            try {
                Class<?> type = findClass(loaded.name());
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                            && field.getName().startsWith("$")) {
                        valueHolders.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(type);
                    }
                }
            } catch (ClassNotFoundException | LinkageError | SecurityException notInspectable) {
                // nothing of it can be released later; the session goes on as before
            }
        }
    }

    /** Nulls every field named {@code name} that holds a value; the number of fields cleared. */
    private Integer releaseValue(String name) {
        List<Class<?>> holders = valueHolders.remove(name);
        int cleared = 0;
        for (Class<?> holder : holders == null ? List.<Class<?>>of() : holders) {
            try {
                Field field = holder.getDeclaredField(name);
                field.setAccessible(true);
                field.set(null, null);
                cleared++;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError notCleared) {
                // a final or vanished field holds nothing the kernel could free
            }
        }
        return cleared;
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (cause instanceof CellStopped) {
            expectingStop = false;
            throw new StoppedException();
        }
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable failure) throws RunException, InternalException {
        if (failure instanceof CellStopped || failure.getCause() instanceof CellStopped) {
            expectingStop = false;
            throw new StoppedException();
        }
        return super.throwConvertedOtherException(failure);
    }

    @Override
    protected void clientCodeEnter() {
        expectingStop = false;
        inUserCode = true;
    }

    @Override
    protected void clientCodeLeave() throws InternalException {
        inUserCode = false;
        // A stop already on its way must land here, not in the next cell.
        while (expectingStop) {
            Thread.onSpinWait();
        }
        System.out.flush();
        System.err.flush();
    }

    private static String shortText(Object value) {
        String text = ValueRenderer.plainText(value);
        return text.length() > MAX_VALUE_TEXT ? text.substring(0, MAX_VALUE_TEXT) + "..." : text;
    }

    /** Thrown into the user's thread to stop a cell; carries no stack to stay cheap. */
    static final class CellStopped extends Error {
        private static final long serialVersionUID = 1L;

        CellStopped() {
            super("cell stopped", null, false, false);
        }
    }
}
