"""Float64 sums and means as NumPy computes them, for the bit-for-bit sum test.

    float_sums.py DIR N [N ...]   writes DIR/sum-N.npy for each N (float64, seeded, magnitudes
                                  from 1e-8 to 1e12 and a -0.0 in every 29, so the order of the
                                  additions shows in the last bits) plus DIR/sum-2d.npy (a 2-D
                                  array), and prints one line per file:
                                  NAME SUM MEAN SUM_FROM_5
                                  with the float64 bits in hex of np.sum(a), np.mean(a) and
                                  np.sum(a.ravel()[5:]) (a contiguous view); then, over
                                  DIR/sum-y.npy (200 x 300) and DIR/sum-z.npy (30 x 41 x 23),
                                  lines  view NAME STEPS SUM MEAN  of strided, reversed and
                                  transposed views, STEPS being T (transpose), T:2,0,1
                                  (transpose with axes) and S:SPEC (a slice) joined by |
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
    rng = np.random.default_rng(5)
    y = rng.standard_normal((200, 300)) * 1e3 + rng.random((200, 300))
    z = rng.standard_normal((30, 41, 23)) * 1e3 + rng.random((30, 41, 23))
    np.save(os.path.join(out, "sum-y.npy"), y)
    np.save(os.path.join(out, "sum-z.npy"), z)
    views = [("sum-y", "S:::-1", y[::-1]), ("sum-y", "S::,::2", y[:, ::2]), ("sum-y", "S:::2,1:", y[::2, 1:]),
             ("sum-y", "T", y.T), ("sum-y", "T|S:::3", y.T[::3]), ("sum-y", "S::,::-1", y[:, ::-1]),
             ("sum-y", "S:::-1,::-1", y[::-1, ::-1]), ("sum-y", "S::,5:6", y[:, 5:6]),
             ("sum-z", "S:1:,::2,3:", z[1:, ::2, 3:]), ("sum-z", "T:2,0,1", z.transpose(2, 0, 1)),
             ("sum-z", "T:1,2,0|S:::2", z.transpose(1, 2, 0)[::2]), ("sum-z", "S::,0:1,::-2", z[:, 0:1, ::-2]),
             ("sum-z", "T", z.T)]
    for name, steps, v in views:
        print("view", name, steps, bits(np.sum(v)), bits(np.mean(v)))


if __name__ == "__main__":
    main()
