"""Which kernelspec the tests start: the JUnit driver installs one and names it here."""

import os
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("FOOTPRINT_KERNEL_NAME", "footprint")

# The Java feature version the kernel must report, when the driver asks for one (e.g. "25").
EXPECTED_JAVA = os.environ.get("FOOTPRINT_EXPECT_JAVA", "")

# Seconds a kernel may take to start, or a cell to answer.
TIMEOUT = 60


class KernelTestCase(unittest.TestCase):
    """One kernel for all tests of the class: self.km (its manager) and self.kc (a client)."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
