"""Float64 sums and means as NumPy computes them, for the bit-for-bit sum test.

    float_sums.py DIR N [N ...]   writes DIR/sum-N.npy for each N (float64, seeded, magnitudes
                                  from 1e-8 to 1e12 and a -0.0 in every 29, so the order of the
                                  additions shows in the last bits) plus DIR/sum-2d.npy (a 2-D
                                  array), and prints one line per file:
                                  NAME SUM MEAN SUM_FROM_5
                                  with the float64 bits in hex of np.sum(a), np.mean(a) and
                                  np.sum(a.ravel()[5:]) (a contiguous view)
"""
import os
import struct
import sys

import numpy as np


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def values(n, seed):
    rng = np.random.default_rng(seed)
    x = (rng.random(n) - 0.5) * 10.0 ** rng.integers(-8, 13, n)
    x[::29] = -0.0
    return x


def main():
    out = sys.argv[1]
    arrays = {"sum-%d" % n: values(n, n) for n in map(int, sys.argv[2:])}
    arrays["sum-2d"] = values(300 * 257, 7).reshape(300, 257)
    for name, a in arrays.items():
        np.save(os.path.join(out, name + ".npy"), a)
        flat = a.ravel()
        print(name, bits(np.sum(a)), bits(np.mean(a)), bits(np.sum(flat[5:])))


if __name__ == "__main__":
    main()
