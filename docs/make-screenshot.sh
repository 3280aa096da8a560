#!/usr/bin/env bash
# Remakes docs/footprint-table.png, the README's picture: the footprint table and bar chart of
# notebooks/05-compact-and-csr.ipynb (as saved, with its outputs), exported to HTML with
# nbconvert and photographed by a headless Chromium. Not run in CI.
#
# Needs: Debian's chromium, python3-nbconvert and python3-pil (apt-get install chromium
# python3-nbconvert python3-pil). Run from anywhere: ./docs/make-screenshot.sh
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
python=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Only the section with the table: from the "Compressed rows and columns" heading to the last code cell.
"$python" - "$root/notebooks/05-compact-and-csr.ipynb" "$work/footprint-table.ipynb" <<'PY'
import json, sys
notebook = json.load(open(sys.argv[1]))
cells = notebook["cells"]
start = next(i for i, c in enumerate(cells) if "Compressed rows and columns" in "".join(c["source"]))
notebook["cells"] = cells[start:-1]
json.dump(notebook, open(sys.argv[2], "w"))
PY
"$python" -m nbconvert --to html --log-level WARN "$work/footprint-table.ipynb"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --virtual-time-budget=5000 \
    --screenshot="$work/page.png" --window-size=1100,900 "file://$work/footprint-table.html" 2>/dev/null

# Trim the empty margin below the last output, keep a small border, store as an optimised PNG.
"$python" - "$work/page.png" "$root/docs/footprint-table.png" <<'PY'
import sys
from PIL import Image, ImageChops
page = Image.open(sys.argv[1]).convert("RGB")
background = Image.new("RGB", page.size, (255, 255, 255))
left, top, right, bottom = ImageChops.difference(page, background).getbbox()
page.crop((max(left - 24, 0), max(top - 24, 0), min(right + 24, page.width), min(bottom + 24, page.height))) \
    .quantize(colors=128).save(sys.argv[2], optimize=True)
PY
echo "wrote docs/footprint-table.png"
