package dev.footprint.cli;

/** A command whose name and summary line are given once, to the constructor. */
abstract class NamedCommand implements Command {
    private final String name;
    private final String summary;

    NamedCommand(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }
}
