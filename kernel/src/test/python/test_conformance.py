"""The jupyter_kernel_test conformance suite, with every sample it offers filled in."""

import sys
import unittest

import jupyter_kernel_test

from kernel_under_test import KERNEL_NAME


class FootprintKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME

    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world")'
    code_stderr = 'System.err.println("something went wrong")'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "System.out.prin", "matches": {"print(", "printf(", "println("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "System.out.println(1);", "class A {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y =", "class B {"]
    invalid_code_samples = ["}}", "int x = );", '"unclosed string']

    code_inspect_sample = "Math.max(1, 2)"

    # IPython's help syntax: the signature and Javadoc go to the pager.
    code_page_something = "Math.max?"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"foot" + "print"', "result": '"footprint"'},
        {"code": "arr.ones(1024, 1024).as(UINT16).nbytes()", "result": "2097152"},
    ]
    # Matches "6 * 7" only, so "unique" search finds exactly one input.
    code_history_pattern = "6 ?*"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html")', "mime": "text/html"},
        {"code": "display(arr.ones(2, 2))", "mime": "text/plain"},
    ]

    code_generate_error = 'throw new IllegalStateException("on purpose")'

    code_clear_output = "clearOutput()"

    def execute_helper(self, code, *args, **kwargs):
        # The suite only says "'error' != 'ok'"; the kernel's own words make a failure diagnosable.
        reply, output_msgs = super().execute_helper(code, *args, **kwargs)
        content = reply["content"]
        if content["status"] == "error" and code != self.code_generate_error:
            sys.stderr.write("\ncell %r failed: %s: %s\n%s\n" % (
                code, content["ename"], content["evalue"], "\n".join(content["traceback"])))
        return reply, output_msgs

    def test_pager_before_the_name_and_for_an_unknown_name(self):
        self.flush_channels()
        reply, _ = self.execute_helper("?String.valueOf")
        self.assertEqual(reply["content"]["status"], "ok")
        [page] = reply["content"]["payload"]
        self.assertEqual(page["source"], "page")
        self.assertIn("valueOf", page["data"]["text/plain"])

        self.flush_channels()
        reply, output_msgs = self.execute_helper("NoSuchThing?")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["payload"], [])
        printed = "".join(m["content"]["text"] for m in output_msgs if m["msg_type"] == "stream")
        self.assertIn("Nothing is known of `NoSuchThing`", printed)

    def test_kernel_info_is_complete(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["protocol_version"], "5.3")
        self.assertEqual(content["implementation"], "footprint")
        self.assertTrue(content["implementation_version"])
        self.assertTrue(content["banner"])
        self.assertIs(content["debugger"], False)
        self.assertGreaterEqual(len(content["help_links"]), 1)
        language = content["language_info"]
        self.assertEqual(language["name"], "java")
        self.assertEqual(language["mimetype"], "text/x-java-source")
        self.assertEqual(language["file_extension"], ".jsh")
        self.assertEqual(language["pygments_lexer"], "java")
        self.assertEqual(language["codemirror_mode"], "text/x-java")
        self.assertTrue(language["version"])

    def test_execution_count_and_silent(self):
        self.flush_channels()
        reply, _ = self.execute_helper("1 + 1")
        count = reply["content"]["execution_count"]
        reply, outputs = self.execute_helper("2 + 2", silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(outputs, [], "a silent cell publishes nothing but its status")
        reply, _ = self.execute_helper("3 + 3", store_history=False)
        self.assertEqual(reply["content"]["execution_count"], count)
        reply, _ = self.execute_helper("4 + 4")
        self.assertEqual(reply["content"]["execution_count"], count + 1)

    def test_stop_on_error_aborts_queued_cells(self):
        self.flush_channels()
        failing = self.kc.execute('Thread.sleep(300); throw new RuntimeException("first")')
        queued = self.kc.execute('System.out.println("must not run")')
        replies = {}
        while len(replies) < 2:
            reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(replies[failing], "error")
        self.assertEqual(replies[queued], "aborted")

    def test_comms(self):
        self.flush_channels()
        msg_id = self.kc.comm_info()
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["comms"], {})


if __name__ == "__main__":
    unittest.main()
