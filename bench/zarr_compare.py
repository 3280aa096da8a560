"""Writes and reads a 1 GiB Zarr store with zarr-python and with Footprint, side by side.

Usage:
    mvn -q -pl bench -am package -DskipTests
    /usr/bin/python3 bench/zarr_compare.py [--dir DIR] [--reps 3] [--java java]

The same float64 array (16384 x 8192, a smooth image plus small integer noise, seeded) is
written with zarr-python's defaults (Blosc lz4, level 5, byte shuffle; chunks as zarr-python
guesses them) by both, into emptied folders, and read back whole. Each side warms up with one
untimed write and read, then the median of --reps timed runs is printed, wall time and CPU time
of the process (all threads), with Footprint's over zarr-python's (below 1: Footprint is faster). Both stores are checked: zarr-python reads
Footprint's store equal to the array, and Footprint's sum of zarr-python's store equals NumPy's.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import zarr
from zarr.util import guess_chunks

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPE = (16384, 8192)


def data():
    rng = np.random.default_rng(42)
    i = np.arange(SHAPE[0])[:, None]
    j = np.arange(SHAPE[1])[None, :]
    smooth = np.round(1000 * np.sin(i / 900.0) * np.cos(j / 700.0), 1)
    return smooth + rng.integers(0, 4, size=SHAPE)


def median(xs):
    return sorted(xs)[len(xs) // 2]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", default=None, help="where the stores go (default: a temporary folder)")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--jar", default=os.path.join(HERE, "target", "footprint-benchmarks.jar"))
    p.add_argument("--java", default="java")
    args = p.parse_args()
    if not os.path.isfile(args.jar):
        sys.exit("no benchmark jar at %s; build it with: mvn -q -pl bench -am package -DskipTests" % args.jar)
    work = args.dir or tempfile.mkdtemp(prefix="zarr-compare-")
    a = data()
    chunks = guess_chunks(a.shape, a.dtype.itemsize)
    npy = os.path.join(work, "data.npy")
    np.save(npy, a)
    py_store = os.path.join(work, "python.zarr")
    write, read, write_cpu, read_cpu = [], [], [], []
    for i in range(-1, args.reps):
        shutil.rmtree(py_store, ignore_errors=True)
        c0, t0 = time.process_time(), time.perf_counter()
        z = zarr.open_array(py_store, mode="w", shape=a.shape, chunks=chunks, dtype=a.dtype)
        z[...] = a
        c1, t1 = time.process_time(), time.perf_counter()
        back = zarr.open_array(py_store, mode="r")[...]
        c2, t2 = time.process_time(), time.perf_counter()
        if i >= 0:
            write.append((t1 - t0) * 1000)
            read.append((t2 - t1) * 1000)
            write_cpu.append((c1 - c0) * 1000)
            read_cpu.append((c2 - c1) * 1000)
        del back
    stored_py = sum(os.path.getsize(os.path.join(py_store, f)) for f in os.listdir(py_store) if not f.startswith("."))
    java_store = os.path.join(work, "footprint.zarr")
    cmd = [args.java, "-Xmx5g", "-cp", args.jar, "dev.footprint.bench.ZarrCompareMain", npy, java_store, py_store,
           str(args.reps)] + [str(c) for c in chunks]
    rows = [json.loads(line) for line in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()]
    java = {r["op"]: r for r in rows}
    failures = []
    if not java["check"]["equal"]:
        failures.append("Footprint did not read back what it wrote")
    if not np.array_equal(zarr.open_array(java_store, mode="r")[...], a):
        failures.append("zarr-python reads Footprint's store differently from the array")
    if java["check"]["sum_python_store"] != float(a.sum()):
        # NumPy sums pairwise, Footprint chunk by chunk: allow the last bits to differ.
        if abs(java["check"]["sum_python_store"] - float(a.sum())) > 1e-9 * abs(float(a.sum())):
            failures.append("Footprint's sum of zarr-python's store is %r, NumPy's %r"
                            % (java["check"]["sum_python_store"], float(a.sum())))
    print("zarr-python %s, numcodecs %s, NumPy %s; %s" % (zarr.__version__, __import__("numcodecs").__version__,
                                                         np.__version__, subprocess.run(
        [args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]))
    print("array: float64 %s = %.2f GiB, chunks %s, Blosc lz4 level 5 shuffle; stored: zarr-python %d bytes, "
          "Footprint %d bytes" % (a.shape, a.nbytes / 2**30, chunks, stored_py, java["check"]["stored"]))
    print("%-6s %12s %12s %6s %16s %16s %6s" % ("op", "zarr-python", "Footprint", "ratio", "zarr-python CPU",
                                                "Footprint CPU", "ratio"))
    for op, py, cpu in (("write", write, write_cpu), ("read", read, read_cpu)):
        print("%-6s %9.0f ms %9.0f ms %6.2f %13.0f ms %13.0f ms %6.2f" % (
            op, median(py), java[op]["ms"], java[op]["ms"] / median(py), median(cpu), java[op]["cpu_ms"],
            java[op]["cpu_ms"] / median(cpu)))
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit("\n".join(failures))


if __name__ == "__main__":
    main()
