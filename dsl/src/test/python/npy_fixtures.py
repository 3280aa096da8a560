"""Writes .npy/.npz fixtures with NumPy for the Java readers to check, and a manifest.

Usage: python3 npy_fixtures.py OUTDIR

For every fixture the manifest gives the dtype, the shape and a .bin file holding the
expected elements as raw little-endian bytes in C order, so the Java side compares bits.
"""
import io
import json
import os
import sys
import zipfile

import numpy as np

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64"]


def values(dtype, shape, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    n = int(np.prod(shape))
    if dt.kind == "b":
        a = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        a = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        if n >= 2:
            a[0], a[1] = info.min, info.max
    else:
        a = (rng.standard_normal(n) * 1000).astype(dt)
        special = np.array([np.nan, np.inf, -np.inf, -0.0], dtype=dt)
        a[:min(n, 4)] = special[:min(n, 4)]
    return a.reshape(shape)


def expected_bytes(a):
    return np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"), copy=False).tobytes(order="C")


def main(out):
    os.makedirs(out, exist_ok=True)
    manifest = []

    def add(name, a, canonical=False, **extra):
        with open(os.path.join(out, name + ".bin"), "wb") as f:
            f.write(expected_bytes(a))
        entry = {"file": name + ".npy", "bin": name + ".bin", "dtype": a.dtype.name,
                 "shape": list(a.shape), "canonical": canonical}
        entry.update(extra)
        manifest.append(entry)

    seed = 1
    for dtype in DTYPES:
        dt = np.dtype(dtype)
        orders = ["<"] if dt.itemsize == 1 else ["<", ">"]
        for order in orders:
            for fortran in (False, True):
                seed += 1
                a = values(dtype, (3, 4, 5), seed)
                if dt.itemsize > 1:
                    a = a.astype(dt.newbyteorder(order))
                if fortran:
                    a = np.asfortranarray(a)
                name = "%s_%s_%s" % (dtype, "be" if order == ">" else "le", "f" if fortran else "c")
                np.save(os.path.join(out, name + ".npy"), a)
                add(name, a, canonical=(order == "<" and not fortran))
        seed += 1
        zero_d = values(dtype, (), seed)
        np.save(os.path.join(out, dtype + "_0d.npy"), zero_d)
        add(dtype + "_0d", zero_d, canonical=True)
        for shape in [(0,), (3, 0), (0, 2, 5)]:
            empty = np.zeros(shape, dtype=dtype)
            name = "%s_empty_%s" % (dtype, "x".join(map(str, shape)))
            np.save(os.path.join(out, name + ".npy"), empty)
            add(name, empty, canonical=True)
        for length in (1, 7, 1000):
            seed += 1
            one_d = values(dtype, (length,), seed)
            name = "%s_1d_%d" % (dtype, length)
            np.save(os.path.join(out, name + ".npy"), one_d)
            add(name, one_d, canonical=True)

    # A wide first axis and the article's 1024 x 1024 uint16 image.
    wide = values("uint16", (123456789 % 100000 + 1, 3), 99)
    np.save(os.path.join(out, "uint16_wide.npy"), wide)
    add("uint16_wide", wide, canonical=True)
    image = np.ones((1024, 1024), dtype=np.uint16)
    np.save(os.path.join(out, "uint16_image.npy"), image)
    add("uint16_image", image, canonical=True)

    # Format versions 2.0 and 3.0, which numpy.save only picks for huge or non-Latin-1 headers.
    for version in (2, 3):
        for fortran in (False, True):
            a = values("float32", (4, 6), 200 + version)
            a = np.asfortranarray(a) if fortran else a
            name = "float32_v%d_%s" % (version, "f" if fortran else "c")
            with open(os.path.join(out, name + ".npy"), "wb") as f:
                np.lib.format.write_array(f, a, version=(version, 0))
            add(name, a, version=version)

    # '=' (native) is legal in a descr though NumPy never writes it.
    native = values("int32", (2, 3), 300)
    b = io.BytesIO()
    np.save(b, native)
    buf = b.getvalue().replace(b"'<i4'", b"'=i4'")
    with open(os.path.join(out, "int32_native.npy"), "wb") as f:
        f.write(buf)
    add("int32_native", native)

    # .npz archives: stored, deflated, and ZIP64 headers forced by zipfile itself.
    arrays = {"a": values("float64", (5, 7), 400), "b": values("uint16", (3,), 401),
              "c": values("bool", (2, 2), 402), "scalar": values("int8", (), 403)}
    npz = []
    np.savez(os.path.join(out, "stored.npz"), **arrays)
    np.savez_compressed(os.path.join(out, "deflated.npz"), **arrays)
    with zipfile.ZipFile(os.path.join(out, "zip64.npz"), "w", compression=zipfile.ZIP_DEFLATED) as z:
        for key, a in arrays.items():
            with z.open(key + ".npy", "w", force_zip64=True) as f:
                np.lib.format.write_array(f, a)
    with zipfile.ZipFile(os.path.join(out, "zip64_stored.npz"), "w", compression=zipfile.ZIP_STORED) as z:
        for key, a in arrays.items():
            with z.open(key + ".npy", "w", force_zip64=True) as f:
                np.lib.format.write_array(f, a)
    for key, a in arrays.items():
        with open(os.path.join(out, "npz_" + key + ".bin"), "wb") as f:
            f.write(expected_bytes(a))
    for name in ("stored.npz", "deflated.npz", "zip64.npz", "zip64_stored.npz"):
        npz.append({"file": name, "arrays": [{"name": k, "bin": "npz_" + k + ".bin", "dtype": a.dtype.name,
                                              "shape": list(a.shape)} for k, a in arrays.items()]})

    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"npy": manifest, "npz": npz}, f, indent=1)
    print("wrote %d .npy and %d .npz fixtures" % (len(manifest), len(npz)))


if __name__ == "__main__":
    main(sys.argv[1])
