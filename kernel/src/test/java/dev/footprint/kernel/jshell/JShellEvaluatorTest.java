package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.CompletionResult;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.InspectionResult;
import dev.footprint.kernel.eval.IsCompleteResult;
import dev.footprint.kernel.eval.RecordingListener;
import dev.footprint.kernel.userjvm.UserJvmOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cells in, values, errors, streams and displays out, through one shared evaluator (each test
 * uses its own names, so the shared state does not matter).
 */
class JShellEvaluatorTest {
    private static JShellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JShellEvaluator(UserJvmOptions.builder().jvmOptions("-Xmx256m").build());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static ExecutionOutcome run(String cell) {
        return evaluator.execute(cell, ExecutionListener.NONE);
    }

    private static String plain(ExecutionOutcome outcome) {
        assertFalse(outcome.isError(), () -> "unexpected error: " + outcome.error());
        assertNotNull(outcome.result(), "the cell should have a value");
        return outcome.result().get("text/plain");
    }

    @Test
    void expressionValueIsTheResult() {
        assertEquals("2", plain(run("1 + 1")));
        assertEquals("\"text\"", plain(run("\"text\"")));
        assertEquals("int[3] { 1, 2, 3 }", plain(run("new int[] {1, 2, 3}")));
    }

    @Test
    void multiStatementCellShowsTheLastExpression() {
        assertEquals("10", plain(run("int valueA = 5;\nint valueB = valueA * 2;\nvalueB")));
        assertEquals("15", plain(run("valueA + valueB")), "definitions survive the cell");
    }

    @Test
    void declarationsAndStatementsShowNothing() {
        ExecutionOutcome declaration = run("int quiet = 3;");
        assertFalse(declaration.isError());
        assertNull(declaration.result());
        ExecutionOutcome statement = run("System.out.print(\"\");");
        assertFalse(statement.isError());
        assertNull(statement.result());
    }

    @Test
    void startupImportsAreInEffect() {
        assertEquals("[1, 2]", plain(run("new ArrayList<>(List.of(1, 2))")));
        assertEquals("8388608", plain(run("arr.ones(1024, 1024).nbytes()")));
        assertEquals("true", plain(run("SparseArray.class.isInstance(sparse.coo(arr.eye(3)))")), "dev.footprint.sparse.*");
        assertEquals("80.0", plain(run("Upcast.cost(arr.ones(UINT16, 4, 4)).bitsPerElement(2)")), "dev.footprint.report.*");
        assertEquals("\"dev.footprint.display.Displayable\"", plain(run("Displayable.class.getName()")),
                "a cell's own method may return Displayable, as chapter 7's chart does");
        run("var packed = arr.ones(64, 64).compress();");
        assertEquals("true", plain(run("packed.decompress().equals(arr.ones(64, 64)) && packed.storedBytes() < packed.nbytes()")),
                "a compressed array in a variable, as chapter 9 keeps one");
        assertEquals("\"dev.footprint.array.CompressedNDArray\"", plain(run("CompressedNDArray.class.getName()")),
                "the compressed type is named without an import");
        ExecutionOutcome own = run("Displayable d = () -> MimeBundle.of(\"mine\", \"<b>mine</b>\"); d");
        assertEquals("<b>mine</b>", own.result().html(), "a value of the user's own shows its bundle");
        assertEquals("mine", own.result().plain());
    }

    @Test
    void printStreamCallsAsTheLastExpressionShowNoValue() {
        for (String cell : List.of("System.out.printf(\"%d%n\", 42)", "System.out.append(\"x\")",
                "System.err.format(\"e%n\")", "System.out.printf(\"a\").printf(\"b%n\")",
                "new java.io.PrintWriter(System.out, true).printf(\"w%n\")")) {
            RecordingListener listener = new RecordingListener();
            ExecutionOutcome outcome = evaluator.execute(cell, listener);
            assertFalse(outcome.isError(), () -> cell + ": " + outcome.error());
            assertNull(outcome.result(), () -> cell + " shows " + outcome.result());
        }
        RecordingListener printed = new RecordingListener();
        evaluator.execute("System.out.printf(\"%d apples%n\", 42)", printed);
        assertEquals("42 apples\n", printed.stdout(), "the text is still printed");
        assertEquals("\"a string\"", plain(run("\"a string\"")), "other values still show");
        assertTrue(plain(run("new java.io.StringWriter().append(\"kept\")")).contains("kept"), "a writer with its own text shows it");
    }

