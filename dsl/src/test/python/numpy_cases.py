"""Expected results for Footprint's differential test against NumPy.

Prints one JSON object per line; NumpyDifferentialTest builds the same arrays in Footprint and
compares every case. Run with the system Python and its NumPy (Debian's numpy 1.24):

    python3 numpy_cases.py > cases.jsonl

Values travel as strings so that nothing is rounded on the way: integers in decimal, floats as
Python's repr of the exact double ('nan', 'inf', '-inf' included), bools as 0/1.

NumPy 1.24 is not NumPy 2: by default it promotes Python scalars by value (the "legacy" rule).
Footprint follows NumPy 2 (NEP 50, Python scalars are "weak"), so the scalar cases switch NumPy
1.24 to its experimental NEP 50 mode with np._set_promotion_state('weak'), which NumPy 2 made
the default. The first line of the output says whether that mode was available.
"""

import json
import sys
import warnings

import numpy as np

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64"]
WEAK = hasattr(np, "_set_promotion_state")
OUT = []


def emit(case):
    OUT.append(case)


def text(x, dtype):
    """One element as exact text."""
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return "1" if bool(x) else "0"
    if dt.kind in "iu":
        return str(int(x))
    return repr(float(x))


def spec(a):
    return {"dtype": a.dtype.name, "shape": list(a.shape),
            "values": [text(x, a.dtype) for x in a.ravel(order="C")]}


def edge_values(dtype):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return np.array([True, False, True, True, False, True, False, True], dtype=dt)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        vals = [0, 1, int(info.max), int(info.max) - 1, int(info.min), 2, 100, int(info.max) // 3]
        if dt.kind == "i":
            vals += [-1, -100, int(info.min) + 1]
        return np.array(vals, dtype=dt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vals = [0.0, -0.0, 1.5, -2.25, 300.7, 65504.0, 1e20, float("nan"), float("inf"),
                float("-inf"), 2.0 ** 31 + 0.5, -1.0, 1e-5, 255.0, 3.1, -129.0]
        return np.array(vals, dtype=np.float64).astype(dt)


def finite_values(dtype, n, seed):
    """n values without NaN/inf, rotated by seed, so sums and means have a meaning."""
    vals = edge_values(dtype)
    if np.dtype(dtype).kind == "f":
        vals = vals[np.isfinite(vals)]
    idx = [(seed + 3 * i) % len(vals) for i in range(n)]
    return vals[idx]


def exact(x, dtype):
    k = np.dtype(dtype).kind
    if k == "b":
        return int(bool(x))
    if k in "iu":
        return int(x)
    return float(x)


def first_lossy_index(a, b):
    """Flat index of the first element whose value changed in the cast a -> b, or -1."""
    for i, (x, y) in enumerate(zip(a.ravel(), b.ravel())):
        ex, ey = exact(x, a.dtype), exact(y, b.dtype)
        if isinstance(ex, float) and ex != ex:
            if not (isinstance(ey, float) and ey != ey):
                return i
        elif isinstance(ey, float) and ey != ey:
            return i
        elif ex != ey:
            return i
    return -1


def promotion_and_can_cast():
    for a in DTYPES:
        for b in DTYPES:
            emit({"kind": "promote", "a": a, "b": b, "result": np.result_type(a, b).name})
            emit({"kind": "can_cast", "from": a, "to": b,
                  "safe": bool(np.can_cast(a, b, "safe")),
                  "same_kind": bool(np.can_cast(a, b, "same_kind"))})


def casts():
    for a in DTYPES:
        src = edge_values(a)
        for b in DTYPES:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out = src.astype(b)  # contiguous: NumPy's ordinary astype loop
            emit({"kind": "cast", "array": spec(src), "to": b, "result": spec(out),
                  "lossy_index": first_lossy_index(src, out)})


OPS = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide}


def arithmetic():
    shapes_b = [(3,), (2, 1)]
    k = 0
    for a in DTYPES:
        for b in DTYPES:
            for op, fn in OPS.items():
                x = finite_values(a, 6, k).reshape(2, 3) if k % 5 else edge_values(a)[:6].reshape(2, 3)
                sb = shapes_b[k % 2]
                y = finite_values(b, int(np.prod(sb)), k + 1).reshape(sb)
                k += 1
                case = {"kind": "binary", "op": op, "a": spec(x), "b": spec(y)}
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        case["result"] = spec(fn(x, y))
                except TypeError as e:  # bool - bool
                    case["error"] = str(e)
                emit(case)


CMPS = {"lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal,
        "eq": np.equal, "ne": np.not_equal}


def comparisons():
    names = list(CMPS)
    k = 0
    for a in DTYPES:
        for b in DTYPES:
            op = names[k % len(names)]
            x = edge_values(a)[:6].reshape(2, 3)
            y = finite_values(b, 3, k)
            k += 1
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                emit({"kind": "compare", "op": op, "a": spec(x), "b": spec(y),
                      "result": spec(CMPS[op](x, y))})


SCALARS = [1, -1, 300, 70000, 2 ** 40, 1.5, 0.9, 1e300]


def scalar_ops():
    """NEP 50: array op Python scalar. Needs NumPy's weak promotion mode."""
    if not WEAK:
        return
    np._set_promotion_state("weak")
    try:
        for a in DTYPES:
            x = finite_values(a, 6, 2)
            for s in SCALARS:
                for op, fn in OPS.items():
                    case = {"kind": "scalar_binary", "op": op, "a": spec(x), "scalar": repr(s),
                            "scalar_type": type(s).__name__}
                    try:
                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore", RuntimeWarning)
                            warnings.simplefilter("error", DeprecationWarning)
                            r = fn(x, s)
                        case["result"] = spec(r)
                    except (OverflowError, TypeError, DeprecationWarning) as e:
                        case["error"] = type(e).__name__ + ": " + str(e)
                    emit(case)
                for op, fn in CMPS.items():
                    # NumPy 2 compares integer arrays with out-of-range Python ints exactly;
                    # NumPy 1.24's weak mode raises there, its legacy value-based mode is exact.
                    legacy = isinstance(s, int) and x.dtype.kind in "iub"
                    np._set_promotion_state("legacy" if legacy else "weak")
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        r = fn(x, s)
                    np._set_promotion_state("weak")
                    emit({"kind": "scalar_compare", "op": op, "a": spec(x), "scalar": repr(s),
                          "scalar_type": type(s).__name__, "result": spec(r)})
    finally:
        np._set_promotion_state("legacy")


# Zeros of both signs, subnormals, the largest finite values, infinities and NaN, against
# scalars from the same set: the branch-free float comparisons must agree on every pair.
FLOAT_EDGES = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
               -1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 0.9, 0.8999999999999999,
               0.9000000000000001, -1.5, 1.0, 3.4028234663852886e38]
