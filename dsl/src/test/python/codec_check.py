"""Codec interoperability with numcodecs, for CodecPythonTest.

Given a directory with N.raw inputs and N.<codec>.<level>.java blocks written by Footprint:
checks that numcodecs decodes every Java block to its input, then writes N.<codec>.<level>.py
blocks (numcodecs' encoding of each input) and N.shuffle.<typesize>.py (numcodecs' Shuffle of the
whole elements, the trailing bytes as they are, as Blosc does) for the Java side to check.
"""
import pathlib
import struct
import sys
import zlib

import numcodecs

d = pathlib.Path(sys.argv[1])


def decode(codec, level, block, size):
    if size == 0 and codec in ("zstd", "lz4"):
        # numcodecs cannot decode its own empty zstd or lz4 block: compare with it instead
        return b"" if block == encode(codec, level, b"") else block
    if codec == "zstd":
        return bytes(numcodecs.Zstd(level=level).decode(block))
    if codec == "lz4":
        # numcodecs' LZ4 blocks carry a 4-byte little-endian length before the raw LZ4 block
        return bytes(numcodecs.LZ4().decode(struct.pack("<I", size) + block))
    if codec == "zlib":
        return zlib.decompress(block)
    raise ValueError(codec)


def encode(codec, level, raw):
    if codec == "zstd":
        return bytes(numcodecs.Zstd(level=level).encode(raw))
    if codec == "lz4":
        return bytes(numcodecs.LZ4(acceleration=level).encode(raw))[4:]
    if codec == "zlib":
        return zlib.compress(raw, level)
    raise ValueError(codec)


count = 0
for f in sorted(d.glob("*.java")):
    index, codec, level, _ = f.name.split(".")
    raw = (d / (index + ".raw")).read_bytes()
    try:
        got = decode(codec, int(level), f.read_bytes(), len(raw))
    except Exception as e:
        sys.exit(f"{f.name}: numcodecs cannot decode it: {e}")
    if got != raw:
        sys.exit(f"{f.name}: numcodecs decodes {len(got)} bytes that differ from the input")
    (d / f"{index}.{codec}.{level}.py").write_bytes(encode(codec, int(level), raw))
    count += 1
for f in sorted(d.glob("*.raw")):
    raw = f.read_bytes()
    for typesize in (1, 2, 3, 4, 8, 16):
        whole = len(raw) // typesize * typesize
        head = bytes(numcodecs.Shuffle(elementsize=typesize).encode(raw[:whole])) if whole else b""
        (d / f"{f.stem}.shuffle.{typesize}.py").write_bytes(head + raw[whole:])
print(f"decoded {count} java blocks")
