"""Addresses for the simulated borger.dk: the PostNord postcode table and fictitious doctors' practices.

Postcodes: data/demographics/dk_postcodes.csv (PostNord postnummerfil as of Oct 2020, see data/SOURCES.md).
A postcode may span several municipalities; the table does not say which streets lie where, so the simulation
picks one (``municipality_for``) and says so (an assumption). Doctors' practices are invented (an assumption):
three per postcode, always the same for the same postcode.
"""
from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from simulators.core.paths import DATA_DIR

POSTCODES_CSV = DATA_DIR / "demographics" / "dk_postcodes.csv"
# Non-residential codes named in the data's caveats (companies, parcel centres, abroad).
SPECIAL_POSTCODES = {"0783", "0784", "0785", "0800", "0900", "0913", "0914", "0917", "0960", "0999"}


@lru_cache(maxsize=1)
def postcode_rows() -> dict[str, list[dict]]:
    table: dict[str, list[dict]] = {}
    with POSTCODES_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["postcode"] not in SPECIAL_POSTCODES:
                table.setdefault(row["postcode"], []).append(row)
    return table


def lookup(postcode: str) -> list[dict]:
    """All (postcode, municipality) rows of a postcode; empty when it does not exist."""
    return postcode_rows().get(str(postcode).strip(), [])


def town_of(postcode: str) -> str | None:
    rows = lookup(postcode)
    return rows[0]["town"] if rows else None


def normalise_town(name: str) -> str:
    return " ".join(str(name).replace("-", " ").split()).casefold()


def town_matches(postcode: str, town: str) -> bool:
    return any(normalise_town(r["town"]) == normalise_town(town) for r in lookup(postcode))


def municipality_for(postcode: str, current_municipality: str | None = None) -> dict | None:
    """The row whose municipality the new address is taken to be in: the current one if the postcode spans
    it, else one whose name is part of the town's name, else the first row (an assumption of the simulation)."""
    rows = lookup(postcode)
    if not rows:
        return None
    for row in rows:
        if row["municipality"] == current_municipality:
            return row
    for row in rows:
        if normalise_town(row["municipality"]) in normalise_town(row["town"]):
            return row
    return rows[0]


def address_lines(street: str, house_number: str, floor: str | None, door: str | None, postcode: str,
                  town: str) -> tuple[str, str]:
    """Danish address lines: "Vestergade 12, 2. th" and "8000 Aarhus C"."""
    line1 = f"{street.strip()} {house_number.strip()}"
    unit = " ".join(p for p in (f"{floor.strip()}." if floor and floor.strip() else "", (door or "").strip()) if p)
    if unit:
        line1 += f", {unit}"
    return line1, f"{postcode} {town}"


# Street names found in most Danish towns: the example answers' streets (the postcode table has no streets).
EXAMPLE_STREETS = ("Vestergade", "Østergade", "Nørregade", "Søndergade", "Skolevej", "Kirkevej", "Parkvej",
                   "Stationsvej", "Engvej", "Birkevej", "Bakkevej", "Møllevej")


def example_postcode(rng, municipality: str | None = None) -> dict:
    """A postcode row of the PostNord table for example answers: one of the municipality's own postcodes when it
    has any (a postcode that lies in one municipality only, if there is one), else any."""
    rows = [row for found in postcode_rows().values() for row in found]
    own = [row for row in rows if row["municipality"] == municipality] or rows
    single = [row for row in own if len(lookup(row["postcode"])) == 1] or own
    return rng.choice(sorted(single, key=lambda row: (row["postcode"], row["municipality"])))


_PRACTICE_NAMES = ("Lægehuset ved Torvet", "Lægerne på Stationsvej", "Skolegadens Lægepraksis",
                   "Lægehuset Kirkebakken", "Lægerne i Parken", "Åpraksis – Lægerne ved Åen")
_PRACTICE_STREETS = ("Torvet", "Stationsvej", "Skolegade", "Kirkebakken", "Parkvej", "Åvej")


def doctors_near(postcode: str) -> list[dict]:
    """Three FICTITIOUS general practices for a postcode (an assumption: no real practice register is used)."""
    town = town_of(postcode) or ""
    digest = hashlib.sha256(str(postcode).encode()).digest()
    start = digest[0] % len(_PRACTICE_NAMES)
    practices = []
    for i in range(3):
        k = (start + i) % len(_PRACTICE_NAMES)
        number = 1 + digest[i + 1] % 60
        practices.append({"id": f"gp-{postcode}-{k}", "name": _PRACTICE_NAMES[k],
                          "address": f"{_PRACTICE_STREETS[k]} {number}, {postcode} {town}", "postcode": postcode,
                          "fictitious": True})
    return practices


def assumed_doctor(persona: dict) -> dict:
    """The practice the persona is taken to be registered with before any change (an assumption)."""
    return doctors_near(persona.get("postcode", ""))[0]
