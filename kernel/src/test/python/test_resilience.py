"""The kernel survives what user code can do to a JVM: exit, endless loops, a full heap."""

import time
import unittest
from queue import Empty

from kernel_under_test import EXPECTED_JAVA, TIMEOUT, KernelTestCase


class ResilienceTests(KernelTestCase):
    def run_cell(self, code, timeout=TIMEOUT):
        """Runs code; returns the reply content and the text of its outputs."""
        outputs = []

        def keep(message):
            content = message["content"]
            if message["msg_type"] == "stream":
                outputs.append(content["text"])
            elif message["msg_type"] in ("execute_result", "display_data"):
                outputs.append(content["data"].get("text/plain", ""))
            elif message["msg_type"] == "error":
                outputs.append("\n".join([content["ename"], content["evalue"]] + content["traceback"]))

        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=keep)
        return reply["content"], "".join(outputs)

    def assert_kernel_works(self):
        reply, text = self.run_cell("20 + 22")
        self.assertEqual(reply["status"], "ok", text)
        self.assertIn("42", text)

    def test_runs_on_the_expected_java(self):
        if not EXPECTED_JAVA:
            self.skipTest("no Java version requested")
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        version = reply["content"]["language_info"]["version"]
        self.assertTrue(version.startswith(EXPECTED_JAVA), version)
        reply, text = self.run_cell("Runtime.version().feature()")
        self.assertEqual(text.strip(), EXPECTED_JAVA, "the user JVM runs the same Java")

    def test_system_exit_restarts_the_user_jvm(self):
        reply, text = self.run_cell("System.exit(3)")
        self.assertEqual(reply["status"], "error")
        message = " ".join([reply["ename"], reply["evalue"]] + reply["traceback"]).lower()
        self.assertIn("restart", message)
        self.assertTrue(self.km.is_alive(), "the kernel process survives")
        self.assert_kernel_works()

    def test_interrupt_stops_an_endless_loop_and_keeps_earlier_state(self):
        reply, _ = self.run_cell("int survivor = 7;")
        self.assertEqual(reply["status"], "ok")
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(1.0)  # well inside the loop
        interrupted_at = time.monotonic()
        self.km.interrupt_kernel()
        reply = None
        while reply is None:
            try:
                message = self.kc.get_shell_msg(timeout=5)
            except Empty:
                self.fail("no reply within 5 s of the interrupt")
            if message["parent_header"].get("msg_id") == msg_id:
                reply = message
        stopped_after = time.monotonic() - interrupted_at
        self.assertLess(stopped_after, 2.0, "stopped within 2 s")
        self.assertEqual(reply["content"]["status"], "error")
        reply, text = self.run_cell("survivor")
        self.assertEqual(reply["status"], "ok", text)
        self.assertEqual(text.strip(), "7")

    def test_heap_exhaustion_is_reported_and_the_kernel_carries_on(self):
        code = (
            "var hoard = new java.util.ArrayList<long[]>();\n"
            "while (true) hoard.add(new long[1 << 20]);"
        )
        reply, text = self.run_cell(code, timeout=120)
        self.assertEqual(reply["status"], "error")
        message = " ".join([reply["ename"], reply["evalue"]] + reply["traceback"])
        self.assertIn("OutOfMemoryError", message)
        self.assert_kernel_works()


if __name__ == "__main__":
    unittest.main()
