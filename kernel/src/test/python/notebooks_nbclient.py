"""Executes notebooks through real Jupyter machinery (nbclient, jupyter_client) with a kernelspec.

python3 notebooks_nbclient.py KERNEL_NAME OUT_DIR NOTEBOOK...

Each notebook runs in its own folder as Jupyter would run it, stops at the first unexpected
error (cells tagged raises-exception may fail), and is written to OUT_DIR, then validated.
"""

import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(kernel_name, out_dir, paths):
    failures = 0
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, kernel_name=kernel_name, timeout=300, startup_timeout=120,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        start = time.monotonic()
        try:
            client.execute()
        except (CellExecutionError, RuntimeError, TimeoutError) as error:
            failures += 1
            print(f"FAILED {path}: {error}")
            continue
        elapsed = time.monotonic() - start
        nbformat.validate(notebook)
        target = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(notebook, target)
        print(f"ok {path}: {sum(1 for c in notebook.cells if c.cell_type == 'code')} code cells in {elapsed:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
