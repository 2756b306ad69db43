"""Per-person fields of the synthetic population, vectorised: CPR numbers, e-mail, phone, MitID user ID, address
parts. Strings are built with numpy byte matrices and pyarrow compute kernels, never in a Python loop.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from simulators.population import cpr

EMAIL_DOMAINS = ("example.com", "example.net", "example.org")  # reserved for examples (RFC 2606)
MITID_ALPHABET = np.frombuffer(b"0123456789abcdefghjkmnpqrstvwxyz", dtype=np.uint8)  # Crockford base 32
MITID_CODE_LEN = 5  # 32**5 = 33.5 million distinct codes
_FIRST_YEAR, _LAST_YEAR = 1858, 2057
_DIGITS7 = np.full((_LAST_YEAR - _FIRST_YEAR + 1, 6), -1, dtype=np.int16)
for _year in range(_FIRST_YEAR, _LAST_YEAR + 1):
    _allowed = cpr.digits7_for_year(_year)
    _DIGITS7[_year - _FIRST_YEAR, : len(_allowed)] = _allowed
_CAPACITY = (_DIGITS7 >= 0).sum(axis=1) * cpr.SLOTS_PER_DIGIT7  # serials per (birth date, sex): cpr.serial_capacity
_SLOT_STRIDE = 1693  # prime, coprime with every capacity (2000, 3000): rank -> distinct slot


STR = pa.large_string()  # pandas' string dtype stores large_string: building it directly avoids a copy


def to_str(values: pa.Array | pa.ChunkedArray) -> pd.api.extensions.ExtensionArray:
    """A pyarrow string array as pandas' default string dtype (missing values are NaN)."""
    return pd.array(values, dtype="str")


def strings(values) -> pa.Array:
    """A small vocabulary (names, fixed parts) as a large_string array to ``take`` from."""
    return pa.array(list(values), type=STR)


def _fixed_width(matrix: np.ndarray, valid: np.ndarray | None = None) -> pa.Array:
    """Rows of ASCII bytes as strings; rows where ``valid`` is False are null."""
    matrix = np.ascontiguousarray(matrix, dtype=np.uint8)
    rows, width = matrix.shape
    bitmap = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
    array = pa.FixedSizeBinaryArray.from_buffers(pa.binary(width), rows, [bitmap, pa.py_buffer(matrix)])
    return array.cast(STR)


_FOUR = np.array([b"%04d" % v for v in range(10000)], dtype="S4")


def cpr_numbers(prefix: np.ndarray, year: np.ndarray, male: np.ndarray, rank: np.ndarray,
                key: np.ndarray) -> pa.Array:
    """Unique fictitious CPR numbers ``DDMMYY-SSSS``. ``prefix``: "DDMMYY" (day + 60) as S6 bytes; ``rank``:
    the person's rank among people of the same sex born on the same day; ``key``: a random number shared by
    exactly those people. Slot ``(rank * stride + key) mod capacity`` differs within the group, and picks a
    7th digit that fits the birth year and a last digit that fits the sex (cpr.serial_from_slot)."""
    row = year - _FIRST_YEAR
    capacity = _CAPACITY[row]
    if (rank >= capacity).any():
        raise ValueError("more people share a birth date and sex than CPR has serial numbers")
    slot = (rank * _SLOT_STRIDE + key) % capacity
    serial = cpr.serial_from_slot(_DIGITS7[row, slot // cpr.SLOTS_PER_DIGIT7].astype(np.int64), slot, male)
    out = np.empty(len(rank), dtype=[("prefix", "S6"), ("dash", "S1"), ("serial", "S4")])
    out["prefix"], out["dash"], out["serial"] = prefix, b"-", _FOUR[serial]
    return _fixed_width(out.view(np.uint8).reshape(len(rank), 11))


def mitid_user_ids(first4: pa.Array, last4: pa.Array, index: np.ndarray, seed: int, has: np.ndarray) -> pa.Array:
    """``<first 4 letters of first name><first 4 of surname><5 base-32 chars>``: unique (the code is a bijection
    of the person's index), always starting with letters, so never resembling a CPR number; null where ``has``
    is False. ``first4``/``last4``: the folded name prefixes per person."""
    modulus = 1 << (5 * MITID_CODE_LEN)
    multiplier = 0x5DEECE6D | 1  # odd: x -> a*x + b is a bijection modulo a power of two
    code = (index.astype(np.int64) * multiplier + seed * 7919 + 12345) % modulus
    chars = np.empty((len(index), MITID_CODE_LEN), dtype=np.uint8)
    for i in range(MITID_CODE_LEN - 1, -1, -1):
        chars[:, i] = MITID_ALPHABET[code % 32]
        code //= 32
    return pc.binary_join_element_wise(first4, last4, _fixed_width(chars, has), pa.scalar("", STR))


_NUMBER_SUFFIX = strings([""] + [str(v) for v in range(1, 100)])


def emails(rng: np.random.Generator, first: pa.Array, last: pa.Array, has: np.ndarray) -> pa.Array:
    """``first.last[NN]@example.(com|net|org)`` (names folded to ASCII); null where ``has`` is False."""
    n = len(has)
    suffix = np.where(rng.random(n) < 0.4, rng.integers(1, 100, n), 0)
    domain = pa.array(rng.integers(0, len(EMAIL_DOMAINS), n, dtype=np.int8), mask=~has)
    parts = (first, pa.scalar(".", STR), last, pc.take(_NUMBER_SUFFIX, suffix), pa.scalar("@", STR),
             pc.take(strings(EMAIL_DOMAINS), domain))
    return pc.binary_join_element_wise(*parts, pa.scalar("", STR))


def phones(rng: np.random.Generator, has: np.ndarray, country: str) -> pa.Array:
    """DK: 8 digits, first digit 2-9 (Danish numbers have 8 digits); DE: mobile style 015 + 8 digits.
    Random numbers: they may exist, so the app never dials or texts them. Null where ``has`` is False."""
    n = len(has)
    head = b"" if country == "DK" else b"015"
    digits = np.empty((n, len(head) + 8), dtype=np.uint8)
    digits[:, : len(head)] = np.frombuffer(head, dtype=np.uint8)
    digits[:, len(head)] = 48 + rng.integers(2, 10, n, dtype=np.uint8)
    digits[:, len(head) + 1:] = 48 + rng.integers(0, 10, (n, 7), dtype=np.uint8)
    return _fixed_width(digits, has)


def house_numbers(rng: np.random.Generator, count: int) -> pa.Array:
    """House numbers 1-150, small ones more common, a few with a letter (assumption)."""
    number = np.minimum(rng.geometric(1 / 28, count), 150)
    letter = np.searchsorted([0.95, 0.98, 0.995], rng.random(count), side="right")
    return pc.binary_join_element_wise(pc.cast(pa.array(number), STR), pc.take(strings(["", "A", "B", "C"]), letter),
                                       pa.scalar("", STR))
