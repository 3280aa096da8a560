/**
 * The notebook's commands that are not Java ({@code %maven}, {@code %classpath}, {@code %time},
 * {@code %memit}, {@code %whos}, {@code %%loadFromPOM}, ...): each magic, the registry that names
 * them, the context a magic runs in and the library table {@code %maven} shows.
 *
 * <p>A magic answers with an {@link dev.footprint.kernel.eval.ExecutionOutcome}; it reaches the
 * session only through {@link dev.footprint.kernel.magic.MagicContext}, which the JShell evaluator
 * implements, so this package does not depend on {@code dev.footprint.kernel.jshell}.
 */
package dev.footprint.kernel.magic;
