/**
 * The evaluator's contract, knowing nothing of JShell, of the user JVM or of the Jupyter protocol:
 * {@link dev.footprint.kernel.eval.Evaluator} and what it answers (outcomes, completions,
 * inspections, is-complete), the {@link dev.footprint.kernel.eval.ExecutionListener} that receives
 * a running cell's output, the help request ({@code name?}) and the kernel's log. Decorators that
 * need only the contract, such as the evaluator started in the background, live here too.
 *
 * <p>Everything above the evaluator (the protocol, the headless notebook runner, the launcher, the
 * magics' outcomes) depends on this package and on nothing else of the evaluation side; the
 * JShell evaluator in {@code dev.footprint.kernel.jshell} implements it.
 */
package dev.footprint.kernel.eval;
