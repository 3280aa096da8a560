package dev.footprint.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionInfoTest {

    private static final String FILE = """
            {"shell_port": 53794, "iopub_port": 53795, "stdin_port": 53796, "control_port": 53797,
             "hb_port": 53798, "ip": "127.0.0.1", "key": "a0436f6c-1916", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "footprint"}""";

    @Test
    void readsEveryFieldOfAJupyterConnectionFile() {
        ConnectionInfo info = ConnectionInfo.parse(FILE, "kernel.json");
        assertEquals(53794, info.shellPort());
        assertEquals(53795, info.iopubPort());
        assertEquals(53796, info.stdinPort());
        assertEquals(53797, info.controlPort());
        assertEquals(53798, info.hbPort());
        assertEquals("a0436f6c-1916", info.key());
        assertEquals("tcp://127.0.0.1:53794", info.endpoint(info.shellPort()));
        assertFalse(info.signingDisabled());
        assertFalse(info.toString().contains("a0436f6c"), "the key stays out of logs");
    }

    @Test
    void bracketsIpv6Addresses() {
        ConnectionInfo info = ConnectionInfo.parse(FILE.replace("127.0.0.1", "::1"), "f");
        assertEquals("tcp://[::1]:53795", info.endpoint(info.iopubPort()));
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertMessage("only hmac-sha256", FILE.replace("hmac-sha256", "hmac-md5"));
        assertMessage("only tcp", FILE.replace("\"tcp\"", "\"ipc\""));
        assertMessage("has no hb_port", FILE.replace("\"hb_port\": 53798,", ""));
        assertMessage("is not a port", FILE.replace("53798", "70000"));
        assertMessage("not valid JSON", "{shell_port");
        assertMessage("not a JSON object", "[1, 2]");
    }

    @Test
    void anEmptyKeyDisablesSigning() {
        assertTrue(ConnectionInfo.parse(FILE.replace("a0436f6c-1916", ""), "f").signingDisabled());
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectionInfo.parse(json, "kernel-1.json"));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertTrue(error.getMessage().startsWith("kernel-1.json"), error.getMessage());
    }
}
