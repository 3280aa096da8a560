package dev.footprint.kernel.magic;

import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.maven.RepositorySpec;

/**
 * {@code %mavenRepo id url}: a repository that later {@code %maven} and {@code %loadFromPOM}
 * lines search before Maven's default one (a folder path works too). Alone, lists them.
 */
public final class MavenRepoMagic extends NamedMagic {
    private final MavenLibraries libraries;

    MavenRepoMagic(MavenLibraries libraries) {
        super("mavenRepo", "add a repository for %maven: %mavenRepo id url");
        this.libraries = libraries;
    }

    @Override
    public String help() {
        return """
                %mavenRepo id url

                Adds a Maven repository that later %maven and %loadFromPOM lines search, before
                Maven's default repository. The id is the one ~/.m2/settings.xml uses for its
                <server> credentials and <mirror> rules. The URL may be http:, https:, file: or a
                folder path. Without arguments, lists the repositories added.

                Example:
                  %mavenRepo company https://repo.example.com/maven2
                """;
    }

    @Override
    public ExecutionOutcome runLine(String name, String args, MagicContext context) {
        String[] parts = args.strip().split("\\s+");
        if (args.isBlank()) {
            StringBuilder text = new StringBuilder();
            libraries.repositories().forEach(repository -> text.append(repository).append('\n'));
            context.print(text.length() == 0 ? "No repositories added; %maven uses Maven's default one.\n" : text.toString());
            return ExecutionOutcome.ok(null);
        }
        if (parts.length != 2) {
            return Magic.failure("UsageError", "%mavenRepo takes an id and a URL: %mavenRepo company https://repo.example.com/maven2");
        }
        try {
            RepositorySpec repository = RepositorySpec.of(parts[0], parts[1], context.workingDirectory());
            libraries.addRepository(repository);
            context.print("repository " + repository + " added\n");
            return ExecutionOutcome.ok(null);
        } catch (IllegalArgumentException wrong) {
            return Magic.failure("UsageError", "%mavenRepo: " + wrong.getMessage());
        }
    }
}
