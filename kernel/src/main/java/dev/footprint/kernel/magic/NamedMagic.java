package dev.footprint.kernel.magic;

import java.util.List;

/** A magic whose names and {@code %lsmagic} line are given once, to the constructor. */
abstract class NamedMagic implements Magic {
    private final List<String> names;
    private final String summary;

    NamedMagic(String name, String summary) {
        this(List.of(name), summary);
    }

    NamedMagic(List<String> names, String summary) {
        this.names = List.copyOf(names);
        this.summary = summary;
    }

    @Override
    public final List<String> names() {
        return names;
    }

    @Override
    public final String summary() {
        return summary;
    }
}
