#!/usr/bin/python3
"""Measures the Footprint kernel as Jupyter sees it, through jupyter_client.

    /usr/bin/python3 bench/kernel_latency.py [--jar kernel/target/footprint-kernel.jar]
                                             [--java /path/to/bin/java] [--runs 200]
                                             [--kernel NAME]

With --jar (the default), the jar's kernelspec is installed into a temporary folder first, so
nothing is written to the user's Jupyter folders; with --kernel NAME an installed kernelspec
is used instead. Prints: start to ready (kernel_info answered), the first cell, p50/p95 of the
round trip of `1 + 1` (execute_request sent to execute_reply and idle status received), the
CPU time the kernel and the user JVM spent per round trip (a busy machine changes it less than
the round trip), and the resident memory of the kernel and every process it started (the user
JVM), compared with the project's targets.

With --maven-kernels N, it then starts N more kernels and times, in each, the first cell that
adds a library already in the local repository and uses a class of it (--maven-cell; a cell
before the N kernels puts the library into the local repository first): the resolver is loaded,
the POMs read, the jar added and the class compiled and run. The kernel prepares the resolver in
the background once it is ready; by default the library cell follows the first cell at once, so
it may wait for that preparation. --maven-pause S waits S seconds between the two, as a user
typing the line would. The first cell of these kernels (`1 + 1`, while the preparation runs) is
timed too.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

TARGETS = {"start": 1.5, "first": 0.5, "p50": 0.020, "rss": 300, "maven": 0.300}
MAVEN_CELL = "%maven org.jooq:joou:0.9.4\norg.joou.Unsigned.ushort(65535).intValue()"
HERE = os.path.dirname(os.path.abspath(__file__))


def install(jar, java, prefix):
    subprocess.run([java, "-jar", jar, "install", "--prefix", prefix, "--name", "footprint-bench",
                    "--java", java], check=True, stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    return "footprint-bench"


def round_trip(kc, code, timeout=60):
    """Seconds from sending code until both its reply and its idle status have arrived."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    replied = idle = False
    reply = None
    while not (replied and idle):
        if not replied:
            try:
                message = kc.get_shell_msg(timeout=timeout)
                if message["parent_header"].get("msg_id") == msg_id:
                    replied, reply = True, message
            except Empty:
                raise RuntimeError("no reply to %r" % code)
        while not idle:
            try:
                message = kc.get_iopub_msg(timeout=0.001 if not replied else timeout)
            except Empty:
                break
            if (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status"
                    and message["content"]["execution_state"] == "idle"):
                idle = True
    elapsed = time.perf_counter() - start
    if reply["content"]["status"] != "ok":
        raise RuntimeError("%r failed: %s" % (code, reply["content"]))
    return elapsed


