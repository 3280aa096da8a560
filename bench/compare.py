"""Footprint against NumPy, side by side, in one run.

Times the benchmarked operations in NumPy here and in Footprint (the CompareMain class of the
benchmark jar, run in a fresh JVM), both with warm-up and the median of repeated calls, and
prints a table of ratios: Footprint time / NumPy time (below 1 means Footprint is faster).

    mvn -q -pl bench -am package -DskipTests
    python3 bench/compare.py [--jar bench/target/footprint-benchmarks.jar] [--sizes 1024 4096]
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def numpy_ops(n):
    np.random.seed(42)
    a = np.random.random((n, n))
    b = np.random.random((n, n))
    exact = a.astype(np.float32).astype(np.float64)

    def copy_mask_set():
        c = a.copy()
        c[a < 0.9] = 0
        return c

    return {
        "ones_uint16": lambda: np.ones((n, n), dtype=np.uint16),
        "random": lambda: np.random.random((n, n)),
        "copy_mask_set": copy_mask_set,
        # NumPy has no checked cast before 2.4; both rows compare with its plain astype.
        "as_float32": lambda: exact.astype(np.float32),
        "as_float32_unsafe": lambda: exact.astype(np.float32),
        "sum": lambda: a.sum(),
        "add": lambda: a + b,
        "lt": lambda: a < 0.9,
    }


def median_ms(fn, n):
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        fn()
    reps = 60 if n <= 1024 else 12
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[reps // 2]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--jar", default=os.path.join(HERE, "target", "footprint-benchmarks.jar"))
    p.add_argument("--java", default="java")
    p.add_argument("--sizes", type=int, nargs="+", default=[1024, 4096])
    args = p.parse_args()
    if not os.path.isfile(args.jar):
        sys.exit("no benchmark jar at %s; build it with: mvn -q -pl bench -am package -DskipTests" % args.jar)

    numpy_ms = {}
    for n in args.sizes:
        for op, fn in numpy_ops(n).items():
            numpy_ms[(op, n)] = median_ms(fn, n)

    cmd = [args.java, "-Xmx6g", "-cp", args.jar, "dev.footprint.bench.CompareMain"] + [str(n) for n in args.sizes]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    java_ms = {}
    for line in out.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            java_ms[(r["op"], r["n"])] = r["ms"]

    print("NumPy %s, Java %s" % (np.__version__, subprocess.run([args.java, "-version"], capture_output=True,
                                                                 text=True).stderr.splitlines()[0]))
    print("| operation | n | NumPy ms | Footprint ms | ratio |")
    print("| --- | --- | --- | --- | --- |")
    worst = 0.0
    for (op, n), t_np in numpy_ms.items():
        t_fp = java_ms.get((op, n))
        if t_fp is None:
            print("| %s | %d | %.3f | missing | - |" % (op, n, t_np))
            continue
        ratio = t_fp / t_np
        worst = max(worst, ratio)
        print("| %s | %d | %.3f | %.3f | %.2f |" % (op, n, t_np, t_fp, ratio))
    print("worst ratio: %.2f" % worst)


if __name__ == "__main__":
    main()
