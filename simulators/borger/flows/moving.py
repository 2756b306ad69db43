"""Flow "moving" (Meld flytning): the five steps of the DKFDS reference design "Digital flytning".

Rules (DOMAIN.md §3.3): report at the latest 5 days after moving, at the earliest 28 days / four weeks before
(borger.dk; kerteminde.dk); report for others in the household, max. 5 CPR numbers; choose a doctor at the same
time; PostNord is told automatically; a new health card comes by post in about 2 weeks (horsholm.dk).
Assumptions: the practices offered are fictitious; for a postcode that spans several municipalities the
simulation picks one (``addresses.municipality_for``).
"""
from __future__ import annotations

import datetime as dt
import re

from simulators.borger import addresses
from simulators.borger.framework import Field, Flow, Option, Outcome, Step, at_least_age, parse_date, register
from simulators.core import figures

# the figures live in data/figures.toml with their sources (the texts show them from there)
MAX_PERSONS = figures.value("dk_moving_max_persons")                # "Angiv maks. 5 cpr-numre" (DKFDS example)
REPORT_DAYS_AFTER = figures.value("dk_moving_report_after_days")    # "senest 5 dage efter" (borger.dk)
REPORT_DAYS_BEFORE = figures.value("dk_moving_report_before_days")  # "højst 28 dage før" (borger.dk)
HEALTH_CARD_DAYS = figures.value("dk_health_card_weeks") * 7        # "ca. 2 uger" (horsholm.dk)
MIN_AGE = figures.value("dk_moving_own_report_age")                 # children from 15 report their own move
KEEP_DOCTOR = "keep"
CPR_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")
HOUSE_NUMBER_RE = re.compile(r"^[1-9]\d{0,3}[A-Za-zÆØÅæøå]?$")
# Field limits (issue #17): generous for Danish addresses (street names have at most 40 characters in DAR, the
# Danish address register; floor and door are a few characters, but visitors write "kælder, bagindgang").
STREET_MAX, TOWN_MAX, UNIT_MAX = 100, 60, 40


def valid_cpr(text: str) -> bool:
    """10 digits, DDMMYY a date (fictitious numbers add 60 to the day, DOMAIN.md §2.4)."""
    match = CPR_RE.match(text.strip())
    if not match:
        return False
    day, month = int(match[1]), int(match[2])
    day = day - 60 if day > 60 else day
    return 1 <= day <= 31 and 1 <= month <= 12


def extra_cprs(answers: dict) -> list[str]:
    return [p for p in re.split(r"[,\s;]+", str(answers.get("other_cprs") or "")) if p]


def household_options(persona, answers, today):
    return [Option(m["person_id"], label=f"{m['full_name']} ({m['cpr']})") for m in persona.get("household") or []]


def doctor_options(persona, answers, today):
    postcode = str(answers.get("postcode") or "").strip()
    options = [Option(d["id"], label=f"{d['name']} — {d['address']}") for d in addresses.doctors_near(postcode)]
    if addresses.lookup(postcode) or not options:
        options.append(Option(KEEP_DOCTOR, label_key="flow.moving.keep_doctor",
                              params={"name": addresses.assumed_doctor(persona)["name"]}))
    return options


def overview_notes(persona, answers, today):
    return [{"kind": "rows", "key": "flow.moving.current_address_from_cpr", "rows": [
                {"label_key": "flow.moving.current_address",
                 "value": {"text": f"{persona['address_line1']}, {persona['address_line2']}"}},
                {"label_key": "flow.moving.current_municipality", "value": {"text": persona["municipality"]}}]},
            {"kind": "info", "key": "flow.moving.window_note",
             "params": {"after": REPORT_DAYS_AFTER, "before": REPORT_DAYS_BEFORE}},
            {"kind": "source", "key": "flow.moving.source_window"}]


def address_notes(persona, answers, today):
    return [{"kind": "warning", "key": "flow.moving.not_all_addresses"}]


def doctor_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.moving.doctor_free"},
            {"kind": "assumption", "key": "flow.moving.doctor_fictitious"}]


