package dev.footprint.array;

import java.util.ServiceLoader;

/**
 * Finds the one implementation of a service interface that a package above declares in
 * {@code META-INF/services}: how the engine reaches the file formats ({@link ArrayFiles}) without
 * depending on the package that implements them.
 */
public final class Providers {
    private Providers() {}

    /**
     * The first provider of {@code service} on the class path of the service's own class loader.
     *
     * @throws IllegalStateException none is declared (a jar built without its {@code META-INF/services})
     */
    public static <T> T load(Class<T> service) {
        return ServiceLoader.load(service, service.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no implementation of " + service.getName()
                        + " is declared in META-INF/services on the class path; the footprint-dsl jar provides one, "
                        + "so put the whole jar (with its resources) on the class path"));
    }
}
