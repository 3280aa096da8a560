package dev.footprint.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resolution already made is answered from its record, by the same resolver or another one
 * (another kernel), only while the request, the repositories, the settings and every file of the
 * answer are unchanged; anything else runs the resolver again.
 */
class ResolutionRecordTest {
    @RegisterExtension
    static final TestRepositoryExtension maven = new TestRepositoryExtension();

    private static List<RequestedDependency> request(String coordinate) {
        return List.of(RequestedDependency.of(Coordinate.parse(coordinate)));
    }

    private static List<Path> files(List<ResolvedArtifact> resolved) {
        return resolved.stream().map(ResolvedArtifact::file).toList();
    }

    @Test
    void theSameRequestIsAnsweredFromItsRecordUntilAFileOrTheRepositoriesChange() throws IOException {
        Path local = maven.path("recorded-local");
        List<RequestedDependency> greeting = request("org.example:greeting:1.0");
        List<ResolvedArtifact> first;
        try (DependencyResolver resolver = new DependencyResolver(maven.repo().config(local, false))) {
            first = resolver.resolve(greeting, List.of(), step -> {});
            assertEquals(1, resolver.resolverRuns());
            assertEquals(2, first.size(), "greeting and words: " + first);
            List<ResolvedArtifact> again = resolver.resolve(greeting, List.of(), step -> {});
            assertEquals(1, resolver.resolverRuns(), "answered from the record");
            assertEquals(files(first), files(again), "the same jars in the same order");
            assertEquals(first.stream().map(ResolvedArtifact::coordinate).toList(), again.stream().map(ResolvedArtifact::coordinate).toList());
            assertTrue(again.stream().allMatch(artifact -> artifact.source().equals("local repository (cached)") && !artifact.downloaded()));
        }
        try (DependencyResolver anotherKernel = new DependencyResolver(maven.repo().config(local, false))) {
            assertEquals(files(first), files(anotherKernel.resolve(greeting, List.of(), step -> {})));
            assertEquals(0, anotherKernel.resolverRuns(), "a later kernel finds the record in the local repository");

            anotherKernel.resolve(greeting, List.of(new RepositorySpec("extra", maven.repo().repository.toUri().toString())), step -> {});
            assertEquals(1, anotherKernel.resolverRuns(), "other repositories: resolved again");

            Path words = first.get(1).file();
            Files.setLastModifiedTime(words, FileTime.fromMillis(Files.getLastModifiedTime(words).toMillis() - 60_000));
            assertEquals(files(first), files(anotherKernel.resolve(greeting, List.of(), step -> {})));
            assertEquals(2, anotherKernel.resolverRuns(), "a jar of the answer changed: resolved again");
            anotherKernel.resolve(greeting, List.of(), step -> {});
            assertEquals(2, anotherKernel.resolverRuns(), "and recorded again");

            anotherKernel.resolve(request("org.example:shouter:1.0"), List.of(), step -> {});
            assertEquals(3, anotherKernel.resolverRuns(), "another request");
        }
    }

    @Test
    void offlineSettingsAreAnotherRequestAndResolveFromTheLocalRepository() {
        Path local = maven.path("offline-recorded-local");
        List<RequestedDependency> greeting = request("org.example:greeting:1.0");
        List<ResolvedArtifact> online;
        try (DependencyResolver resolver = new DependencyResolver(maven.repo().config(local, false))) {
            online = resolver.resolve(greeting, List.of(), step -> {});
        }
        try (DependencyResolver offline = new DependencyResolver(maven.repo().config(local, true))) {
            assertEquals(files(online), files(offline.resolve(greeting, List.of(), step -> {})));
            assertEquals(1, offline.resolverRuns(), "settings that say offline do not take the online answer's record");
            ResolutionException missing = assertThrows(ResolutionException.class,
                    () -> offline.resolve(request("org.example:shouter:1.0"), List.of(), step -> {}));
            assertTrue(missing.getMessage().contains("offline"), missing.getMessage());
        }
    }
}
