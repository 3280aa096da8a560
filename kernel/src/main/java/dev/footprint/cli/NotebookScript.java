package dev.footprint.cli;

import dev.footprint.kernel.jshell.FootprintCallRewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook exported as a script ({@code jupyter nbconvert --to script X.ipynb} writes the code
 * cells one after another into {@code X.jsh}) made runnable by {@code jshell}: what the kernel
 * does beyond JShell is done here too.
 *
 * <ul>
 *   <li>{@code footprint(a, s)} labels its rows {@code a} and {@code s}, as in the kernel;
 *   <li>a magic becomes its DSL equivalent ({@code %memit EXPR} is {@code memit(() -> EXPR)},
 *       {@code %time STMT} and {@code %memit var x = ...} run their code, {@code %load F.jsh} is
 *       {@code /open F.jsh}) or, when jshell has none ({@code %whos}, {@code %%memit}'s
 *       measurement, {@code %classpath}, {@code %maven}), a comment; each keeps the magic line
 *       as a comment with a note, and {@link #notes()} lists them for the user.
 * </ul>
 */
final class NotebookScript {
    private static final Pattern MAGIC = Pattern.compile("^(\\s*)(%%?)([A-Za-z][\\w-]*)\\s*(.*)$");
    /** {@code Type name = ...} or {@code var name = ...}: a declaration that a lambda would hide. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:final\\s+)?[A-Za-z_$][\\w$.]*(?:\\s*<[^=()]*>)?(?:\\s*\\[\\s*])*\\s+[A-Za-z_$][\\w$]*\\s*(?:=.*|;?)$");

    private final String source;
    private final List<String> notes;

    private NotebookScript(String source, List<String> notes) {
        this.source = source;
        this.notes = List.copyOf(notes);
    }

    /** Translates {@code script} (named {@code name} in notes); see the class comment. */
    static NotebookScript translate(String name, String script) {
        String[] lines = FootprintCallRewriter.rewrite(script).source().split("\n", -1);
        List<String> notes = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean commentingCell = false;
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            Matcher magic = MAGIC.matcher(lines[i]);
            if (!magic.matches()) {
                // The body of a cell magic jshell cannot run (XML of %%loadFromPOM, ...) ends where the cell does:
                // nbconvert puts a blank line between cells.
                commentingCell &= !lines[i].isBlank();
                out.append(commentingCell ? "// " : "").append(lines[i]);
                continue;
            }
            String indent = magic.group(1);
            String magicName = magic.group(3).toLowerCase(Locale.ROOT);
            boolean cell = magic.group(2).length() == 2;
            String[] replacement = cell ? cellMagic(magicName) : lineMagic(magicName, magic.group(4).strip());
            commentingCell = cell && !magicName.equals("memit") && !magicName.equals("time");
            out.append(indent).append("// ").append(lines[i].strip()).append("    // ").append(replacement[1]);
            if (!replacement[0].isEmpty()) {
                out.append('\n').append(indent).append(replacement[0]);
            }
            notes.add(name + ":" + (i + 1) + ": " + lines[i].strip() + " - " + replacement[1]);
        }
        return new NotebookScript(out.toString(), notes);
    }

    /** The JShell script. */
    String source() {
        return source;
    }

    /** One line per magic, saying what became of it ({@code X.jsh:12: %whos - ...}). */
    List<String> notes() {
        return notes;
    }

    /** {code to run, note}. */
    private static String[] lineMagic(String name, String args) {
        String statement = args.endsWith(";") ? args : args + ";";
        switch (name) {
            case "memit":
                return DECLARATION.matcher(args).matches()
                        ? new String[] {statement, "notebook magic: the declaration runs, unmeasured (memit(...) would hide the variable)"}
                        : new String[] {"memit(() -> { " + statement + " })", "notebook magic, run as its DSL equivalent memit(...)"};
            case "time":
                return new String[] {args, "notebook magic: the code runs, untimed"};
            case "load":
                return args.endsWith(".jsh") || args.endsWith(".java")
                        ? new String[] {"/open " + args, "notebook magic, run as jshell's /open"}
                        : new String[] {"", "notebook magic: not run (jshell opens only .jsh and .java files)"};
            case "classpath":
            case "jars":
                return new String[] {"", "notebook magic: not run; give the jars to footprint jshell --class-path"};
            case "maven":
                return new String[] {"", "notebook magic: not run; give the library to footprint jshell --maven " + args};
            default:
                return new String[] {"", "notebook magic: not run (jshell has no equivalent)"};
        }
    }

    private static String[] cellMagic(String name) {
        switch (name) {
            case "memit":
            case "time":
                return new String[] {"", "notebook cell magic: the cell's code below runs, unmeasured"};
            default:
                return new String[] {"", "notebook cell magic: not run (jshell has no equivalent), nor its cell's lines below"};
        }
    }
}
