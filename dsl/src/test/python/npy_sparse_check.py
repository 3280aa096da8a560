"""Checks sparse .npz files written by Footprint with pydata sparse and scipy.

Usage: python3 npy_sparse_check.py DIR

DIR/manifest.json lists each file, the library that must load it ("pydata" or "scipy"), the
type it must load as, and the .npy holding the expected dense array. Prints "ok N" or the
failures.
"""
import json
import os
import sys

import numpy as np
import scipy.sparse as ss
import sparse


def main(directory):
    with open(os.path.join(directory, "manifest.json")) as fh:
        manifest = json.load(fh)
    failures = []
    for spec in manifest:
        path = os.path.join(directory, spec["file"])
        expected = np.load(os.path.join(directory, spec["dense"]))
        if spec["library"] == "pydata":
            s = sparse.load_npz(path)
            kind = type(s).__name__
            if kind == "GCXS":
                kind += str(list(s.compressed_axes))
            actual = s.todense()
            if s.fill_value.dtype != expected.dtype and not np.isnan(s.fill_value):
                failures.append("%s: fill value dtype %s" % (spec["file"], s.fill_value.dtype))
        else:
            m = ss.load_npz(path)
            kind = m.format
            actual = m.toarray()
        if kind != spec["type"]:
            failures.append("%s: loaded as %s, expected %s" % (spec["file"], kind, spec["type"]))
        if actual.dtype != expected.dtype or actual.shape != expected.shape:
            failures.append("%s: %s %s, expected %s %s" % (spec["file"], actual.dtype, actual.shape,
                                                         expected.dtype, expected.shape))
        elif actual.tobytes() != expected.tobytes():
            failures.append("%s: elements differ" % spec["file"])
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("ok %d" % len(manifest))


if __name__ == "__main__":
    main(sys.argv[1])
