"""Checks .npy/.npz files written by Footprint against NumPy, as listed in DIR/manifest.json.

Usage: python3 npy_check.py DIR

Each .npy must load with the stated dtype, byte order, memory order and shape, with elements
equal bit for bit to the little-endian C-order bytes of its .bin file; files marked
"identical" must equal, byte for byte, what numpy.save writes for the loaded array (or
numpy.lib.format.write_array with the stated format "version"). Each .npz
must hold its arrays in order, stored or deflated as stated. Prints "ok N" or the failures.
"""
import io
import json
import os
import sys
import zipfile

import numpy as np


def le_bytes(a):
    return np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"), copy=False).tobytes(order="C")


def check_array(where, a, spec, directory, failures):
    if a.dtype.name != spec["dtype"]:
        failures.append("%s: dtype %s, expected %s" % (where, a.dtype.name, spec["dtype"]))
        return
    if list(a.shape) != spec["shape"]:
        failures.append("%s: shape %s, expected %s" % (where, a.shape, spec["shape"]))
        return
    with open(os.path.join(directory, spec["bin"]), "rb") as f:
        expected = f.read()
    if le_bytes(a) != expected:
        failures.append("%s: elements differ from %s" % (where, spec["bin"]))


def main(directory):
    with open(os.path.join(directory, "manifest.json")) as f:
        manifest = json.load(f)
    failures = []
    checked = 0
    for spec in manifest.get("npy", []):
        path = os.path.join(directory, spec["file"])
        a = np.load(path, allow_pickle=False)
        check_array(spec["file"], a, spec, directory, failures)
        if "descr" in spec and a.dtype.str != spec["descr"]:
            failures.append("%s: descr %s, expected %s" % (spec["file"], a.dtype.str, spec["descr"]))
        if spec.get("fortran") and not a.flags.f_contiguous:
            failures.append("%s: expected Fortran order" % spec["file"])
        if spec.get("identical"):
            b = io.BytesIO()
            if "version" in spec:
                np.lib.format.write_array(b, a, version=(spec["version"], 0))
            else:
                np.save(b, a)
            with open(path, "rb") as f:
                if f.read() != b.getvalue():
                    failures.append("%s: bytes differ from numpy.save of the same array" % spec["file"])
        checked += 1
    for spec in manifest.get("npz", []):
        path = os.path.join(directory, spec["file"])
        with zipfile.ZipFile(path) as z:
            want = zipfile.ZIP_DEFLATED if spec["compressed"] else zipfile.ZIP_STORED
            for info in z.infolist():
                if info.compress_type != want:
                    failures.append("%s!%s: compression %d, expected %d"
                                    % (spec["file"], info.filename, info.compress_type, want))
            bad = z.testzip()
            if bad is not None:
                failures.append("%s: CRC error in %s" % (spec["file"], bad))
        with np.load(path, allow_pickle=False) as npz:
            names = [s["name"] for s in spec["arrays"]]
            if list(npz.files) != names:
                failures.append("%s: names %s, expected %s" % (spec["file"], npz.files, names))
            for s in spec["arrays"]:
                check_array(spec["file"] + "!" + s["name"], npz[s["name"]], s, directory, failures)
        checked += 1
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("ok %d" % checked)


if __name__ == "__main__":
    main(sys.argv[1])
