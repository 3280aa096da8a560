package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.maven.DependencyResolver;
import dev.footprint.kernel.maven.MavenConfig;
import dev.footprint.kernel.maven.RepositorySpec;
import dev.footprint.kernel.maven.RequestedDependency;
import dev.footprint.kernel.maven.ResolutionException;
import dev.footprint.kernel.maven.ResolutionProgress;
import dev.footprint.kernel.maven.ResolvedArtifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The libraries a kernel has taken from Maven repositories, shared by {@code %maven},
 * {@code %mavenRepo}, {@code %loadFromPOM} and {@code %classpath}: the repositories named so far,
 * the artifacts added (one version of each, for the kernel's whole life: a JVM cannot unload a
 * class), and the delivery of new jars to the compiler and the user JVM.
 */
final class MavenLibraries {
    /** Progress is shown at most this often. */
    private static final long PROGRESS_NANOS = 100_000_000L;

    private final DependencyResolver resolver;
    private final List<RepositorySpec> repositories = new ArrayList<>();
    private final Map<String, ResolvedArtifact> added = new LinkedHashMap<>();
    private final ProvidedArtifacts provided = new ProvidedArtifacts();

    MavenLibraries(MavenConfig config) {
        this.resolver = new DependencyResolver(config);
    }

    /**
     * Does ahead what the first {@code %maven} would do first: reads what the jars of
     * {@code classPath} provide, and prepares the resolver ({@link DependencyResolver#prepare}).
     * Safe to run on another thread while cells run: a {@code %maven} meanwhile waits for it.
     *
     * @return whether the resolver's rehearsal succeeded
     */
    boolean prepare(List<String> classPath) {
        for (String entry : classPath) {
            provided.in(Path.of(entry));
        }
        return resolver.prepare();
    }

    /** Adds a repository for later resolutions, replacing one of the same id. */
    void addRepository(RepositorySpec repository) {
        repositories.removeIf(known -> known.id().equals(repository.id()));
        repositories.add(repository);
    }

    List<RepositorySpec> repositories() {
        return List.copyOf(repositories);
    }

    /** The coordinate {@code %maven} added a class-path entry for, or null. */
    String addedBy(String classPathEntry) {
        for (ResolvedArtifact artifact : added.values()) {
            if (artifact.file().toString().equals(classPathEntry)) {
                return artifact.coordinate().toString();
            }
        }
        return null;
    }

    /**
     * Resolves {@code wanted} together, adds the jars that are new to the class path, and shows
     * progress (one line, updated in place, that ends saying how it went) and then the table of
     * what was added.
     */
    ExecutionOutcome load(String asked, List<RequestedDependency> wanted, List<String> notes, MagicContext context) {
        String displayId = UUID.randomUUID().toString();
        ProgressDisplay progress = new ProgressDisplay(asked, displayId, context);
        context.display(LibraryTable.progress(asked, new ResolutionProgress.Snapshot("collecting dependencies", 0, -1, 0, -1, 0)),
                displayId, false);
        long start = System.nanoTime();
        List<ResolvedArtifact> resolved;
        try {
            resolved = resolver.resolve(wanted, repositories, progress::show);
        } catch (ResolutionException failed) {
            context.display(LibraryTable.finished(asked, "failed"), displayId, true);
            return Magic.failure("MavenResolutionError", "%maven " + asked + ": " + failed.getMessage());
        }
        long downloaded = resolved.stream().filter(ResolvedArtifact::downloaded).mapToLong(ResolvedArtifact::bytes).sum();
        context.display(LibraryTable.finished(asked, "resolved " + resolved.size() + (resolved.size() == 1 ? " artifact" : " artifacts")
                + (downloaded > 0 ? ", " + LibraryTable.size(downloaded) + " downloaded" : ", all from the local repository")
                + String.format(java.util.Locale.ROOT, " in %.1f s", (System.nanoTime() - start) / 1e9)), displayId, true);
        Set<Path> seen = new HashSet<>();
        List<ResolvedArtifact> newlyAdded = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        Set<String> onClassPath = new HashSet<>(context.classPath());
        for (ResolvedArtifact artifact : resolved) {
            if (!seen.add(artifact.file())) {
                continue;
            }
            String key = artifact.coordinate().key();
            ResolvedArtifact earlier = added.get(key);
            if (earlier != null) {
                if (!earlier.coordinate().version().equals(artifact.coordinate().version())) {
                    allNotes.add("kept " + earlier.coordinate() + ", already loaded; " + artifact.coordinate()
                            + " was not added (a JVM cannot unload classes). To switch, restart the kernel and run this %maven first.");
                }
                continue;
            }
            String clash = clashWithClassPath(artifact, context);
            if (clash != null) {
                allNotes.add(clash);
                continue;
            }
            if (!onClassPath.contains(artifact.file().toString())) {
                context.addToClassPath(artifact.file().toString());
            }
            added.put(key, artifact);
            newlyAdded.add(artifact);
        }
        context.display(LibraryTable.added(newlyAdded, allNotes));
        return ExecutionOutcome.ok(null);
    }

    /**
     * A warning if the class path already has this artifact (the kernel's own libraries, or a
     * jar {@code %jars} added), whose classes the user JVM finds first; null if it does not.
     */
    private String clashWithClassPath(ResolvedArtifact artifact, MagicContext context) {
        String groupArtifact = artifact.coordinate().groupArtifact();
        if (!artifact.coordinate().classifier().isEmpty()) {
            return null;
        }
        List<String> kernel = context.initialClassPath();
        for (String entry : context.classPath()) {
            ProvidedArtifacts.Provided found = addedBy(entry) != null ? null : provided.in(Path.of(entry)).get(groupArtifact);
            if (found == null) {
                continue;
            }
            String where = kernel.contains(entry) ? "the kernel provides it, in " + Path.of(entry).getFileName()
                    : "added as " + entry;
            if (found.version().equals(artifact.coordinate().version())) {
                return artifact.coordinate() + " is already on the class path (" + where + "); not added again.";
            }
            return "warning: " + artifact.coordinate() + " clashes with " + groupArtifact + ":" + found.version()
                    + " (" + where + "), whose classes the user JVM finds first; " + artifact.coordinate().version()
                    + " was not added, and code written for it may fail with " + found.version() + ".";
        }
        return null;
    }

    /** Shows resolution progress in place, at most every {@value #PROGRESS_NANOS} ns. */
    private static final class ProgressDisplay {
        private final String asked;
        private final String displayId;
        private final MagicContext context;
        private long lastShown = System.nanoTime();

        ProgressDisplay(String asked, String displayId, MagicContext context) {
            this.asked = asked;
            this.displayId = displayId;
            this.context = context;
        }

        synchronized void show(ResolutionProgress.Snapshot step) {
            long now = System.nanoTime();
            if (now - lastShown >= PROGRESS_NANOS) {
                lastShown = now;
                context.display(LibraryTable.progress(asked, step), displayId, true);
            }
        }
    }
}
