"""c-blosc's block size and split decision, for BloscLayoutTest.

Arguments: cases as cname:clevel:typesize:nbytes:forced_blocksize. For each, compresses nbytes of
compressible bytes with python-blosc (c-blosc 1) and prints "cname clevel typesize nbytes forced
blocksize split" from the header it wrote (split: the "don't split" flag 0x10 is clear).
"""
import struct
import sys

import blosc

for case in sys.argv[1:]:
    cname, clevel, typesize, nbytes, forced = case.split(":")
    clevel, typesize, nbytes, forced = int(clevel), int(typesize), int(nbytes), int(forced)
    blosc.set_blocksize(forced)
    raw = (bytes(range(7)) * (nbytes // 7 + 1))[:nbytes]
    packed = blosc.compress(raw, typesize=typesize, clevel=clevel, shuffle=blosc.SHUFFLE, cname=cname)
    flags, blocksize = packed[2], struct.unpack("<i", packed[8:12])[0]
    if flags & 0x2:
        sys.exit("%s: c-blosc stored the buffer plain; use compressible bytes" % case)
    print(cname, clevel, typesize, nbytes, forced, blocksize, int(not flags & 0x10))
