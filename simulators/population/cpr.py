"""CPR numbers (Danish personal numbers): parse, validate, format, and make fictitious ones.

Rules from docs/DOMAIN.md §2: ``DDMMYY-SSSS``; the century follows from the 7th digit and YY (§2.2 table);
the last digit is odd for men and even for women; numbers are never rejected on modulus 11 (CPR has issued
numbers without the check since 2007). Fictitious numbers use the "day + 60" convention (§2.4): the day field
holds 61-91, which no real CPR number uses, so a synthetic number can never be a real person's. Parsing such a
number reports ``fictitious=True`` and still yields the true birth date and sex.

Validation returns message KEYS (translated by the pages), never text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from simulators.core import clock, figures

FICTITIOUS_DAY_OFFSET = figures.value("cpr_day_offset")  # STIL: "add 60 to the day" (data/figures.toml)
MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)

ERROR_FORMAT = "cpr.error.format"  # not 10 digits (optionally DDMMYY-SSSS)
ERROR_DATE = "cpr.error.date"  # the digits name no calendar date
ERROR_FUTURE = "cpr.error.future"  # the birth date lies after today
ERROR_KEYS = (ERROR_FORMAT, ERROR_DATE, ERROR_FUTURE)

_PATTERN = re.compile(r"^(\d{6})[- ]?(\d{4})$")

# 7th digit -> which YY ranges belong to which century (DOMAIN.md §2.2); each tuple: (yy_low, yy_high, century).
_CENTURY_TABLE: dict[int, tuple[tuple[int, int, int], ...]] = {
    **{d: ((0, 99, 1900),) for d in (0, 1, 2, 3)},
    **{d: ((0, 36, 2000), (37, 99, 1900)) for d in (4, 9)},
    **{d: ((0, 36, 2000), (37, 57, 2000), (58, 99, 1800)) for d in (5, 6, 7, 8)},
}


class InvalidCpr(ValueError):
    """Raised by ``parse``; ``key`` is the message key to show (see ERROR_KEYS)."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class CprInfo:
    """What a CPR number says: formatted number, true birth date, sex, and whether it is fictitious."""

    cpr: str  # "DDMMYY-SSSS" as given (the day field stays shifted for fictitious numbers)
    birth_date: dt.date
    sex: str  # "male" | "female"
    fictitious: bool  # day + 60 convention
    modulus11: bool  # informational only: never a reason to reject


def century(digit7: int, yy: int) -> int:
    """The century (1800, 1900, 2000) of a birth year given the 7th digit and the two-digit year."""
    if not (0 <= digit7 <= 9 and 0 <= yy <= 99):
        raise ValueError("digit7 must be 0-9 and yy 0-99")
    for low, high, value in _CENTURY_TABLE[digit7]:
        if low <= yy <= high:
            return value
    raise AssertionError("century table covers every combination")  # pragma: no cover


def digits7_for_year(year: int) -> tuple[int, ...]:
    """The 7th digits that encode ``year`` (the inverse of ``century``); empty outside 1858-2057."""
    return tuple(d for d in range(10) if 1858 <= year <= 2057 and century(d, year % 100) == year - year % 100)


def modulus11_ok(digits: str) -> bool:
    return sum(int(c) * w for c, w in zip(digits, MOD11_WEIGHTS)) % 11 == 0


def sex_from_digit(last_digit: int) -> str:
    return "male" if last_digit % 2 else "female"


def parse(value: str) -> CprInfo:
    """Parse a CPR number (``DDMMYYSSSS``, ``DDMMYY-SSSS`` or with a space). Raises ``InvalidCpr``."""
    match = _PATTERN.match((value or "").strip())
    if not match:
        raise InvalidCpr(ERROR_FORMAT)
    digits = match.group(1) + match.group(2)
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    fictitious = day > FICTITIOUS_DAY_OFFSET
    if fictitious:
        day -= FICTITIOUS_DAY_OFFSET
    year = century(int(digits[6]), yy) + yy
    try:
        birth = dt.date(year, month, day)
    except ValueError:
        raise InvalidCpr(ERROR_DATE) from None
    return CprInfo(cpr=f"{digits[:6]}-{digits[6:]}", birth_date=birth, sex=sex_from_digit(int(digits[9])),
                   fictitious=fictitious, modulus11=modulus11_ok(digits))


def validate(value: str, today: dt.date | None = None) -> list[str]:
    """Message keys of everything wrong with ``value`` (empty list: valid). Never checks modulus 11."""
    try:
        info = parse(value)
    except InvalidCpr as error:
        return [error.key]
    if info.birth_date > (today or clock.today()):
        return [ERROR_FUTURE]
    return []


def format_cpr(birth_date: dt.date, serial: int, fictitious: bool = True) -> str:
    """``DDMMYY-SSSS`` for a birth date and a 4-digit serial whose 7th digit must fit the birth year."""
    if not 0 <= serial <= 9999:
        raise ValueError("serial must have 4 digits")
    if serial // 1000 not in digits7_for_year(birth_date.year):
        raise ValueError(f"7th digit {serial // 1000} cannot encode {birth_date.year}")
    day = birth_date.day + (FICTITIOUS_DAY_OFFSET if fictitious else 0)
    return f"{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}-{serial:04d}"


SLOTS_PER_DIGIT7 = 500  # serials one sex has per 7th digit: 100 middle parts x 5 last digits of its parity


def serial_capacity(year: int) -> int:
    """How many distinct serials one sex has for one birth date (7th digits x 100 x 5 parities)."""
    return len(digits7_for_year(year)) * SLOTS_PER_DIGIT7


def serial_from_slot(digit7, slot, male):
    """The serial of ``slot`` given the slot's 7th digit (``digits7[slot // SLOTS_PER_DIGIT7]``) and the sex;
    distinct slots differ. Works on plain numbers and on numpy arrays alike (the population uses arrays)."""
    middle, parity = divmod(slot % SLOTS_PER_DIGIT7, 5)
    return digit7 * 1000 + middle * 10 + 2 * parity + male


def serial_for_slot(year: int, sex: str, slot: int) -> int:
    """The ``slot``-th serial (0 <= slot < serial_capacity) for a birth year and sex; distinct slots differ."""
    digits7 = digits7_for_year(year)
    if not 0 <= slot < len(digits7) * SLOTS_PER_DIGIT7:
        raise ValueError("slot out of range")
    return serial_from_slot(digits7[slot // SLOTS_PER_DIGIT7], slot, int(sex == "male"))
