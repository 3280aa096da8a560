package dev.footprint.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.ExecutionListener;
import dev.footprint.kernel.eval.ExecutionOutcome;
import dev.footprint.kernel.eval.ExecutionOutcome.ErrorInfo;
import dev.footprint.kernel.eval.KernelLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code execute_request}s: announces the input, streams what the cell produces, publishes
 * its result or error, replies, records history, and after an error (with {@code stop_on_error})
 * aborts the execute requests already queued behind it.
 *
 * <p>Only the shell thread calls this, so the execution count needs no lock.
 */
final class ExecuteHandler {

    private final Evaluator evaluator;
    private final IoPubPublisher iopub;
    private final ExecutionHistory history;
    private int executionCount;

    ExecuteHandler(Evaluator evaluator, IoPubPublisher iopub, ExecutionHistory history) {
        this.evaluator = evaluator;
        this.iopub = iopub;
        this.history = history;
    }

    /**
     * Runs the request's cell and replies.
     *
     * @return the execute requests that were waiting when the cell failed with stop_on_error set
     *     (empty otherwise); the caller answers them with {@link #abort} after its "idle"
     */
    List<JupyterMessage> handle(JupyterMessage request, ChannelLoop shell) {
        String code = request.text("code", "");
        boolean silent = request.flag("silent", false);
        // The protocol says silent forces store_history off.
        boolean storeHistory = !silent && request.flag("store_history", true);
        boolean stopOnError = request.flag("stop_on_error", true);
        if (storeHistory) {
            executionCount++;
        }
        int count = executionCount;
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            iopub.publish(request, "execute_input", input);
        }

        ExecutionListener listener = silent ? ExecutionListener.NONE : new IoPubListener(iopub, request);
        ExecutionOutcome outcome = run(code, listener);

        if (outcome.isError()) {
            ErrorInfo error = outcome.error();
            // Taken before the reply goes out: a request the client sends after it has seen the
            // failure is a new decision and must run, not be aborted with the old queue.
            // A silent cell (a frontend's own query) never stops the user's queue, as in ipykernel.
            List<JupyterMessage> queued = stopOnError && !silent ? takeQueuedExecutions(shell) : List.of();
            if (!silent) {
                iopub.publish(request, "error", errorContent(error, null));
            }
            JsonObject reply = errorContent(error, "error");
            reply.addProperty("execution_count", count);
            shell.reply(request, "execute_reply", reply);
            if (storeHistory) {
                history.record(count, code, null);
            }
            return queued;
        }

        Map<String, String> result = outcome.result();
        if (result != null && !silent) {
            JsonObject executeResult = new JsonObject();
            executeResult.addProperty("execution_count", count);
            executeResult.add("data", MimeBundles.toJson(result));
            executeResult.add("metadata", new JsonObject());
            iopub.publish(request, "execute_result", executeResult);
        }
        shell.reply(request, "execute_reply", okReply(count, payload(outcome), userExpressions(request)));
        if (storeHistory) {
            history.record(count, code, result == null ? null : result.get("text/plain"));
        }
        return List.of();
    }

    /**
     * The reply's payload: a help request's page ({@code Math.max?}, answered by the evaluator)
     * goes to the frontend's pager as IPython's {@code page} payload; nothing else has one.
     */
    private static JsonArray payload(ExecutionOutcome outcome) {
        JsonArray payload = new JsonArray();
        if (outcome.page() != null) {
            JsonObject page = new JsonObject();
            page.addProperty("source", "page");
            page.add("data", MimeBundles.toJson(outcome.page()));
            page.addProperty("start", 0);
            payload.add(page);
        }
        return payload;
    }

    private static JsonObject okReply(int count, JsonArray payload, JsonObject userExpressions) {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "ok");
        reply.addProperty("execution_count", count);
        reply.add("payload", payload);
        reply.add("user_expressions", userExpressions);
        return reply;
    }

    /** The current execution count: the number of cells run with store_history. */
    int executionCount() {
        return executionCount;
    }

    private ExecutionOutcome run(String code, ExecutionListener listener) {
        try {
            ExecutionOutcome outcome = evaluator.execute(code, listener);
            return outcome == null ? ExecutionOutcome.ok(null) : outcome;
        } catch (RuntimeException e) {
            // The evaluator failed, not the cell; the user still deserves an answer.
            KernelLog.error("the evaluator failed", e);
            return ExecutionOutcome.failed(new ErrorInfo(
                    e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    List.of("The kernel could not run this cell: " + e)));
        }
    }

    /**
     * Evaluates each of the request's {@code user_expressions} after the cell, as the protocol
     * asks; each gets its own ok or error entry.
     */
    private JsonObject userExpressions(JupyterMessage request) {
        JsonObject results = new JsonObject();
        JsonElement expressions = request.content().get("user_expressions");
        if (expressions == null || !expressions.isJsonObject()) {
            return results;
        }
        for (Map.Entry<String, JsonElement> entry : expressions.getAsJsonObject().entrySet()) {
            ExecutionOutcome outcome = run(entry.getValue().getAsString(), ExecutionListener.NONE);
            JsonObject value;
            if (outcome.isError()) {
                value = errorContent(outcome.error(), "error");
            } else {
                value = new JsonObject();
                value.addProperty("status", "ok");
                Map<String, String> data = outcome.result() == null ? Map.of("text/plain", "") : outcome.result();
                value.add("data", MimeBundles.toJson(data));
                value.add("metadata", new JsonObject());
            }
            results.add(entry.getKey(), value);
        }
        return results;
    }

    /**
     * Takes the execute requests already waiting behind a failed cell; other requests go back in
     * the queue. Call it before the failed request's reply: a client may send its next cell as
     * soon as it reads the reply, so only what is waiting before then was queued behind the
     * failure.
     */
    private static List<JupyterMessage> takeQueuedExecutions(ChannelLoop shell) {
        List<JupyterMessage> executions = new ArrayList<>();
        for (JupyterMessage waiting : shell.drainWaiting()) {
            if (waiting.msgType().equals("execute_request")) {
                executions.add(waiting);
            } else {
                shell.requeue(waiting);
            }
        }
        return executions;
    }

    /** Answers "aborted" to each request, so that a notebook run stops at the first failing cell. */
    void abort(List<JupyterMessage> executions, ChannelLoop shell) {
        for (JupyterMessage execution : executions) {
            iopub.status(execution, "busy");
            JsonObject aborted = new JsonObject();
            aborted.addProperty("status", "aborted");
            aborted.addProperty("execution_count", executionCount);
            shell.reply(execution, "execute_reply", aborted);
            iopub.status(execution, "idle");
        }
    }

    private static JsonObject errorContent(ErrorInfo error, String status) {
        JsonObject content = new JsonObject();
        if (status != null) {
            content.addProperty("status", status);
        }
        content.addProperty("ename", error.ename() == null ? "Error" : error.ename());
        content.addProperty("evalue", error.evalue() == null ? "" : error.evalue());
        JsonArray traceback = new JsonArray();
        if (error.traceback() != null) {
            error.traceback().forEach(traceback::add);
        }
        content.add("traceback", traceback);
        return content;
    }
}
