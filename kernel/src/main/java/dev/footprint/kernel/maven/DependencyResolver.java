package dev.footprint.kernel.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.model.Repository;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.internal.impl.filter.PrefixesRemoteRepositoryFilterSource;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.ScopeDependencyFilter;
import org.eclipse.aether.util.graph.visitor.FilteringDependencyVisitor;
import org.eclipse.aether.util.graph.visitor.PreorderNodeListGenerator;

/**
 * Resolves dependencies as Maven does, with Apache Maven Resolver: all the requested
 * dependencies together in one graph, so Maven's conflict resolution (nearest wins) picks one
 * version of each artifact across them; compile and runtime scopes, transitively; the user's
 * settings (mirrors, proxies, servers, offline) and local repository.
 *
 * <pre>{@code
 * DependencyResolver resolver = new DependencyResolver(MavenConfig.standard());
 * List<ResolvedArtifact> jars = resolver.resolve(
 *         List.of(RequestedDependency.of(Coordinate.parse("org.apache.commons:commons-math3:3.6.1"))),
 *         List.of(), step -> {});
 * }</pre>
 * The repository system is made on first use or by {@link #prepare}, so a kernel that never
 * resolves pays nothing unless it prepares. One resolution at a time: a second caller waits,
 * unless a {@link ResolutionRecord} answers it.
 */
public final class DependencyResolver implements AutoCloseable {
    private static final List<String> CLASS_PATH_SCOPES = List.of("compile", "runtime");

    private final MavenConfig config;
    private volatile RepositorySystem system;
    /** Resolutions the resolver ran (not answered from a {@link ResolutionRecord}). */
    private int resolverRuns;

    public DependencyResolver(MavenConfig config) {
        this.config = config;
    }

    /**
     * Resolves {@code wanted} and their compile and runtime dependencies from {@code repositories}
     * and then the default repository from Maven's super POM (as a POM's repositories come before
     * it in Maven), through the settings' mirrors. The same request made before with the same
     * repositories and settings, whose files are all unchanged, is answered from its
     * {@link ResolutionRecord} without running the resolver, and without waiting for a
     * {@link #prepare} or another resolution going on.
     *
     * @param progress receives where resolution stands, from the resolver's threads
     * @return the files in class-path order (Maven's: breadth of the graph in pre-order)
     * @throws ResolutionException saying what could not be resolved and why
     */
    public List<ResolvedArtifact> resolve(List<RequestedDependency> wanted, List<RepositorySpec> repositories,
            Consumer<ResolutionProgress.Snapshot> progress) {
        MavenSettings settings = MavenSettings.load(config);
        List<ResolvedArtifact> recorded = recorded(settings, wanted, declared(repositories));
        if (recorded != null) {
            return recorded;
        }
        synchronized (this) {
            return resolve(settings, wanted, repositories, progress);
        }
    }

    /** The {@link ResolutionRecord}'s answer to this request, or null. */
    private List<ResolvedArtifact> recorded(MavenSettings settings, List<RequestedDependency> wanted, List<RemoteRepository> declared) {
        return ResolutionRecord.recordable(wanted)
                ? ResolutionRecord.find(settings.localRepository, ResolutionRecord.key(settings, wanted, declared, config.properties()))
                : null;
    }

    /**
     * Makes the repository system and rehearses a resolution of a tiny library written into a
     * temporary local repository of its own (see {@link RehearsalRepository}), so that
     * Maven Resolver's and Maven's model classes are loaded and the first {@link #resolve} costs
     * what a later one does. It reads the user's settings but uses no network and writes nothing
     * into the user's local repository. A {@link #resolve} called meanwhile waits for it.
     *
     * @return whether the rehearsal resolved its library (false: it failed, and {@link #resolve}
     *     still works, it only pays for the loading itself)
     */
    public boolean prepare() {
        return prepare(() -> {});
    }

    /** {@link #prepare()}, running {@code rehearsed} after the rehearsal, before another resolution may start. */
    synchronized boolean prepare(Runnable rehearsed) {
        system();
        try {
            MavenSettings.load(config);
        } catch (ResolutionException malformed) {
            // resolve() reports it, with the file, line and column
        }
        try (RehearsalRepository rehearsal = RehearsalRepository.create()) {
            MavenSettings settings = MavenSettings.defaults(rehearsal.localRepository());
            List<RequestedDependency> wanted = List.of(RequestedDependency.of(rehearsal.coordinate()));
            List<ResolvedArtifact> resolved = resolve(settings, wanted, List.of(rehearsal.remote()), step -> {});
            // Again, answered from the record the first one left, as a library resolved by an earlier kernel is.
            List<ResolvedArtifact> recorded = resolve(settings, wanted, List.of(rehearsal.remote()), step -> {});
            return resolved.size() == rehearsal.artifacts()
                    && recorded.stream().map(ResolvedArtifact::file).toList().equals(resolved.stream().map(ResolvedArtifact::file).toList());
        } catch (IOException | RuntimeException failed) {
            return false;
        } finally {
            rehearsed.run();
        }
    }

