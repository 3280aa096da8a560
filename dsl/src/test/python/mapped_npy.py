"""Helpers for the mapped .npy tests: NumPy writes and reads back the same files.

    mapped_npy.py write FILE              a float64 (300, 7) array in Fortran order, seeded
    mapped_npy.py get FILE I J            prints repr(float(np.load(FILE)[I, J]))
    mapped_npy.py big FILE ROWS COLS      an int32 (ROWS, COLS) array over the whole int32 range,
                                          seeded, written a block at a time (no copy in memory)
    mapped_npy.py items FILE I,J,...      prints the elements at flat indices I, J, ... joined by commas
    mapped_npy.py digest FILE BLOCK_ROWS  over np.load(FILE, mmap_mode='r') as a: the int64 sum,
                                          then for every BLOCK_ROWS rows the count and CRC-32 of
                                          a < 0.5 and the CRC-32 of a.astype(float32), little endian
"""
import sys
import zlib

import numpy as np


def big(path, rows, cols):
    a = np.lib.format.open_memmap(path, mode="w+", dtype="<i4", shape=(rows, cols))
    rng = np.random.default_rng(11)
    step = max(1, (1 << 24) // cols)
    for i in range(0, rows, step):
        j = min(rows, i + step)
        a[i:j] = rng.integers(-(2**31), 2**31, size=(j - i, cols), dtype=np.int32)
    a.flush()
    del a


def digest(path, block_rows):
    a = np.load(path, mmap_mode="r")
    print("sum", int(a.sum(dtype=np.int64)))
    count = 0
    lt, cast = [], []
    for i in range(0, a.shape[0], block_rows):
        part = a[i:i + block_rows]
        mask = part < 0.5
        count += int(np.count_nonzero(mask))
        lt.append("%08x" % zlib.crc32(mask.tobytes()))
        cast.append("%08x" % zlib.crc32(part.astype("<f4").tobytes()))
    print("lt", count, ",".join(lt))
    print("as(FLOAT32, UNSAFE)", ",".join(cast))


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "write":
        rng = np.random.default_rng(7)
        np.save(path, np.asfortranarray(rng.random((300, 7))))
    elif cmd == "get":
        print(repr(float(np.load(path)[int(sys.argv[3]), int(sys.argv[4])])))
    elif cmd == "big":
        big(path, int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == "items":
        flat = np.load(path, mmap_mode="r").reshape(-1)
        print(",".join(str(int(flat[int(i)])) for i in sys.argv[3].split(",")))
    elif cmd == "digest":
        digest(path, int(sys.argv[3]))
    else:
        sys.exit("unknown command " + cmd)


main()
