package dev.footprint.kernel.eval;

import java.util.Map;

/** What is known of the name under the cursor: a MIME bundle, empty when not found. */
public record InspectionResult(boolean found, Map<String, String> data) {}
