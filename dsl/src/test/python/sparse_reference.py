"""Reference values from pydata sparse and scipy for the sparse differential test.

Usage: sparse_reference.py OUTDIR

Writes, for each case, NAME.bin (the dense array as raw little-endian bytes, C order),
NAME_x.bin (a dense vector for matvec, when 2-d) and NAME_y.bin (scipy's csr @ x), plus
cases.json describing dtypes, shapes, fill values and the expected figures.
"""
import json
import os
import sys

import numpy as np
import scipy.sparse
import sparse


def raw(path, a):
    np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"), copy=False).tofile(path)


def number(v):
    v = np.asarray(v).item()
    return v if not isinstance(v, bool) else int(v)


def case(out, name, a, fill=0, threshold=None):
    s = sparse.COO(a, fill_value=fill)
    info = {
        "dtype": str(a.dtype),
        "shape": list(a.shape),
        "fill": number(np.asarray(fill, dtype=a.dtype)),
        "nnz": int(s.nnz),
        "nbytes": int(s.nbytes),
        "density": float(s.density),
        "sum": number(s.sum()),
        "mean": number(s.mean()),
        "min": number(s.min()),
        "max": number(s.max()),
        "add2_nnz": int((s + 2).nnz),
        # NumPy's dense result is the reference: pydata 0.13 turns the scalar into an int64 array, so
        # uint8 + 2 becomes int64 there, while NumPy (and Footprint) keep uint8 and wrap.
        "add2_sum": number((a + 2).sum()),
        "add2_sum_pydata": number((s + 2).sum()),
        "add2_fill": number((s + 2).fill_value),
        "mul3_sum": number((a * 3).sum()),
        "square_nnz": int((s * s).nnz),
        "square_sum": number((s * s).sum()),
    }
    if threshold is not None:
        g = s > threshold
        info["threshold"] = threshold
        info["gt_nnz"] = int(g.nnz)
        info["gt_fill"] = bool(g.fill_value)
    raw(os.path.join(out, name + ".bin"), a)
    if a.ndim == 2 and fill == 0:
        csr = scipy.sparse.csr_matrix(a)
        csc = scipy.sparse.csc_matrix(a)
        info["csr_nnz"] = int(csr.nnz)
        info["csr_nbytes"] = int(csr.data.nbytes + csr.indices.nbytes + csr.indptr.nbytes)
        info["csr_index_dtype"] = str(csr.indices.dtype)
        info["csc_nbytes"] = int(csc.data.nbytes + csc.indices.nbytes + csc.indptr.nbytes)
        rng = np.random.default_rng(11)
        x = rng.random(a.shape[1]) if a.dtype.kind == "f" else rng.integers(-5, 5, a.shape[1], dtype=np.int64)
        y = csr @ x
        info["x_dtype"] = str(x.dtype)
        info["y_dtype"] = str(y.dtype)
        raw(os.path.join(out, name + "_x.bin"), x)
        raw(os.path.join(out, name + "_y.bin"), y)
    return info


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(2024)
    cases = {}

    a = rng.random((256, 300))
    a[a < 0.9] = 0
    cases["article"] = case(out, "article", a, threshold=0.95)

    b = rng.integers(-1000, 1000, (200, 150), dtype=np.int32)
    b[rng.random(b.shape) < 0.85] = 0
    cases["int32"] = case(out, "int32", b, threshold=10)

    c = rng.random((100, 80)).astype(np.float32)
    c[c < 0.7] = 0
    cases["float32"] = case(out, "float32", c, threshold=0.5)

    d = np.round(rng.random((50, 60)) * 4) / 4
    cases["fill_one"] = case(out, "fill_one", d, fill=1.0, threshold=0.5)

    e = rng.random((10, 20, 30))
    e[e < 0.95] = 0
    cases["three_d"] = case(out, "three_d", e, threshold=0.97)

    f = rng.integers(0, 256, (64, 64), dtype=np.uint8)
    f[rng.random(f.shape) < 0.9] = 0
    cases["uint8"] = case(out, "uint8", f, threshold=100)

    r = sparse.random((1024, 1024), density=0.1)
    cases["random_nnz"] = {"shape": [1024, 1024], "density": 0.1, "nnz": int(r.nnz), "nbytes": int(r.nbytes),
                           "coords_dtype": str(r.coords.dtype)}

    with open(os.path.join(out, "cases.json"), "w") as fh:
        json.dump(cases, fh, indent=1)


if __name__ == "__main__":
    main()
