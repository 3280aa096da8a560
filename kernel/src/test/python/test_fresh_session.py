"""A fresh kernel shows nothing of the work it does before the first cell (its warm-up)."""

import unittest

from kernel_under_test import TIMEOUT, KernelTestCase


class FreshSessionTests(KernelTestCase):
    def run_cell(self, code):
        """Runs code; returns the reply content and the execute_result/error messages."""
        results = []

        def keep(message):
            if message["msg_type"] in ("execute_result", "error"):
                results.append(message)

        reply = self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=keep)
        return reply["content"], results

    def shell_reply(self, msg_id):
        while True:
            message = self.kc.get_shell_msg(timeout=TIMEOUT)
            if message["parent_header"].get("msg_id") == msg_id:
                return message["content"]

    def history(self):
        return self.shell_reply(self.kc.history(hist_access_type="tail", n=100, output=False, raw=True))["history"]

    def test_first_cell_is_number_one_and_its_value_is_dollar_one(self):
        self.assertEqual(self.history(), [], "no history before the first cell")
        reply, results = self.run_cell("3 + 4")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(reply["execution_count"], 1)
        self.assertEqual(results[0]["content"]["execution_count"], 1)
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "7")

        reply, results = self.run_cell("$1")
        self.assertEqual(reply["status"], "ok", results)
        self.assertEqual(reply["execution_count"], 2)
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "7")

        reply, _ = self.run_cell("$footprintWarmUp")
        self.assertEqual(reply["status"], "error", "the warm-up's value is gone")
        matches = self.shell_reply(self.kc.complete("$", 1))["matches"]
        self.assertEqual(matches, ["$1"])

        reply, results = self.run_cell("%whos")
        self.assertEqual(reply["status"], "ok", results)
        self.assertNotIn("footprintWarmUp", str(results))
        self.assertEqual([entry[1] for entry in self.history()], [1, 2, 3, 4])


if __name__ == "__main__":
    unittest.main()
