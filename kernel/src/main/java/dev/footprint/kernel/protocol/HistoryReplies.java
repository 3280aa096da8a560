package dev.footprint.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.KernelLog;
import java.util.List;

/** Answers {@code history_request}: tail, range or search, with or without outputs. */
final class HistoryReplies {

    private HistoryReplies() {}

    /** The history_reply content for {@code request}. */
    static JsonObject answer(ExecutionHistory history, JupyterMessage request) {
        String access = request.text("hist_access_type", "tail");
        List<ExecutionHistory.Entry> entries = switch (access) {
            case "range" -> history.range(
                    request.number("session", 0), request.number("start", 0), request.number("stop", 0));
            case "search" -> history.search(
                    request.text("pattern", "*"), request.number("n", 0), request.flag("unique", false));
            case "tail" -> history.tail(request.number("n", 10));
            default -> {
                KernelLog.warn("unknown hist_access_type '" + access + "'; answering with no history");
                yield List.of();
            }
        };
        boolean withOutput = request.flag("output", false);
        JsonArray rows = new JsonArray();
        for (ExecutionHistory.Entry entry : entries) {
            JsonArray row = new JsonArray();
            row.add(entry.session());
            row.add(entry.line());
            if (withOutput) {
                JsonArray inputAndOutput = new JsonArray();
                inputAndOutput.add(entry.input());
                inputAndOutput.add(entry.output()); // null becomes JSON null: a cell without a value
                row.add(inputAndOutput);
            } else {
                row.add(entry.input());
            }
            rows.add(row);
        }
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("history", rows);
        return content;
    }
}
