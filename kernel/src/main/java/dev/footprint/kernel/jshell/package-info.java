/**
 * The evaluator built on the JDK's JShell: compiling a cell's snippets in the kernel JVM, running
 * them in a user JVM, magics in order with the Java parts, positioned compiler errors, completion,
 * inspection with Javadoc from sources, the is-complete check, the imports and scope a cell sees,
 * and the rewriting of {@code footprint(...)} calls to name their arguments.
 *
 * <p>Starts and stops user JVMs through {@code dev.footprint.kernel.userjvm}; dispatches magics
 * from {@code dev.footprint.kernel.magic}. Nothing here speaks the Jupyter protocol; the launcher
 * and tests create a {@link dev.footprint.kernel.jshell.JShellEvaluator} and use it as an
 * {@link dev.footprint.kernel.eval.Evaluator}.
 */
package dev.footprint.kernel.jshell;
