"""Checks Zarr stores written by Footprint with zarr-python and Dask, as listed in DIR/manifest.json.

Usage: python3 zarr_check.py DIR

The manifest lists {"store", "npy", "compressor", "fill"} and optionally "attrs": each store must
open in zarr-python with the .npy's dtype and shape and its elements equal bit for bit (NaN and
-0.0 included), with the stated compressor id (or none), fill value and user attributes;
dask.array.from_zarr must compute the same array. Prints "ok N" or the failures.
"""
import json
import math
import os
import sys

import dask.array as da
import numpy as np
import zarr


def same_bits(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(
        np.ascontiguousarray(a).view(np.uint8), np.ascontiguousarray(b).view(np.uint8))


def main(directory):
    with open(os.path.join(directory, "manifest.json")) as f:
        manifest = json.load(f)
    failures = []
    for spec in manifest:
        path = os.path.join(directory, spec["store"])
        expected = np.load(os.path.join(directory, spec["npy"]))
        z = zarr.open_array(path, mode="r")
        got = z[...]
        if not same_bits(got, expected):
            failures.append("%s: zarr-python reads %r, expected %r" % (spec["store"], got, expected))
        comp = None if z.compressor is None else z.compressor.codec_id
        if comp != spec["compressor"]:
            failures.append("%s: compressor %s, expected %s" % (spec["store"], comp, spec["compressor"]))
        fill = spec["fill"]
        if fill is not None and not (float(z.fill_value) == float(fill)
                                     or (math.isnan(float(fill)) and math.isnan(z.fill_value))):
            failures.append("%s: fill_value %r, expected %s" % (spec["store"], z.fill_value, fill))
        if "attrs" in spec and z.attrs.asdict() != spec["attrs"]:
            failures.append("%s: attrs %r, expected %r" % (spec["store"], z.attrs.asdict(), spec["attrs"]))
        computed = da.from_zarr(path).compute()
        if not same_bits(np.asarray(computed), expected):
            failures.append("%s: dask computes %r, expected %r" % (spec["store"], computed, expected))
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("ok %d" % len(manifest))


if __name__ == "__main__":
    main(sys.argv[1])
