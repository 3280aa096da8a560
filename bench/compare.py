"""Footprint against NumPy, pydata sparse and scipy, side by side, in one run.

Times the benchmarked operations in Python here and in Footprint (the CompareMain and
SparseCompareMain classes of the benchmark jar, each run in a fresh JVM), both with warm-up and
the median of repeated calls, and prints tables of ratios: Footprint time / Python time (below 1
means Footprint is faster).

The dense table compares with NumPy. The sparse table compares, at 10 % and 1 % density:
  coo         sparse.COO.from_numpy(a)       pydata sparse     target ratio <= 0.5
  todense     s.todense()                    pydata sparse     target ratio <= 0.5
  tocsr       s.tocsr()                      pydata sparse     target ratio <= 0.5
  csr_matvec  m @ x  (m = s.tocsr())         scipy             target ratio <= 1.0
The mapped table compares, over one float64 .npy file of about --mapped-gib GiB (written once,
random in [0, 1)), NumPy's np.load(path, mmap_mode='r') with Footprint's arr.load(path,
MMAP_READ): a.sum(), a < 0.5 and a.astype(np.float32) (as(FLOAT32, UNSAFE)); both sides call
each operation twice before timing, so the page cache holds the file for both, and the table
checks that the sums agree bit for bit, the counts of true elements exactly and the float32 sums
closely. The big table compares the same three operations over a uint8 array of --big-elements
(default 2^31 + 2^24, past what one Java array holds, so Footprint keeps it in big storage) in
memory on both sides, NumPy's arrays freed before Footprint's JVM starts (-Xmx --big-heap-gib).
Both large tables give wall time and CPU time, medians of five after two warm-up calls; the
dense table the median wall time and the mean CPU time of its timed calls (the JVM's process CPU
time counts in steps of a few ms on some systems, too coarse for one call of 1 ms).

CPU time is the whole process's on both sides (time.process_time here, every JVM thread there):
Footprint splits comparisons and float32 casts of large arrays over one worker per core, and
its collector frees results on threads of its own, so a wall-time ratio alone can hide work
done on a second core. The CPU ratio says what each side cost the machine.

pydata's COO.tocsr() is its own conversion (a bincount of the rows, a cumulative sum, then
scipy's csr_matrix constructor, which narrows the indices to int32); it returns a scipy
csr_matrix, so the product row is scipy's. Both sides build the same inputs from one
counter-based generator (SplitMix64), and the table checks that nnz and the product agree.

    mvn -q -pl bench -am package -DskipTests
    python3 bench/compare.py [--jar bench/target/footprint-benchmarks.jar] [--sizes 1024 4096]
                             [--sparse-sizes 1024 4096] [--skip-dense] [--skip-sparse]
                             [--mapped-gib 3] [--mapped-dir DIR] [--skip-mapped]
                             [--big-elements N] [--big-heap-gib 13] [--skip-big]
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


SPARSE_DENSITIES = [0.1, 0.01]  # as SparseCompareMain.DENSITIES
SPARSE_SEED = 42
# op -> (reference library, target: the largest Footprint / reference ratio that meets the goal)
SPARSE_TARGETS = {
    "coo": ("pydata", 0.5),
    "todense": ("pydata", 0.5),
    "tocsr": ("pydata", 0.5),
    "csr_matvec": ("scipy", 1.0),
}


def uniform(count, seed):
    """count doubles in [0, 1): SplitMix64 of seed + (i + 1) * golden, as SparseOperations.uniform."""
    i = np.arange(count, dtype=np.uint64)
    z = np.uint64(seed) + (i + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def sparse_inputs(n, density):
    u = uniform(n * n, SPARSE_SEED).reshape(n, n)
    a = np.where(u < density, u, 0.0)
    x = uniform(n, SPARSE_SEED + 1)
    return a, x


def sparse_ops(n, density):
    import sparse

    a, x = sparse_inputs(n, density)
    s = sparse.COO.from_numpy(a)
    m = s.tocsr()
    return s, m, x, {
        "coo": lambda: sparse.COO.from_numpy(a),
        "todense": lambda: s.todense(),
        "tocsr": lambda: s.tocsr(),
        "csr_matvec": lambda: m @ x,
    }


def timed_median_ms(fn, reps, warmup_seconds):
    """Median wall time of reps calls of fn, in ms, after calling it for warmup_seconds."""
    end = time.perf_counter() + warmup_seconds
    while time.perf_counter() < end:
        fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[reps // 2]


def median_ms(fn, n):
    return timed_median_ms(fn, 60 if n <= 1024 else 12, 1.0)


def wall_and_cpu_ms(fn, n):
    """As CompareMain: warm-up for a second, then the median wall time of the timed calls and their
    mean process CPU time (the total over all of them, divided), in ms."""
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        fn()
    reps = 60 if n <= 1024 else 12
    wall = []
    c0 = time.process_time()
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t0) * 1e3)
    cpu = (time.process_time() - c0) * 1e3 / reps
    wall.sort()
    return wall[reps // 2], cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--jar", default=os.path.join(HERE, "target", "footprint-benchmarks.jar"))
    p.add_argument("--java", default="java")
    p.add_argument("--java-option", action="append", default=[],
                   help="an option for Footprint's JVMs, e.g. -XX:+UseTransparentHugePages (repeat for more)")
    p.add_argument("--sizes", type=int, nargs="+", default=[1024, 4096])
    p.add_argument("--sparse-sizes", type=int, nargs="+", default=[1024])
    p.add_argument("--skip-dense", action="store_true", help="only the sparse table")
    p.add_argument("--skip-sparse", action="store_true", help="only the dense table")
    p.add_argument("--skip-mapped", action="store_true", help="no table of the mapped file")
    p.add_argument("--mapped-gib", type=float, default=3.0, help="size of the mapped float64 file")
    p.add_argument("--mapped-dir", default=None, help="where the mapped file is written (and deleted)")
    p.add_argument("--skip-big", action="store_true", help="no table of the big uint8 array")
    p.add_argument("--big-elements", type=int, default=2**31 + 2**24, help="elements of the big uint8 array (a multiple of 2^20)")
    p.add_argument("--big-heap-gib", type=int, default=13, help="the JVM's heap for the big table")
    args = p.parse_args()
    if not os.path.isfile(args.jar):
        sys.exit("no benchmark jar at %s; build it with: mvn -q -pl bench -am package -DskipTests" % args.jar)

    print("NumPy %s, Java %s" % (np.__version__, subprocess.run([args.java, "-version"], capture_output=True,
                                                                 text=True).stderr.splitlines()[0]))
    if not args.skip_dense:
        compare_dense(args)
    if not args.skip_sparse:
        compare_sparse(args)
    if not args.skip_mapped:
        compare_mapped(args)
    if not args.skip_big:
        compare_big(args)


def run_java(args, main_class, sizes, heap_gib=6):
    """Runs a timing program of the bench jar; returns the JSON objects it prints, one per line."""
    cmd = ([args.java, "-Xmx%dg" % heap_gib] + args.java_option + ["-cp", args.jar, main_class]
           + [str(n) for n in sizes])
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("%s failed (exit %d):\n%s" % (" ".join(cmd), done.returncode, done.stderr.strip()))
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def compare_dense(args):
    numpy_ms = {}
    for n in args.sizes:
        for op, fn in numpy_ops(n).items():
            numpy_ms[(op, n)] = wall_and_cpu_ms(fn, n)

    java_ms = {(r["op"], r["n"]): (r["ms"], r["cpu_ms"])
               for r in run_java(args, "dev.footprint.bench.CompareMain", args.sizes)}

    print("| operation | n | NumPy ms | Footprint ms | ratio | NumPy CPU ms | Footprint CPU ms | CPU ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    worst = 0.0
    for (op, n), (t_np, c_np) in numpy_ms.items():
        fp = java_ms.get((op, n))
        if fp is None:
            print("| %s | %d | %.3f | missing | - | %.3f | missing | - |" % (op, n, t_np, c_np))
            continue
        t_fp, c_fp = fp
        ratio = t_fp / t_np
        worst = max(worst, ratio)
        print("| %s | %d | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f |"
              % (op, n, t_np, t_fp, ratio, c_np, c_fp, c_fp / c_np if c_np > 0 else float("nan")))
    print("worst ratio: %.2f" % worst)


def compare_sparse(args):
    import scipy
    import sparse

    py_ms = {}
    checks = {}
    for n in args.sparse_sizes:
        for density in SPARSE_DENSITIES:
            s, m, x, ops = sparse_ops(n, density)
            checks[(n, density)] = (s.nnz, float(np.sum(m @ x)))
            for op, fn in ops.items():
                py_ms[(op, n, density)] = median_ms(fn, n)

    java = {(r["op"], r["n"], r["density"]): r
            for r in run_java(args, "dev.footprint.bench.SparseCompareMain", args.sparse_sizes)}

    print()
    print("pydata sparse %s, scipy %s" % (sparse.__version__, scipy.__version__))
    met = rows = 0
    print("| operation | n | density | nnz | reference | ref ms | Footprint ms | ratio | target | met |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for (op, n, density), t_py in py_ms.items():
        ref, target = SPARSE_TARGETS[op]
        nnz, y_sum = checks[(n, density)]
        r = java.get((op, n, density))
        if r is None:
            print("| %s | %d | %g | %d | %s | %.3f | missing | - | %.1f | - |" % (op, n, density, nnz, ref, t_py, target))
            continue
        if r["nnz"] != nnz:
            sys.exit("inputs differ: %s n=%d density=%g: Footprint nnz %d, Python nnz %d" % (op, n, density, r["nnz"], nnz))
        if "check" in r and abs(r["check"] - y_sum) > 1e-9 * max(1.0, abs(y_sum)):
            sys.exit("products differ: n=%d density=%g: Footprint sum %r, scipy sum %r" % (n, density, r["check"], y_sum))
        ratio = r["ms"] / t_py
        met += ratio <= target
        rows += 1
        print("| %s | %d | %g | %d | %s | %.3f | %.3f | %.2f | %.1f | %s |"
              % (op, n, density, nnz, ref, t_py, r["ms"], ratio, target, "yes" if ratio <= target else "no"))
    print("targets met: %d of %d" % (met, rows))


def write_mapped(path, gib):
    """A float64 (rows, 4096) .npy of about gib GiB, random in [0, 1), written a block at a time."""
    cols = 4096
    rows = int(gib * 2**30) // (8 * cols)
    a = np.lib.format.open_memmap(path, mode="w+", dtype="<f8", shape=(rows, cols))
    rng = np.random.default_rng(42)
    for i in range(0, rows, 4096):
        a[i:i + 4096] = rng.random((min(rows, i + 4096) - i, cols))
    a.flush()
    del a


def median_of_five_ms(fn):
    """As LargeTimer (MappedCompareMain, BigCompareMain): two warm-up calls, then the median of five,
    in wall time and in the process's CPU time; returns (wall ms, CPU ms, the last result)."""
    fn()
    fn()
    wall, cpu = [], []
    r = None
    for _ in range(5):
        r = None
        c0 = time.process_time()
        t0 = time.perf_counter()
        r = fn()
        wall.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    wall.sort()
    cpu.sort()
    return wall[2], cpu[2], r


