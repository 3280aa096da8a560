"""Writes Zarr v2 stores with zarr-python for Footprint to read, and the arrays they hold as .npy.

Usage: python3 zarr_fixtures.py DIR

Every Footprint dtype with zarr-python's defaults, and each compressor zarr-python uses (Blosc
with lz4, lz4hc, zstd and zlib inside, with and without byte shuffle; Zstd; Zlib; none), on
shapes with edge chunks; fill values (NaN, a number) with chunks never written; order F; the
"/" key separator; big endian; 0-d; a chunk of many Blosc blocks. Stores Footprint must refuse
go under DIR/bad. DIR/manifest.json lists {"good": [{"store", "npy"}], "bad": [{"store", "expect"}]}.
"""
import json
import os
import sys

import numcodecs
import numpy as np
import zarr

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64"]


def sample(dtype, shape, seed):
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    target = np.dtype(dtype)
    dt = target.newbyteorder("=")
    if dt == np.bool_:
        a = rng.random(n) < 0.5
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        a = rng.integers(info.min, info.max, size=n, dtype=dt, endpoint=True)
        a[:2] = [info.min, info.max]
    else:
        a = (rng.standard_normal(n) * 100).astype(dt)
        specials = np.array([np.nan, -0.0, np.inf, -np.inf, np.finfo(dt).max, np.finfo(dt).tiny], dtype=dt)
        a[: len(specials)] = specials[: n]
    return a.astype(target).reshape(shape)


def main(out):
    good, bad = [], []

    def save(name, arr, **kw):
        path = os.path.join(out, name + ".zarr")
        z = zarr.open_array(path, mode="w", shape=arr.shape, dtype=arr.dtype, **kw)
        z[...] = arr
        np.save(os.path.join(out, name + ".npy"), z[...])
        good.append({"store": name + ".zarr", "npy": name + ".npy"})
        return z

    for i, d in enumerate(DTYPES):
        save("default-" + d, sample(d, (13, 17), i), chunks=(5, 6))
    compressors = {
        "blosc-lz4-shuffle": numcodecs.Blosc("lz4", 5, numcodecs.Blosc.SHUFFLE),
        "blosc-lz4-noshuffle": numcodecs.Blosc("lz4", 5, numcodecs.Blosc.NOSHUFFLE),
        "blosc-lz4hc": numcodecs.Blosc("lz4hc", 5, numcodecs.Blosc.SHUFFLE),
        "blosc-zstd": numcodecs.Blosc("zstd", 5, numcodecs.Blosc.SHUFFLE),
        "blosc-zlib": numcodecs.Blosc("zlib", 5, numcodecs.Blosc.SHUFFLE),
        "blosc-clevel0": numcodecs.Blosc("lz4", 0, numcodecs.Blosc.SHUFFLE),
        "zstd": numcodecs.Zstd(level=3),
        "zlib": numcodecs.Zlib(level=1),
        "none": None,
    }
    for j, (name, comp) in enumerate(compressors.items()):
        for d in ["uint16", "float64", "int32"]:
            save(name + "-" + d, sample(d, (300, 70), 100 + j), chunks=(128, 64), compressor=comp)
    # Large chunks: many Blosc blocks, split streams, a leftover block; smooth data that compresses.
    smooth = (np.add.outer(np.arange(700), np.arange(900)) // 3).astype("float64")
    save("blosc-lz4-large", smooth, chunks=(600, 800))
    save("blosc-zstd-large", smooth.astype("uint16"), chunks=(600, 800), compressor=numcodecs.Blosc("zstd", 5, 1))
    save("blosc-random-large", sample("float64", (500, 500), 7), chunks=(500, 500))

    z = save("fill-nan", np.full((10, 10), np.nan), chunks=(4, 4), fill_value=np.nan)
    z[0:4, 0:4] = 1.5
    np.save(os.path.join(out, "fill-nan.npy"), z[...])
    z = save("fill-int", np.full((10, 10), 7, dtype="int16"), chunks=(4, 4), fill_value=7)
    z[5, 5] = -3
    np.save(os.path.join(out, "fill-int.npy"), z[...])
    for name, fill in [("fill-inf", np.inf), ("fill-neginf", -np.inf)]:
        z = zarr.open_array(os.path.join(out, name + ".zarr"), mode="w", shape=(6,), chunks=(4,), dtype="f4",
                            fill_value=fill)
        z[0] = 2
        np.save(os.path.join(out, name + ".npy"), z[...])
        good.append({"store": name + ".zarr", "npy": name + ".npy"})
    save("order-f", sample("int32", (9, 11), 3), chunks=(4, 5), order="F")
    save("order-f-3d", sample("float32", (5, 6, 7), 4), chunks=(2, 4, 3), order="F")
    save("nested", sample("uint8", (9, 11), 5), chunks=(4, 5), dimension_separator="/")
    save("big-endian", sample(">i4", (9, 11), 6), chunks=(4, 5))
    save("big-endian-f8", sample(">f8", (9, 11), 8), chunks=(4, 5))
    save("zero-d", np.array(3.25), chunks=())
    save("one-d", sample("int64", (1000,), 9), chunks=(300,))
    save("three-d", sample("uint16", (7, 8, 9), 10), chunks=(3, 3, 4))
    z = save("attrs", sample("float32", (20, 30), 11), chunks=(10, 10))
    z.attrs.update({"units": "K", "scale": 0.5, "bins": 3, "axes": ["y", "x"], "nested": {"a": None, "b": True}})
    good[-1]["attrs"] = z.attrs.asdict()

    bad_dir = os.path.join(out, "bad")
    os.makedirs(bad_dir)

    def refuse(name, expect, **kw):
        zarr.open_array(os.path.join(bad_dir, name), mode="w", **kw)[...] = 1
        bad.append({"store": "bad/" + name, "expect": expect})

    refuse("blosclz", "blosclz", shape=(300,), chunks=(300,), dtype="f8",
           compressor=numcodecs.Blosc("blosclz", 5, 1))
    refuse("bitshuffle", "bit shuffle", shape=(300,), chunks=(300,), dtype="f8",
           compressor=numcodecs.Blosc("lz4", 5, numcodecs.Blosc.BITSHUFFLE))
    refuse("filters", "'filters'", shape=(10,), chunks=(5,), dtype="i4", filters=[numcodecs.Delta(dtype="i4")])
    refuse("gzip", "gzip", shape=(10,), chunks=(5,), dtype="i4", compressor=numcodecs.GZip())
    refuse("complex", "'dtype'", shape=(10,), chunks=(5,), dtype="c16")
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"good": good, "bad": bad}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