FLOAT_SCALARS = [0.0, -0.0, 0.9, -1.5, 5e-324, -5e-324, 1.7976931348623157e308, float("inf"),
                 float("-inf"), float("nan")]


def float_scalar_compares():
    """Weak scalars (NEP 50), as Footprint: a float32 array compares with the scalar rounded to float32."""
    if WEAK:
        np._set_promotion_state("weak")
    try:
        float_scalar_compare_cases()
    finally:
        if WEAK:
            np._set_promotion_state("legacy")


def float_scalar_compare_cases():
    for dt in (np.float64, np.float32):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            x = np.array(FLOAT_EDGES, dtype=np.float64).astype(dt)
        for s in FLOAT_SCALARS:
            for op, fn in CMPS.items():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = fn(x, s)
                emit({"kind": "scalar_compare", "op": op, "a": spec(x), "scalar": repr(s),
                      "scalar_type": "float", "result": spec(r)})


REDUCTIONS = {
    "sum": lambda a, ax: np.sum(a, axis=ax),
    "mean": lambda a, ax: np.mean(a, axis=ax),
    "min": lambda a, ax: np.min(a, axis=ax),
    "max": lambda a, ax: np.max(a, axis=ax),
    "count_nonzero": lambda a, ax: np.asarray(np.count_nonzero(a, axis=ax)),
}


