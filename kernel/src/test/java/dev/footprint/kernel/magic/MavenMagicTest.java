package dev.footprint.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.jshell.JShellEvaluator;
import dev.footprint.kernel.maven.MavenConfig;
import dev.footprint.kernel.maven.TestRepositoryExtension;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code %maven}, {@code %mavenRepo} and {@code %loadFromPOM} through the real evaluator, against
 * a repository in a folder that the test builds; {@code central} is mirrored to it, so nothing
 * reaches a network.
 */
class MavenMagicTest {
    @RegisterExtension
    static final TestRepositoryExtension maven = new TestRepositoryExtension();

    private static JShellEvaluator evaluator(MavenConfig config) {
        return new JShellEvaluator(UserJvmOptions.builder().clearJvmOptions().jvmOptions("-Xmx128m").build(), config);
    }

    /** What a cell produced: its outcome, its text, and the last state of each display. */
    record Run(ExecutionOutcome outcome, String stdout, List<Map<String, String>> displays, int updates) {
        String error() {
            return outcome.isError() ? outcome.error().evalue() : "";
        }

        String value() {
            return outcome.result() == null ? null : outcome.result().get("text/plain");
        }

        String table() {
            return displays.isEmpty() ? "" : displays.get(displays.size() - 1).get("text/plain");
        }
    }

