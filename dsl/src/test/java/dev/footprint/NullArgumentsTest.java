package dev.footprint;

import static dev.footprint.Footprint.arr;
import static dev.footprint.Footprint.sparse;
import static dev.footprint.Footprint.zarr;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.footprint.array.ArrayFactory;
import dev.footprint.array.Casting;
import dev.footprint.array.CompressedNDArray;
import dev.footprint.array.DType;
import dev.footprint.array.NDArray;
import dev.footprint.sparse.CooArray;
import dev.footprint.sparse.CscArray;
import dev.footprint.sparse.CsrArray;
import dev.footprint.sparse.SparseArray;
import dev.footprint.sparse.SparseFactory;
import dev.footprint.zarr.ZarrArray;
import dev.footprint.zarr.ZarrFactory;
import dev.footprint.zarr.ZarrOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A null in any object parameter of a public DSL method is refused with a message that names
 * the parameter as its Javadoc does (the build keeps parameter names in the class files), never a
 * bare NullPointerException about an internal field.
 */
class NullArgumentsTest {
    /** Parameters where null has a documented meaning. */
    private static final Set<String> NULL_ALLOWED = Set.of(
            "NDArray.named(label)", "SparseArray.named(label)", "CooArray.named(label)", "CsrArray.named(label)",
            "CscArray.named(label)", "CompressedNDArray.named(label)", "NDArray.transpose(axes)", "NDArray.equals(o)", "CooArray.equals(o)",
            "CsrArray.equals(o)", "CscArray.equals(o)", "SparseArray.equals(o)");

    @TempDir Path dir;

    private Object sample(Class<?> type) {
        if (type == NDArray.class) return arr.ones(2, 2);
        if (type == DType.class) return DType.FLOAT64;
        if (type == Casting.class) return Casting.UNSAFE;
        if (type == String.class) return dir.resolve("absent.npz").toString();
        if (type == Path.class) return dir.resolve("absent.npz");
        if (type == SparseArray.class || type == CooArray.class) return sparse.coo(arr.eye(2));
        if (type == CsrArray.class) return sparse.csr(arr.eye(2));
        if (type == CscArray.class) return sparse.csc(arr.eye(2));
        if (type == CompressedNDArray.class || type == dev.footprint.array.ReflectedOperand.class) return arr.ones(2, 2).compress();
        if (type == ZarrOptions.class) return zarr.options();
        if (type == Map.class) return Map.of("a", arr.ones(2));
        if (type == Runnable.class) return (Runnable) () -> {};
        if (type == long[].class) return new long[] {2};
        if (type == int[].class) return new int[] {0};
        if (type == double[].class) return new double[] {1, 2};
        if (type == Object[].class) return new Object[] {arr.ones(2)};
        if (type == Object.class) return new double[] {1, 2};
        if (type == long.class) return 1L;
        if (type == int.class) return 1;
        if (type == double.class) return 1.0;
        if (type == boolean.class) return true;
        if (type == float.class) return 1f;
        if (type == short.class) return (short) 1;
        if (type == byte.class) return (byte) 1;
        if (type.isArray()) return java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
        return null; // a type this test does not know: the method is skipped
    }

    @Test
    void everyNullArgumentIsRefusedNamingItsParameter() throws Exception {
        List<Object[]> receivers = List.of(
                new Object[] {null, Footprint.class}, new Object[] {arr, ArrayFactory.class},
                new Object[] {sparse, SparseFactory.class}, new Object[] {arr.ones(2, 2), NDArray.class},
                new Object[] {sparse.coo(arr.eye(2)), CooArray.class}, new Object[] {sparse.csr(arr.eye(2)), CsrArray.class},
                new Object[] {sparse.csc(arr.eye(2)), CscArray.class}, new Object[] {zarr, ZarrFactory.class},
                new Object[] {zarr.options(), ZarrOptions.class},
                new Object[] {zarr.save(dir.resolve("z.zarr"), arr.ones(2, 2), zarr.options()), ZarrArray.class},
                new Object[] {arr.ones(2, 2).compress(), CompressedNDArray.class});
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Object[] r : receivers) {
            Class<?> type = (Class<?>) r[1];
            for (Method m : type.getMethods()) {
                // A bridge method (apply(Operation, Object) for the contract's generic operand) only
                // casts and calls the real one, which is swept itself.
                if (!m.getDeclaringClass().getPackageName().startsWith("dev.footprint") || m.isBridge()
                        || (r[0] == null) != Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Parameter[] ps = m.getParameters();
                for (int i = 0; i < ps.length; i++) {
                    if (ps[i].getType().isPrimitive()) {
                        continue;
                    }
                    String where = type.getSimpleName() + "." + m.getName() + "(" + ps[i].getName() + ")";
                    if (NULL_ALLOWED.contains(where)) {
                        continue;
                    }
                    Object[] args = new Object[ps.length];
                    boolean known = true;
                    for (int k = 0; k < ps.length; k++) {
                        // The contract's operand (a type variable, Object once erased) seen on an interface: this kind.
                        Class<?> declared = ps[k].getParameterizedType() instanceof java.lang.reflect.TypeVariable<?> ? type : ps[k].getType();
                        args[k] = k == i ? null : "codec".equals(ps[k].getName()) ? "zstd" : sample(declared);
                        known &= k == i || args[k] != null;
                    }
                    if (!known) {
                        continue;
                    }
                    checked++;
                    String problem = refusal(m, r[0], args, ps[i].getName());
                    if (problem != null) {
                        problems.add(where + " " + java.util.Arrays.toString(m.getParameterTypes()) + ": " + problem);
                    }
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked + " parameters");
        if (!problems.isEmpty()) {
            fail(problems.size() + " null arguments are not refused by name:\n" + String.join("\n", problems));
        }
    }

    private static String refusal(Method m, Object receiver, Object[] args, String name) {
        try {
            m.invoke(receiver, args);
            return "accepted";
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            String msg = String.valueOf(t.getMessage());
            if (msg.contains(name) && msg.contains("null") && !msg.contains("because \"")) {
                return null;
            }
            return t.getClass().getSimpleName() + ": " + msg;
        } catch (IllegalAccessException e) {
            return "not callable: " + e;
        }
    }
}
