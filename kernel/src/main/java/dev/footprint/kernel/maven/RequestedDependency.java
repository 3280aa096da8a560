package dev.footprint.kernel.maven;

import java.util.List;

/**
 * A dependency to resolve: a coordinate and the {@code group:artifact} of transitive
 * dependencies to leave out ({@code *} matches any group or artifact), as a POM's
 * {@code <exclusions>}.
 */
public record RequestedDependency(Coordinate coordinate, List<String> exclusions) {

    public RequestedDependency {
        exclusions = List.copyOf(exclusions);
    }

    public static RequestedDependency of(Coordinate coordinate) {
        return new RequestedDependency(coordinate, List.of());
    }
}
