"""Checks notebooks against nbformat's JSON schema: python3 notebooks_validate.py FILE.ipynb..."""

import sys

import nbformat


def main(paths):
    for path in paths:
        notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        nbformat.validate(notebook)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        ran = sum(1 for cell in code if cell.execution_count is not None)
        print(f"valid nbformat {notebook.nbformat}.{notebook.nbformat_minor}: {path} ({ran} of {len(code)} code cells ran)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