    @Test
    void displayableValueGivesItsBundle() {
        Map<String, String> result = run("arr.ones(UINT16, 4, 4)").result();
        assertTrue(result.get("text/html").contains("uint16"), result.toString());
        assertTrue(result.get("text/plain").contains("dtype=uint16"), result.toString());
    }

    @Test
    void compileErrorIsPositionedInTheCell() {
        ExecutionOutcome outcome = run("int okBefore = 1;\nint broken = \"text\" * 2;\nint after = 3;");
        assertTrue(outcome.isError());
        assertEquals("CompilationError", outcome.error().ename());
        assertTrue(outcome.error().evalue().startsWith("line 2, column 14:"), outcome.error().evalue());
        List<String> traceback = outcome.error().traceback();
        assertEquals("CompilationError: " + outcome.error().evalue(), traceback.get(0).lines().findFirst().orElseThrow(),
                "named as a runtime error is: " + traceback);
        assertEquals("    int broken = \"text\" * 2;", traceback.get(1));
        assertEquals("                 ^~~~~~~~~~", traceback.get(2), "the marker spans the bad operands");
        assertTrue(run("after").isError(), "the cell stops at the first error");
    }

    @Test
    void compileErrorAfterIndentedCommentKeepsItsColumn() {
        ExecutionOutcome outcome = run("  // a comment\n  undefinedName + 1");
        assertTrue(outcome.error().evalue().startsWith("line 2, column 3:"), outcome.error().evalue());
    }

    @Test
    void runtimeErrorShowsTheUsersFrames() {
        run("int divideRt(int n) {\n    return 10 / n;\n}");
        ExecutionOutcome outcome = run("int unusedRt = 1;\ndivideRt(0)");
        assertEquals("java.lang.ArithmeticException", outcome.error().ename());
        assertEquals("/ by zero", outcome.error().evalue());
        List<String> traceback = outcome.error().traceback();
        assertEquals("java.lang.ArithmeticException: / by zero", traceback.get(0));
        assertTrue(traceback.get(1).matches("    at divideRt \\(cell \\d+, line 2\\)"), traceback.toString());
        assertEquals("    at line 2", traceback.get(2));
        assertEquals(3, traceback.size(), "no kernel or JShell frames: " + traceback);
    }

    @Test
    void exceptionFromLibraryKeepsLibraryFramesAndCause() {
        ExecutionOutcome outcome = run("throw new IllegalStateException(\"outer\", new RuntimeException(\"inner\"));");
        assertEquals("java.lang.IllegalStateException", outcome.error().ename());
        assertTrue(outcome.error().traceback().contains("Caused by: java.lang.RuntimeException: inner"), outcome.error().traceback().toString());
        ExecutionOutcome library = run("List.of(1).get(5)");
        assertTrue(library.error().traceback().stream().anyMatch(line -> line.contains("java.util.ImmutableCollections")),
                library.error().traceback().toString());
        assertTrue(library.error().traceback().stream().noneMatch(line -> line.contains("jdk.jshell") || line.contains("dev.footprint.kernel")),
                library.error().traceback().toString());
    }

    @Test
    void streamsArriveBatchedAndComplete() {
        RecordingListener listener = new RecordingListener();
        ExecutionOutcome outcome = evaluator.execute(
                "for (int i = 0; i < 20000; i++) System.out.println(\"line \" + i);\nSystem.err.print(\"done\");", listener);
        assertFalse(outcome.isError());
        String out = listener.stdout();
        assertEquals(20000, out.lines().count());
        assertTrue(out.startsWith("line 0\n") && out.endsWith("line 19999\n"));
        assertEquals("done", listener.stderr());
        assertTrue(listener.streamCalls("stdout") < 50, "batched, not one message per print: " + listener.streamCalls("stdout"));
    }

