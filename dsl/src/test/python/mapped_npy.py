"""Helpers for the mapped .npy tests: NumPy writes and reads back the same files.

    mapped_npy.py write FILE          a float64 (300, 7) array in Fortran order, seeded
    mapped_npy.py get FILE I J        prints repr(float(np.load(FILE)[I, J]))
"""
import sys

import numpy as np


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "write":
        rng = np.random.default_rng(7)
        np.save(path, np.asfortranarray(rng.random((300, 7))))
    elif cmd == "get":
        print(repr(float(np.load(path)[int(sys.argv[3]), int(sys.argv[4])])))
    else:
        sys.exit("unknown command " + cmd)


main()
