package dev.footprint.kernel.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * The user's Maven settings as the resolver needs them: the local repository, offline mode,
 * mirrors, proxies and server credentials, built by Maven's own settings builder from
 * {@code ~/.m2/settings.xml} (and {@code ${maven.home}/conf/settings.xml}).
 * Encrypted passwords ({@code {...}}) are passed on as written, not decrypted.
 */
final class MavenSettings {
    final Path localRepository;
    final boolean offline;
    final MirrorSelector mirrors;
    final ProxySelector proxies;
    final AuthenticationSelector credentials;
    /** What of these settings a resolution's answer depends on, as text ({@link ResolutionRecord}). */
    final String fingerprint;

    private MavenSettings(Settings settings, Path localRepository) {
        this.localRepository = localRepository;
        offline = settings.isOffline();
        StringBuilder seen = new StringBuilder("local ").append(localRepository.toAbsolutePath()).append(" offline ").append(offline);
        DefaultMirrorSelector mirrorSelector = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            mirrorSelector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
            seen.append("\nmirror ").append(String.join(" ", mirror.getId(), mirror.getUrl(), mirror.getLayout(),
                    String.valueOf(mirror.isBlocked()), mirror.getMirrorOf(), mirror.getMirrorOfLayouts()));
        }
        mirrors = mirrorSelector;
        DefaultProxySelector proxySelector = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                Authentication auth = proxy.getUsername() == null ? null
                        : new AuthenticationBuilder().addUsername(proxy.getUsername()).addPassword(proxy.getPassword()).build();
                proxySelector.add(new Proxy(proxy.getProtocol(), proxy.getHost(), proxy.getPort(), auth), proxy.getNonProxyHosts());
                seen.append("\nproxy ").append(String.join(" ", proxy.getProtocol(), proxy.getHost(), String.valueOf(proxy.getPort()),
                        String.valueOf(proxy.getNonProxyHosts()), String.valueOf(proxy.getUsername())));
            }
        }
        proxies = proxySelector;
        DefaultAuthenticationSelector authSelector = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            authSelector.add(server.getId(), new AuthenticationBuilder()
                    .addUsername(server.getUsername()).addPassword(server.getPassword())
                    .addPrivateKey(server.getPrivateKey(), server.getPassphrase()).build());
            seen.append("\nserver ").append(server.getId()).append(' ').append(server.getUsername());
        }
        credentials = authSelector;
        fingerprint = seen.toString();
    }

    /**
     * Reads the settings files that exist (none is fine: Maven's defaults).
     *
     * @throws ResolutionException naming the file, line and column of a malformed settings file
     */
    static MavenSettings load(MavenConfig config) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        Properties system = new Properties();
        system.putAll(config.properties());
        system.setProperty("user.home", config.userHome().toString());
        request.setSystemProperties(system);
        request.setUserSettingsFile(existing(config.userSettings()));
        request.setGlobalSettingsFile(existing(config.globalSettings()));
        try {
            Settings settings = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
            return new MavenSettings(settings, localRepository(settings, config));
        } catch (SettingsBuildingException malformed) {
            StringBuilder message = new StringBuilder("cannot read Maven's settings:");
            for (SettingsProblem problem : malformed.getProblems()) {
                message.append("\n  ").append(problem.getSource()).append(", line ").append(problem.getLineNumber())
                        .append(", column ").append(problem.getColumnNumber()).append(": ").append(problem.getMessage());
            }
            throw new ResolutionException(message.toString());
        }
    }

    /** Maven's defaults (online; no mirrors, proxies or servers) with {@code localRepository}: no settings file is read. */
    static MavenSettings defaults(Path localRepository) {
        return new MavenSettings(new Settings(), localRepository);
    }

    private static File existing(Path path) {
        return path != null && Files.isRegularFile(path) ? path.toFile() : null;
    }

    /** {@code maven.repo.local}, else the settings' {@code <localRepository>}, else {@code ~/.m2/repository}. */
    private static Path localRepository(Settings settings, MavenConfig config) {
        String property = config.properties().getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String configured = settings.getLocalRepository();
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return config.userHome().resolve(".m2").resolve("repository");
    }
}
