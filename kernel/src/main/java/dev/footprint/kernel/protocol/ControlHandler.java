package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import dev.footprint.kernel.eval.Evaluator;
import dev.footprint.kernel.eval.KernelLog;

/**
 * Answers the control socket on its own thread, so interrupt and shutdown work while the shell
 * thread is busy running a cell.
 */
final class ControlHandler implements RequestHandler {

    private final Evaluator evaluator;
    private final JsonObject kernelInfo;
    private final Runnable shutdown;

    /** {@code shutdown} is run after the shutdown reply is sent; it must not block. */
    ControlHandler(Evaluator evaluator, JsonObject kernelInfo, Runnable shutdown) {
        this.evaluator = evaluator;
        this.kernelInfo = kernelInfo;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(JupyterMessage request, ChannelLoop control) {
        switch (request.msgType()) {
            case "interrupt_request" -> {
                evaluator.interrupt();
                control.reply(request, "interrupt_reply", ok());
            }
            case "shutdown_request" -> {
                // With restart=true the client starts a new kernel process once this one has
                // ended (that is what jupyter_client's restart does), so both cases end this one.
                JsonObject reply = ok();
                reply.addProperty("restart", request.flag("restart", false));
                control.reply(request, "shutdown_reply", reply);
                shutdown.run();
            }
            case "kernel_info_request" -> control.reply(request, "kernel_info_reply", kernelInfo);
            default -> KernelLog.warn("ignored a control message of unknown type '" + request.msgType() + "'");
        }
    }

    private static JsonObject ok() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        return content;
    }
}
