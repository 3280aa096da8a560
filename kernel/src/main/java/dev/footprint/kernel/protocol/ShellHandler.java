package dev.footprint.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.CompletionResult;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.InspectionResult;
import dev.footprint.kernel.eval.IsCompleteResult;
import dev.footprint.kernel.eval.KernelLog;
import java.util.List;
import java.util.Map;

/**
 * Answers the requests of the shell socket. Every request is bracketed by "busy" and "idle" on
 * iopub, with the request as parent, so a client knows when its effects are complete.
 */
final class ShellHandler implements RequestHandler {

    private final Evaluator evaluator;
    private final IoPubPublisher iopub;
    private final ExecutionHistory history;
    private final ExecuteHandler executor;
    private final JsonObject kernelInfo;
    private final ConnectionInfo connection;

    ShellHandler(Evaluator evaluator, IoPubPublisher iopub, ExecutionHistory history,
            JsonObject kernelInfo, ConnectionInfo connection) {
        this.evaluator = evaluator;
        this.iopub = iopub;
        this.history = history;
        this.executor = new ExecuteHandler(evaluator, iopub, history);
        this.kernelInfo = kernelInfo;
        this.connection = connection;
    }

    @Override
    public void handle(JupyterMessage request, ChannelLoop shell) {
        iopub.status(request, "busy");
        List<JupyterMessage> toAbort = List.of();
        try {
            switch (request.msgType()) {
                case "execute_request" -> toAbort = executor.handle(request, shell);
                case "kernel_info_request" -> shell.reply(request, "kernel_info_reply", kernelInfo);
                case "complete_request" -> shell.reply(request, "complete_reply", complete(request));
                case "inspect_request" -> shell.reply(request, "inspect_reply", inspect(request));
                case "is_complete_request" -> shell.reply(request, "is_complete_reply", isComplete(request));
                case "history_request" -> shell.reply(request, "history_reply", HistoryReplies.answer(history, request));
                case "comm_info_request" -> shell.reply(request, "comm_info_reply", commInfo());
                case "comm_open" -> refuseComm(request);
                case "comm_msg", "comm_close" -> { } // no comm is ever open, so nothing to do
                case "connect_request" -> shell.reply(request, "connect_reply", connectReply());
                default -> KernelLog.warn("ignored a shell message of unknown type '" + request.msgType() + "'");
            }
        } catch (RuntimeException e) {
            KernelLog.error("failed to answer " + request.msgType(), e);
            replyError(request, shell, e);
        } finally {
            iopub.status(request, "idle");
        }
        // After this request's "idle", as ipykernel does, so each status pair stays whole.
        executor.abort(toAbort, shell);
    }

    private JsonObject complete(JupyterMessage request) {
        String code = request.text("code", "");
        int cursor = CodePoints.toCharIndex(code, request.number("cursor_pos", code.codePointCount(0, code.length())));
        CompletionResult result = evaluator.complete(code, cursor);
        JsonArray matches = new JsonArray();
        List<String> found = result.matches() == null ? List.of() : result.matches();
        found.forEach(matches::add);
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("matches", matches);
        content.addProperty("cursor_start", CodePoints.toCodePointOffset(code, result.cursorStart()));
        content.addProperty("cursor_end", CodePoints.toCodePointOffset(code, result.cursorEnd()));
        content.add("metadata", new JsonObject());
        return content;
    }

    private JsonObject inspect(JupyterMessage request) {
        String code = request.text("code", "");
        int cursor = CodePoints.toCharIndex(code, request.number("cursor_pos", code.codePointCount(0, code.length())));
        InspectionResult result = evaluator.inspect(code, cursor, request.number("detail_level", 0));
        Map<String, String> data = result.found() && result.data() != null ? result.data() : Map.of();
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.addProperty("found", result.found());
        content.add("data", MimeBundles.toJson(data));
        content.add("metadata", new JsonObject());
        return content;
    }

    private JsonObject isComplete(JupyterMessage request) {
        IsCompleteResult result = evaluator.isComplete(request.text("code", ""));
        JsonObject content = new JsonObject();
        content.addProperty("status", result.status());
        if ("incomplete".equals(result.status())) {
            content.addProperty("indent", result.indent() == null ? "" : result.indent());
        }
        return content;
    }

    private static JsonObject commInfo() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("comms", new JsonObject());
        return content;
    }

    /** No comm targets exist; closing the comm at once tells the frontend so, as ipykernel does. */
    private void refuseComm(JupyterMessage request) {
        JsonObject close = new JsonObject();
        close.addProperty("comm_id", request.text("comm_id", ""));
        close.add("data", new JsonObject());
        iopub.publish(request, "comm_close", close);
    }

    private JsonObject connectReply() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.addProperty("shell_port", connection.shellPort());
        content.addProperty("iopub_port", connection.iopubPort());
        content.addProperty("stdin_port", connection.stdinPort());
        content.addProperty("control_port", connection.controlPort());
        content.addProperty("hb_port", connection.hbPort());
        return content;
    }

    private static void replyError(JupyterMessage request, ChannelLoop shell, RuntimeException e) {
        String type = request.msgType();
        if (!type.endsWith("_request")) {
            return;
        }
        JsonObject content = new JsonObject();
        content.addProperty("status", "error");
        content.addProperty("ename", e.getClass().getSimpleName());
        content.addProperty("evalue", String.valueOf(e.getMessage()));
        JsonArray traceback = new JsonArray();
        traceback.add(e.toString());
        content.add("traceback", traceback);
        shell.reply(request, type.substring(0, type.length() - "_request".length()) + "_reply", content);
    }
}
