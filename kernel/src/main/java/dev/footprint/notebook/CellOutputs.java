package dev.footprint.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one code cell produces into nbformat outputs, as a Jupyter front end would:
 * consecutive stream text of one name merged, displays updated in place by id (in this or an
 * earlier cell), {@code clear_output(wait)} honoured. Each output is also handed to a
 * {@link TerminalEcho} as it arrives.
 */
final class CellOutputs implements ExecutionListener {

    private final JsonArray outputs = new JsonArray();
    private final Map<String, List<JsonObject>> displaysById;
    private final TerminalEcho echo;
    private boolean clearOnNextOutput;

    /**
     * @param displaysById outputs by display id, shared by all cells of one run so that a later
     *     cell can update an earlier cell's display
     */
    CellOutputs(Map<String, List<JsonObject>> displaysById, TerminalEcho echo) {
        this.displaysById = displaysById;
        this.echo = echo;
    }

    /** A collector for a single cell, with no echo. */
    static CellOutputs standalone() {
        return new CellOutputs(new HashMap<>(), TerminalEcho.SILENT);
    }

    @Override
    public synchronized void stream(String name, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        clearIfWaiting();
        echo.stream(name, text);
        if (!outputs.isEmpty()) {
            JsonObject last = outputs.get(outputs.size() - 1).getAsJsonObject();
            if ("stream".equals(last.get("output_type").getAsString()) && name.equals(last.get("name").getAsString())) {
                last.add("text", NotebookFile.lines(NotebookFile.text(last.get("text")) + text));
                return;
            }
        }
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "stream");
        output.addProperty("name", name);
        output.add("text", NotebookFile.lines(text));
        outputs.add(output);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        if (update) {
            // As Jupyter does: an update changes every output shown with that id, adds none.
            for (JsonObject shown : displaysById.getOrDefault(displayId, List.of())) {
                shown.add("data", MimeBundles.data(bundle));
            }
            return;
        }
        clearIfWaiting();
        echo.display(bundle);
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "display_data");
        output.add("data", MimeBundles.data(bundle));
        output.add("metadata", new JsonObject());
        outputs.add(output);
        if (displayId != null) {
            displaysById.computeIfAbsent(displayId, id -> new ArrayList<>()).add(output);
        }
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        if (wait) {
            clearOnNextOutput = true;
        } else {
            clear();
        }
    }

    /** Adds how the cell ended: its value as {@code execute_result}, or its error. */
    synchronized void finish(ExecutionOutcome outcome, int executionCount) {
        clearIfWaiting();
        if (outcome.isError()) {
            ExecutionOutcome.ErrorInfo error = outcome.error();
            echo.error(error);
            outputs.add(errorOutput(error));
        } else if (outcome.result() != null && !outcome.result().isEmpty()) {
            echo.result(outcome.result(), executionCount);
            JsonObject output = new JsonObject();
            output.addProperty("output_type", "execute_result");
            output.addProperty("execution_count", executionCount);
            output.add("data", MimeBundles.data(outcome.result()));
            output.add("metadata", new JsonObject());
            outputs.add(output);
        }
    }

    /**
     * The outputs so far, in order. The array is live: a later cell's display update changes
     * it, which is why the runner stores this very array in the cell.
     */
    synchronized JsonArray outputs() {
        return outputs;
    }

    static JsonObject errorOutput(ExecutionOutcome.ErrorInfo error) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "error");
        output.addProperty("ename", error.ename() == null ? "Error" : error.ename());
        output.addProperty("evalue", error.evalue() == null ? "" : error.evalue());
        JsonArray traceback = new JsonArray();
        if (error.traceback() != null) {
            error.traceback().forEach(traceback::add);
        }
        output.add("traceback", traceback);
        return output;
    }

    private void clearIfWaiting() {
        if (clearOnNextOutput) {
            clearOnNextOutput = false;
            clear();
        }
    }

    private void clear() {
        while (!outputs.isEmpty()) {
            outputs.remove(outputs.size() - 1);
        }
        echo.cleared();
    }
}
