"""The login's QR code as a small PNG, made here (segno encodes): no external service ever sees the token."""
from __future__ import annotations

import functools
import struct
import zlib

import segno

QR_MASK = 0
BORDER = 2  # modules of quiet zone around the code
DARK, LIGHT = bytes.fromhex("23395B"), bytes.fromhex("FFFFFF")


@functools.lru_cache(maxsize=256)
def qr_png(address: str) -> bytes:
    """One pixel a module: the browser scales it up sharp (``image-rendering: pixelated``, mitid.css). Issue #18:
    kept for the last 256 addresses (the page reruns while the visitor looks for the phone), one fixed mask,
    ``QR_MASK`` (choosing the best of eight took 5 of segno's 6 ms on every CONTINUE; every mask is a valid code,
    ISO/IEC 18004), and the PNG written here (with segno's writer 3.55 ms median, without 3.08; 200 new addresses).
    tests/unit/mitid/test_qr_code.py reads it back with a decoder, also shrunk and blurred."""
    matrix = segno.make(address, error="m", mask=QR_MASK).matrix  # rows of 0 (light) and 1 (dark)
    return palette_png(_with_border(matrix, BORDER), (LIGHT, DARK))


def _with_border(matrix, border: int) -> list[bytes]:
    width = len(matrix[0]) + 2 * border
    blank, side = bytes(width), bytes(border)
    return [blank] * border + [side + bytes(row) + side for row in matrix] + [blank] * border


def palette_png(rows: list[bytes], colours: tuple[bytes, ...]) -> bytes:
    """An 8-bit palette PNG (ISO/IEC 15948): each byte of ``rows`` is an index into ``colours`` (RGB triples)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 3, 0, 0, 0)  # depth 8, colour type 3 (palette)
    pixels = zlib.compress(b"".join(b"\x00" + row for row in rows), 9)  # filter 0 (none) before every row
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", b"".join(colours))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))
