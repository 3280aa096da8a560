package dev.footprint.cli;

import dev.footprint.notebook.NotebookRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run NOTEBOOK.ipynb... [--out FILE | --inplace | --no-save] [--allow-errors]
 * [--timeout SECONDS]}: executes notebooks headless, as {@code jupyter nbconvert --to notebook
 * --execute} would, and writes them with their outputs.
 */
final class RunCommand extends NamedCommand {

    private final NotebookExecution.EvaluatorFactory evaluators;

    RunCommand() {
        this(NotebookExecution.KERNEL_EVALUATOR);
    }

    /** A command that runs cells with evaluators from {@code evaluators} (tests use their own). */
    RunCommand(NotebookExecution.EvaluatorFactory evaluators) {
        super("run", "execute notebooks headless (no Jupyter needed) and save them with their outputs");
        this.evaluators = evaluators;
    }

    @Override
    public String usage() {
        return """
                Usage: footprint run NOTEBOOK.ipynb... [--out FILE.ipynb | --inplace | --no-save]
                                     [--allow-errors] [--timeout SECONDS] [--quiet]
                                     [--jvm-opts "OPTIONS"]

                Executes each notebook's code cells in order with the Footprint kernel's own
                evaluator (magics such as %memit included), in a fresh session per notebook,
                printing every cell and its text output as it goes. No Python or Jupyter is
                needed. As with 'jupyter nbconvert --to notebook --execute', the result is
                written next to the input as NAME.nbconvert.ipynb unless told otherwise.

                Options:
                  --out FILE       write the executed notebook to FILE (one notebook only)
                  --inplace        overwrite each input notebook with its executed version
                  --no-save        write nothing; only print
                  --allow-errors   go on after a failing cell (its error becomes its output)
                                   and exit 0; without it the first failing cell stops the
                                   run and the exit code is 1 (the notebook is still written,
                                   with the error in it). Cells tagged "raises-exception"
                                   may always fail.
                  --timeout SEC    interrupt a cell that runs longer than SEC seconds and count
                                   it as failed (default: no limit)
                  --quiet          print only the summary line of each notebook
                  --jvm-opts "..." options of the JVM that runs the cells, e.g. "-Xmx2g"
                                   (after those of FOOTPRINT_USER_JVM_OPTS)

                Examples:
                  footprint run notebooks/01-smaller-dtypes.ipynb
                  footprint run notebooks/*.ipynb --inplace --timeout 120
                """.stripTrailing();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        boolean inplace = false;
        boolean save = true;
        boolean quiet = false;
        NotebookRunner.Builder runner = NotebookRunner.builder();
        List<String> jvmOptions = new ArrayList<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--out", "--output" -> output = Path.of(value(arg, rest));
                case "--inplace" -> inplace = true;
                case "--no-save" -> save = false;
                case "--allow-errors" -> runner.allowErrors(true);
                case "--timeout" -> runner.cellTimeout(timeout(value(arg, rest)));
                case "--quiet", "-q" -> quiet = true;
                case "--jvm-opts" -> jvmOptions.addAll(List.of(value(arg, rest).trim().split("\\s+")));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        checkArguments(inputs, output, inplace, save);
        if (!quiet) {
            runner.echoTo(out);
        }
        NotebookExecution execution = new NotebookExecution(evaluators, jvmOptions.stream().filter(o -> !o.isEmpty()).toList(),
                runner.build());
        int failed = 0;
        for (Path input : inputs) {
            Path target = !save ? null : output != null ? output : inplace ? input : defaultOutput(input);
            boolean ok = execution.run(input, target, out, err);
            failed += ok ? 0 : 1;
        }
        return failed == 0 ? 0 : 1;
    }

    /** Where nbconvert would write an executed notebook: {@code NAME.nbconvert.ipynb} beside it. */
    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
        return input.resolveSibling(stem + ".nbconvert.ipynb");
    }

    private static void checkArguments(List<Path> inputs, Path output, boolean inplace, boolean save)
            throws UsageException {
        if (inputs.isEmpty()) {
            throw new UsageException("name at least one notebook to run");
        }
        if ((output != null ? 1 : 0) + (inplace ? 1 : 0) + (save ? 0 : 1) > 1) {
            throw new UsageException("--out, --inplace and --no-save exclude each other; choose one");
        }
        if (output != null && inputs.size() > 1) {
            throw new UsageException("--out names one file, but " + inputs.size() + " notebooks were given; use --inplace");
        }
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new UsageException("no notebook at " + input);
            }
        }
    }

    private static Duration timeout(String seconds) throws UsageException {
        try {
            long value = Long.parseLong(seconds);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout takes a positive number of seconds, not '" + seconds + "'");
        }
    }

    private static String value(String option, List<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return rest.remove(0);
    }
}
