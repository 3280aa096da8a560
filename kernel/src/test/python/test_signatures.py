"""Messages with a forged, missing or replayed signature are refused; a signed one works."""

import unittest

import zmq
from jupyter_client.session import Session

from kernel_under_test import TIMEOUT, KernelTestCase

SILENCE_MS = 1500


class SignatureTests(KernelTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.context = zmq.Context()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.context.term()

    def setUp(self):
        info = self.km.get_connection_info()
        self.shell = self.context.socket(zmq.DEALER)
        self.shell.linger = 0
        self.shell.connect("%s://%s:%d" % (info["transport"], info["ip"], info["shell_port"]))
        self.key = self.km.session.key

    def tearDown(self):
        self.shell.close()

    def frames(self, key, code):
        """The wire frames of an execute_request for code, signed with key."""
        session = Session(key=key, username="intruder")
        message = session.msg("execute_request", {
            "code": code, "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
        })
        return session.serialize(message)

    def reply_or_none(self):
        if self.shell.poll(SILENCE_MS):
            return self.shell.recv_multipart()
        return None

    def value_of(self, expression):
        """Asks through the regular client; returns (status, text)."""
        texts = []

        def keep(message):
            if message["msg_type"] == "execute_result":
                texts.append(message["content"]["data"]["text/plain"])

        reply = self.kc.execute_interactive(expression, timeout=TIMEOUT, output_hook=keep)
        return reply["content"]["status"], "".join(texts)

    def test_forged_signature_is_refused(self):
        self.shell.send_multipart(self.frames(b"not-the-key", "int forged = 1;"))
        self.assertIsNone(self.reply_or_none(), "a forged message gets no reply")
        status, _ = self.value_of("forged")
        self.assertEqual(status, "error", "the forged cell never ran, so 'forged' is undefined")

    def test_missing_signature_is_refused(self):
        self.shell.send_multipart(self.frames(b"", "int unsigned = 1;"))
        self.assertIsNone(self.reply_or_none(), "an unsigned message gets no reply")
        status, _ = self.value_of("unsigned")
        self.assertEqual(status, "error")

    def test_signed_message_works_and_its_replay_is_refused(self):
        self.shell.send_multipart(self.frames(self.key, "int counter = 0;"))
        self.assertIsNotNone(self.reply_or_none(), "a correctly signed message is answered")
        increment = self.frames(self.key, "counter++;")
        self.shell.send_multipart(increment)
        self.assertIsNotNone(self.reply_or_none())
        self.shell.send_multipart(increment)
        self.assertIsNone(self.reply_or_none(), "a replayed message gets no reply")
        self.assertEqual(self.value_of("counter"), ("ok", "1"), "the replay did not run")


if __name__ == "__main__":
    unittest.main()
