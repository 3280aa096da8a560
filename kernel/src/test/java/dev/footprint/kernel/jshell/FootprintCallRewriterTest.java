package dev.footprint.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FootprintCallRewriterTest {

    @Test
    void identifiersBecomeLabelledPairs() {
        assertEquals("footprint(\"a\", a, \"s\", s);", FootprintCallRewriter.rewrite("footprint(a, s);").source());
        assertEquals("Footprint.footprint(\"int16arr\", int16arr)",
                FootprintCallRewriter.rewrite("Footprint.footprint( int16arr )").source());
    }

    @Test
    void otherCallsStayAsTheyAre() {
        for (String unchanged : new String[] {
                "footprint(\"a\", a)", "footprint(a.copy(), s)", "footprint()", "myfootprint(a)",
                "report.footprint(a)", "// footprint(a)", "String t = \"footprint(a)\";"}) {
            assertEquals(unchanged, FootprintCallRewriter.rewrite(unchanged).source(), unchanged);
        }
    }

    @Test
    void positionsMapBackToTheOriginal() {
        FootprintCallRewriter.Rewrite rewrite = FootprintCallRewriter.rewrite("footprint(a); int x = bad;");
        int inRewritten = rewrite.source().indexOf("bad");
        assertEquals("footprint(a); int x = bad;".indexOf("bad"), rewrite.toOriginal(inRewritten));
        assertEquals(0, rewrite.toOriginal(3), "inside the rewritten call: its start");
    }
}