    static Run run(JShellEvaluator evaluator, String cell) {
        StringBuilder out = new StringBuilder();
        List<String> ids = new ArrayList<>();
        List<Map<String, String>> displays = new ArrayList<>();
        int[] updates = new int[1];
        ExecutionOutcome outcome = evaluator.execute(cell, new ExecutionListener() {
            @Override
            public void stream(String name, String text) {
                out.append(text);
            }

            @Override
            public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
                int at = ids.indexOf(displayId);
                if (update && at >= 0) {
                    displays.set(at, bundle);
                    updates[0]++;
                } else {
                    ids.add(displayId);
                    displays.add(bundle);
                }
            }

            @Override
            public void clearOutput(boolean wait) {}
        });
        return new Run(outcome, out.toString(), displays, updates[0]);
    }

    @Test
    void addedLibraryWorksInTheNextCellInTheUserJvmAndAfterTheUserJvmRestarts() {
        Path local = maven.path("fresh-local");
        try (JShellEvaluator evaluator = evaluator(maven.repo().config(local, false))) {
            Run added = run(evaluator, "%maven org.example:greeting:1.0");
            assertFalse(added.outcome().isError(), added.error());
            assertEquals(2, added.displays().size(), "a progress line updated in place, then the table");
            assertTrue(added.updates() >= 1);
            assertTrue(added.displays().get(0).get("text/plain").startsWith("%maven org.example:greeting:1.0: resolved 2 artifacts"),
                    added.displays().get(0).get("text/plain"));
            String table = added.table();
            assertTrue(table.contains("org.example:greeting:1.0") && table.contains("org.example:words:1.0"), table);
            assertTrue(table.contains("test-mirror"), "where each jar came from: " + table);
            assertFalse(table.contains("testonly"), "test-scoped dependencies stay out: " + table);
            assertTrue(added.displays().get(1).get("text/html").contains("<table"), added.displays().get(1).get("text/html"));

            assertEquals("\"hello from words 1.0\"", run(evaluator, "org.example.greeting.Greeting.hello()").value());
            String jar = run(evaluator, "org.example.greeting.Greeting.class.getProtectionDomain().getCodeSource().getLocation().getPath()").value();
            assertTrue(jar.contains(local.toString()), "loaded from the local repository maven.maven.repo().local names: " + jar);
            assertNotEquals(String.valueOf(ProcessHandle.current().pid()), run(evaluator, "ProcessHandle.current().pid()").value(),
                    "the class runs in the user JVM, not the kernel's");
            assertTrue(run(evaluator, "%classpath").stdout().contains("(%maven org.example:greeting:1.0)"));

            assertTrue(run(evaluator, "System.exit(3);").outcome().isError());
            assertEquals("\"hello from words 1.0\"", run(evaluator, "org.example.greeting.Greeting.hello()").value(),
                    "the restarted user JVM gets the jars again");
        }
    }

    @Test
    void aKernelThatPreparesInTheBackgroundResolvesWarnsAndReportsAsWithout() throws Exception {
        Path local = maven.path("prepared-local");
        try (JShellEvaluator evaluator = evaluator(maven.repo().config(local, false))) {
            CompletableFuture<Boolean> prepared = evaluator.prepareLibrariesInBackground();
            // Likely still preparing: this %maven then waits for the preparation.
            Run added = run(evaluator, "%maven org.example:greeting:1.0 tech.tablesaw:tablesaw-core:0.1");
            assertFalse(added.outcome().isError(), added.error());
            assertTrue(added.table().contains("org.example:words:1.0"), added.table());
            assertTrue(added.table().contains("warning: tech.tablesaw:tablesaw-core:0.1 clashes with tech.tablesaw:tablesaw-core:"),
                    added.table());
            assertEquals("\"hello from words 1.0\"", run(evaluator, "org.example.greeting.Greeting.hello()").value());
            Run first = run(evaluator, "$1");
            assertEquals("\"hello from words 1.0\"", first.value(),
                    "the compiler's warm-up after the class path grew left the user's value names alone: " + first.error());
            assertTrue(prepared.get(120, TimeUnit.SECONDS), "the rehearsal failed");
            try (Stream<Path> files = Files.walk(local)) {
                assertTrue(files.noneMatch(file -> file.toString().contains("rehearsal")), "the rehearsal's library reached " + local);
            }
            Run again = run(evaluator, "%maven org.example:shouter:1.0");
            assertTrue(again.table().contains("kept org.example:words:1.0"), again.table());
        }
    }

    /**
     * The jars reach the compiler at once, in the cell that adds them, whether or not the compiler
     * has already looked into their packages (a cell that named a class before its library was
     * added), and stay usable, with completion, in later cells.
     */
    @Test
    void aLibraryIsUsableInItsOwnCellEvenAfterACellLookedForItsClasses() {
        try (JShellEvaluator evaluator = evaluator(maven.repo().config())) {
            Run sameCell = run(evaluator, "%maven org.example:greeting:1.0\norg.example.greeting.Greeting.hello()");
            assertFalse(sameCell.outcome().isError(), sameCell.error());
            assertEquals("\"hello from words 1.0\"", sameCell.value());
            assertEquals("\"hello from words 1.0\"", run(evaluator, "org.example.greeting.Greeting.hello()").value());
            assertTrue(evaluator.complete("org.example.greeting.Gr", 23).matches().contains("Greeting"),
                    "completion knows the added classes: " + evaluator.complete("org.example.greeting.Gr", 23).matches());

            Run tooEarly = run(evaluator, "org.example.shouter.Shouter.shout()");
            assertTrue(tooEarly.outcome().isError(), "not added yet");
            Run afterIt = run(evaluator, "%maven org.example:shouter:1.0\norg.example.shouter.Shouter.class.getSimpleName()");
            assertFalse(afterIt.outcome().isError(), afterIt.error());
            assertEquals("\"Shouter\"", afterIt.value(), "a package the compiler had found empty is read again");
            assertEquals("\"hello from words 1.0\"", run(evaluator, "org.example.greeting.Greeting.hello()").value());
        }
    }

    @Test
    void coordinatesOfOneLineAreResolvedTogetherWithMavensConflictResolution() {
        try (JShellEvaluator evaluator = evaluator(maven.repo().config())) {
            // greeting wants words 1.0, shouter words 2.0, both at depth 2: Maven keeps the first declared.
            Run added = run(evaluator, "%maven org.example:greeting:1.0 org.example:shouter:1.0");
            assertFalse(added.outcome().isError(), added.error());
            assertTrue(added.table().contains("org.example:words:1.0") && !added.table().contains("words:2.0"), added.table());
            assertEquals("\"WORDS 1.0\"", run(evaluator, "org.example.shouter.Shouter.shout()").value());

            Run again = run(evaluator, "%maven org.example:words:2.0");
            assertFalse(again.outcome().isError(), again.error());
            assertTrue(again.table().contains("kept org.example:words:1.0") && again.table().contains("restart the kernel"), again.table());
            assertEquals("\"words 1.0\"", run(evaluator, "org.example.words.Words.version()").value());
        }
    }

    @Test
    void classifiedJarsAndPomFragmentsAreResolved() throws IOException {
        try (JShellEvaluator evaluator = evaluator(maven.repo().config())) {
            Run fragment = run(evaluator, """
                    %%loadFromPOM
                    <properties><words.version>2.0</words.version></properties>
                    <dependency>
                      <groupId>org.example</groupId>
                      <artifactId>shouter</artifactId>
                      <version>1.0</version>
                    </dependency>
                    <dependency>
                      <groupId>org.example</groupId>
                      <artifactId>greeting</artifactId>
                      <version>1.0</version>
                      <scope>test</scope>
                    </dependency>
                    """);
            assertFalse(fragment.outcome().isError(), fragment.error());
            assertTrue(fragment.table().contains("org.example:words:2.0"), fragment.table());
            assertTrue(fragment.table().contains("skipped org.example:greeting:1.0 (scope test)"), fragment.table());
            assertEquals("\"WORDS 2.0\"", run(evaluator, "org.example.shouter.Shouter.shout()").value());

            Run classified = run(evaluator, "%maven org.example:greeting:jar:shout:1.0");
            assertFalse(classified.outcome().isError(), classified.error());
            assertTrue(classified.table().contains("org.example:greeting:jar:shout:1.0"), classified.table());
            assertEquals("\"HELLO\"", run(evaluator, "org.example.greeting.Shout.loud()").value());

            Path pom = maven.path("pom.xml");
            Files.writeString(pom, "<project><dependencies><dependency><groupId>org.example</groupId><artifactId>greeting</artifactId>"
                    + "<version>1.0</version></dependency></dependencies></project>");
            Run file = run(evaluator, "%loadFromPOM " + pom);
            assertFalse(file.outcome().isError(), file.error());
            assertTrue(file.table().contains("kept org.example:words:2.0"), file.table());
        }
    }

    @Test
    void badInputSaysWhatIsWrongAndTheKernelStaysUsable() throws IOException {
        try (JShellEvaluator evaluator = evaluator(maven.repo().config())) {
            Run malformed = run(evaluator, "%maven org.example:greeting");
            assertTrue(malformed.error().contains("group:artifact[:extension[:classifier]]:version")
                    && malformed.error().contains("e.g."), malformed.error());

            Run unknown = run(evaluator, "%maven org.example:nothing:9.9");
            assertTrue(unknown.error().contains("not found: org.example:nothing:9.9"), unknown.error());
            assertTrue(unknown.error().contains("test-mirror (" + maven.repo().repository.toUri()), "names the repositories tried: " + unknown.error());
            assertTrue(unknown.outcome().error().traceback().stream().noneMatch(line -> line.contains("\tat ")), "no stack trace");
            assertEquals("2", run(evaluator, "1 + 1").value());

            Run notXml = run(evaluator, "%%loadFromPOM\n<dependency>\n  <groupId>org.example</groupId\n</dependency>\n");
            assertTrue(notXml.error().contains("line 4, column 1"), "the line in the cell: " + notXml.error());

            Run clash = run(evaluator, "%maven tech.tablesaw:tablesaw-core:0.1");
            assertFalse(clash.outcome().isError(), clash.error());
            assertTrue(clash.table().contains("warning: tech.tablesaw:tablesaw-core:0.1 clashes with tech.tablesaw:tablesaw-core:")
                    && clash.table().contains("the kernel provides it"), clash.table());

            try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
                Thread acceptor = new Thread(() -> {
                    List<Socket> held = new ArrayList<>();
                    try {
                        while (true) {
                            held.add(silent.accept()); // never answers
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                });
                acceptor.setDaemon(true);
                acceptor.start();
                assertFalse(run(evaluator, "%mavenRepo silent http://127.0.0.1:" + silent.getLocalPort() + "/repo").outcome().isError());
                Run unreachable = run(evaluator, "%maven org.example:absent:1.0");
                assertTrue(unreachable.error().contains("cannot reach repository silent (http://127.0.0.1:" + silent.getLocalPort()),
                        unreachable.error());
            }
        }
    }

    @Test
    void cachedLibrariesResolveOfflineAndMissingOnesSaySo() {
        Path local = maven.path("offline-local");
        try (JShellEvaluator evaluator = evaluator(maven.repo().config(local, false))) {
            assertFalse(run(evaluator, "%maven org.example:greeting:1.0").outcome().isError());
        }
        try (JShellEvaluator evaluator = evaluator(maven.repo().config(local, true))) {
            Run offline = run(evaluator, "%maven org.example:greeting:1.0");
            assertFalse(offline.outcome().isError(), offline.error());
            assertTrue(offline.table().contains("local repository (cached)"), offline.table());
            assertEquals("\"hello from words 1.0\"", run(evaluator, "org.example.greeting.Greeting.hello()").value());

            Run missing = run(evaluator, "%maven org.example:shouter:1.0");
            assertTrue(missing.error().contains("offline") && missing.error().contains("org.example:shouter:1.0"), missing.error());
        }
    }
}
