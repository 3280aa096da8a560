package dev.footprint.kernel.jshell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What a cell declares before the snippet under the cursor, for completion and inspection before
 * the cell runs. JShell's analysis sees only the session and one snippet, so the cell's earlier
 * declarations are put around the snippet in one block, where it can see them: its classes,
 * records and interfaces as local types, its methods as static methods of a local class
 * ({@value #CLASS}), and its variables as locals of that class's method {@value #METHOD}, which
 * holds the snippet. Imports cannot sit in a block: the names they bring in are written out in
 * full ({@link CellImports}). So, in one cell, {@code var q = arr.ones(3);} then {@code q.nb}
 * completes to {@code nbytes()}, {@code int twice(int x) {...}} then {@code twi} to
 * {@code twice(}, on the next line or on the same one.
 */
final class CellScope {
    static final String CLASS = "$FootprintCell";
    static final String METHOD = "$footprintCell";
    private static final Pattern STATIC = Pattern.compile("\\bstatic\\b");
    /** How an erroneous snippet (one that uses what the cell declares) starts, when it declares a type. */
    private static final Pattern TYPE_HEAD = Pattern.compile(
            "^(?:@[\\w.]+(?:\\([^)]*\\))?\\s*|(?:public|protected|private|abstract|static|final|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s");
    /** ... and when it declares a method: a head with parameters, then the body, no initializer. */
    private static final Pattern METHOD_HEAD = Pattern.compile(
            "^(?!(?:if|for|while|switch|synchronized|try|catch|do|else|return|new|yield|throw)\\b)[^=;{}]*\\)\\s*(?:throws\\s[^{=;]*)?\\{");

    /** The code to analyse, and the snippet's cursor in it. */
    record Scoped(String text, int cursor) {}

    private final List<String> types = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final List<String> variables = new ArrayList<>();
    private final Map<String, String> variableTypes = new HashMap<>();
    private final CellImports imports;

    private CellScope(JShell shell, String earlier) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<ImportSnippet> importSnippets = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        String remaining = earlier;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                break;
            }
            String source = info.source().strip();
            remaining = info.remaining();
            List<Snippet> snippets = analysis.sourceToSnippets(source);
            if (snippets.isEmpty()) {
                continue;
            }
            Snippet first = snippets.get(0);
            switch (first.kind()) {
                case IMPORT -> importSnippets.add((ImportSnippet) first);
                case TYPE_DECL -> types.add(source);
                case METHOD -> methods.add(asStatic(source));
                case VAR -> variables.add(source.endsWith(";") ? source : source + ";");
                case ERRONEOUS -> addErroneous(source);
                default -> { } // statements and expressions declare nothing
            }
            for (Snippet snippet : snippets) {
                declared.add(name(snippet));
                if (snippet instanceof VarSnippet variable) {
                    variableTypes.put(variable.name(), variable.typeName());
                }
            }
        }
        shell.types().forEach(type -> declared.add(type.name()));
        shell.methods().forEach(method -> declared.add(method.name()));
        shell.variables().forEach(variable -> declared.add(variable.name()));
        imports = importSnippets.isEmpty() ? CellImports.NONE : CellImports.of(analysis, importSnippets, declared);
    }

    /**
     * A declaration that uses what the cell declared before it, whose kind JShell cannot tell
     * alone, or a statement that does: told apart by how it starts.
     */
    private void addErroneous(String source) {
        if (TYPE_HEAD.matcher(source).find()) {
            types.add(source);
        } else if (METHOD_HEAD.matcher(source).find()) {
            methods.add(asStatic(source));
        } else {
            variables.add(source.endsWith(";") || source.endsWith("}") ? source : source + ";");
        }
    }

    /** The declarations of {@code earlier}, the cell's Java code before the snippet. */
    static CellScope of(JShell shell, String earlier) {
        return new CellScope(shell, earlier);
    }

    boolean isEmpty() {
        return types.isEmpty() && methods.isEmpty() && variables.isEmpty() && imports.isEmpty();
    }

    /**
     * Where {@code snippet} (with its cursor at {@code cursor}) may sit, most likely first: as a
     * statement after all the declarations, then as a member of {@value #CLASS} (a method or a
     * class being written, which sees the cell's types and methods). None when the cell declares
     * nothing before it.
     */
    List<Scoped> layouts(String snippet, int cursor) {
        if (isEmpty()) {
            return List.of();
        }
        String before = imports.qualify(snippet.substring(0, cursor), false, true);
        String after = imports.qualify(snippet.substring(cursor), true, false);
        String statement = classStart() + "static void " + METHOD + "() {\n" + qualified(variables) + "\n" + before;
        String member = classStart() + asStatic(before);
        return List.of(new Scoped(statement + after, statement.length()), new Scoped(member + after, member.length()));
    }

    /**
     * {@code expression} as JShell's analysis can type it alone: the cell's variables in it
     * become {@code ((Type) null)} of their type, its imported names are written out in full.
     */
    String standalone(String expression) {
        StringBuilder out = new StringBuilder();
        Matcher name = Pattern.compile("[A-Za-z_$][\\w$]*").matcher(expression);
        int done = 0;
        while (name.find()) {
            String type = variableTypes.get(name.group());
            boolean member = name.start() > 0 && (expression.charAt(name.start() - 1) == '.'
                    || Character.isJavaIdentifierPart(expression.charAt(name.start() - 1)));
            if (type != null && !member) {
                out.append(expression, done, name.start()).append("((").append(type).append(") null)");
                done = name.end();
            }
        }
        return imports.qualify(out.append(expression, done, expression.length()).toString());
    }

    /** The names the cell's imports bring in that start with {@code prefix}, as completions. */
    List<String> completeImported(String prefix) {
        return imports.complete(prefix);
    }

    /** A name of the scaffolding around the snippet, never a completion. */
    static boolean isScaffolding(String continuation) {
        return continuation.startsWith(CLASS) || continuation.startsWith(METHOD);
    }

    private String classStart() {
        return "{\n" + qualified(types) + "\nclass " + CLASS + " {\n" + qualified(methods) + "\n";
    }

    private String qualified(List<String> sources) {
        return imports.qualify(String.join("\n", sources));
    }

    /** A method as a static method: the local class's method that holds the snippet is static. */
    private static String asStatic(String method) {
        int paren = method.indexOf('(');
        return STATIC.matcher(paren < 0 ? method : method.substring(0, paren)).find() ? method : "static " + method;
    }

    private static String name(Snippet snippet) {
        if (snippet instanceof TypeDeclSnippet type) {
            return type.name();
        }
        if (snippet instanceof MethodSnippet method) {
            return method.name();
        }
        return snippet instanceof VarSnippet variable ? variable.name() : "";
    }
}
