package dev.footprint.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives a kernel over real ZeroMQ sockets with a scripted evaluator. */
@Timeout(60)
class KernelServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ScriptedEvaluator evaluator;
    private KernelServer kernel;
    private TestClient client;
    private ConnectionInfo connection;

    @BeforeEach
    void start() throws Exception {
        int[] ports = LoopbackPorts.distinct(5);
        connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2],
                ports[3], ports[4], UUID.randomUUID().toString(), ConnectionInfo.HMAC_SHA256);
        evaluator = new ScriptedEvaluator();
        kernel = new KernelServer(connection, evaluator);
        kernel.start();
        client = new TestClient(connection);
        awaitIopubSubscription();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        kernel.close();
    }

    @Test
    void kernelInfoHasTheFullSchema() throws Exception {
        JupyterMessage reply = roundTrip("kernel_info_request", new JsonObject());
        JsonObject content = reply.content();
        assertEquals("kernel_info_reply", reply.msgType());
        assertEquals("ok", content.get("status").getAsString());
        assertEquals("5.3", content.get("protocol_version").getAsString());
        assertEquals("footprint", content.get("implementation").getAsString());
        assertTrue(content.has("implementation_version"));
        assertFalse(content.get("debugger").getAsBoolean());
        assertTrue(content.get("help_links").getAsJsonArray().size() > 0);
        assertFalse(content.get("banner").getAsString().isBlank());
        JsonObject language = content.getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString());
        assertEquals("text/x-java-source", language.get("mimetype").getAsString());
        assertEquals(".jsh", language.get("file_extension").getAsString(), "nbconvert --to script writes a JShell script");
        assertEquals("java", language.get("pygments_lexer").getAsString());
        assertEquals("text/x-java", language.get("codemirror_mode").getAsString());
        assertEquals(String.valueOf(Runtime.version().feature()), language.get("version").getAsString(),
                "the feature release, the same on every build of it: " + Runtime.version());
    }

    @Test
    void executePublishesInputOutputsResultAndStatusWithTheRightParent() throws Exception {
        JupyterMessage request = execute("out hello\nerr warn\ndisplay text/html <b>hi</b>\nshow d1 first\n"
                + "update d1 second\nclear\nvalue 42");
        JupyterMessage reply = client.receive(client.shell, WAIT);
        assertEquals("execute_reply", reply.msgType());
        assertEquals("ok", reply.content().get("status").getAsString());
        assertEquals(1, reply.content().get("execution_count").getAsInt());
        assertEquals(request.msgId(), reply.parentHeader().get("msg_id").getAsString());

        List<JupyterMessage> iopub = client.iopubUntilIdle(request.msgId(), WAIT);
        assertEquals(List.of("status", "execute_input", "stream", "stream", "display_data", "display_data",
                "update_display_data", "clear_output", "execute_result", "status"), TestClient.types(iopub));
        for (JupyterMessage message : iopub) {
            assertEquals(request.msgId(), message.parentHeader().get("msg_id").getAsString(), message.msgType());
        }
        assertEquals("busy", iopub.get(0).content().get("execution_state").getAsString());
        assertEquals(1, iopub.get(1).content().get("execution_count").getAsInt());
        assertEquals("stdout", iopub.get(2).content().get("name").getAsString());
        assertEquals("hello\n", iopub.get(2).content().get("text").getAsString());
        assertEquals("stderr", iopub.get(3).content().get("name").getAsString());
        assertEquals("<b>hi</b>", iopub.get(4).content().getAsJsonObject("data").get("text/html").getAsString());
        assertEquals("d1", iopub.get(6).content().getAsJsonObject("transient").get("display_id").getAsString());
        JsonObject result = iopub.get(8).content();
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(1, result.get("execution_count").getAsInt());
        assertEquals("idle", iopub.get(9).content().get("execution_state").getAsString());
    }

    @Test
    void aHelpRequestAnsweredByTheEvaluatorGoesToThePagerAndAnUnknownNameToStdout() throws Exception {
        JupyterMessage request = execute("print?");
        JupyterMessage reply = client.receive(client.shell, WAIT);
        assertEquals("ok", reply.content().get("status").getAsString());
        JsonArray payload = reply.content().getAsJsonArray("payload");
        assertEquals(1, payload.size(), payload.toString());
        JsonObject page = payload.get(0).getAsJsonObject();
        assertEquals("page", page.get("source").getAsString());
        assertEquals("print: a scripted command", page.getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals(0, page.get("start").getAsInt());
        assertEquals(List.of("status", "execute_input", "status"), TestClient.types(client.iopubUntilIdle(request.msgId(), WAIT)),
                "a page is no execute_result");

        JupyterMessage unknown = execute("?nothing.here");
        assertEquals(0, client.receive(client.shell, WAIT).content().getAsJsonArray("payload").size());
        List<JupyterMessage> iopub = client.iopubUntilIdle(unknown.msgId(), WAIT);
        assertEquals(List.of("status", "execute_input", "stream", "status"), TestClient.types(iopub));
        assertEquals("Nothing is known of `nothing.here`.\n", iopub.get(2).content().get("text").getAsString());
        assertEquals(List.of(), evaluator.executed, "a help request runs nothing");
    }

    @Test
    void startingIsPublishedOnceNotForEachClient() throws Exception {
        try (TestClient second = new TestClient(connection)) {
            List<JupyterMessage> seen = new ArrayList<>();
            for (int probe = 0; probe < 100 && seen.isEmpty(); probe++) { // until its subscription took effect
                second.send(second.shell, second.request("kernel_info_request", new JsonObject()));
                assertNotNull(second.receive(second.shell, WAIT), "no kernel_info_reply");
                for (JupyterMessage message; (message = second.receive(second.iopub, Duration.ofMillis(200))) != null; ) {
                    seen.add(message);
                }
            }
            assertFalse(seen.isEmpty(), "the second client never received an iopub message");
            for (TestClient each : List.of(client, second)) {
                for (JupyterMessage message; (message = each.receive(each.iopub, Duration.ofMillis(200))) != null; ) {
                    seen.add(message);
                }
            }
            assertTrue(seen.stream().allMatch(message -> message.parentHeader().size() > 0),
                    "only the probes' statuses, no second \"starting\": " + seen.stream()
                            .map(message -> message.content().get("execution_state").getAsString()).toList());
        }
    }

    @Test
    void silentExecutionPublishesOnlyStatusAndDoesNotCount() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("code", "out hidden\nvalue 1");
        content.addProperty("silent", true);
        JupyterMessage request = client.request("execute_request", content);
        client.send(client.shell, request);
        JupyterMessage reply = client.receive(client.shell, WAIT);
        assertEquals(0, reply.content().get("execution_count").getAsInt());
        assertEquals(List.of("status", "status"), TestClient.types(client.iopubUntilIdle(request.msgId(), WAIT)));
        assertEquals(0, kernel.history().size());
    }

    @Test
    void anErrorPublishesErrorAndAbortsTheQueuedExecutions() throws Exception {
        JupyterMessage failing = client.request("execute_request", code("sleep 300\nfail Boom it broke"));
        JupyterMessage queued = client.request("execute_request", code("out never"));
        JupyterMessage info = client.request("kernel_info_request", new JsonObject());
        client.send(client.shell, failing);
        client.send(client.shell, queued);
        client.send(client.shell, info);

        JupyterMessage first = client.receive(client.shell, WAIT);
        assertEquals("error", first.content().get("status").getAsString());
        assertEquals("Boom", first.content().get("ename").getAsString());
        assertEquals("it broke", first.content().get("evalue").getAsString());
        assertEquals(1, first.content().getAsJsonArray("traceback").size());
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JupyterMessage reply = client.receive(client.shell, WAIT);
            replies.add(reply.msgType() + ":" + reply.content().get("status").getAsString());
        }
        assertTrue(replies.contains("execute_reply:aborted"), replies.toString());
        assertTrue(replies.contains("kernel_info_reply:ok"), replies.toString());
        assertEquals(List.of("sleep 300\nfail Boom it broke"), evaluator.executed, "the queued cell never ran");
        List<JupyterMessage> iopub = client.iopubUntilIdle(failing.msgId(), WAIT);
        assertEquals(List.of("status", "execute_input", "error", "status"), TestClient.types(iopub));
    }

    @Test
    void aCellSentAfterTheFailedCellsIdleIsNotAborted() throws Exception {
        for (int round = 0; round < 20; round++) {
            JupyterMessage failing = execute("fail Boom");
            client.iopubUntilIdle(failing.msgId(), WAIT);
            assertEquals("error", client.receive(client.shell, WAIT).content().get("status").getAsString());
            execute("value 1"); // what execute_interactive and nbclient do: next cell once idle
            assertEquals("ok", client.receive(client.shell, WAIT).content().get("status").getAsString(),
                    "round " + round);
        }
    }

    @Test
    void aCellSentAsSoonAsTheErrorReplyArrivesIsNotAborted() throws Exception {
        for (int round = 0; round < 50; round++) {
            execute("fail Boom");
            assertEquals("error", client.receive(client.shell, WAIT).content().get("status").getAsString());
            JupyterMessage next = execute("value 1"); // a client that does not wait for "idle"
            assertEquals("ok", client.receive(client.shell, WAIT).content().get("status").getAsString(),
                    "round " + round);
            client.iopubUntilIdle(next.msgId(), WAIT);
        }
    }

    @Test
    void aFailingSilentCellDoesNotAbortTheQueue() throws Exception {
        JsonObject silent = code("sleep 200\nfail Boom");
        silent.addProperty("silent", true);
        assertTheNextCellRunsAfter(silent);
    }

    @Test
    void withoutStopOnErrorTheNextCellStillRuns() throws Exception {
        JsonObject failing = code("fail Boom");
        failing.addProperty("stop_on_error", false);
        assertTheNextCellRunsAfter(failing);
    }

    /** Sends {@code failingCell} and, without waiting, a cell that must still run: not aborted. */
    private void assertTheNextCellRunsAfter(JsonObject failingCell) throws Exception {
        client.send(client.shell, client.request("execute_request", failingCell));
        client.send(client.shell, client.request("execute_request", code("value 2")));
        assertEquals("error", client.receive(client.shell, WAIT).content().get("status").getAsString());
        assertEquals("ok", client.receive(client.shell, WAIT).content().get("status").getAsString());
    }

    @Test
    void interruptOnControlStopsARunningCell() throws Exception {
        JupyterMessage hanging = execute("hang");
        evaluator.awaitHang();
        client.send(client.control, client.request("interrupt_request", new JsonObject()));
        JupyterMessage interruptReply = client.receive(client.control, WAIT);
        assertEquals("interrupt_reply", interruptReply.msgType());
        JupyterMessage reply = client.receive(client.shell, WAIT);
        assertNotNull(reply, "no execute_reply after the interrupt");
        assertEquals("error", reply.content().get("status").getAsString());
        assertEquals("Interrupted", reply.content().get("ename").getAsString(), "the interrupt ended the cell");
        assertEquals(hanging.msgId(), reply.parentHeader().get("msg_id").getAsString());
    }

    @Test
    void heartbeatEchoesWhileACellRuns() throws Exception {
        execute("hang");
        evaluator.awaitHang();
        client.heartbeat.send("ping");
        client.heartbeat.setReceiveTimeOut(2000);
        assertEquals("ping", client.heartbeat.recvStr());
        evaluator.interrupt();
    }

    @Test
    void completeInspectAndIsCompleteUseCodePointOffsets() throws Exception {
        String code = "\"\ud83d\ude00\" pri";
        JsonObject request = new JsonObject();
        request.addProperty("code", code);
        request.addProperty("cursor_pos", code.codePointCount(0, code.length()));
        JsonObject completion = roundTrip("complete_request", request).content();
        assertEquals(3, completion.getAsJsonArray("matches").size());
        assertEquals(4, completion.get("cursor_start").getAsInt(), "the emoji counts as one");
        assertEquals(7, completion.get("cursor_end").getAsInt());

        JsonObject inspect = new JsonObject();
        inspect.addProperty("code", "println");
        inspect.addProperty("cursor_pos", 3);
        inspect.addProperty("detail_level", 0);
        JsonObject inspection = roundTrip("inspect_request", inspect).content();
        assertTrue(inspection.get("found").getAsBoolean());
        assertTrue(inspection.getAsJsonObject("data").has("text/plain"));

        JsonObject open = roundTrip("is_complete_request", code("for (;;) {")).content();
        assertEquals("incomplete", open.get("status").getAsString());
        assertEquals("    ", open.get("indent").getAsString());
        assertEquals("invalid", roundTrip("is_complete_request", code("}}")).content().get("status").getAsString());
    }

    @Test
    void historyAnswersTailRangeAndSearchWithOutputs() throws Exception {
        for (String code : List.of("value 1", "value 2", "out x")) {
            execute(code);
            client.receive(client.shell, WAIT);
        }
        JsonObject tail = new JsonObject();
        tail.addProperty("hist_access_type", "tail");
        tail.addProperty("n", 2);
        tail.addProperty("output", true);
        tail.addProperty("raw", true);
        var rows = roundTrip("history_request", tail).content().getAsJsonArray("history");
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).getAsJsonArray().get(0).getAsInt());
        assertEquals(2, rows.get(0).getAsJsonArray().get(1).getAsInt());
        assertEquals("value 2", rows.get(0).getAsJsonArray().get(2).getAsJsonArray().get(0).getAsString());
        assertEquals("2", rows.get(0).getAsJsonArray().get(2).getAsJsonArray().get(1).getAsString());
        assertTrue(rows.get(1).getAsJsonArray().get(2).getAsJsonArray().get(1).isJsonNull());

        JsonObject search = new JsonObject();
        search.addProperty("hist_access_type", "search");
        search.addProperty("pattern", "value *");
        search.addProperty("output", false);
        search.addProperty("raw", true);
        rows = roundTrip("history_request", search).content().getAsJsonArray("history");
        assertEquals(2, rows.size());
        assertEquals("value 1", rows.get(0).getAsJsonArray().get(2).getAsString());
    }

    @Test
    void commsAreRefusedPolitely() throws Exception {
        JsonObject info = roundTrip("comm_info_request", new JsonObject()).content();
        assertEquals(0, info.getAsJsonObject("comms").size());

        JsonObject open = new JsonObject();
        open.addProperty("comm_id", "c-1");
        open.addProperty("target_name", "jupyter.widget");
        open.add("data", new JsonObject());
        JupyterMessage request = client.request("comm_open", open);
        client.send(client.shell, request);
        List<JupyterMessage> iopub = client.iopubUntilIdle(request.msgId(), WAIT);
        JupyterMessage close = iopub.stream().filter(m -> m.msgType().equals("comm_close")).findFirst().orElseThrow();
        assertEquals("c-1", close.content().get("comm_id").getAsString());
    }

    @Test
    void unknownMessagesAreLoggedAndTheKernelCarriesOn() throws Exception {
        client.send(client.shell, client.request("no_such_request", new JsonObject()));
        client.send(client.control, client.request("debug_request", new JsonObject()));
        assertEquals("kernel_info_reply", roundTrip("kernel_info_request", new JsonObject()).msgType());
    }

    @Test
    void forgedAndReplayedMessagesAreNeverExecuted() throws Exception {
        WireCodec forger = new WireCodec(new MessageSigner("not the key"), new ReplayGuard(4));
        JupyterMessage forged = client.request("execute_request", code("out forged"));
        client.sendFrames(client.shell, forger.encode(forged));

        JupyterMessage genuine = client.request("execute_request", code("out genuine"));
        List<byte[]> frames = client.send(client.shell, genuine);
        assertEquals(genuine.msgId(), client.receive(client.shell, WAIT).parentHeader().get("msg_id").getAsString());
        client.sendFrames(client.shell, frames); // the same signed frames again

        assertNull(client.receive(client.shell, Duration.ofMillis(500)), "no reply to the forgery or the replay");
        assertEquals(List.of("out genuine"), evaluator.executed);
    }

    @Test
    void shutdownRepliesThenReleasesTheKernel() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("restart", true);
        client.send(client.control, client.request("shutdown_request", content));
        JupyterMessage reply = client.receive(client.control, WAIT);
        assertEquals("shutdown_reply", reply.msgType());
        assertTrue(reply.content().get("restart").getAsBoolean());
        assertTrue(kernel.awaitShutdown(WAIT));
        kernel.close();
        assertTrue(evaluator.closed);
    }

    @Test
    void shutdownIsAnsweredWhileACellRuns() throws Exception {
        execute("hang");
        evaluator.awaitHang();
        client.send(client.control, client.request("shutdown_request", new JsonObject()));
        JupyterMessage reply = client.receive(client.control, WAIT);
        assertEquals("shutdown_reply", reply.msgType());
        assertFalse(reply.content().get("restart").getAsBoolean());
        assertTrue(kernel.awaitShutdown(WAIT));
    }

    @Test
    void closeStopsEvenWhileACellHangs() throws Exception {
        execute("hang");
        evaluator.awaitHang();
        kernel.close();
        assertTrue(evaluator.closed);
        assertFalse(evaluator.hangRanOut(), "close returned before the hanging cell gave up by itself");
    }

    private JupyterMessage execute(String code) {
        JupyterMessage request = client.request("execute_request", code(code));
        client.send(client.shell, request);
        return request;
    }

    private JupyterMessage roundTrip(String msgType, JsonObject content) throws Exception {
        JupyterMessage request = client.request(msgType, content);
        client.send(client.shell, request);
        while (true) {
            JupyterMessage reply = client.receive(client.shell, WAIT);
            assertNotNull(reply, "no reply to " + msgType);
            if (reply.parentHeader().get("msg_id").getAsString().equals(request.msgId())) {
                return reply;
            }
        }
    }

    private static JsonObject code(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        return content;
    }

    /**
     * The kernel publishes "starting" once a client has subscribed (a message published before
     * that never reaches it): from then on this client gets every iopub message.
     */
    private void awaitIopubSubscription() throws Exception {
        JupyterMessage first = client.receive(client.iopub, Duration.ofSeconds(60));
        assertNotNull(first, "no iopub message in 60 s");
        assertEquals("status", first.msgType());
        assertEquals("starting", first.content().get("execution_state").getAsString());
        assertEquals(0, first.parentHeader().size(), "no parent: the kernel starts by itself");
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingOpen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int[] ports = LoopbackPorts.distinct(4);
            ConnectionInfo connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2],
                    taken.getLocalPort(), ports[3], UUID.randomUUID().toString(), ConnectionInfo.HMAC_SHA256);
            ScriptedEvaluator unused = new ScriptedEvaluator();
            KernelServer blocked = new KernelServer(connection, unused, Duration.ofMillis(200));
            IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, blocked::start);
            assertTrue(failure.getMessage().contains("cannot bind"), failure.getMessage());
            blocked.close(); // returns: the sockets bound before the failure were released
            assertTrue(unused.closed, "the evaluator is closed");
            // The ports bound before the failure are free again.
            try (ServerSocket shell = new ServerSocket(connection.shellPort(), 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                assertEquals(connection.shellPort(), shell.getLocalPort());
            }
        }
    }

    @Test
    void aPortBusyForAMomentIsBoundOnceItIsFree() throws Exception {
        ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        int[] ports = LoopbackPorts.distinct(4);
        ConnectionInfo connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2],
                taken.getLocalPort(), ports[3], UUID.randomUUID().toString(), ConnectionInfo.HMAC_SHA256);
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(300);
                taken.close();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        try (KernelServer late = new KernelServer(connection, new ScriptedEvaluator(), Duration.ofSeconds(10))) {
            late.start(); // waits for the control port instead of failing
            try (TestClient lateClient = new TestClient(connection)) {
                JupyterMessage request = lateClient.request("kernel_info_request", new JsonObject());
                lateClient.send(lateClient.control, request);
                JupyterMessage reply = lateClient.receive(lateClient.control, WAIT);
                assertNotNull(reply, "the kernel answers on the port it waited for");
                assertEquals("kernel_info_reply", reply.msgType());
            }
        } finally {
            release.join();
        }
    }

}
