"""A workshop on one machine: N notebooks executed at once, each by its own kernel.

python3 notebooks_load.py KERNEL_NAME COUNT LIMIT_MIB NOTEBOOK...

Starts COUNT worker processes; worker i executes NOTEBOOK[i % len] through nbclient (which
starts and drives its kernel with jupyter_client). As a Jupyter server does, one process hands
out the kernels' ports, so no two kernels are given the same one; workers that each picked their
own would sometimes collide, a race of the harness and not of the kernel. Meanwhile the resident memory (RSS) of every
process below this one, kernels and their user JVMs included, is summed every 100 ms. Prints
the peak and fails when a notebook fails or the peak passes LIMIT_MIB.
"""

import multiprocessing
import os
import random
import socket
import sys
import threading
import time
import traceback

import psutil


PORT_NAMES = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


def ephemeral_range():
    """The range the OS draws ports from for bind(0) and outgoing connections (Linux; None elsewhere)."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as text:
            low, high = (int(part) for part in text.read().split())
        return low, high
    except (OSError, ValueError):
        return None


def distinct_ports(count):
    """count free loopback ports, all different: every socket stays bound until all are chosen.

    The ports come from below the OS's ephemeral range when there is room: a port handed to a
    kernel stays free only until that kernel binds it, and meanwhile the other kernels starting
    beside it open listeners and connections on ephemeral ports, one of which could take it.
    A Jupyter server has the same race; ports outside the ephemeral range cannot lose it.
    """
    sockets = []
    try:
        span = ephemeral_range()
        candidates = []
        if span is not None and span[0] - 10000 > 20 * count:
            candidates = random.sample(range(10000, span[0]), span[0] - 10000)
        for port in candidates:
            if len(sockets) == count:
                break
            sock = socket.socket()
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                sock.close()
                continue
            sockets.append(sock)
        while len(sockets) < count:
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def run_one(kernel_name, path, ports, results):
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync
    from nbclient import NotebookClient

    start = time.monotonic()
    try:
        notebook = nbformat.read(path, as_version=4)
        # nbclient drives a kernel manager with an asynchronous client, as the one it makes itself.
        km = AsyncKernelManager(kernel_name=kernel_name, cache_ports=False, **dict(zip(PORT_NAMES, ports)))
        try:
            NotebookClient(notebook, km=km, kernel_name=kernel_name, timeout=600, startup_timeout=300,
                           resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
        finally:
            # nbclient shuts down only the kernels it started itself; this one is ours.
            if km.has_kernel:
                run_sync(km.shutdown_kernel)(now=False)
        results.put((path, True, time.monotonic() - start, ""))
    except Exception as error:  # any failure of a participant fails the workshop
        results.put((path, False, time.monotonic() - start, f"{type(error).__name__}: {error}\n{traceback.format_exc()}"[:4000]))


def kernel_rss(me):
    """RSS of all descendants except the Python workers themselves (they are the test's, not the kernel's)."""
    total = 0
    for child in me.children(recursive=True):
        try:
            if "python" in os.path.basename(child.exe() or ""):
                continue
            total += child.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def main(kernel_name, count, limit_mib, paths):
    me = psutil.Process()
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], kernel_rss(me))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    results = multiprocessing.Queue()
    start = time.monotonic()
    ports = distinct_ports(count * len(PORT_NAMES))
    workers = [multiprocessing.Process(
                   target=run_one,
                   args=(kernel_name, paths[i % len(paths)], ports[i * len(PORT_NAMES):(i + 1) * len(PORT_NAMES)], results))
               for i in range(count)]
    for worker in workers:
        worker.start()
    outcomes = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    done.set()
    sampler.join()
    elapsed = time.monotonic() - start

    failed = [o for o in outcomes if not o[1]]
    for path, ok, seconds, message in sorted(outcomes):
        print(f"{'ok' if ok else 'FAILED'} {os.path.basename(path)} in {seconds:.1f} s {message}")
    peak_mib = peak[0] / (1024 * 1024)
    print(f"{count} notebooks at once: {count - len(failed)} succeeded in {elapsed:.1f} s; "
          f"peak RSS of all kernels together: {peak_mib:.0f} MiB (limit {limit_mib} MiB)")
    if failed:
        return 1
    if peak_mib > limit_mib:
        print(f"peak memory {peak_mib:.0f} MiB is above the limit of {limit_mib} MiB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]))
