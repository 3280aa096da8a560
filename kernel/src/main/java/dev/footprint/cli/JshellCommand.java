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
import java.nio.charset.StandardCharsets;
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
final class JshellCommand extends NamedCommand {

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
        super("jshell", "open jshell with the Footprint DSL imported");
        this.classPath = classPath;
        this.maven = maven;
    }

    @Override
    public String usage() {
        return """
                Usage: footprint jshell [--jvm-opts "OPTIONS"] [--maven G:A:V ...] [JSHELL OPTIONS...]

                Starts the JDK's jshell (from the JDK that runs this launcher) with the
                Footprint DSL on its class path and a startup script that imports it:
                  import static dev.footprint.Footprint.*;  dev.footprint.array.*, java.util.*, ...
                Every DSL value prints as readable text. Other options go to jshell as they are
                (e.g. --feedback concise). Reading a script from standard input works too:
                  echo 'arr.ones(4).nbytes()' | footprint jshell

                Given FILE.jsh scripts, it runs them and exits. A notebook exported with
                  jupyter nbconvert --to script X.ipynb     (writes X.jsh)
                runs as in the kernel: footprint(a, s) labels its rows, and each magic runs as
                its DSL equivalent (%memit EXPR as memit(() -> EXPR)) or, when jshell has none
                (%whos, %maven), stays a comment; a note on standard error lists them.

                Options:
                  --jvm-opts "..." options of the JVM that runs the snippets, e.g. "-Xmx2g"
                  --maven G:A:V    libraries to put on the class path, resolved together as the
                                   notebook's %maven resolves them (~/.m2/settings.xml, the local
                                   repository); repeat it or give several, separated by commas

                Examples:
                  footprint jshell notebooks/03-when-it-wont-work.jsh
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
        List<Path> temporaries = new ArrayList<>(List.of(startup));
        try {
            List<String> rest = new ArrayList<>();
            String scripts = scriptsTranslated(args, rest, err);
            ProcessBuilder builder = new ProcessBuilder(command(jshell, startup, rest)).inheritIO();
            if (scripts == null) {
                return builder.start().waitFor();
            }
            Path input = Files.createTempFile("footprint-script-", ".jsh");
            temporaries.add(input);
            Files.writeString(input, scripts);
            Process process = builder.redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            try (InputStream printed = process.getInputStream()) {
                // The prompts shown before the script's own prompt-less mode is in effect.
                byte[] start = printed.readNBytes(SETUP_PROMPTS.length());
                String head = new String(start, StandardCharsets.UTF_8);
                out.write(head.equals(SETUP_PROMPTS) ? new byte[0] : start);
                printed.transferTo(out);
            }
            out.flush();
            return process.waitFor();
        } finally {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * What jshell reads when {@code args} name {@code .jsh} scripts: each one's
     * {@link NotebookScript} translation (a notebook exported with {@code nbconvert --to script}
     * runs as it did in the kernel), fed as typed input so that values print as at the prompt, but
     * without prompts, then {@code /exit}; null when there is no script. The other arguments go
     * to {@code rest}.
     */
    static String scriptsTranslated(List<String> args, List<String> rest, PrintStream err) throws IOException {
        StringBuilder input = new StringBuilder("/set mode script normal -quiet\n/set prompt script \"\" \"\"\n/set feedback script\n");
        boolean anyScript = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean optionValue = i > 0 && OPTIONS_WITH_VALUES.contains(args.get(i - 1));
            Path file = Path.of(arg);
            if (optionValue || !arg.endsWith(".jsh") || !Files.isRegularFile(file)) {
                rest.add(arg);
                continue;
            }
            NotebookScript script = NotebookScript.translate(file.getFileName().toString(), Files.readString(file));
            script.notes().forEach(note -> err.println("footprint jshell: " + note));
            input.append(script.source()).append('\n');
            anyScript = true;
        }
        if (!anyScript) {
            return null;
        }
        rest.add(0, "-q");
        return input.append("/exit\n").toString();
    }

    /** The three prompts of the lines that set up the script's prompt-less feedback mode. */
    private static final String SETUP_PROMPTS = "jshell> ".repeat(3);

    /** jshell's options that take a value, which is never a script to run. */
    private static final List<String> OPTIONS_WITH_VALUES = List.of("--jvm-opts", "--maven", "--startup", "--class-path", "--module-path",
            "--add-modules", "--add-exports", "--feedback", "--execution");



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
