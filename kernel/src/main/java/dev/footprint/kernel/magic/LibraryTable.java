package dev.footprint.kernel.magic;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.maven.ResolutionProgress;
import dev.footprint.kernel.maven.ResolvedArtifact;
import java.util.List;
import java.util.Locale;

/** How {@code %maven} shows itself: progress while resolving, then what was added, as HTML and text. */
final class LibraryTable {

    private LibraryTable() {}

    /** One line of progress, e.g. "resolving 3 artifacts: 1/3; downloading lib-1.0.jar from test: 12.0 KiB of 40.0 KiB". */
    static MimeBundle progress(String asked, ResolutionProgress.Snapshot step) {
        StringBuilder text = new StringBuilder("%maven ").append(asked).append(": ");
        if (step.total() >= 0) {
            text.append(step.done()).append('/').append(step.total()).append(" artifacts; ");
        }
        text.append(step.activity());
        if (step.activity().startsWith("downloading")) {
            text.append(": ").append(size(step.bytes()));
            if (step.totalBytes() > 0) {
                text.append(" of ").append(size(step.totalBytes()));
            }
        }
        if (step.downloadedBytes() > 0) {
            text.append(" (").append(size(step.downloadedBytes())).append(" downloaded)");
        }
        return line(text.toString());
    }

    /** The progress line's last state: {@code how} it ended. */
    static MimeBundle finished(String asked, String how) {
        return line("%maven " + asked + ": " + how);
    }

    private static MimeBundle line(String text) {
        return bundle(text, "<div class=\"footprint-maven-progress\"><code>" + escape(text) + "</code></div>");
    }

    /** The table of what was added: coordinates, size, from where; then notes (kept, skipped). */
    static MimeBundle added(List<ResolvedArtifact> added, List<String> notes) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        if (added.isEmpty()) {
            text.append("Nothing new added to the class path.\n");
            html.append("<p>Nothing new added to the class path.</p>\n");
        } else {
            int width = added.stream().mapToInt(a -> a.coordinate().toString().length()).max().orElse(0);
            text.append("Added to the class path (").append(added.size()).append(added.size() == 1 ? " jar, " : " jars, ")
                    .append(size(added.stream().mapToLong(ResolvedArtifact::bytes).sum())).append("):\n");
            html.append("<table class=\"footprint-maven\">\n<thead><tr><th>added</th><th>size</th><th>from</th></tr></thead>\n<tbody>\n");
            for (ResolvedArtifact artifact : added) {
                text.append(String.format(Locale.ROOT, "  %-" + width + "s  %10s  %s%n",
                        artifact.coordinate(), size(artifact.bytes()), artifact.source()));
                html.append("<tr><td><code>").append(escape(artifact.coordinate().toString())).append("</code></td><td>")
                        .append(size(artifact.bytes())).append("</td><td>").append(escape(artifact.source())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        for (String note : notes) {
            text.append(note).append('\n');
            html.append("<p>").append(escape(note)).append("</p>\n");
        }
        return bundle(text.toString().stripTrailing(), html.toString().stripTrailing());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static MimeBundle bundle(String text, String html) {
        return MimeBundle.of(text, html);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
