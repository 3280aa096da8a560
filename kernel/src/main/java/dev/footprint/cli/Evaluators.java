package dev.footprint.cli;

import dev.footprint.kernel.eval.BackgroundStartEvaluator;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.jshell.JShellEvaluator;

/** Creates the evaluator the kernel runs cells with. */
final class Evaluators {

    /**
     * System property naming another {@link Evaluator} class with a public no-argument
     * constructor; tests use it to drive the protocol with a scripted evaluator.
     */
    static final String EVALUATOR_PROPERTY = "footprint.kernel.evaluator";

    private Evaluators() {}

    /**
     * The evaluator named by {@value #EVALUATOR_PROPERTY}, else a {@link JShellEvaluator} (with
     * the user JVM options of {@code FOOTPRINT_USER_JVM_OPTS}) started in the background, which
     * then prepares {@code %maven} in the background too.
     */
    static Evaluator create() throws ReflectiveOperationException {
        String className = System.getProperty(EVALUATOR_PROPERTY);
        if (className == null) {
            return new BackgroundStartEvaluator(() -> {
                JShellEvaluator evaluator = new JShellEvaluator();
                evaluator.prepareLibrariesInBackground();
                return evaluator;
            });
        }
        Class<?> type = Class.forName(className);
        if (!Evaluator.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " is not an " + Evaluator.class.getName());
        }
        return (Evaluator) type.getConstructor().newInstance();
    }
}
