"""Writes sparse .npz fixtures with pydata sparse and scipy, each with its dense array as .npy.

Usage: python3 npy_sparse_fixtures.py OUTDIR

manifest.json lists for every fixture the file, the layout ("kind"), the format Footprint
should load it as, and the .npy holding the expected dense array.
"""
import json
import os
import sys

import numpy as np
import scipy.sparse as ss
import sparse


def dense(shape, dtype, density, seed, fill=0):
    rng = np.random.default_rng(seed)
    a = np.full(shape, fill, dtype=dtype)
    mask = rng.random(shape) < density
    values = (rng.standard_normal(shape) * 100).astype(dtype)
    a[mask] = values[mask]
    return a


def main(out):
    os.makedirs(out, exist_ok=True)
    manifest = []

    def add(name, kind, fmt, expected):
        np.save(os.path.join(out, name + "_dense.npy"), expected)
        manifest.append({"file": name + ".npz", "kind": kind, "format": fmt, "dense": name + "_dense.npy"})

    a = dense((40, 30), np.float64, 0.1, 1)
    sparse.save_npz(os.path.join(out, "pydata_coo.npz"), sparse.COO.from_numpy(a))
    add("pydata_coo", "PYDATA_COO", "coo", a)
    sparse.save_npz(os.path.join(out, "pydata_coo_stored.npz"), sparse.COO.from_numpy(a), compressed=False)
    add("pydata_coo_stored", "PYDATA_COO", "coo", a)

    b = dense((5, 6, 7), np.int16, 0.2, 2, fill=7)
    sparse.save_npz(os.path.join(out, "pydata_coo_3d_fill7.npz"), sparse.COO.from_numpy(b, fill_value=7))
    add("pydata_coo_3d_fill7", "PYDATA_COO", "coo", b)

    c = dense((20, 10), np.float32, 0.3, 3, fill=np.nan)
    sparse.save_npz(os.path.join(out, "pydata_coo_nanfill.npz"), sparse.COO.from_numpy(c, fill_value=np.nan))
    add("pydata_coo_nanfill", "PYDATA_COO", "coo", c)

    d = dense((30, 25), np.uint16, 0.15, 4)
    for axis, fmt in ((0, "csr"), (1, "csc")):
        g = sparse.GCXS.from_numpy(d, compressed_axes=[axis])
        sparse.save_npz(os.path.join(out, "pydata_gcxs_%s.npz" % fmt), g)
        add("pydata_gcxs_%s" % fmt, "PYDATA_GCXS", fmt, d)

    e = dense((4, 5, 6), np.float64, 0.25, 5)
    for axes in ([0], [1], [2], [0, 2]):
        g = sparse.GCXS.from_numpy(e, compressed_axes=axes)
        name = "pydata_gcxs_3d_" + "".join(map(str, axes))
        sparse.save_npz(os.path.join(out, name + ".npz"), g)
        add(name, "PYDATA_GCXS", "coo", e)

    f = dense((50, 40), np.float32, 0.1, 6)
    for fmt in ("coo", "csr", "csc"):
        m = ss.csr_matrix(f).asformat(fmt)
        ss.save_npz(os.path.join(out, "scipy_%s.npz" % fmt), m)
        add("scipy_" + fmt, "SCIPY_" + fmt.upper(), fmt, f)
    h = dense((12, 9), np.int64, 0.3, 7)
    ss.save_npz(os.path.join(out, "scipy_csr_stored.npz"), ss.csr_matrix(h), compressed=False)
    add("scipy_csr_stored", "SCIPY_CSR", "csr", h)
    empty = np.zeros((3, 4))
    ss.save_npz(os.path.join(out, "scipy_csr_empty.npz"), ss.csr_matrix(empty))
    add("scipy_csr_empty", "SCIPY_CSR", "csr", empty)

    with open(os.path.join(out, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    print("wrote %d sparse fixtures" % len(manifest))


if __name__ == "__main__":
    main(sys.argv[1])
