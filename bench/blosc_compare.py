"""Footprint's compressed arrays against c-blosc (Debian's python3-blosc), side by side, in one run.

For each data set and codec, both sides compress the same array with the same codec, level and
byte shuffle on the same number of threads, and the table shows the stored bytes and compress /
decompress speed (MB/s of the array's nbytes; warm-up, then the median of repeated calls), with
Footprint / c-blosc ratios and the issue's targets: stored <= 1.02x, compress >= 0.5x,
decompress >= 0.7x. Data sets (seeded, written once to .npy files that the Java side reads):
  image    a smooth 4096 x 4096 uint16 image (products and sums of sines)
  sparse1  1 %-dense float64, 4096 x 4096 (normal values at random positions, zeros elsewhere)
  random   uniform random float64 in [0, 1), 4096 x 4096 (barely compressible)
The Java side maps c-blosc's clevel to the codec's own level as c-blosc 1 does (lz4's acceleration
10 - clevel, zstd's level 2 * clevel - 1; dev.footprint.codec.BloscLayout) and cuts its chunks into
the blocks c-blosc uses for that level.

    mvn -q -pl bench -am package -DskipTests
    /usr/bin/python3 bench/blosc_compare.py [--jar bench/target/footprint-benchmarks.jar] [--threads 2]
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile

import blosc
import numpy as np

from compare import timed_median_ms  # beside this script

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [("lz4", 5), ("zstd", 1)]  # zarr-python's default Blosc (lz4, clevel 5), and zstd clevel 1


def datasets(n):
    rng = np.random.default_rng(42)
    y, x = np.mgrid[0:n, 0:n].astype(np.float64)
    smooth = 20000 + 8000 * np.sin(x / 300.0) * np.cos(y / 450.0) + 3000 * np.sin((x + y) / 900.0)
    image = smooth.astype(np.uint16)
    sparse1 = np.zeros(n * n)
    where = rng.choice(n * n, n * n // 100, replace=False)
    sparse1[where] = rng.normal(size=where.size)
    return {
        "image": image,
        "sparse1": sparse1.reshape(n, n),
        "random": rng.random((n, n)),
    }


def median_ms(fn, reps=15):
    return timed_median_ms(fn, reps, 2.0)


def blosc_side(a, cname, clevel):
    raw = a.tobytes()
    packed = blosc.compress(raw, typesize=a.itemsize, clevel=clevel, shuffle=blosc.SHUFFLE, cname=cname)
    assert blosc.decompress(packed) == raw
    return {
        "stored": len(packed),
        "compress_ms": median_ms(lambda: blosc.compress(raw, typesize=a.itemsize, clevel=clevel,
                                                        shuffle=blosc.SHUFFLE, cname=cname)),
        "decompress_ms": median_ms(lambda: blosc.decompress(packed)),
    }


def java_side(args, path, cname, clevel):
    cmd = [args.java, "-Xmx3g", "-Dfootprint.threads=%d" % args.threads, "-cp", args.jar,
           "dev.footprint.bench.BloscCompareMain", path, cname, str(clevel)]
    if args.chunk_rows:
        cmd.append(str(args.chunk_rows))
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", default=os.path.join(HERE, "target", "footprint-benchmarks.jar"))
    p.add_argument("--java", default="java")
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--n", type=int, default=4096)
    p.add_argument("--data", nargs="*", default=["image", "sparse1", "random"])
    p.add_argument("--chunk-rows", type=int, default=0, help="chunk length of the first axis (default: Footprint's)")
    args = p.parse_args()
    blosc.set_nthreads(args.threads)
    java_version = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print("c-blosc %s (python-blosc %s), %s; %s, %d cores, %d threads each side"
          % (blosc.blosclib_version, blosc.__version__, java_version, platform.processor() or platform.machine(),
             os.cpu_count(), args.threads))
    header = ("data", "codec", "stored fp", "stored c-blosc", "ratio", "comp MB/s fp", "comp MB/s c-blosc", "ratio",
              "decomp MB/s fp", "decomp MB/s c-blosc", "ratio", "targets")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, a in datasets(args.n).items():
            if name not in args.data:
                continue
            path = os.path.join(tmp, name + ".npy")
            np.save(path, a)
            mb = a.nbytes / 1e6
            for cname, clevel in CASES:
                b = blosc_side(a, cname, clevel)
                j = java_side(args, path, cname, clevel)
                if not j["same"]:
                    sys.exit("%s %s: Footprint's round trip differs from the input" % (name, cname))
                stored = j["stored"] / b["stored"]
                comp = b["compress_ms"] / j["compress_ms"]
                decomp = b["decompress_ms"] / j["decompress_ms"]
                ok = stored <= 1.02 and comp >= 0.5 and decomp >= 0.7
                failed |= not ok
                print("| %s | %s %d | %d | %d | %.3f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %s |" % (
                    name, cname, clevel, j["stored"], b["stored"], stored, mb / j["compress_ms"] * 1e3,
                    mb / b["compress_ms"] * 1e3, comp, mb / j["decompress_ms"] * 1e3,
                    mb / b["decompress_ms"] * 1e3, decomp, "met" if ok else "MISSED"), flush=True)
    print("Footprint chunks: %s" % j["chunk_shape"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
