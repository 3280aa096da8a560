package dev.footprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code install [--user | --sys-prefix | --prefix DIR] [--jvm-opts "..."]}: writes the
 * {@code footprint} kernelspec so Jupyter offers "Java (Footprint)", with a class data archive
 * for a faster kernel start unless {@code --no-class-archive}.
 */
final class InstallCommand extends NamedCommand {

    static final String DEFAULT_USER_JVM_OPTIONS = "-Xmx1g";

    InstallCommand() {
        super("install", "install the Jupyter kernelspec \"Java (Footprint)\"");
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar footprint-kernel.jar install [--user | --sys-prefix | --prefix DIR]
                                                             [--jvm-opts "OPTIONS"] [--name NAME]
                                                             [--display-name TEXT] [--java PATH]
                                                             [--python PATH] [--no-class-archive]

                Writes the kernelspec (kernel.json and logos) that lets Jupyter start this jar
                as a kernel. An existing kernelspec of the same name is replaced.

                Where (choose one; --user is the default):
                  --user           the user's Jupyter data folder, e.g. ~/.local/share/jupyter/kernels/NAME
                                   (JUPYTER_DATA_DIR moves it)
                  --sys-prefix     the sys.prefix of the Python that runs Jupyter
                                   (for a virtual environment or conda environment)
                  --prefix DIR     DIR/share/jupyter/kernels/NAME

                Options:
                  --jvm-opts "..." options of the JVM that runs the cells, stored in the kernelspec
                                   as FOOTPRINT_USER_JVM_OPTS (default: the environment's
                                   FOOTPRINT_USER_JVM_OPTS, else "%s")
                  --name NAME      kernelspec name (default: footprint)
                  --display-name T name shown in Jupyter (default: "Java (Footprint)")
                  --java PATH      the java launcher to run the kernel with (default: this one)
                  --python PATH    the Python asked for sys.prefix (default: the one running
                                   'jupyter' on PATH, else python3)
                  --no-class-archive
                                   skip the class data archive (kernel.jsa, made by a short
                                   training run of the kernel's java and jar) that lets the
                                   kernel start and run its first cell sooner

                Example:
                  java -jar footprint-kernel.jar install --user --jvm-opts "-Xmx2g"
                """.formatted(DEFAULT_USER_JVM_OPTIONS).stripTrailing();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        KernelSpec.Builder spec = KernelSpec.builder();
        String where = null;
        Path prefix = null;
        String python = null;
        String jvmOptions = System.getenv("FOOTPRINT_USER_JVM_OPTS");
        boolean classArchive = true;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--user", "--sys-prefix" -> where = choose(where, option);
                case "--prefix" -> {
                    where = choose(where, option);
                    prefix = Path.of(value(option, rest));
                }
                case "--jvm-opts" -> jvmOptions = value(option, rest);
                case "--name" -> spec.name(checkedName(value(option, rest)));
                case "--display-name" -> spec.displayName(value(option, rest));
                case "--java" -> spec.javaExecutable(value(option, rest));
                case "--python" -> python = value(option, rest);
                case "--no-class-archive" -> classArchive = false;
                default -> throw new UsageException(option.startsWith("-")
                        ? "unknown option '" + option + "'"
                        : "unexpected argument '" + option + "'");
            }
        }
        String userJvmOptions = jvmOptions == null || jvmOptions.isBlank() ? DEFAULT_USER_JVM_OPTIONS : jvmOptions.trim();
        spec.userJvmOptions(userJvmOptions);
        KernelSpec built = spec.build();
        Path kernelsDir = switch (where == null ? "--user" : where) {
            case "--sys-prefix" -> JupyterPaths.sysPrefix(python).resolve("share/jupyter/kernels");
            case "--prefix" -> prefix.toAbsolutePath().resolve("share/jupyter/kernels");
            default -> JupyterPaths.userDataDir().resolve("kernels");
        };
        Path target = built.writeTo(kernelsDir);
        Path archive = classArchive
                ? ClassArchive.create(built, target, userJvmOptions, err)
                : deleteOldArchive(target);
        if (archive != null) {
            built = spec.classArchive(archive).build();
            built.writeTo(kernelsDir);
        }
        out.println("Installed kernelspec " + built.name() + " in " + target);
        if (where != null && where.equals("--prefix")) {
            out.println("Jupyter finds it if " + prefix.toAbsolutePath().resolve("share/jupyter")
                    + " is on JUPYTER_PATH or is its sys.prefix's share/jupyter.");
        }
        return 0;
    }

    /** An archive of an earlier install would no longer match; returns null. */
    private static Path deleteOldArchive(Path kernelDir) throws IOException {
        ClassArchive.delete(kernelDir);
        return null;
    }

    private static String choose(String chosen, String option) throws UsageException {
        if (chosen != null && !chosen.equals(option)) {
            throw new UsageException(chosen + " and " + option + " exclude each other; choose one");
        }
        return option;
    }

    private static String value(String option, List<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static String checkedName(String name) throws UsageException {
        // Jupyter's own rule for kernelspec names.
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException("kernel name '" + name + "' may only hold letters, digits, '.', '_' and '-'");
        }
        return name;
    }
}
