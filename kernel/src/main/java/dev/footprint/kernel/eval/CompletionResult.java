package dev.footprint.kernel.eval;

import java.util.List;

/** Candidates that replace {@code code[cursorStart, cursorEnd)}. */
public record CompletionResult(List<String> matches, int cursorStart, int cursorEnd) {}
