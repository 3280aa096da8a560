package dev.footprint.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DependencyResolver#prepare}: the rehearsal that loads Maven Resolver ahead of the first
 * resolution needs no network and leaves the user's local repository alone, and a resolution
 * asked for while it runs waits for it and then resolves as it would have.
 */
class ResolverPreparationTest {
    private static final long WAIT_SECONDS = 120;

    @RegisterExtension
    static final TestRepositoryExtension maven = new TestRepositoryExtension();

    private static List<RequestedDependency> greeting() {
        return List.of(RequestedDependency.of(Coordinate.parse("org.example:greeting:1.0")));
    }

    @Test
    void preparationNeedsNoNetworkAndWritesNothingToTheLocalRepository() throws IOException {
        // Every remote repository is mirrored to a port nothing listens on: any download fails.
        Path home = maven.path("unreachable-home");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <mirrors><mirror><id>nowhere</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:1/none</url></mirror></mirrors>
                </settings>
                """);
        Path local = maven.path("unreachable-local");
        Properties properties = new Properties();
        properties.setProperty("maven.maven.repo().local", local.toString());
        MavenConfig config = new MavenConfig(home, properties, Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (DependencyResolver resolver = new DependencyResolver(config)) {
            assertTrue(resolver.prepare(), "the rehearsal resolves from its own repository, offline");
            assertFalse(Files.exists(local), "the rehearsal wrote into the user's local repository");
            ResolutionException unreachable = assertThrows(ResolutionException.class,
                    () -> resolver.resolve(greeting(), List.of(), step -> {}));
            assertTrue(unreachable.getMessage().contains("nowhere"), unreachable.getMessage());
        }
    }

    @Test
    void resolutionAskedForDuringThePreparationWaitsForItAndResolves() throws Exception {
        Path local = maven.path("during-local");
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (DependencyResolver resolver = new DependencyResolver(maven.repo().config(local, false))) {
            Future<Boolean> prepared = prepareHeld(resolver, threads, release);
            Future<List<ResolvedArtifact>> resolved = threads.submit(() -> resolver.resolve(greeting(), List.of(), step -> {}));
            assertFalse(resolved.isDone(), "a resolution ran while the preparation was still going on");
            release.countDown();
            assertTrue(prepared.get(WAIT_SECONDS, TimeUnit.SECONDS));
            List<ResolvedArtifact> jars = resolved.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("org.example:greeting:1.0", "org.example:words:1.0"),
                    jars.stream().map(jar -> jar.coordinate().toString()).toList());
            assertTrue(jars.stream().allMatch(ResolvedArtifact::downloaded), jars.toString());
            for (ResolvedArtifact jar : jars) {
                assertTrue(jar.file().startsWith(local) && Files.isRegularFile(jar.file()), jar.toString());
            }
            try (var files = Files.walk(local)) {
                assertTrue(files.noneMatch(file -> file.toString().contains("rehearsal")), "the rehearsal's library reached " + local);
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aRequestAnsweredByItsRecordDoesNotWaitForThePreparation() throws Exception {
        Path local = maven.path("recorded-during-local");
        List<ResolvedArtifact> earlier;
        try (DependencyResolver earlierKernel = new DependencyResolver(maven.repo().config(local, false))) {
            earlier = earlierKernel.resolve(greeting(), List.of(), step -> {});
        }
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (DependencyResolver resolver = new DependencyResolver(maven.repo().config(local, false))) {
            Future<Boolean> prepared = prepareHeld(resolver, threads, release);
            List<ResolvedArtifact> recorded = threads.submit(() -> resolver.resolve(greeting(), List.of(), step -> {}))
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertFalse(prepared.isDone(), "the preparation is held until the recorded request is answered");
            assertEquals(earlier.stream().map(ResolvedArtifact::file).toList(), recorded.stream().map(ResolvedArtifact::file).toList());
            release.countDown();
            assertTrue(prepared.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /** Starts {@code resolver}'s preparation and returns once its rehearsal ended; it then holds the resolver until {@code release}. */
    private static Future<Boolean> prepareHeld(DependencyResolver resolver, ExecutorService threads, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch rehearsed = new CountDownLatch(1);
        Future<Boolean> prepared = threads.submit(() -> resolver.prepare(() -> {
            rehearsed.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(rehearsed.await(WAIT_SECONDS, TimeUnit.SECONDS), "the rehearsal did not end");
        return prepared;
    }
}
