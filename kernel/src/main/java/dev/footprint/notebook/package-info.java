/**
 * Notebooks without Jupyter: reading and writing {@code .ipynb} files, and running their code cells
 * in order with an {@link dev.footprint.kernel.eval.Evaluator} (as {@code nbconvert --execute}
 * does), storing each cell's outputs and echoing them to a terminal.
 *
 * <p>Uses only the evaluator's contract, so the headless runner and the kernel show the same
 * outputs for the same cells; used by the launcher's {@code run} and {@code demo} commands.
 */
package dev.footprint.notebook;
