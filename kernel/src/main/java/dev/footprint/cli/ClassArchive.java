package dev.footprint.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class data archive ({@code kernel.jsa} in the kernelspec's folder) that lets the kernel
 * JVM map the classes of the compiler, JShell and the kernel, already parsed and verified,
 * instead of loading them one by one: the kernel answers sooner and its first cell runs sooner.
 *
 * <p>It is made at install time by a training run: the kernelspec's own java, options and jar
 * run the kernel with {@code -XX:ArchiveClassesAtExit}, a {@link TrainingClient} asks it for
 * its info, runs one cell and shuts it down, and the JVM writes the classes it loaded as it
 * exits. An archive only fits the JVM build and the jar it was made with;
 * when either changes, the JVM ignores it (the kernelspec silences its warning) and starts as
 * fast as without one, so reinstalling after an upgrade is enough (an install keeps the
 * archive of an earlier one only when the java, the options and the jar, by size and time,
 * are still the same: {@code kernel.jsa.from} records them). When the kernel runs from
 * class folders rather than the jar, or the training fails, there is no archive.
 */
final class ClassArchive {

    /** The archive's name in the kernelspec's folder. */
    static final String FILE_NAME = "kernel.jsa";

    private static final String TRAINING_CELL = "1 + 1";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    private ClassArchive() {}

    /**
     * Makes the archive for {@code spec} (built without one) in {@code kernelDir}, replacing an
     * older one.
     *
     * @param userJvmOptions the user JVM options of the training run (the kernelspec's)
     * @param err where a failed training is reported
     * @return the archive, or null when none could be made (the reason went to {@code err},
     *     except for a kernel run from class folders, which cannot have one)
     */
    static Path create(KernelSpec spec, Path kernelDir, String userJvmOptions, PrintStream err) {
        List<String> launch = launchOf(spec);
        Path archive = kernelDir.resolve(FILE_NAME);
        Path made = kernelDir.resolve(FILE_NAME + ".from");
        String fingerprint = launch.contains("-jar") ? fingerprint(launch) : null;
        try {
            if (fingerprint != null && Files.isRegularFile(archive) && Files.isRegularFile(made)
                    && fingerprint.equals(Files.readString(made, StandardCharsets.UTF_8))) {
                return archive; // made by an earlier install with the same java, options and jar
            }
            delete(kernelDir);
        } catch (IOException e) {
            err.println("footprint install: cannot replace " + archive + ": " + e.getMessage());
            return null;
        }
        if (fingerprint == null) {
            return null; // class folders cannot be archived
        }
        Path training = null;
        Path partial = kernelDir.resolve(FILE_NAME + ".part");
        Process process = null;
        try {
            training = Files.createTempDirectory("footprint-archive");
            Path connection = TrainingClient.writeConnectionFile(training.resolve("connection.json"));
            Path log = training.resolve("training.log");
            List<String> command = new ArrayList<>(launch);
            command.add(1, "-XX:ArchiveClassesAtExit=" + partial.toAbsolutePath());
            command.addAll(List.of("kernel", connection.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("FOOTPRINT_USER_JVM_OPTS", userJvmOptions);
            Process started = builder.start();
            process = started;
            try {
                TrainingClient.exercise(connection, TRAINING_CELL, REPLY_TIMEOUT, started::isAlive);
            } catch (IOException | RuntimeException failure) {
                err.println("footprint install: no class data archive: the training run failed (" + failure.getMessage()
                        + "); the kernel starts without it. " + lastLines(log));
                return null;
            }
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                err.println("footprint install: no class data archive: the training run did not end; the kernel starts without it");
                return null;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                err.println("footprint install: no class data archive (training run exit status "
                        + process.exitValue() + "); the kernel starts without it. " + lastLines(log));
                return null;
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(made, fingerprint, StandardCharsets.UTF_8);
            return archive;
        } catch (IOException e) {
            err.println("footprint install: no class data archive: " + e.getMessage() + "; the kernel starts without it");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // left behind; the next install replaces it
            }
            deleteTree(training);
        }
    }

    /** Removes the archive and its record from {@code kernelDir}. */
    static void delete(Path kernelDir) throws IOException {
        Files.deleteIfExists(kernelDir.resolve(FILE_NAME));
        Files.deleteIfExists(kernelDir.resolve(FILE_NAME + ".from"));
    }

    /** What the archive depends on: the command line, and the java and jar files it names. */
    private static String fingerprint(List<String> launch) {
        StringBuilder text = new StringBuilder(String.join("\n", launch));
        Path jar = Path.of(launch.get(launch.indexOf("-jar") + 1));
        for (Path file : List.of(Path.of(launch.get(0)), jar)) {
            try {
                Path real = file.toRealPath();
                text.append('\n').append(real).append(' ').append(Files.size(real))
                        .append(' ').append(Files.getLastModifiedTime(real).toMillis());
            } catch (IOException | RuntimeException unknown) {
                text.append('\n').append(file).append(" ?");
            }
        }
        return text.append('\n').toString();
    }

    /** The kernelspec's argv without the kernel command: java, its options, the launch. */
    private static List<String> launchOf(KernelSpec spec) {
        JsonArray argv = spec.kernelJson().getAsJsonArray("argv");
        List<String> launch = new ArrayList<>();
        for (JsonElement argument : argv) {
            launch.add(argument.getAsString());
        }
        int kernel = launch.lastIndexOf("kernel");
        return kernel < 0 ? launch : launch.subList(0, kernel);
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }
}
