package dev.footprint.kernel.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;

/**
 * Turns the resolver's exceptions into one message a notebook user can act on: what is missing,
 * where it was looked for, and whether the cause is being offline, an artifact or version that
 * does not exist, or a repository that cannot be reached.
 */
final class ResolutionFailures {
    private final List<RemoteRepository> remotes;
    private final MavenSettings settings;
    private final MavenConfig config;
    private final Set<String> notFound = new LinkedHashSet<>();
    private final Set<String> offline = new LinkedHashSet<>();
    private final Map<String, Set<String>> unreachable = new LinkedHashMap<>();
    private final Set<String> others = new LinkedHashSet<>();

    ResolutionFailures(List<RemoteRepository> remotes, MavenSettings settings, MavenConfig config) {
        this.remotes = remotes;
        this.settings = settings;
        this.config = config;
    }

    ResolutionException explain(DependencyCollectionException failed) {
        for (Exception cause : failed.getResult().getExceptions()) {
            classify(null, cause);
        }
        if (failed.getResult().getExceptions().isEmpty()) {
            classify(null, failed);
        }
        return message();
    }

    ResolutionException explain(DependencyResolutionException failed) {
        for (Exception cause : failed.getResult().getCollectExceptions()) {
            classify(null, cause);
        }
        for (ArtifactResult result : failed.getResult().getArtifactResults()) {
            for (Exception cause : result.getExceptions()) {
                classify(result.getRequest().getArtifact(), cause);
            }
        }
        if (notFound.isEmpty() && offline.isEmpty() && unreachable.isEmpty() && others.isEmpty()) {
            classify(null, failed);
        }
        return message();
    }

    private void classify(Artifact artifact, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArtifactResolutionException resolution) {
                for (ArtifactResult result : resolution.getResults()) {
                    for (Exception inner : result.getExceptions()) {
                        classifyTransfer(result.getRequest().getArtifact(), inner);
                    }
                }
                return;
            }
            if (cause instanceof ArtifactTransferException) {
                classifyTransfer(artifact, cause);
                return;
            }
        }
        others.add(deepestMessage(failure));
    }

    private void classifyTransfer(Artifact artifact, Throwable failure) {
        String name = artifact == null ? "" : describe(artifact);
        if (settings.offline || hasCause(failure, RepositoryOfflineException.class)) {
            offline.add(name);
        } else if (failure instanceof ArtifactNotFoundException) {
            notFound.add(name);
        } else if (hasCause(failure, IOException.class) && failure instanceof ArtifactTransferException transfer) {
            String repository = transfer.getRepository() == null ? "a repository" : describe(transfer.getRepository());
            unreachable.computeIfAbsent(repository, key -> new LinkedHashSet<>()).add(name + ": " + deepestMessage(failure));
        } else {
            others.add(deepestMessage(failure));
        }
    }

    private ResolutionException message() {
        List<String> lines = new ArrayList<>();
        if (!offline.isEmpty()) {
            lines.add("Maven is offline (<offline>true</offline> in settings.xml), and the local repository "
                    + settings.localRepository + " does not hold " + String.join(", ", offline)
                    + "; go online once to fetch it, then it is found offline too");
        }
        if (!notFound.isEmpty()) {
            lines.add("not found: " + String.join(", ", notFound) + "; check the group, artifact and version"
                    + " (repositories tried: " + remotes.stream().map(ResolutionFailures::describe).collect(Collectors.joining(", "))
                    + ")");
        }
        unreachable.forEach((repository, what) -> lines.add("cannot reach repository " + repository + " (waited at most "
                + config.connectTimeout().toSeconds() + " s to connect and " + config.requestTimeout().toSeconds()
                + " s for data): " + String.join("; ", what)));
        lines.addAll(others);
        return new ResolutionException(String.join("\n", lines));
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !(cause instanceof RepositoryException && cause.getCause() != null)) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    static String describe(Artifact artifact) {
        return new Coordinate(artifact.getGroupId(), artifact.getArtifactId(), artifact.getExtension(),
                artifact.getClassifier(), artifact.getVersion()).toString()
                + (artifact.getExtension().equals("pom") ? " (its POM)" : "");
    }

    static String describe(RemoteRepository repository) {
        String mirrorOf = repository.getMirroredRepositories().isEmpty() ? ""
                : ", mirror of " + repository.getMirroredRepositories().stream().map(RemoteRepository::getId)
                        .collect(Collectors.joining(", "));
        return repository.getId() + " (" + repository.getUrl() + mirrorOf + ")";
    }
}
