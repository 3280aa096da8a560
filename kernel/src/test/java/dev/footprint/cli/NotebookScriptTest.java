package dev.footprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a notebook's exported script becomes for jshell: magics as DSL or comments, footprint rows labelled. */
class NotebookScriptTest {

    @Test
    void magicsBecomeTheirDslEquivalentsOrCommentsWithANote() {
        NotebookScript script = NotebookScript.translate("x.jsh", String.join("\n",
                "var a = arr.ones(4);",
                "%memit a.add(1)",
                "%memit var b = a.as(FLOAT32)",
                "  %time a.sum()",
                "%whos",
                "%load helpers.jsh",
                "%maven org.example:lib:1.0",
                "footprint(a, b)",
                "",
                "%%memit",
                "var c = a.mul(2);",
                "",
                "%%loadFromPOM",
                "<dependency>",
                "</dependency>",
                "",
                "c.sum()"));
        assertEquals(String.join("\n",
                "var a = arr.ones(4);",
                "// %memit a.add(1)    // notebook magic, run as its DSL equivalent memit(...)",
                "memit(() -> { a.add(1); })",
                "// %memit var b = a.as(FLOAT32)    // notebook magic: the declaration runs, unmeasured (memit(...) would hide the variable)",
                "var b = a.as(FLOAT32);",
                "  // %time a.sum()    // notebook magic: the code runs, untimed",
                "  a.sum()",
                "// %whos    // notebook magic: not run (jshell has no equivalent)",
                "// %load helpers.jsh    // notebook magic, run as jshell's /open",
                "/open helpers.jsh",
                "// %maven org.example:lib:1.0    // notebook magic: not run; give the library to footprint jshell --maven org.example:lib:1.0",
                "footprint(\"a\", a, \"b\", b)",
                "",
                "// %%memit    // notebook cell magic: the cell's code below runs, unmeasured",
                "var c = a.mul(2);",
                "",
                "// %%loadFromPOM    // notebook cell magic: not run (jshell has no equivalent), nor its cell's lines below",
                "// <dependency>",
                "// </dependency>",
                "",
                "c.sum()"), script.source());
        assertEquals(8, script.notes().size(), script.notes().toString());
        assertEquals("x.jsh:5: %whos - notebook magic: not run (jshell has no equivalent)", script.notes().get(3));
    }

    @Test
    void codeWithoutMagicsIsLeftAsItIs() {
        String code = "int x = 5 % 3;\nString s = \"%whos\";\n/* footprint(a) in a comment */ x";
        assertEquals(code, NotebookScript.translate("y.jsh", code).source());
        assertEquals(List.of(), NotebookScript.translate("y.jsh", code).notes());
    }
}
