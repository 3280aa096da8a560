package dev.footprint.kernel.magic;

import dev.footprint.kernel.maven.MavenConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The magics a kernel knows, by name. */
public final class MagicRegistry {
    private final Map<String, Magic> byName = new LinkedHashMap<>();
    private final List<Magic> magics = new ArrayList<>();
    private MavenLibraries libraries;

    /** A registry with Footprint's magics, resolving libraries with {@link MavenConfig#standard()}. */
    public static MagicRegistry standard() {
        return standard(MavenConfig.standard());
    }

    /** A registry with Footprint's magics; {@code %maven} and its kin use {@code maven}. */
    public static MagicRegistry standard(MavenConfig maven) {
        MagicRegistry registry = new MagicRegistry();
        MavenLibraries libraries = new MavenLibraries(maven);
        registry.libraries = libraries;
        registry.register(new MemitMagic());
        registry.register(new TimeMagic());
        registry.register(new WhosMagic());
        registry.register(new ClasspathMagic(libraries));
        registry.register(new MavenMagic(libraries));
        registry.register(new MavenRepoMagic(libraries));
        registry.register(new LoadFromPomMagic(libraries));
        registry.register(new LoadMagic());
        registry.register(new LsmagicMagic(registry));
        return registry;
    }

    /**
     * Does ahead, on the calling thread, the work a first {@code %maven} would start with (see
     * {@link MavenLibraries#prepare}); cells may run meanwhile on other threads.
     *
     * @param classPath the kernel's own class path, whose jars {@code %maven} checks for clashes
     * @return whether the resolver was prepared (false if this registry has no {@code %maven},
     *     or the rehearsal failed: {@code %maven} still works, only its first run is slower)
     */
    public boolean prepareLibraries(List<String> classPath) {
        return libraries != null && libraries.prepare(classPath);
    }

    public void register(Magic magic) {
        magics.add(magic);
        magic.names().forEach(name -> byName.put(name, magic));
    }

    public Optional<Magic> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Magic> magics() {
        return List.copyOf(magics);
    }
}