def descendants(pid):
    """pid and every process below it, read from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def cpu_seconds(pids):
    """User plus system CPU time of each process, in seconds, read from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    times = {}
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            times[pid] = (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return times


def rss_megabytes(pids):
    total_kb = 0
    for pid in pids:
        try:
            with open("/proc/%d/status" % pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb / 1024


def verdict(value, target):
    return "ok" if value <= target else "MISSED"


def time_maven(name, cell, kernels, pause):
    """(seconds, CPU seconds of the kernel and the user JVM, seconds of the first cell `1 + 1`)
    of the first library cell in each of `kernels` fresh kernels, `pause` seconds after the first
    cell."""
    times = []
    for _ in range(kernels + 1):
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
        try:
            first = round_trip(kc, "1 + 1")
            time.sleep(pause)
            pids = descendants(km.provisioner.process.pid)
            before = cpu_seconds(pids)
            elapsed = round_trip(kc, cell, timeout=300)
            times.append((elapsed, sum(cpu_seconds(pids).values()) - sum(before.values()), first))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    return times[1:]  # the first kernel only fills the local repository


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", default=os.path.join(HERE, "..", "kernel", "target", "footprint-kernel.jar"))
    parser.add_argument("--java", default="java")
    parser.add_argument("--kernel", help="use this installed kernelspec instead of installing --jar")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--maven-kernels", type=int, default=0,
                        help="also time the first %%maven cell in this many fresh kernels")
    parser.add_argument("--maven-cell", default=MAVEN_CELL)
    parser.add_argument("--maven-pause", type=float, default=0.0,
                        help="seconds between the first cell and the %%maven cell (default 0)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as prefix:
        if args.kernel:
            name = args.kernel
        else:
            if not os.path.isfile(args.jar):
                sys.exit("no jar at %s: build it with 'mvn -pl kernel -am package -DskipTests'" % args.jar)
            name = install(os.path.abspath(args.jar), args.java, prefix)

        start = time.perf_counter()
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
        ready = time.perf_counter() - start
        try:
            first = round_trip(kc, "1 + 1")
            kernel_pid = km.provisioner.process.pid
            cpu_before = cpu_seconds(descendants(kernel_pid))
            times = sorted(round_trip(kc, "1 + 1") for _ in range(args.runs))
            cpu_after = cpu_seconds(descendants(kernel_pid))
            p50 = statistics.median(times)
            p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
            pids = descendants(km.provisioner.process.pid)
            rss = rss_megabytes(pids)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
        maven = time_maven(name, args.maven_cell, args.maven_kernels, args.maven_pause) if args.maven_kernels > 0 else []

    print("kernel %s, %d runs of `1 + 1`" % (name, args.runs))
    print("  start to ready   %7.0f ms   (target <= %.0f ms: %s)" % (ready * 1e3, TARGETS["start"] * 1e3,
                                                                    verdict(ready, TARGETS["start"])))
    print("  first cell       %7.0f ms   (target <= %.0f ms: %s)" % (first * 1e3, TARGETS["first"] * 1e3,
                                                                    verdict(first, TARGETS["first"])))
    print("  start to result  %7.0f ms" % ((ready + first) * 1e3))
    print("  round trip p50   %7.1f ms   (target <= %.0f ms: %s)" % (p50 * 1e3, TARGETS["p50"] * 1e3,
                                                                    verdict(p50, TARGETS["p50"])))
    print("  round trip p95   %7.1f ms" % (p95 * 1e3))
    kernel_cpu = cpu_after.get(kernel_pid, 0) - cpu_before.get(kernel_pid, 0)
    other_cpu = sum(cpu_after.values()) - sum(cpu_before.values()) - kernel_cpu
    print("  CPU per run      %7.1f ms   (kernel %.1f, user JVM %.1f)"
          % ((kernel_cpu + other_cpu) * 1e3 / args.runs, kernel_cpu * 1e3 / args.runs, other_cpu * 1e3 / args.runs))
    print("  RSS, %d processes %6.0f MB   (target <= %d MB: %s)" % (len(pids), rss, TARGETS["rss"],
                                                                    verdict(rss, TARGETS["rss"])))
    if maven:
        walls = sorted(wall for wall, _, _ in maven)
        cpus = sorted(cpu for _, cpu, _ in maven)
        firsts = sorted(first for _, _, first in maven)
        median = statistics.median(walls)
        print("  first %%maven cell, library cached, %d kernels, %.1f s after the first cell: median %.0f ms"
              " (min %.0f, max %.0f)   (target <= %.0f ms: %s)"
              % (len(maven), args.maven_pause, median * 1e3, walls[0] * 1e3, walls[-1] * 1e3,
                 TARGETS["maven"] * 1e3, verdict(median, TARGETS["maven"])))
        print("    its CPU, kernel + user JVM: median %.0f ms (min %.0f, max %.0f)"
              % (statistics.median(cpus) * 1e3, cpus[0] * 1e3, cpus[-1] * 1e3))
        print("    the first cell of these kernels: median %.0f ms (min %.0f, max %.0f)"
              % (statistics.median(firsts) * 1e3, firsts[0] * 1e3, firsts[-1] * 1e3))


if __name__ == "__main__":
    main()
