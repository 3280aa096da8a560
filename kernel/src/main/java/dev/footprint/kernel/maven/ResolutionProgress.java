package dev.footprint.kernel.maven;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositoryListener;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferListener;

/**
 * Follows a resolution (files being fetched, artifacts resolved) and reports a {@link Snapshot}
 * after each step; the resolver's threads call it, so it is synchronized.
 */
public final class ResolutionProgress {

    /**
     * Where a resolution stands.
     *
     * @param activity what happens now, e.g. "downloading org.example:lib:1.0 (jar)"
     * @param bytes bytes of the current file fetched so far
     * @param totalBytes its size, or -1 when the server does not say
     * @param done artifacts resolved
     * @param total artifacts to resolve, or -1 while the dependencies are still being collected
     * @param downloadedBytes bytes of all files fetched so far
     */
    public record Snapshot(String activity, long bytes, long totalBytes, int done, int total, long downloadedBytes) {}

    private final Consumer<Snapshot> sink;
    private final Set<String> resolved = new HashSet<>();
    private final Set<String> fetched = new HashSet<>();
    private String activity = "collecting dependencies";
    private long bytes;
    private long totalBytes = -1;
    private int total = -1;
    private long downloadedBytes;

    ResolutionProgress(Consumer<Snapshot> sink) {
        this.sink = sink;
    }

    synchronized void collected(int artifacts) {
        total = artifacts;
        activity = "resolving " + artifacts + " artifact" + (artifacts == 1 ? "" : "s");
        report();
    }

    /** True if a file of this name was downloaded during the resolution. */
    synchronized boolean fetched(String fileName) {
        return fetched.contains(fileName);
    }

    private synchronized void report() {
        sink.accept(new Snapshot(activity, bytes, totalBytes, resolved.size(), total, downloadedBytes));
    }

    TransferListener transfers() {
        return new AbstractTransferListener() {
            @Override
            public void transferStarted(TransferEvent event) {
                synchronized (ResolutionProgress.this) {
                    activity = "downloading " + event.getResource().getResourceName() + " from " + event.getResource().getRepositoryId();
                    bytes = 0;
                    totalBytes = event.getResource().getContentLength();
                    report();
                }
            }

            @Override
            public void transferProgressed(TransferEvent event) {
                synchronized (ResolutionProgress.this) {
                    bytes = event.getTransferredBytes();
                    totalBytes = event.getResource().getContentLength();
                    report();
                }
            }

            @Override
            public void transferSucceeded(TransferEvent event) {
                synchronized (ResolutionProgress.this) {
                    downloadedBytes += event.getTransferredBytes();
                    String name = event.getResource().getResourceName();
                    fetched.add(name.substring(name.lastIndexOf('/') + 1));
                    bytes = event.getTransferredBytes();
                    report();
                }
            }
        };
    }

    RepositoryListener artifacts() {
        return new AbstractRepositoryListener() {
            @Override
            public void artifactResolved(RepositoryEvent event) {
                synchronized (ResolutionProgress.this) {
                    if (event.getArtifact() != null && event.getException() == null && total >= 0) {
                        resolved.add(event.getArtifact().toString());
                        activity = "resolved " + event.getArtifact();
                        report();
                    }
                }
            }
        };
    }
}