def reductions():
    k = 0
    for a in DTYPES:
        for kind, fn in REDUCTIONS.items():
            for axis in (None, 0, 1, -1):
                x = finite_values(a, 12, k).reshape(3, 4)
                k += 1
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = np.asarray(fn(x, axis))
                    if kind == "count_nonzero" and axis is None:
                        r = r.astype(np.int64)
                emit({"kind": "reduce", "op": kind, "axis": axis, "a": spec(x), "result": spec(r)})
        if np.dtype(a).kind == "f":
            x = edge_values(a)[:12].reshape(3, 4)  # NaN and infinities propagate
            for kind in ("min", "max", "sum"):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = np.asarray(REDUCTIONS[kind](x, 1))
                emit({"kind": "reduce", "op": kind, "axis": 1, "a": spec(x), "result": spec(r)})


SHAPE_PAIRS = [((3,), (3,)), ((2, 3), (3,)), ((2, 3), (2, 1)), ((4, 1, 5), (3, 1)), ((1,), (7, 2)),
               ((2, 3), (3, 2)), ((3,), (4,)), ((), (2, 2)), ((0, 3), (1, 3)), ((0,), (2,)),
               ((5, 1, 1), (1, 4, 1)), ((8, 1, 6, 1), (7, 1, 5)), ((2, 1), (8, 4, 3)), ((1, 0), (5, 1))]


def broadcasting():
    for i, (sa, sb) in enumerate(SHAPE_PAIRS):
        x = np.arange(int(np.prod(sa)), dtype=np.int16).reshape(sa)
        y = (np.arange(int(np.prod(sb)), dtype=np.int16) * 10).reshape(sb)
        case = {"kind": "broadcast", "a": spec(x), "b": spec(y)}
        try:
            case["result"] = spec(x + y)
        except ValueError as e:
            case["error"] = str(e)
        emit(case)


def masked_set():
    """a[a < t] = v: the article's step. Footprint refuses a value that an int array cannot hold."""
    for a in DTYPES:
        x = finite_values(a, 8, 1)
        for v in (0, 1.5):
            y = x.copy()
            case = {"kind": "mask_set", "a": spec(x), "threshold": "2", "value": repr(v)}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                y[y < 2] = v
            case["result"] = spec(y)
            emit(case)


def reprs():
    arrays = [np.ones((1024, 1024)), np.ones((1024, 1024), dtype=np.uint16), np.arange(5, dtype=np.uint16),
              np.array([0.5, 1.25, 3.0]), np.array([1.0, 2.0, 3.0]), np.array([True, False]),
              np.arange(12).reshape(3, 4), np.arange(2000), np.arange(24, dtype=np.int8).reshape(2, 3, 4),
              np.array([0.1, 0.2], dtype=np.float32), np.zeros((0,)), np.arange(30, dtype=np.float64),
              np.array([np.nan, np.inf, -1.5]), np.array([-1, 2, -300], dtype=np.int16),
              # e notation for the whole array once one magnitude calls for it
              np.array([1.5, 1e20]), np.array([1.0, 2000.0]), np.array([1e-5, 1.0, np.nan, -np.inf]),
              np.array([1e7]), np.array([0.0, 1e-300]), np.array([-1.5, 1e100]), np.array([-0.0, 1e-5]),
              np.array([1e8, 1.0, 123456789.123]), np.array([3.0, 1e-5, -2.5e-7]), np.array([0.001, 0.25, 1e3]),
              np.array([1e-5, 3.0], dtype=np.float32), np.array([1e-5, 3.0, 65504], dtype=np.float16),
              np.array([[1e-9, 2.0], [3.5, 4e9]])]
    for a in arrays:
        # Large arrays travel as a recipe: all ones, or 0, 1, 2, ... in C order.
        big = {"dtype": a.dtype.name, "shape": list(a.shape), "fill": "1" if a.size and a.flat[0] == 1 else "arange"}
        emit({"kind": "repr", "a": spec(a) if a.size <= 64 else big, "result": repr(a)})


def main():
    promotion_and_can_cast()
    casts()
    arithmetic()
    comparisons()
    scalar_ops()
    float_scalar_compares()
    reductions()
    broadcasting()
    masked_set()
    reprs()
    json.dump({"kind": "meta", "numpy": np.__version__, "weak_promotion": WEAK, "cases": len(OUT)},
              sys.stdout)
    sys.stdout.write("\n")
    for case in OUT:
        sys.stdout.write(json.dumps(case) + "\n")


if __name__ == "__main__":
    main()
