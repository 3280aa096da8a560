"""Reads a few elements of a large Zarr store Footprint wrote, as zarr-python sees them:
python3 zarr_big_check.py STORE ROW COL. Prints the shape, dtype, fill value, the number of
chunk files, the four elements from (ROW, COL - 2), and the first and last elements; only the
chunks holding them are read."""
import sys

import zarr

store, row, col = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
z = zarr.open(store, mode="r")
print(z.shape, z.dtype, z.fill_value, z.nchunks_initialized,
      z[row, col - 2:col + 2].tolist(), int(z[0, 0]), int(z[-1, -1]))