STEPS = (
    Step("overview", "flow.moving.step_overview", intro_key="flow.moving.intro", notes=overview_notes),
    Step("persons", "flow.moving.step_persons", intro_key="flow.moving.persons_intro", fields=(
        Field("persons", "multi", "flow.moving.persons", hint_key="flow.moving.persons_hint",
              options=household_options, required=False, prefill_source_key="flow.moving.source_cpr",
              prefill=lambda persona, today: [m["person_id"] for m in persona.get("household") or []]),
        Field("other_cprs", "text", "flow.moving.other_cprs", hint_key="flow.moving.other_cprs_hint",
              required=False, max_length=MAX_PERSONS * 14),  # 5 numbers of 11 characters and separators
    )),
    Step("address", "flow.moving.step_address", notes=address_notes, fields=(
        Field("street", "text", "flow.moving.street", max_length=STREET_MAX),
        Field("house_number", "text", "flow.moving.house_number", hint_key="flow.moving.house_number_hint",
              max_length=10),
        Field("floor", "text", "flow.moving.floor", required=False, max_length=UNIT_MAX),
        Field("door", "text", "flow.moving.door", hint_key="flow.moving.door_hint", required=False,
              max_length=UNIT_MAX),
        Field("postcode", "text", "flow.moving.postcode", max_length=10),
        Field("town", "text", "flow.moving.town", max_length=TOWN_MAX),
    )),
    Step("special", "flow.moving.step_special", fields=(
        Field("moving_date", "date", "flow.moving.moving_date", hint_key="flow.moving.moving_date_hint",
              hint_params=lambda persona, answers, today: {"example_date": example_moving_date(today).isoformat()}),
        Field("host_stays", "checkbox", "flow.moving.host_stays", hint_key="flow.moving.host_stays_hint",
              required=False),
    )),
    Step("doctor", "flow.moving.step_doctor", notes=doctor_notes, fields=(
        Field("doctor", "choice", "flow.moving.doctor", options=doctor_options),
    )),
)


eligible = at_least_age(MIN_AGE, "flow.moving.not_eligible_age")


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    """Moving dates that may be reported today: from 5 days ago up to 28 days ahead."""
    return today - dt.timedelta(days=REPORT_DAYS_AFTER), today + dt.timedelta(days=REPORT_DAYS_BEFORE)


def example_moving_date(today: dt.date) -> dt.date:
    """The date hint's example: two weeks ahead, inside ``window(today)`` whatever today is."""
    earliest, latest = window(today)
    return min(max(today + dt.timedelta(days=14), earliest), latest)


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "persons":
        cprs = extra_cprs(answers)
        if any(not valid_cpr(c) for c in cprs):
            errors["other_cprs"] = ("flow.moving.err.cpr_format", {})
        elif len(cprs) + len(answers.get("persons") or []) > MAX_PERSONS:
            errors["other_cprs"] = ("flow.moving.err.max_persons", {"max": MAX_PERSONS})
    elif step_id == "address":
        postcode = str(answers.get("postcode") or "").strip()
        if not re.fullmatch(r"\d{4}", postcode):
            errors["postcode"] = ("flow.moving.err.postcode_format", {})
        elif not addresses.lookup(postcode):
            errors["postcode"] = ("flow.moving.err.postcode_unknown", {"postcode": postcode})
        elif answers.get("town") and not addresses.town_matches(postcode, answers["town"]):
            errors["town"] = ("flow.moving.err.town_mismatch",
                              {"postcode": postcode, "town": addresses.town_of(postcode)})
        if answers.get("house_number") and not HOUSE_NUMBER_RE.match(str(answers["house_number"]).strip()):
            errors["house_number"] = ("flow.moving.err.house_number_format", {})
        if not errors and same_address(persona, answers):
            errors["street"] = ("flow.moving.err.same_address", {})
    elif step_id == "special":
        moving_date = parse_date(answers.get("moving_date"))
        earliest, latest = window(today)
        if moving_date and moving_date < earliest:
            errors["moving_date"] = ("flow.moving.err.date_too_late",
                                     {"days": REPORT_DAYS_AFTER, "earliest_date": earliest.isoformat()})
        elif moving_date and moving_date > latest:
            errors["moving_date"] = ("flow.moving.err.date_too_early",
                                     {"days": REPORT_DAYS_BEFORE, "latest_date": latest.isoformat()})
    return errors


def same_address(persona, answers) -> bool:
    def key(street, number, floor, door, postcode):
        return tuple(addresses.normalise_town(str(x or "")) for x in (street, number, floor, door, postcode))
    return key(answers.get("street"), answers.get("house_number"), answers.get("floor"), answers.get("door"),
               answers.get("postcode")) == key(persona.get("street"), persona.get("house_number"),
                                               persona.get("floor"), persona.get("door"), persona.get("postcode"))


def new_address(persona, answers) -> dict:
    postcode = str(answers["postcode"]).strip()
    row = addresses.municipality_for(postcode, persona.get("municipality"))
    line1, line2 = addresses.address_lines(answers["street"], answers["house_number"], answers.get("floor"),
                                           answers.get("door"), postcode, row["town"])
    return {"street": answers["street"].strip(), "house_number": str(answers["house_number"]).strip(),
            "floor": (answers.get("floor") or "").strip() or None, "door": (answers.get("door") or "").strip() or None,
            "postcode": postcode, "town": row["town"], "municipality": row["municipality"],
            "municipality_code": row["municipality_code"], "region": row["region"],
            "address_line1": line1, "address_line2": line2}


