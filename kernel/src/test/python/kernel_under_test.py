"""Which kernelspec the tests start: the JUnit driver installs one and names it here."""

import os

KERNEL_NAME = os.environ.get("FOOTPRINT_KERNEL_NAME", "footprint")

# The Java feature version the kernel must report, when the driver asks for one (e.g. "25").
EXPECTED_JAVA = os.environ.get("FOOTPRINT_EXPECT_JAVA", "")