    @Test
    void streamsArriveWhileTheCellRuns() throws Exception {
        // The cell prints, then waits for a file that only the listener creates when the print
        // arrives: it can finish only if its output reached the listener while it ran.
        Path arrived = Files.createTempDirectory("footprint-stream").resolve("arrived");
        RecordingListener listener = new RecordingListener();
        ExecutionListener relay = new ExecutionListener() {
            @Override
            public void stream(String name, String text) {
                listener.stream(name, text);
                if (text.contains("early")) {
                    try {
                        Files.createFile(arrived);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void display(MimeBundle bundle, String displayId, boolean update) {}

            @Override
            public void clearOutput(boolean wait) {}
        };
        String path = arrived.toString().replace("\\", "\\\\");
        ExecutionOutcome outcome = evaluator.execute("System.out.println(\"early\");\n"
                + "var streamFlag = java.nio.file.Path.of(\"" + path + "\");\n"
                + "for (int i = 0; i < 1200 && !java.nio.file.Files.exists(streamFlag); i++) Thread.sleep(50);\n"
                + "System.out.println(java.nio.file.Files.exists(streamFlag) ? \"late\" : \"never seen\");", relay);
        assertFalse(outcome.isError(), String.valueOf(outcome.error()));
        assertEquals("early\nlate\n", listener.stdout(), "the first line reached the listener while the cell ran");
    }

    @Test
    void unicodeSurvivesTheStream() {
        RecordingListener listener = new RecordingListener();
        evaluator.execute("System.out.println(\"µ∑ é 𝄞\".repeat(300));", listener);
        assertEquals("µ∑ é 𝄞".repeat(300) + "\n", listener.stdout());
    }

    @Test
    void displayUpdateAndClearReachTheListener() {
        RecordingListener listener = new RecordingListener();
        ExecutionOutcome outcome = evaluator.execute(
                "System.out.println(\"before\");\nvar shown = display(\"first\");\nupdateDisplay(shown, \"second\");\n"
                        + "display(\"<b>bold</b>\", \"text/html\");\nclearOutput(true);\nshown", listener);
        assertFalse(outcome.isError(), () -> outcome.error().toString());
        assertNull(outcome.result(), "a display handle as last value shows nothing more");
        List<RecordingListener.Event> events = listener.events;
        assertEquals("stream", events.get(0).kind(), "text printed before a display comes first: " + events);
        List<RecordingListener.Event> displays = listener.displays();
        assertEquals(4, displays.size(), displays.toString());
        assertEquals(Map.of("text/plain", "\"first\""), displays.get(0).bundle());
        assertEquals(displays.get(0).displayId(), displays.get(1).displayId());
        assertFalse(displays.get(0).flag());
        assertTrue(displays.get(1).flag(), "second is an update");
        assertEquals("<b>bold</b>", displays.get(2).bundle().get("text/html"));
        assertEquals("<b>bold</b>", displays.get(2).bundle().get("text/plain"));
        assertEquals("clear", displays.get(3).kind());
        assertTrue(displays.get(3).flag(), "clear with wait");
    }

    @Test
    void largeDisplayBundleArrivesWhole() {
        RecordingListener listener = new RecordingListener();
        evaluator.execute("display(\"x\".repeat(200_000), \"image/svg+xml\");", listener);
        assertEquals(200_000, listener.displays().get(0).bundle().get("image/svg+xml").length());
    }

    @Test
    void footprintCallsAreLabelledWithVariableNames() {
        // The rewrite applies to calls named footprint; a local method of that name shows it.
        run("String footprint(Object... parts) { return Arrays.toString(parts); }");
        assertEquals("\"[first, 1, second, 2]\"", plain(run("int first = 1, second = 2;\nfootprint(first, second)")));
        assertEquals("\"[1, 2]\"", plain(run("footprint(1, 2)")), "literals are not labelled");
        assertEquals("\"[first]\"", plain(run("footprint(\"first\")")), "a string stays one argument");
    }

    @Test
    void completionReplacesFromAnchorToCursor() {
        CompletionResult result = evaluator.complete("int n = 1;\n\"abc\".toUpp", 22);
        assertEquals(17, result.cursorStart());
        assertEquals(22, result.cursorEnd());
        assertEquals(List.of("toUpperCase("), result.matches());
        CompletionResult dsl = evaluator.complete("arr.on", 6);
        assertTrue(dsl.matches().contains("ones("), dsl.toString());
        assertEquals(4, dsl.cursorStart());
        CompletionResult magic = evaluator.complete("%me", 3);
        assertEquals(List.of("%memit"), magic.matches());
        assertEquals(0, magic.cursorStart());
    }

    @Test
    void inspectionGivesSignatureAndJavadoc() {
        InspectionResult jdk = evaluator.inspect("Math.max(1, 2)", 6, 0);
        assertTrue(jdk.found());
        assertTrue(jdk.data().get("text/plain").contains("int Math.max(int a, int b)"), jdk.toString());
        assertTrue(jdk.data().get("text/html").contains("<pre>"), jdk.toString());
        InspectionResult dsl = evaluator.inspect("arr.zeros(3)", 6, 0);
        assertTrue(dsl.found());
        assertTrue(dsl.data().get("text/plain").contains("zeros"), dsl.toString());
        assertTrue(dsl.data().get("text/plain").contains("Float64 zeros"), "the DSL's Javadoc: " + dsl);
        String overloads = evaluator.inspect("arr.of(1L)", 6, 0).data().get("text/plain");
        assertTrue(overloads.matches("(?s).*of\\(double\\.\\.\\. values\\)\\s*\\nA 1-d float64 array.*"), overloads);
        assertTrue(overloads.matches("(?s).*of\\(long\\.\\.\\. values\\)\\s*\\nA 1-d int64 array.*"),
                "each overload shows its own comment, though the parameter names are alike: " + overloads);
        InspectionResult field = evaluator.inspect("arr", 1, 0);
        assertTrue(field.data().get("text/plain").contains("Dense arrays"), field.toString());
        assertFalse(evaluator.inspect("noSuchThing", 3, 0).found());
    }

    @Test
    void aHelpRequestEndsWithThePageOfWhatInspectionKnowsAndRunsNothing() {
        RecordingListener printed = new RecordingListener();
        ExecutionOutcome help = evaluator.execute("Math.max?", printed);
        assertFalse(help.isError(), () -> String.valueOf(help.error()));
        assertNull(help.result(), "a help request shows no value");
        assertEquals(evaluator.inspect("Math.max", 8, 1).data(), help.page(), "the page is what inspection shows");
        assertTrue(help.page().get("text/plain").contains("int Math.max(int a, int b)"), help.page().toString());
        assertEquals("", printed.stdout());

        ExecutionOutcome magic = evaluator.execute("?%maven", ExecutionListener.NONE);
        assertTrue(magic.page().get("text/plain").contains("group:artifact"), "a magic's help: " + magic.page());

        RecordingListener unknown = new RecordingListener();
        ExecutionOutcome nothing = evaluator.execute("noSuchThingAnywhere?", unknown);
        assertFalse(nothing.isError());
        assertNull(nothing.page());
        assertEquals("Nothing is known of `noSuchThingAnywhere`.\n", unknown.stdout());
    }

    @Test
    void isCompleteHasThreeStates() {
        assertEquals("complete", evaluator.isComplete("int a = 1;").status());
        assertEquals("complete", evaluator.isComplete("%lsmagic").status());
        IsCompleteResult open = evaluator.isComplete("void f() {\n    if (true) {");
        assertEquals("incomplete", open.status());
        assertEquals("        ", open.indent());
        assertEquals("incomplete", evaluator.isComplete("int x = (1 +").status());
        assertEquals("incomplete", evaluator.isComplete("%%time\nfor (int i = 0; i < 3; i++) {").status());
        assertEquals("invalid", evaluator.isComplete("int x = ;;)").status());
        assertEquals("invalid", evaluator.isComplete("foo(]").status());
        assertEquals("invalid", evaluator.isComplete("}").status());
        assertEquals("complete", evaluator.isComplete("String s = \")\";").status(), "brackets in strings do not count");
    }

    @Test
    void unknownMagicIsAnError() {
        ExecutionOutcome outcome = run("%nosuchmagic");
        assertEquals("UsageError", outcome.error().ename());
        assertTrue(outcome.error().evalue().contains("%lsmagic"));
    }

    // Completion and inspection see the whole cell: names it declares before the cursor, not yet run.

    private static CompletionResult completeAtEnd(String cell) {
        return evaluator.complete(cell, cell.length());
    }

    @Test
    void aVariableDeclaredEarlierInTheCellCompletes() {
        String cell = "var qCell = arr.ones(3);\nqCell.nb";
        CompletionResult result = completeAtEnd(cell);
        assertEquals(List.of("nbytes()"), result.matches());
        assertEquals(cell.length() - 2, result.cursorStart());
        assertEquals(cell.length(), result.cursorEnd());
        CompletionResult sameLine = completeAtEnd("var r = sparse.coo(arr.eye(4)); r.nn");
        assertTrue(sameLine.matches().contains("nnz()"), "two statements on one line: " + sameLine);
        CompletionResult afterMagic = completeAtEnd("%time var w = arr.ones(2);\nint[] xs = {1, 2};\nvar v = arr.zeros(2);\nv.ndi");
        assertEquals(List.of("ndim()"), afterMagic.matches());
        assertTrue(evaluator.execute("qCell", ExecutionListener.NONE).isError(), "completion runs nothing: qCell is not defined");
    }

    @Test
    void aDeclarationEarlierInTheCellIsInspectedWithItsJavadoc() {
        String cell = "var qDoc = arr.ones(3);\nqDoc.nbytes()";
        InspectionResult result = evaluator.inspect(cell, cell.length() - 3, 0);
        assertTrue(result.found(), result.toString());
        String text = result.data().get("text/plain");
        assertTrue(text.contains("long NDArray.nbytes()") || text.contains("nbytes()"), text);
        assertTrue(text.lines().count() > 1, "the signature and its Javadoc: " + text);
    }

    @Test
    void aMethodOrTypeDeclaredEarlierInTheCellCompletes() {
        assertTrue(completeAtEnd("int twiceCell(int x) { return 2 * x; }\ntwiceC").matches().contains("twiceCell("));
        assertTrue(completeAtEnd("int thriceCell(int x) { return 3 * x; } thriceC").matches().contains("thriceCell("),
                "two statements on one line");
        assertEquals(List.of("nbytes()"), completeAtEnd("int twiceV(int x) { return 2 * x; }\nvar tv = arr.ones(twiceV(2));\ntv.nb").matches(),
                "a variable whose initializer calls a method of the cell");
        assertTrue(completeAtEnd("record PointCell(int xx, int yy) {}\nvar pc = new PointCell(1, 2);\npc.x").matches().contains("xx()"));
        assertTrue(completeAtEnd("int fourTimes(int x) { return 4 * x; }\nint eightTimes(int x) { return 2 * fourT").matches()
                .contains("fourTimes("), "inside a method the cell is declaring");
        InspectionResult doc = evaluator.inspect("int twiceDoc(int x) { return 2 * x; }\ntwiceDoc(3)", 43, 0);
        assertTrue(doc.found() && doc.data().get("text/plain").contains("twiceDoc(int x)"), doc.toString());
        assertTrue(evaluator.execute("twiceCell(1)", ExecutionListener.NONE).isError(), "completion runs nothing: twiceCell is not defined");
    }

    @Test
    void anImportEarlierInTheCellCompletes() {
        String cell = "import java.util.concurrent.*;\nvar chm = new ConcurrentHashM";
        CompletionResult onDemand = completeAtEnd(cell);
        assertEquals(List.of("ConcurrentHashMap"), onDemand.matches());
        assertEquals(cell.length() - "ConcurrentHashM".length(), onDemand.cursorStart());
        assertEquals(List.of("putIfAbsent("),
                completeAtEnd("import java.util.concurrent.*;\nvar chm = new ConcurrentHashMap<String, Integer>(); chm.putIfA").matches(),
                "a variable of an imported type");
        assertTrue(completeAtEnd("import java.util.concurrent.atomic.AtomicLong;\nAtomicL").matches().contains("AtomicLong"));
        assertEquals(List.of("incrementAndGet()"),
                completeAtEnd("import java.util.concurrent.atomic.AtomicLong;\nvar al = new AtomicLong();\nal.incrementAndG").matches());
        assertTrue(completeAtEnd("import static java.lang.Math.*;\ndouble r = sqr").matches().contains("sqrt("), "a static import");
        assertTrue(evaluator.execute("new ConcurrentHashMap<String, Integer>()", ExecutionListener.NONE).isError(),
                "completion imports nothing into the session");
    }

    @Test
    void objectsMonitorMethodsAreLeftOutOfFootprintTypesUnlessTyped() {
        List<String> all = completeAtEnd("var m = arr.ones(3);\nm.").matches();
        assertTrue(all.contains("nbytes()") && all.contains("toString()"), all.toString());
        assertFalse(all.stream().anyMatch(name -> name.startsWith("wait(") || name.startsWith("notify")), all.toString());
        List<String> direct = completeAtEnd("arr.ones(3).").matches();
        assertFalse(direct.stream().anyMatch(name -> name.startsWith("notify")), direct.toString());
        assertFalse(completeAtEnd("arr.ones(3).n").matches().contains("notify()"), "one letter typed is still noise");
        assertTrue(completeAtEnd("arr.ones(3).wa").matches().contains("wait("), "typed, it completes");
        assertTrue(completeAtEnd("arr.ones(3).noti").matches().contains("notifyAll()"));
        List<String> lock = completeAtEnd("var lock = new Object();\nlock.").matches();
        assertTrue(lock.contains("notifyAll()") && lock.contains("wait("), "other types keep them: " + lock);
        assertTrue(completeAtEnd("Thread.currentThread().").matches().contains("notify()"));
    }
}
