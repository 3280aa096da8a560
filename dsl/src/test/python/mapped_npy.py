"""Helpers for the mapped .npy tests: NumPy writes, reads back and reduces the same files.

    mapped_npy.py write FILE          a float64 (300, 7) array in Fortran order, seeded
    mapped_npy.py get FILE I J        prints repr(float(np.load(FILE)[I, J]))
    mapped_npy.py big FILE N          writes N float64 values (i % 1024) / 1024 through a memmap,
                                      in chunks, and prints sum, count < 0.5 and the float32 cast's sum
    mapped_npy.py stats FILE          prints those three figures for an existing file, read mapped
"""
import sys

import numpy as np

CHUNK = 1 << 24


def stats(a):
    total = 0.0
    below = 0
    cast_total = 0.0
    for i in range(0, a.shape[0], CHUNK):
        block = np.asarray(a[i:i + CHUNK])
        total += float(block.sum())
        below += int(np.count_nonzero(block < 0.5))
        cast_total += float(block.astype(np.float32).astype(np.float64).sum())
    return total, below, cast_total


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "write":
        rng = np.random.default_rng(7)
        np.save(path, np.asfortranarray(rng.random((300, 7))))
    elif cmd == "get":
        print(repr(float(np.load(path)[int(sys.argv[3]), int(sys.argv[4])])))
    elif cmd == "big":
        n = int(sys.argv[3])
        a = np.lib.format.open_memmap(path, mode="w+", dtype=np.float64, shape=(n,))
        for i in range(0, n, CHUNK):
            j = min(n, i + CHUNK)
            a[i:j] = (np.arange(i, j, dtype=np.int64) % 1024) / 1024.0
        a.flush()
        del a
        print(*stats(np.load(path, mmap_mode="r")))
    elif cmd == "stats":
        print(*stats(np.load(path, mmap_mode="r")))


main()