    private List<ResolvedArtifact> resolve(MavenSettings settings, List<RequestedDependency> wanted,
            List<RepositorySpec> repositories, Consumer<ResolutionProgress.Snapshot> progress) {
        List<RemoteRepository> declared = declared(repositories);
        List<ResolvedArtifact> recorded = recorded(settings, wanted, declared);
        if (recorded != null) {
            return recorded;
        }
        String key = ResolutionRecord.recordable(wanted) ? ResolutionRecord.key(settings, wanted, declared, config.properties()) : null;
        resolverRuns++;
        RepositorySystem repositorySystem = system();
        ResolutionProgress tracker = new ResolutionProgress(progress);
        try (CloseableSession session = new SessionBuilderSupplier(repositorySystem).get()
                .withLocalRepositoryBaseDirectories(settings.localRepository)
                .setOffline(settings.offline)
                .setMirrorSelector(settings.mirrors)
                .setProxySelector(settings.proxies)
                .setAuthenticationSelector(settings.credentials)
                .setSystemProperties(config.properties())
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) config.connectTimeout().toMillis())
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) config.requestTimeout().toMillis())
                .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1)
                // Maven 3's behaviour: no prefix files fetched from each repository, which Resolver 2
                // does by default even when everything asked for is in the local repository.
                .setConfigProperty(PrefixesRemoteRepositoryFilterSource.CONFIG_PROP_ENABLED, false)
                .setTransferListener(tracker.transfers())
                .setRepositoryListener(tracker.artifacts())
                .build()) {
            List<RemoteRepository> remotes = repositorySystem.newResolutionRepositories(session, declared);
            ResolutionFailures failures = new ResolutionFailures(remotes, settings, config);
            List<Dependency> roots = new ArrayList<>();
            for (RequestedDependency dependency : wanted) {
                roots.add(toDependency(dependency));
            }
            DependencyFilter classPath = new ScopeDependencyFilter(CLASS_PATH_SCOPES, null);
            CollectResult collected;
            try {
                collected = repositorySystem.collectDependencies(session, new CollectRequest(roots, null, remotes));
            } catch (DependencyCollectionException failed) {
                throw failures.explain(failed);
            }
            PreorderNodeListGenerator nodes = new PreorderNodeListGenerator();
            collected.getRoot().accept(new FilteringDependencyVisitor(nodes, classPath));
            tracker.collected((int) nodes.getNodes().stream().filter(node -> node.getDependency() != null).count());
            DependencyResult result;
            try {
                result = repositorySystem.resolveDependencies(session, new DependencyRequest(collected.getRoot(), classPath));
            } catch (DependencyResolutionException failed) {
                throw failures.explain(failed);
            }
            List<ResolvedArtifact> resolved = new ArrayList<>();
            for (ArtifactResult artifact : result.getArtifactResults()) {
                resolved.add(resolvedArtifact(artifact, tracker));
            }
            if (key != null) {
                List<Path> poms = new ArrayList<>();
                for (DependencyNode node : nodes.getNodes()) {
                    Artifact artifact = node.getArtifact();
                    if (node.getDependency() != null && artifact != null) {
                        poms.add(session.getLocalRepositoryManager().getAbsolutePathForLocalArtifact(
                                new DefaultArtifact(artifact.getGroupId(), artifact.getArtifactId(), "", "pom", artifact.getVersion())));
                    }
                }
                ResolutionRecord.write(settings.localRepository, key, resolved, poms);
            }
            return resolved;
        }
    }

    /** How many resolutions ran the resolver, rather than being answered from a record. */
    synchronized int resolverRuns() {
        return resolverRuns;
    }

    private RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private List<RemoteRepository> declared(List<RepositorySpec> repositories) {
        List<RemoteRepository> declared = new ArrayList<>();
        for (RepositorySpec repository : repositories) {
            declared.add(new RemoteRepository.Builder(repository.id(), "default", repository.url()).build());
        }
        Repository central = SuperPom.central(config.properties());
        if (declared.stream().noneMatch(repository -> repository.getId().equals(central.getId()))) {
            declared.add(new RemoteRepository.Builder(central.getId(), central.getLayout(), central.getUrl()).build());
        }
        return declared;
    }

    private static Dependency toDependency(RequestedDependency wanted) {
        Coordinate c = wanted.coordinate();
        List<Exclusion> exclusions = new ArrayList<>();
        for (String excluded : wanted.exclusions()) {
            String[] parts = excluded.split(":", 2);
            exclusions.add(new Exclusion(parts[0], parts.length > 1 ? parts[1] : "*", "*", "*"));
        }
        return new Dependency(new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version()),
                "compile", false, exclusions);
    }

    private static ResolvedArtifact resolvedArtifact(ArtifactResult result, ResolutionProgress tracker) {
        Artifact artifact = result.getArtifact();
        Coordinate coordinate = new Coordinate(artifact.getGroupId(), artifact.getArtifactId(), artifact.getExtension(),
                artifact.getClassifier(), artifact.getVersion());
        long bytes;
        try {
            bytes = Files.size(artifact.getPath());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        boolean downloaded = tracker.fetched(artifact.getPath().getFileName().toString());
        String source = result.getRepository() instanceof RemoteRepository remote
                ? ResolutionFailures.describe(remote)
                : "local repository";
        return new ResolvedArtifact(coordinate, artifact.getPath(), bytes, downloaded ? source : "local repository (cached)", downloaded);
    }

    @Override
    public void close() {
        RepositorySystem built = system;
        system = null;
        if (built != null) {
            built.shutdown();
        }
    }
}
