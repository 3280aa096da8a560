package dev.footprint.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionHistoryTest {

    private final ExecutionHistory history = new ExecutionHistory();

    private ExecutionHistory filled() {
        history.record(1, "var a = arr.ones(4)", null);
        history.record(2, "a.nbytes()", "32");
        history.record(3, "1 + 2", "3");
        history.record(4, "a.nbytes()", "32");
        history.record(5, "10 + 20", "30");
        return history;
    }

    private static List<String> inputs(List<ExecutionHistory.Entry> entries) {
        return entries.stream().map(ExecutionHistory.Entry::input).toList();
    }

    @Test
    void tailGivesTheLastCellsOldestFirst() {
        assertEquals(List.of("a.nbytes()", "10 + 20"), inputs(filled().tail(2)));
        assertEquals(5, history.tail(100).size());
        assertEquals(0, history.tail(0).size());
        ExecutionHistory.Entry last = history.tail(1).get(0);
        assertEquals(ExecutionHistory.SESSION, last.session());
        assertEquals(5, last.line());
        assertEquals("30", last.output());
    }

    @Test
    void rangeSelectsLinesOfTheSessionWithStopExclusive() {
        assertEquals(List.of("a.nbytes()", "1 + 2"), inputs(filled().range(1, 2, 4)));
        assertEquals(List.of("a.nbytes()", "10 + 20"), inputs(history.range(0, 4, 0)), "session 0 is the current one");
        assertTrue(history.range(2, 1, 10).isEmpty(), "no other session exists");
    }

    @Test
    void searchMatchesWholeInputsWithGlobs() {
        filled();
        assertEquals(List.of("1 + 2", "10 + 20"), inputs(history.search("1*+ *", 0, false)));
        assertEquals(List.of("1 + 2"), inputs(history.search("? + ?", 0, false)));
        assertEquals(List.of("a.nbytes()", "a.nbytes()"), inputs(history.search("a.n*", 0, false)));
        assertEquals(List.of("a.nbytes()"), inputs(history.search("a.n*", 0, true)));
        assertEquals(List.of("10 + 20"), inputs(history.search("*", 1, false)));
        assertEquals(List.of("1 + 2"), inputs(history.search("[0-9] + [0-9]", 0, false)));
        assertEquals(List.of("1 + 2"), inputs(history.search("[^a] + *", 0, false)));
        assertTrue(history.search("nbytes", 0, false).isEmpty(), "a glob matches the whole input");
    }

    @Test
    void uniqueSearchKeepsTheLatestRunOfEachInput() {
        filled();
        List<ExecutionHistory.Entry> unique = history.search("*", 0, true);
        assertEquals(List.of("var a = arr.ones(4)", "1 + 2", "a.nbytes()", "10 + 20"), inputs(unique));
        assertEquals(4, unique.get(2).line());
    }

    @Test
    void globSpecialCharactersOfRegexAreLiteral() {
        history.record(1, "a.b(c)", null);
        history.record(2, "aXb(c)", null);
        assertEquals(List.of("a.b(c)"), inputs(history.search("a.b(c)", 0, false)));
        assertFalse(ExecutionHistory.globToRegex("a.b").matcher("aXb").matches());
    }
}
