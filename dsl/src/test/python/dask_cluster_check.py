"""Computes a sum and a count_nonzero of a Zarr store on a Dask cluster of worker processes.

Usage: python3 dask_cluster_check.py STORE

Starts a dask.distributed LocalCluster of two worker processes (one thread each) on 127.0.0.1,
loads the store's chunks into the workers with dask.array.from_zarr and persist, and prints one
JSON line: {"sum", "count_nonzero", "chunks", "workers"} where "workers" counts the workers that
hold at least one chunk.
"""
import json
import sys

import dask.array as da
from dask.distributed import Client, LocalCluster, wait


def main(store):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        x = da.from_zarr(store).persist()
        wait(x)
        holders = {w for ws in client.who_has(x).values() for w in ws}
        total = x.sum().compute()
        nonzero = da.count_nonzero(x).compute()
        print(json.dumps({"sum": int(total), "count_nonzero": int(nonzero), "chunks": x.npartitions,
                          "workers": len(holders)}))


if __name__ == "__main__":
    main(sys.argv[1])
