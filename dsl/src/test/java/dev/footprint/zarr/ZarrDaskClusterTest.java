package dev.footprint.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.io.ExternalPython;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store Footprint wrote, computed on by a Dask cluster (Debian's python3-distributed: a
 * LocalCluster of two worker processes on 127.0.0.1) with its chunks spread over the workers:
 * the cluster's sum and count_nonzero equal Footprint's own.
 */
class ZarrDaskClusterTest {
    @TempDir
    Path dir;

    @Test
    void aDaskClusterComputesWhatFootprintComputes() throws IOException {
        ExternalPython.require("zarr", "dask.array", "dask.distributed");
        ArrayFactory arr = new ArrayFactory();
        arr.seed(21);
        NDArray counts = arr.random(1200, 900).mul(2000).sub(1000).as(DType.INT32, Casting.UNSAFE);
        counts.set(counts.lt(-500), 0);
        ZarrArray z = ZarrWriter.save(dir.resolve("counts.zarr"), counts, ZarrOptions.DEFAULT.chunks(300, 300));
        JsonObject out = JsonParser.parseString(ExternalPython.run("dask_cluster_check.py", z.path().toString()).strip())
                .getAsJsonObject();
        assertEquals(12, out.get("chunks").getAsInt());
        assertEquals(2, out.get("workers").getAsInt(), "chunks held by both workers: " + out);
        assertEquals(z.sum().longValue(), out.get("sum").getAsLong());
        assertEquals(z.countNonzero(), out.get("count_nonzero").getAsLong());
        assertEquals(counts.sum().longValue(), z.sum().longValue());
        assertEquals(counts.countNonzero(), z.countNonzero());
    }
}
