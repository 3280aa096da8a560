package dev.footprint.bench;

import dev.footprint.Footprint;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dense engine's hot operations on n×n arrays. Run with
 * {@code java -jar bench/target/footprint-benchmarks.jar ArrayBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArrayBenchmarks {
    @Param({"1024", "4096"})
    public int n;

    /** The dtype of the array that sum, add and lt read. */
    @Param({"float64", "uint16"})
    public String dtype;

    private Operations.Inputs inputs;
    private NDArray a;
    private NDArray b;

    @Setup
    public void setUp() {
        inputs = new Operations.Inputs(n, 42);
        DType t = DType.of(dtype);
        a = t == DType.FLOAT64 ? inputs.random : inputs.random.mul(60000.0).as(t, Footprint.UNSAFE);
        b = t == DType.FLOAT64 ? inputs.other : inputs.other.mul(60000.0).as(t, Footprint.UNSAFE);
    }

    @Benchmark
    public NDArray onesUint16() {
        return Operations.onesUint16(n);
    }

    @Benchmark
    public NDArray random() {
        return Operations.random(n);
    }

    @Benchmark
    public NDArray copyAndMaskSet() {
        return Operations.copyAndMaskSet(inputs.random);
    }

    @Benchmark
    public NDArray asFloat32() {
        return Operations.asFloat32(inputs.float32Exact);
    }

    @Benchmark
    public NDArray asFloat32Unsafe() {
        return Operations.asFloat32Unsafe(inputs.float32Exact);
    }

    @Benchmark
    public NDArray sum() {
        return Operations.sum(a);
    }

    @Benchmark
    public NDArray add() {
        return Operations.add(a, b);
    }

    @Benchmark
    public NDArray lessThan() {
        return Operations.lessThan(a);
    }
}