def chosen_doctor(persona, answers) -> dict:
    if answers["doctor"] == KEEP_DOCTOR:
        return {**addresses.assumed_doctor(persona), "kept": True}
    return next(d for d in addresses.doctors_near(str(answers["postcode"]).strip()) if d["id"] == answers["doctor"])


def examples(persona, answers, today, rng, lang):
    """Example answers: a street of a town in the persona's municipality (postcode and town from the PostNord
    table), a moving date two or three weeks ahead (inside the window), a practice near the new address."""
    row = addresses.example_postcode(rng, persona.get("municipality"))
    floor = str(rng.randint(1, 4)) if rng.random() < 0.5 else ""
    made = {"other_cprs": "", "street": rng.choice(addresses.EXAMPLE_STREETS),
            "house_number": str(rng.randint(1, 120)), "floor": floor,
            "door": rng.choice(("th", "tv", "mf")) if floor else "", "postcode": row["postcode"], "town": row["town"],
            "moving_date": (today + dt.timedelta(days=rng.randint(7, 21))).isoformat(), "host_stays": False}
    if same_address(persona, made):
        made["house_number"] = str(int(made["house_number"]) + 1)
    postcode = str(answers.get("postcode") or made["postcode"]).strip()  # an earlier step's postcode counts
    made["doctor"] = rng.choice(doctor_options(persona, {"postcode": postcode}, today)).value
    return made


def outcome(persona, answers, today):
    address = new_address(persona, answers)
    doctor = chosen_doctor(persona, answers)
    moving_date = parse_date(answers["moving_date"])
    card_date = max(today, moving_date) + dt.timedelta(days=HEALTH_CARD_DAYS)
    movers = [m["full_name"] for m in persona.get("household") or [] if m["person_id"] in (answers.get("persons") or [])]
    common = {"municipality": address["municipality"], "region": address["region"],
              "new_address": f"{address['address_line1']}, {address['address_line2']}",
              "old_address": f"{persona['address_line1']}, {persona['address_line2']}",
              "moving_date": moving_date.isoformat(), "doctor_name": doctor["name"], "doctor_address": doctor["address"],
              "persons": ", ".join([persona["full_name"], *movers, *extra_cprs(answers)])}
    letters = [{"template": "moving_confirmation", "params": common},
               {"template": "moving_health_card", "params": {**common, "card_date": card_date.isoformat()}}]
    changes = {
        "persona": address,
        "doctor": {**doctor, "since": moving_date.isoformat()},
        "cases": [{"flow": "moving", "title_key": "flow.moving.case_title", "status_key": "borger.case.registered",
                   "authority": "kommune", "params": {"municipality": address["municipality"]},
                   "date": today.isoformat()}],
        "deadlines": [{"label_key": "flow.moving.deadline_health_card", "date": card_date.isoformat(),
                       "params": {}, "source_key": "flow.moving.source_health_card"}],
        "payments": [],
    }
    receipt = [{"kind": "success", "key": "flow.moving.receipt_done",
                "params": {"municipality": address["municipality"], "moving_date": moving_date.isoformat()}},
               {"kind": "info", "key": "flow.moving.receipt_postnord"},
               {"kind": "info", "key": "flow.moving.receipt_health_card", "params": {"card_date": card_date.isoformat()}},
               {"kind": "source", "key": "flow.moving.source_health_card"}]
    if answers.get("host_stays"):
        receipt.append({"kind": "info", "key": "flow.moving.receipt_host"})
    if address["municipality"] != persona.get("municipality"):
        receipt.append({"kind": "info", "key": "flow.moving.receipt_new_municipality",
                        "params": {"municipality": address["municipality"]}})
    if len(addresses.lookup(address["postcode"])) > 1:
        receipt.append({"kind": "assumption", "key": "flow.moving.assumption_municipality",
                        "params": {"postcode": address["postcode"], "municipality": address["municipality"]}})
    return Outcome(summary=[], letters=letters, changes=changes, receipt=receipt)


FLOW = register(Flow(
    id="moving", title_key="flow.moving.title", topic="bolig-og-flytning", article_key="flow.moving.article",
    authority="kommune", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"min_age": 18}, journey_event="moving", keywords_key="flow.moving.keywords",
    examples=examples,
    sources=(("flow.moving.src_borger", "https://www.borger.dk/Sider/Naar-du-skal-flytte.aspx"),
             ("flow.moving.src_kerteminde", "https://kerteminde.dk/borger/borgerservice/flytning-og-folkeregister"),
             ("flow.moving.src_horsholm", "https://www.horsholm.dk/borger/borgerservice/folkeregister-og-flytning/flytning"),
             ("flow.moving.src_dkfds", "detfaellesdesignsystem/dkfds-docs: example-flytning-page-1..5.html")),
))
