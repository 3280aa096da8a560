package dev.footprint.array;

import static dev.footprint.Footprint.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.footprint.io.ExternalPython;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extreme slices, indices, aranges and reduction axes against NumPy ({@code
 * src/test/python/extreme_cases.py}): every combination of the values where size arithmetic
 * wraps or a domain check is missed gives NumPy's elements, or is refused where NumPy refuses.
 */
class SizeArithmeticNumpyTest {
    private static final String[] BOUNDS = {null, "0", "1", "-1", "2", "-2", "5", "-5", "6", "-6", "2147483648",
            "-2147483649", "9223372036854775807", "-9223372036854775808", "100000000000000000000",
            "-100000000000000000000"};
    private static final String[] STEPS = {null, "1", "-1", "2", "-2", "3", "-3", "2147483648", "9223372036854775807",
            "-9223372036854775807", "-9223372036854775808", "100000000000000000000", "-100000000000000000000"};
    private static final int[] LENGTHS = {0, 1, 5};

    @TempDir Path dir;

    private record Case(JsonObject json, Supplier<double[]> footprint) {}

    @Test
    void extremeSlicesIndicesArangesAndAxesMatchNumpy() throws Exception {
        ExternalPython.require("numpy");
        List<Case> cases = new ArrayList<>();
        for (int n : LENGTHS) {
            for (String start : BOUNDS) {
                for (String stop : BOUNDS) {
                    for (String step : STEPS) {
                        cases.add(slice(n, start, stop, step));
                    }
                }
                if (start != null) {
                    cases.add(index(n, start));
                }
            }
        }
        String[] ends = {"0.0", "-0.0", "10.0", "-10.0", "1e-320", "1e308", "-1e308"};
        String[] steps = {"inf", "-inf", "1.0", "-1.0", "1e307", "-1e307", "1e-300"};
        for (String start : ends) {
            for (String stop : ends) {
                for (String step : steps) {
                    cases.add(arange(start, stop, step));
                }
            }
        }
        int[][] shapes = {{}, {3}, {2, 3}, {2, 3, 4}};
        int[] axes = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, Integer.MAX_VALUE};
        for (int[] shape : shapes) {
            for (int axis : axes) {
                cases.add(sumAxis(shape, axis));
            }
        }
        Path input = dir.resolve("cases.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Case c : cases) {
            lines.append(c.json()).append('\n');
        }
        Files.writeString(input, lines, StandardCharsets.UTF_8);
        String[] answers = ExternalPython.run("extreme_cases.py", input.toString()).split("\n");
        assertEquals(cases.size(), answers.length, "NumPy answered every case");
        for (int i = 0; i < cases.size(); i++) {
            check(cases.get(i), JsonParser.parseString(answers[i]).getAsJsonObject());
        }
    }

    private static void check(Case c, JsonObject numpy) {
        String what = c.json().toString();
        if (numpy.has("error")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> c.footprint().get(),
                    what + ": NumPy raises " + numpy.get("error").getAsString());
            assertNotNull(e.getMessage(), what);
            return;
        }
        JsonArray values = numpy.getAsJsonArray("values");
        double[] expected = new double[values.size()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = parse(values.get(k).getAsString());
        }
        double[] actual = c.footprint().get();
        assertEquals(Arrays.toString(expected), Arrays.toString(actual), what);
    }

    private static double parse(String python) {
        return switch (python) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(python);
        };
    }

    private static double[] values(NDArray a) {
        double[] out = new double[(int) a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getDoubleFlat(i);
        }
        return out;
    }

    private static Case slice(int n, String start, String stop, String step) {
        JsonObject j = new JsonObject();
        j.addProperty("op", "slice");
        j.addProperty("n", n);
        JsonArray spec = new JsonArray();
        spec.add(start);
        spec.add(stop);
        spec.add(step);
        j.add("spec", spec);
        String text = text(start) + ":" + text(stop) + (step == null ? "" : ":" + step);
        return new Case(j, () -> values(arr.arange(n).slice(text)));
    }

    private static Case index(int n, String index) {
        JsonObject j = new JsonObject();
        j.addProperty("op", "index");
        j.addProperty("n", n);
        j.addProperty("index", index);
        return new Case(j, () -> values(arr.arange(n).slice(index)));
    }

    private static Case arange(String start, String stop, String step) {
        JsonObject j = new JsonObject();
        j.addProperty("op", "arange");
        JsonArray args = new JsonArray();
        args.add(start);
        args.add(stop);
        args.add(step);
        j.add("args", args);
        return new Case(j, () -> values(arr.arange(parse(start), parse(stop), parse(step))));
    }

    private static Case sumAxis(int[] shape, int axis) {
        JsonObject j = new JsonObject();
        j.addProperty("op", "sum_axis");
        JsonArray s = new JsonArray();
        Arrays.stream(shape).forEach(s::add);
        j.add("shape", s);
        j.addProperty("axis", axis);
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        return new Case(j, () -> values(arr.ones(dims).sum(axis)));
    }

    private static String text(String bound) {
        return bound == null ? "" : bound;
    }
}
