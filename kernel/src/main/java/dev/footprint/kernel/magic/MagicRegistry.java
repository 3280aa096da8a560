package dev.footprint.kernel.magic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The magics a kernel knows, by name. */
public final class MagicRegistry {
    private final Map<String, Magic> byName = new LinkedHashMap<>();
    private final List<Magic> magics = new ArrayList<>();

    /** A registry with Footprint's magics. */
    public static MagicRegistry standard() {
        MagicRegistry registry = new MagicRegistry();
        registry.register(new MemitMagic());
        registry.register(new TimeMagic());
        registry.register(new WhosMagic());
        registry.register(new ClasspathMagic());
        registry.register(new LoadMagic());
        registry.register(new LsmagicMagic(registry));
        return registry;
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
