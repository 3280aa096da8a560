package dev.footprint.kernel.protocol;

import com.google.gson.JsonObject;
import dev.footprint.display.MimeBundle;
import dev.footprint.kernel.eval.ExecutionListener;

/** Forwards what a running cell produces to iopub, as children of the execute request. */
final class IoPubListener implements ExecutionListener {

    private final IoPubPublisher iopub;
    private final JupyterMessage request;

    IoPubListener(IoPubPublisher iopub, JupyterMessage request) {
        this.iopub = iopub;
        this.request = request;
    }

    @Override
    public void stream(String name, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        JsonObject content = new JsonObject();
        content.addProperty("name", "stderr".equals(name) ? "stderr" : "stdout");
        content.addProperty("text", text);
        iopub.publish(request, "stream", content);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        JsonObject content = new JsonObject();
        content.add("data", MimeBundles.toJson(bundle));
        content.add("metadata", new JsonObject());
        JsonObject transientData = new JsonObject();
        if (displayId != null) {
            transientData.addProperty("display_id", displayId);
        }
        content.add("transient", transientData);
        boolean isUpdate = update && displayId != null;
        iopub.publish(request, isUpdate ? "update_display_data" : "display_data", content);
    }

    @Override
    public void clearOutput(boolean wait) {
        JsonObject content = new JsonObject();
        content.addProperty("wait", wait);
        iopub.publish(request, "clear_output", content);
    }
}