def time_large(ops):
    """ops: name -> (operation, check of its result); returns name -> (wall ms, CPU ms, check)."""
    rows = {}
    for op, (fn, check) in ops.items():
        t_wall, t_cpu, r = median_of_five_ms(fn)
        rows[op] = (t_wall, t_cpu, check(r))
        del r
    return rows


def print_large(numpy_rows, java):
    """The table of a large comparison, checking that both sides computed the same."""
    print("| operation | NumPy ms | Footprint ms | ratio | NumPy CPU ms | Footprint CPU ms | CPU ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for op, (t_np, c_np, expected) in numpy_rows.items():
        r = java.get(op)
        if r is None:
            print("| %s | %.1f | missing | - | %.1f | missing | - |" % (op, t_np, c_np))
            continue
        # A float64 sum adds in NumPy's order and a count is an integer, so both must match
        # exactly; the float32 sums of the casts are added in another order on each side.
        exact = op in ("sum", "lt")
        if (r["check"] != expected) if exact else abs(r["check"] - expected) > 1e-6 * max(1.0, abs(expected)):
            sys.exit("results differ: %s: Footprint %r, NumPy %r" % (op, r["check"], expected))
        print("| %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |"
              % (op, t_np, r["ms"], r["ms"] / t_np, c_np, r["cpu_ms"], r["cpu_ms"] / c_np))


LARGE_CHECKS = {
    "sum": lambda r: float(r),
    "lt": lambda r: int(np.count_nonzero(r)),
    "as_float32_unsafe": lambda r: float(np.sum(r, dtype=np.float64)),
}


def compare_mapped(args):
    import tempfile

    folder = tempfile.mkdtemp(dir=args.mapped_dir)
    path = os.path.join(folder, "mapped.npy")
    try:
        write_mapped(path, args.mapped_gib)
        a = np.load(path, mmap_mode="r")
        numpy_rows = time_large({
            "sum": (lambda: a.sum(), LARGE_CHECKS["sum"]),
            "lt": (lambda: a < 0.5, LARGE_CHECKS["lt"]),
            "as_float32_unsafe": (lambda: a.astype(np.float32), LARGE_CHECKS["as_float32_unsafe"]),
        })
        java = {r["op"]: r for r in run_java(args, "dev.footprint.bench.MappedCompareMain", [path])}
    finally:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)

    print()
    print("mapped float64 file, %s elements (%.2f GiB), NumPy mmap_mode='r' against arr.load(path, MMAP_READ)"
          % (a.shape, a.nbytes / 2**30))
    print_large(numpy_rows, java)


