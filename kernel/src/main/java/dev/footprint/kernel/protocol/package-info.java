/**
 * The Jupyter messaging protocol (5.3) over ZeroMQ: connection files, message signing and replay
 * protection, the wire format, the shell, control, iopub and heartbeat channels, and the handlers
 * that turn requests into calls of an {@link dev.footprint.kernel.eval.Evaluator} and its answers
 * into replies and iopub messages.
 *
 * <p>Knows only the evaluator's contract in {@code dev.footprint.kernel.eval}, never how cells are
 * compiled or run; the launcher's {@code kernel} command starts a
 * {@link dev.footprint.kernel.protocol.KernelServer}.
 */
package dev.footprint.kernel.protocol;
