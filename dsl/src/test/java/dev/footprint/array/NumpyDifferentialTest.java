package dev.footprint.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.footprint.Footprint;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Footprint against real NumPy: {@code src/test/python/numpy_cases.py} computes the expected
 * results with the system's NumPy (Debian's numpy 1.24) and prints one JSON case per line; every
 * case becomes a test here.
 *
 * <p>NumPy 1.24 promotes Python scalars by value unless switched to NEP 50 with
 * {@code np._set_promotion_state('weak')}; the script does that for the scalar cases and records
 * in its first line whether it could. Without that mode the scalar cases are not generated, and
 * {@link ScalarRulesTest} still checks the documented NumPy 2 values.
 *
 * <p>Where Footprint deliberately differs, the case says so:
 * <ul>
 *   <li>{@code as(dtype)} is lossless by default (NumPy 2.4's {@code casting='same_value'}); the
 *       cast cases compare NumPy's {@code astype} with {@code as(dtype, UNSAFE)} and check that
 *       {@code as(dtype)} refuses exactly the casts that change a value, at the first such index.
 *   <li>{@code a.set(mask, 1.5)} on an integer array is refused; NumPy truncates to 1.
 *   <li>Sums and means, whole or along an axis, add in NumPy's order and arithmetic and must
 *       match bit for bit, for every dtype.
 *   <li>Float-to-uint32 casts of NaN, -inf and values below -2^31 follow NumPy's contiguous loop
 *       (undefined behaviour in C; NumPy's strided loop gives other numbers).
 * </ul>
 *
 * <p>When {@code python3} with NumPy is missing the test is skipped, unless the system property
 * {@code footprint.requireExternal} is {@code true} (as in CI), where it fails.
 */
class NumpyDifferentialTest {
    private static final String SCRIPT = "src/test/python/numpy_cases.py";

    @TestFactory
    Stream<DynamicNode> everyCaseMatchesNumpy() throws Exception {
        List<JsonObject> cases = runScript();
        JsonObject meta = cases.remove(0);
        assertEquals(meta.get("cases").getAsInt(), cases.size(), "the script printed every case it counted");
        if (!meta.get("weak_promotion").getAsBoolean()) {
            System.out.println("NumPy " + meta.get("numpy").getAsString() + " has no NEP 50 mode: scalar cases "
                    + "are checked against the documented NumPy 2 values in ScalarRulesTest only");
        }
        // Every case runs with its inputs on the heap, in mapped .npy files, and in big storage of small segments.
        List<DynamicNode> byStorage = new ArrayList<>();
        for (TestArrays.Kind storage : TestArrays.Kind.values()) {
            Map<String, List<DynamicNode>> byKind = new LinkedHashMap<>();
            for (int i = 0; i < cases.size(); i++) {
                JsonObject c = cases.get(i);
                String kind = c.get("kind").getAsString();
                String name = kind + " #" + i + " " + describe(c);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(DynamicTest.dynamicTest(name, () -> TestArrays.withStorage(storage, () -> check(c))));
            }
            byStorage.add(DynamicContainer.dynamicContainer(storage.name().toLowerCase() + " storage",
                    byKind.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(
                            e.getKey() + " (" + e.getValue().size() + " cases)", e.getValue().stream()))));
        }
        return byStorage.stream();
    }

    static List<JsonObject> runScript() throws Exception {
        String python = System.getProperty("footprint.python", "/usr/bin/python3");
        boolean required = Boolean.getBoolean("footprint.requireExternal");
        String why = null;
        if (!new File(python).canExecute()) {
            why = python + " is not installed";
        } else if (!new File(SCRIPT).isFile()) {
            why = SCRIPT + " is missing (run from the dsl module)";
        }
        List<JsonObject> cases = new ArrayList<>();
        StringBuilder err = new StringBuilder();
        if (why == null) {
            Process p = new ProcessBuilder(python, SCRIPT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    BufferedReader er = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                Thread drain = new Thread(() -> er.lines().forEach(l -> err.append(l).append('\n')));
                drain.start();
                String line;
                while ((line = out.readLine()) != null) {
                    cases.add(JsonParser.parseString(line).getAsJsonObject());
                }
                drain.join();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why = python + " " + SCRIPT + " failed (is NumPy installed?): " + err;
            }
        }
        if (why != null) {
            if (required) {
                fail("footprint.requireExternal is true but NumPy cannot run: " + why);
            }
            Assumptions.abort("skipping the NumPy differential test: " + why);
        }
        return cases;
    }

    private static String describe(JsonObject c) {
        StringBuilder sb = new StringBuilder();
        for (String key : new String[] {"op", "a", "b", "from", "to", "scalar", "axis", "value"}) {
            JsonElement e = c.get(key);
            if (e == null || e.isJsonNull()) continue;
            sb.append(key).append('=').append(e.isJsonObject() ? shortSpec(e.getAsJsonObject()) : e.getAsString()).append(' ');
        }
        return sb.toString().trim();
    }

    private static String shortSpec(JsonObject spec) {
        return spec.get("dtype").getAsString() + spec.get("shape").toString();
    }

    private static void check(JsonObject c) {
        switch (c.get("kind").getAsString()) {
            case "promote" -> assertEquals(c.get("result").getAsString(),
                    DType.promote(dtype(c, "a"), dtype(c, "b")).numpyName());
            case "can_cast" -> {
                DType from = dtype(c, "from");
                DType to = dtype(c, "to");
                assertEquals(c.get("safe").getAsBoolean(), Casting.SAFE.allows(from, to), "safe");
                assertEquals(c.get("same_kind").getAsBoolean(), Casting.SAME_KIND.allows(from, to), "same_kind");
            }
            case "cast" -> checkCast(c);
            case "binary" -> expect(c, () -> binary(c.get("op").getAsString(), array(c, "a"), array(c, "b")), 0);
            case "compare" -> expect(c, () -> compare(c.get("op").getAsString(), array(c, "a"), array(c, "b")), 0);
            case "scalar_binary" -> expect(c, () -> scalarBinary(c), 0);
            case "scalar_compare" -> expect(c, () -> scalarCompare(c), 0);
            case "reduce" -> checkReduce(c);
            case "broadcast" -> expect(c, () -> array(c, "a").add(array(c, "b")), 0);
            case "mask_set" -> checkMaskSet(c);
            case "repr" -> assertEquals(c.get("result").getAsString(), reprSubject(c.getAsJsonObject("a")).toString());
            default -> fail("unknown case kind " + c.get("kind"));
        }
    }

    private static void checkCast(JsonObject c) {
        NDArray a = array(c, "array");
        DType to = dtype(c, "to");
        NDArray unsafe = a.as(to, Casting.UNSAFE);
        assertSpec(c.getAsJsonObject("result"), unsafe, 0);
        int lossy = c.get("lossy_index").getAsInt();
        if (lossy < 0) {
            assertEquals(unsafe, a.as(to), "a lossless cast gives what astype gives");
        } else {
            // Footprint's default: refuse, naming NumPy's first changed element.
            LossyCastException e = assertThrows(LossyCastException.class, () -> a.as(to));
            assertArrayEquals(new long[] {lossy}, e.index(), e.getMessage());
        }
    }

    private static void checkReduce(JsonObject c) {
        NDArray a = array(c, "a");
        String op = c.get("op").getAsString();
        JsonElement axisJson = c.get("axis");
        Integer axis = axisJson == null || axisJson.isJsonNull() ? null : axisJson.getAsInt();
        NDArray r = switch (op) {
            case "sum" -> axis == null ? a.sum() : a.sum(axis);
            case "mean" -> axis == null ? a.mean() : a.mean(axis);
            case "min" -> axis == null ? a.min() : a.min(axis);
            case "max" -> axis == null ? a.max() : a.max(axis);
            case "count_nonzero" -> axis == null ? Footprint.arr.full(DType.INT64, a.countNonzero()) : a.countNonzero(axis);
            default -> throw new IllegalArgumentException(op);
        };
        JsonObject expected = c.getAsJsonObject("result");
        assertSpec(expected, r, 0);
    }

    private static void checkMaskSet(JsonObject c) {
        NDArray a = array(c, "a");
        long threshold = Long.parseLong(c.get("threshold").getAsString());
        String value = c.get("value").getAsString();
        NDArray target = a.copy();
        NDArray mask = a.lt(threshold);
        if (value.contains(".") && a.dtype().isInteger()) {
            // Deliberate difference: NumPy truncates 1.5 to 1 in an integer array; Footprint refuses.
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> target.set(mask, Double.parseDouble(value)));
            assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains(a.dtype().numpyName()), e.getMessage());
            assertEquals(a, target, "a refused set changes nothing");
            return;
        }
        if (value.contains(".")) {
            target.set(mask, Double.parseDouble(value));
        } else {
            target.set(mask, Long.parseLong(value));
        }
        assertSpec(c.getAsJsonObject("result"), target, 0);
    }

    private static void expect(JsonObject c, java.util.function.Supplier<NDArray> op, double tolerance) {
        if (c.has("error")) {
            RuntimeException e = assertThrows(IllegalArgumentException.class, op::get,
                    "NumPy raised: " + c.get("error").getAsString());
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        assertSpec(c.getAsJsonObject("result"), op.get(), tolerance);
    }

    private static NDArray binary(String op, NDArray a, NDArray b) {
        return switch (op) {
            case "add" -> a.add(b);
            case "sub" -> a.sub(b);
            case "mul" -> a.mul(b);
            case "div" -> a.div(b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static NDArray compare(String op, NDArray a, NDArray b) {
        return switch (op) {
            case "lt" -> a.lt(b);
            case "le" -> a.le(b);
            case "gt" -> a.gt(b);
            case "ge" -> a.ge(b);
            case "eq" -> a.eq(b);
            case "ne" -> a.ne(b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static NDArray scalarBinary(JsonObject c) {
        NDArray a = array(c, "a");
        String op = c.get("op").getAsString();
        String s = c.get("scalar").getAsString();
        if (c.get("scalar_type").getAsString().equals("int")) {
            long v = Long.parseLong(s);
            return switch (op) {
                case "add" -> a.add(v);
                case "sub" -> a.sub(v);
                case "mul" -> a.mul(v);
                case "div" -> a.div(v);
                default -> throw new IllegalArgumentException(op);
            };
        }
        double v = Double.parseDouble(s);
        return switch (op) {
            case "add" -> a.add(v);
            case "sub" -> a.sub(v);
            case "mul" -> a.mul(v);
            case "div" -> a.div(v);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static NDArray scalarCompare(JsonObject c) {
        NDArray a = array(c, "a");
        String op = c.get("op").getAsString();
        String s = c.get("scalar").getAsString();
        if (c.get("scalar_type").getAsString().equals("int")) {
            long v = Long.parseLong(s);
            return switch (op) {
                case "lt" -> a.lt(v);
                case "le" -> a.le(v);
                case "gt" -> a.gt(v);
                case "ge" -> a.ge(v);
                case "eq" -> a.eq(v);
                case "ne" -> a.ne(v);
                default -> throw new IllegalArgumentException(op);
            };
        }
        double v = TestArrays.parseDouble(s);
        return switch (op) {
            case "lt" -> a.lt(v);
            case "le" -> a.le(v);
            case "gt" -> a.gt(v);
            case "ge" -> a.ge(v);
            case "eq" -> a.eq(v);
            case "ne" -> a.ne(v);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static NDArray reprSubject(JsonObject spec) {
        if (!spec.has("fill")) {
            return TestArrays.build(DType.of(spec.get("dtype").getAsString()), shape(spec), values(spec));
        }
        DType t = DType.of(spec.get("dtype").getAsString());
        long[] shape = shape(spec);
        if (spec.get("fill").getAsString().equals("1")) {
            return Footprint.arr.ones(t, shape);
        }
        long n = 1;
        for (long d : shape) n *= d;
        return Footprint.arr.arange(n).as(t, Casting.UNSAFE).reshape(shape);
    }

    private static void assertSpec(JsonObject expected, NDArray actual, double tolerance) {
        String dtype = expected.get("dtype").getAsString();
        assertEquals(dtype, actual.dtype().numpyName(), "dtype");
        assertArrayEquals(shape(expected), actual.shape(), "shape");
        List<String> values = values(expected);
        assertEquals(values.size(), actual.size(), "size");
        for (int i = 0; i < values.size(); i++) {
            int at = i;
            assertTrue(TestArrays.matches(actual, i, values.get(i), tolerance),
                    () -> "element " + at + ": NumPy " + values.get(at) + ", Footprint " + TestArrays.text(actual, at)
                            + " (" + actual + ")");
        }
    }

    private static NDArray array(JsonObject c, String key) {
        JsonObject spec = c.getAsJsonObject(key);
        return TestArrays.build(DType.of(spec.get("dtype").getAsString()), shape(spec), values(spec));
    }

    private static DType dtype(JsonObject c, String key) {
        return DType.of(c.get(key).getAsString());
    }

    private static long[] shape(JsonObject spec) {
        var arr = spec.getAsJsonArray("shape");
        long[] s = new long[arr.size()];
        for (int i = 0; i < s.length; i++) s[i] = arr.get(i).getAsLong();
        return s;
    }

    private static List<String> values(JsonObject spec) {
        List<String> out = new ArrayList<>();
        spec.getAsJsonArray("values").forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
