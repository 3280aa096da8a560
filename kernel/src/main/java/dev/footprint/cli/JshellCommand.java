package dev.footprint.cli;

import dev.footprint.kernel.maven.Coordinate;
import dev.footprint.kernel.maven.DependencyResolver;
import dev.footprint.kernel.maven.MavenConfig;
import dev.footprint.kernel.maven.RequestedDependency;
import dev.footprint.kernel.maven.ResolvedArtifact;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jshell [--jvm-opts "..."] [--maven G:A:V ...] [JSHELL ARGS]}: the JDK's own {@code jshell},
 * from the JDK running this launcher, with the DSL on the class path and Footprint's startup
 * script, so {@code arr.ones(1024, 1024).as(UINT16).nbytes()} works at the first prompt; libraries
 * named with {@code --maven} are resolved as {@code %maven} resolves them and put on the class path.
 */
final class JshellCommand implements Command {

    /** Where the build puts {@code src/jshell/footprint.jsh} inside the jar. */
    static final String STARTUP_RESOURCE = "jshell/footprint.jsh";

    private final String classPath;
    private final MavenConfig maven;

    JshellCommand() {
        this(null, MavenConfig.standard());
    }

    /**
     * A command giving jshell {@code classPath} instead of this launcher's own (when not null),
     * resolving {@code --maven} libraries as {@code maven} says.
     */
    JshellCommand(String classPath, MavenConfig maven) {
        this.classPath = classPath;
        this.maven = maven;
    }

    @Override
    public String name() {
        return "jshell";
    }

    @Override
    public String summary() {
        return "open jshell with the Footprint DSL imported";
    }

    @Override
    public String usage() {
        return """
                Usage: footprint jshell [--jvm-opts "OPTIONS"] [--maven G:A:V ...] [JSHELL OPTIONS...]

                Starts the JDK's jshell (from the JDK that runs this launcher) with the
                Footprint DSL on its class path and a startup script that imports it:
                  import static dev.footprint.Footprint.*;  dev.footprint.array.*, java.util.*, ...
                Every DSL value prints as readable text. Other options go to jshell as they are
                (e.g. --feedback concise, or a script file to run). Reading a script from
                standard input works too:  echo 'arr.ones(4).nbytes()' | footprint jshell

                Options:
                  --jvm-opts "..." options of the JVM that runs the snippets, e.g. "-Xmx2g"
                  --maven G:A:V    libraries to put on the class path, resolved together as the
                                   notebook's %maven resolves them (~/.m2/settings.xml, the local
                                   repository); repeat it or give several, separated by commas

                Example:
                  jshell> var a = arr.ones(1024, 1024).as(UINT16)
                  jshell> a.nbytes()
                  $2 ==> 2097152
                """.stripTrailing();
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path jshell = jshellExecutable();
        if (!Files.isExecutable(jshell)) {
            err.println("footprint jshell: no jshell at " + jshell + "; it comes with a full JDK"
                    + " (on Debian: openjdk-17-jdk-headless)");
            return 1;
        }
        Path startup = extractStartupScript();
        try {
            Process process = new ProcessBuilder(command(jshell, startup, args)).inheritIO().start();
            return process.waitFor();
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** The jshell command line: class path, the default startup plus ours, then the user's options. */
    List<String> command(Path jshell, Path startup, List<String> args) throws UsageException {
        List<String> command = new ArrayList<>();
        command.add(jshell.toString());
        command.add("--class-path");
        command.add(classPath == null ? ownClassPath() : classPath);
        int classPathAt = command.size() - 1;
        command.add("--startup");
        command.add("DEFAULT");
        command.add("--startup");
        command.add(startup.toString());
        List<Coordinate> libraries = new ArrayList<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("--maven")) {
                if (rest.isEmpty()) {
                    throw new UsageException("--maven needs coordinates: " + Coordinate.EXPECTED);
                }
                try {
                    libraries.addAll(Coordinate.parseAll(rest.remove(0)));
                } catch (IllegalArgumentException malformed) {
                    throw new UsageException("--maven: " + malformed.getMessage());
                }
            } else if (arg.equals("--jvm-opts")) {
                if (rest.isEmpty()) {
                    throw new UsageException("--jvm-opts needs a value");
                }
                for (String option : rest.remove(0).trim().split("\\s+")) {
                    if (!option.isEmpty()) {
                        command.add("-R" + option);
                    }
                }
            } else {
                command.add(arg);
            }
        }
        if (!libraries.isEmpty()) {
            command.set(classPathAt, command.get(classPathAt) + File.pathSeparator + String.join(File.pathSeparator, resolve(libraries)));
        }
        return command;
    }

    /** The jars of {@code libraries} and their dependencies, resolved together. */
    private List<String> resolve(List<Coordinate> libraries) {
        try (DependencyResolver resolver = new DependencyResolver(maven)) {
            List<String> jars = new ArrayList<>();
            for (ResolvedArtifact artifact : resolver.resolve(libraries.stream().map(RequestedDependency::of).toList(), List.of(), step -> {})) {
                jars.add(artifact.file().toString());
            }
            return jars;
        }
    }

    static Path jshellExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "jshell.exe" : "jshell");
    }

    /** Copies the startup script out of the jar (jshell reads only files). */
    static Path extractStartupScript() throws IOException {
        try (InputStream in = JshellCommand.class.getResourceAsStream(STARTUP_RESOURCE)) {
            if (in == null) {
                throw new IOException("the launcher lacks its resource " + STARTUP_RESOURCE + "; was it built with Maven?");
            }
            Path file = Files.createTempFile("footprint-", ".jsh");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        }
    }

    /** The jar this launcher runs from, or its class path when run from classes. */
    private static String ownClassPath() {
        try {
            Path code = Path.of(JshellCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? code.toAbsolutePath().toString() : System.getProperty("java.class.path");
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }
}
