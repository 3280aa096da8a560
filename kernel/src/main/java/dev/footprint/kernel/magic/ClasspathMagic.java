package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %classpath PATH...} and {@code %jars PATH...}: adds jars or folders (globs such as
 * {@code lib/*.jar} allowed) to the compiler and to the user JVM; without arguments, prints
 * the class path, with the coordinates of the jars {@code %maven} added.
 */
public final class ClasspathMagic extends NamedMagic {
    private final MavenLibraries libraries;

    ClasspathMagic(MavenLibraries libraries) {
        super(List.of("classpath", "jars"), "add jars or folders to the class path (globs allowed); alone, print it");
        this.libraries = libraries;
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        if (args.isBlank()) {
            StringBuilder text = new StringBuilder();
            for (String entry : context.classPath()) {
                String coordinate = libraries.addedBy(entry);
                text.append(entry).append(coordinate == null ? "" : "  (%maven " + coordinate + ")").append('\n');
            }
            context.print(text.toString());
            return ExecutionOutcome.ok(null);
        }
        List<Path> entries = new ArrayList<>();
        for (String pattern : args.trim().split("[\\s" + File.pathSeparator + "]+")) {
            List<Path> matches = expand(context.workingDirectory(), pattern);
            if (matches.isEmpty()) {
                return Magic.failure("FileNotFoundError", "%" + name + ": nothing found at " + pattern);
            }
            entries.addAll(matches);
        }
        for (Path entry : entries) {
            context.addToClassPath(entry.toString());
            context.print("added " + entry + "\n");
        }
        return ExecutionOutcome.ok(null);
    }

    static List<Path> expand(Path workingDirectory, String pattern) {
        Path path = workingDirectory.resolve(pattern).normalize();
        List<Path> matches = new ArrayList<>();
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        if (fileName.contains("*") || fileName.contains("?")) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), fileName)) {
                found.forEach(matches::add);
            } catch (IOException | RuntimeException unreadable) {
                return List.of();
            }
            matches.sort(null);
        } else if (Files.exists(path)) {
            matches.add(path);
        }
        return matches;
    }
}
