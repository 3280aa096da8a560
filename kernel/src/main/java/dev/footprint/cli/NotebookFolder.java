package dev.footprint.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project's {@code notebooks/} folder for {@code demo} and {@code notebook}: named
 * explicitly, else under {@code FOOTPRINT_HOME} (the launcher sets it), else beside the jar's
 * build folder ({@code ROOT/kernel/target/footprint-kernel.jar}), else in the working folder.
 */
final class NotebookFolder {

    static final String HOME_ENV = "FOOTPRINT_HOME";

    private NotebookFolder() {}

    /** The first candidate that is a folder holding notebooks. */
    static Optional<Path> find(Path explicit) {
        return candidates(explicit).stream().filter(NotebookFolder::holdsNotebooks).findFirst();
    }

    /** Where {@link #find} looks, in order; for error messages. */
    static List<Path> candidates(Path explicit) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null) {
            candidates.add(explicit);
            return candidates;
        }
        String home = System.getenv(HOME_ENV);
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "notebooks"));
        }
        codeLocation().ifPresent(code -> {
            // kernel/target/footprint-kernel.jar or kernel/target/classes: the root is two or three up.
            for (Path folder = code.getParent(); folder != null; folder = folder.getParent()) {
                if (Files.isDirectory(folder.resolve("notebooks")) && Files.isRegularFile(folder.resolve("pom.xml"))) {
                    candidates.add(folder.resolve("notebooks"));
                    break;
                }
            }
        });
        candidates.add(Path.of("notebooks").toAbsolutePath());
        return candidates;
    }

    private static boolean holdsNotebooks(Path folder) {
        try (var files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".ipynb"));
        } catch (Exception e) {
            return false;
        }
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(NotebookFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
