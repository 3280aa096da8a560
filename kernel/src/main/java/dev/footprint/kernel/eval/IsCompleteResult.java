package dev.footprint.kernel.eval;

/** Jupyter's is_complete answer: status is complete, incomplete, invalid or unknown. */
public record IsCompleteResult(String status, String indent) {}
