package dev.footprint.kernel.userjvm;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import dev.footprint.kernel.agent.AgentExecutionControl;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.JdiExecutionControl;

/**
 * The kernel's end of the execution engine: commands go over the no-delay socket; a stop
 * throws the agent's stop signal into the thread running the cell through JDI, which works on
 * every JDK (unlike {@code Thread.stop}, gone since JDK 20).
 */
public final class UserJvmExecutionControl extends JdiExecutionControl {
    private static final String AGENT_CLASS = AgentExecutionControl.class.getName();

    private final UserJvm userJvm;
    private final Object stopLock = new Object();
    private volatile boolean userCodeRunning;
    private volatile boolean stopped;

    UserJvmExecutionControl(ObjectOutput out, ObjectInput in, UserJvm userJvm) {
        super(out, in);
        this.userJvm = userJvm;
    }

    @Override
    protected VirtualMachine vm() throws EngineTerminationException {
        if (!userJvm.isAlive()) {
            throw new EngineTerminationException("the user JVM has exited");
        }
        return userJvm.vm;
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        userCodeRunning = true;
        try {
            return super.invoke(className, methodName);
        } catch (StoppedException stop) {
            stopped = true;
            throw stop;
        } finally {
            synchronized (stopLock) {
                userCodeRunning = false;
            }
        }
    }

    /** True once if the last invocations ended by a stop; reading it clears it. */
    public boolean takeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    public boolean isUserCodeRunning() {
        return userCodeRunning;
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!userCodeRunning) {
                return;
            }
            VirtualMachine vm = vm();
            vm.suspend();
            try {
                for (ThreadReference thread : vm.allThreads()) {
                    ObjectReference agent = agentInvoking(thread);
                    if (agent != null) {
                        throwStopSignal(vm, thread, agent);
                        return;
                    }
                }
            } catch (IncompatibleThreadStateException | InvalidTypeException | com.sun.jdi.ClassNotLoadedException failure) {
                throw new InternalException("cannot stop the cell: " + failure);
            } catch (VMDisconnectedException gone) {
                throw new EngineTerminationException("the user JVM has exited");
            } finally {
                try {
                    vm.resume();
                } catch (VMDisconnectedException gone) {
                    // nothing to resume
                }
            }
        }
    }

    private static ObjectReference agentInvoking(ThreadReference thread) throws IncompatibleThreadStateException {
        for (StackFrame frame : thread.frames()) {
            String method = frame.location().method().name();
            if (AGENT_CLASS.equals(frame.location().declaringType().name())
                    && ("invoke".equals(method) || "varValue".equals(method))) {
                return frame.thisObject();
            }
        }
        return null;
    }

    private static void throwStopSignal(VirtualMachine vm, ThreadReference thread, ObjectReference agent)
            throws InvalidTypeException, com.sun.jdi.ClassNotLoadedException {
        Field inUserCode = agent.referenceType().fieldByName(AgentExecutionControl.FIELD_IN_USER_CODE);
        Field expectingStop = agent.referenceType().fieldByName(AgentExecutionControl.FIELD_EXPECTING_STOP);
        Field stopSignal = agent.referenceType().fieldByName(AgentExecutionControl.FIELD_STOP_SIGNAL);
        if (!((BooleanValue) agent.getValue(inUserCode)).value()) {
            return;
        }
        agent.setValue(expectingStop, vm.mirrorOf(true));
        ObjectReference signal = (ObjectReference) agent.getValue(stopSignal);
        vm.resume();
        try {
            thread.stop(signal);
        } finally {
            agent.setValue(expectingStop, vm.mirrorOf(false));
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            userJvm.close();
        }
    }
}
