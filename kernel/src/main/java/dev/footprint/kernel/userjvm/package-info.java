/**
 * The kernel's side of the user JVM, the process where cells run: launching it with its options,
 * the token-checked command socket, the debugger connection used only to stop a runaway cell, the
 * execution control JShell drives, and the decoding of what the process writes (stdout, stderr
 * and the display side channel) into a cell's listener.
 *
 * <p>Knows nothing of compiling cells (that is {@code dev.footprint.kernel.jshell}, its only
 * user) nor of the Jupyter protocol. The other end of every connection is
 * {@code dev.footprint.kernel.agent}, which runs inside the user JVM.
 */
package dev.footprint.kernel.userjvm;
