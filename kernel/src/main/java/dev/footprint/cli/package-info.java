/**
 * The launcher, {@code java -jar footprint-kernel.jar COMMAND}: installing the kernel spec (with
 * the class data archive its training run makes), starting a kernel on a connection file, running
 * or exporting notebooks, the demo, and a {@code jshell} with the DSL on its class path.
 *
 * <p>The top of the kernel module: it wires the protocol, the JShell evaluator and the notebook
 * runner together, and nothing in the module depends on it.
 */
package dev.footprint.cli;
