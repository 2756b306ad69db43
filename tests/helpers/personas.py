"""Hand-made persona records (the shape of simulators.population.persona.persona_record) for the borger.dk unit tests."""
from __future__ import annotations

import datetime as dt

from simulators.core.dates import age_on

TODAY = dt.date(2026, 11, 28)


def member(person_id, first, age, relation, birth_date=None, sex="female"):
    birth_date = birth_date or dt.date(TODAY.year - age, 6, 1)
    return {"person_id": person_id, "first_name": first, "last_name": "Hansen", "full_name": f"{first} Hansen",
            "age": age, "sex": sex, "birth_date": birth_date, "cpr": f"{birth_date.day + 60:02d}{birth_date:%m%y}-1234",
            "relation": relation}


def make_persona(birth_date=dt.date(1985, 3, 12), household=None, income=480_000, occupation="teacher",
                 municipality="Aarhus", postcode="8000", town="Aarhus C", person_id=42, today=TODAY):
    age = age_on(birth_date, today)
    return {"person_id": person_id, "cpr": "720385-1234", "first_name": "Mette", "last_name": "Hansen",
            "full_name": "Mette Hansen", "sex": "female", "birth_date": birth_date, "age": age,
            "street": "Vestergade", "house_number": "12", "floor": "2", "door": "th", "postcode": postcode,
            "town": town, "municipality": municipality, "municipality_code": "0751", "region": "Region Midtjylland",
            "address_line1": "Vestergade 12, 2. th", "address_line2": f"{postcode} {town}", "household_id": 7,
            "partner_id": None, "civil_status": "married", "occupation": occupation, "income": income,
            "email": "mette@example.dk", "phone": "+45 20 00 00 00", "mitid_user_id": "METTE42",
            "digital_post_exempt": False, "country": "DK",
            "household": household if household is not None else
            [member(43, "Lars", 43, "partner", sex="male"), member(44, "Emma", 8, "child")]}
