"""A PNG file read by the book (its chunks, their CRCs, IHDR and the inflated image data), without matplotlib or an
image library: the check that what spv-plot and Chromium write is a whole, decodable picture."""

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel


def read_png(path):
    """(width, height, the image rows as filtered bytes); raises ValueError naming what is wrong."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != SIGNATURE:
        raise ValueError("%s: not a PNG (signature %r)" % (path, data[:8]))
    at, chunks = 8, []
    while at < len(data):
        if at + 12 > len(data):
            raise ValueError("%s: truncated chunk at byte %d" % (path, at))
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        if len(body) != length or zlib.crc32(kind + body) != crc:
            raise ValueError("%s: chunk %r at byte %d is damaged" % (path, kind, at))
        chunks.append((kind, body))
        at += 12 + length
    if not chunks or chunks[0][0] != b"IHDR" or chunks[-1][0] != b"IEND":
        raise ValueError("%s: chunks do not run from IHDR to IEND" % path)
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    rows = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    row_bytes = 1 + (width * _CHANNELS[colour] * depth + 7) // 8
    if len(rows) != height * row_bytes:
        raise ValueError("%s: %d bytes of image data for %d x %d" % (path, len(rows), width, height))
    return width, height, rows
