"""Float64 sums and means along an axis as NumPy computes them, for the bit-for-bit axis test.

    axis_sums.py DIR   writes DIR/base-NAME.npy (float64 arrays whose sums depend on the order
                       of the additions: magnitudes from 1e-8 to 1e12, a -0.0 in every 29) with
                       DIR/whole-NAME-sum.npy and DIR/whole-NAME-mean.npy (np.sum and np.mean of
                       every element, 0-d) and,
                       for each case, DIR/case-K-sum.npy and DIR/case-K-mean.npy holding
                       np.sum(v, axis) and np.mean(v, axis), and prints one line per case:
                       K NAME STEPS AXIS
                       STEPS being - (the array itself), T (transpose), T:2,0,1 (transpose with
                       axes) or S:SPEC (a slice), joined by |.
Lines  view K NAME STEPS  give np.sum and np.mean of a whole view in DIR/view-K-sum.npy and
DIR/view-K-mean.npy. The arrays named sparse-* are mostly one background value (0.0, 1.0 or
-0.0), for sparse arrays whose fill value it is; sparse-gaps has values in its first 300 columns
only; the arrays named *-f32 are float32 copies of the others, which NumPy sums in float32,
and those named *-f16 float16 arrays of small values, which it sums in float32 within a block of
8192 and in float16 across blocks;
ints, unsigned, bytes, flags and sparse-int are int64, uint64, uint8, bool and int64 arrays,
whose means NumPy takes by a float64 sum of their values; long-* have 1,100,003 elements.
"""
import os
import sys

import numpy as np


def values(shape, seed):
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    x = (rng.random(n) - 0.5) * 10.0 ** rng.integers(-8, 13, n)
    x[::29] = -0.0
    return x.reshape(shape)


def background(shape, seed, fill):
    rng = np.random.default_rng(seed)
    x = np.full(shape, fill)
    keep = rng.random(shape) < 0.05
    x[keep] = values(shape, seed + 1)[keep]
    return x


def main():
    out = sys.argv[1]
    arrays = {
        "wide": values((5, 20000), 1),       # rows of more than two blocks
        "cube": values((30, 41, 23), 2),
        "column": values((6, 9000, 1), 3),   # axis 1 is innermost: the last one has length 1
        "short": values((700, 9), 4),        # rows of one leaf, eight lanes and one more
        "sparse-0": background((40, 17000), 5, 0.0),
        "sparse-1": background((40, 17000), 6, 1.0),
        "sparse-negzero": background((12, 9001), 7, -0.0),
        "sparse-gaps": np.ones((3, 45000)),  # whole blocks, a short last one and a row of fills only
    }
    arrays["sparse-gaps"][:2, :300] = values((2, 300), 8)
    # float32, which NumPy sums in float32
    for name in ("wide", "cube", "short", "sparse-1", "sparse-gaps"):
        arrays[name + "-f32"] = arrays[name].astype(np.float32)
    # float16, which NumPy sums in float32 within a block and in float16 across blocks (means in
    # float32): values of at most 5.5 in magnitude, so that sums stay finite
    def small(shape, seed):
        rng = np.random.default_rng(seed)
        x = ((rng.random(shape) - 0.45) * 10.0 ** rng.integers(-3, 1, shape)).astype(np.float16)
        x.reshape(-1)[::29] = -0.0
        return x
    for name, seed in (("wide", 11), ("cube", 12), ("short", 13)):
        arrays[name + "-f16"] = small(arrays[name].shape, seed)
    arrays["sparse-1-f16"] = np.where(np.random.default_rng(14).random((40, 17000)) < 0.05,
                                      small((40, 17000), 15), np.float16(1.0))
    # past 2^20 elements, where Footprint sums a contiguous array's blocks on every core
    n = 1100003
    arrays["long-f32"] = values((n,), 16).astype(np.float32)
    arrays["long-f16"] = ((np.random.default_rng(17).random(n) - 0.5) * 4).astype(np.float16)
    arrays["long-i64"] = np.random.default_rng(18).integers(-2**62, 2**62, n, dtype=np.int64)
    # integers and bools, which NumPy averages by a float64 sum of their values
    rng = np.random.default_rng(9)
    arrays["ints"] = rng.integers(-2**62, 2**62, (7, 20000), dtype=np.int64)
    arrays["unsigned"] = rng.integers(2**62, 2**64 - 1, (40, 300), dtype=np.uint64, endpoint=True)
    arrays["bytes"] = rng.integers(0, 255, (30, 9001), dtype=np.uint8, endpoint=True)
    arrays["flags"] = rng.random((20, 300)) < 0.3
    arrays["sparse-int"] = np.where(rng.random((30, 17000)) < 0.05, rng.integers(-2**62, 2**62, (30, 17000)), 0)
    for name, a in arrays.items():
        np.save(os.path.join(out, "base-%s.npy" % name), a)
        np.save(os.path.join(out, "whole-%s-sum.npy" % name), np.sum(a))
        np.save(os.path.join(out, "whole-%s-mean.npy" % name), np.mean(a))
    cases = []
    for name, a in arrays.items():
        for axis in range(a.ndim):
            cases.append((name, "-", axis, a))
    w, z = arrays["wide"], arrays["cube"]
    cases += [("wide", "S::,::-1", 1, w[:, ::-1]), ("wide", "S::,::3", 1, w[:, ::3]),
              ("wide", "S:::-1", 0, w[::-1]), ("wide", "T", 0, w.T), ("wide", "T", 1, w.T),
              ("wide", "S::,7:19000:2", 1, w[:, 7:19000:2]),
              ("cube", "T:2,0,1", 0, z.transpose(2, 0, 1)), ("cube", "T:2,0,1", 2, z.transpose(2, 0, 1)),
              ("cube", "S::,::2,::-1", 2, z[:, ::2, ::-1]), ("cube", "T", 0, z.T)]
    w16, z16 = arrays["wide-f16"], arrays["cube-f16"]
    cases += [("wide-f16", "S::,::-3", 1, w16[:, ::-3]), ("cube-f16", "T:2,0,1", 0, z16.transpose(2, 0, 1))]
    w32, z32 = arrays["wide-f32"], arrays["cube-f32"]
    cases += [("wide-f32", "S::,::-3", 1, w32[:, ::-3]), ("wide-f32", "T", 0, w32.T),
              ("cube-f32", "T:2,0,1", 0, z32.transpose(2, 0, 1)), ("cube-f32", "S::,::2,::-1", 0, z32[:, ::2, ::-1])]
    views = [("wide", "S::,::3", w[:, ::3]), ("wide", "T", w.T), ("cube", "T:2,0,1", z.transpose(2, 0, 1)),
             ("wide-f32", "S::,::-3", w32[:, ::-3]), ("wide-f32", "T", w32.T), ("cube-f32", "S:::-1,::2", z32[::-1, ::2]),
             ("wide-f16", "T", w16.T), ("cube-f16", "S:::-1,::2", z16[::-1, ::2])]
    for k, (name, steps, v) in enumerate(views):
        np.save(os.path.join(out, "view-%d-sum.npy" % k), np.sum(v))
        np.save(os.path.join(out, "view-%d-mean.npy" % k), np.mean(v))
        print("view", k, name, steps)
    for k, (name, steps, axis, v) in enumerate(cases):
        np.save(os.path.join(out, "case-%d-sum.npy" % k), np.sum(v, axis=axis))
        np.save(os.path.join(out, "case-%d-mean.npy" % k), np.mean(v, axis=axis))
        print(k, name, steps, axis)


if __name__ == "__main__":
    main()