BIG_PERIOD = 2**20  # as BigCompareMain.PERIOD


def big_array(n):
    """uint8 in rows of 2^20, element i = ((j * 2654435761) >> 24) & 0xFF for j = i % 2^20, as BigCompareMain.filled."""
    j = np.arange(BIG_PERIOD, dtype=np.uint64)
    pattern = ((j * np.uint64(2654435761)) >> np.uint64(24)).astype(np.uint8)
    if n % BIG_PERIOD:
        sys.exit("--big-elements %d is not a multiple of %d (the rows of the big array)" % (n, BIG_PERIOD))
    a = np.empty((n // BIG_PERIOD, BIG_PERIOD), dtype=np.uint8)
    a[:] = pattern
    return a


def compare_big(args):
    import gc

    n = args.big_elements
    a = big_array(n)
    numpy_rows = time_large({
        "sum": (lambda: a.sum(), LARGE_CHECKS["sum"]),
        "lt": (lambda: a < 0.5, LARGE_CHECKS["lt"]),
        "as_float32_unsafe": (lambda: a.astype(np.float32), LARGE_CHECKS["as_float32_unsafe"]),
    })
    del a
    gc.collect()  # NumPy's arrays go before Footprint's JVM takes its heap
    java = {r["op"]: r for r in run_java(args, "dev.footprint.bench.BigCompareMain", [n], args.big_heap_gib)}

    print()
    print("big uint8 array, %d elements (%.2f GiB; 2^31 = %d), NumPy in memory against Footprint's big storage"
          % (n, n / 2**30, 2**31))
    print_large(numpy_rows, java)


if __name__ == "__main__":
    main()
