/**
 * Code that runs inside the user JVM, not in the kernel: the agent's entry point and its end of
 * the execution engine, the display functions cells call ({@code display}, {@code updateDisplay}),
 * value rendering to MIME bundles, the side channel's frames and the probes the magics read.
 *
 * <p>Depends only on the DSL and the JDK, since it is on the user's class path; the kernel
 * reaches it through {@code dev.footprint.kernel.userjvm} and by the names of its classes.
 */
package dev.footprint.kernel.agent;
