"""NumPy's answers for the extreme-value cases of SizeArithmeticNumpyTest.

Reads one JSON case per line from the file named by the first argument and prints one JSON
answer per line: {"values": [...]} (floats as repr strings) or {"error": "<exception type>"}.
Cases:
  {"op": "slice", "n": 5, "spec": ["0", null, "-9223372036854775808"]}   np.arange(n)[start:stop:step]
  {"op": "index", "n": 5, "index": "-6"}                                  np.arange(n)[index]
  {"op": "arange", "args": ["0.0", "10.0", "inf"]}                        np.arange(start, stop, step)
  {"op": "sum_axis", "shape": [2, 3], "axis": -2147483648}               np.ones(shape).sum(axis)
"""
import json
import sys

import numpy as np


def answer(case):
    op = case["op"]
    if op == "slice":
        start, stop, step = (None if v is None else int(v) for v in case["spec"])
        return [int(v) for v in np.arange(case["n"])[start:stop:step]]
    if op == "index":
        return [int(np.arange(case["n"])[int(case["index"])])]
    if op == "arange":
        return [repr(float(v)) for v in np.arange(*(float(a) for a in case["args"]), dtype=np.float64)]
    if op == "sum_axis":
        return [repr(float(v)) for v in np.ones(case["shape"]).sum(axis=case["axis"]).ravel()]
    raise ValueError("unknown op " + op)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            try:
                out = {"values": answer(case)}
            except Exception as e:  # the test compares the kind of refusal, not NumPy's wording
                out = {"error": type(e).__name__}
            print(json.dumps(out))


if __name__ == "__main__":
    main()
