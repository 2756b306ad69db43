"""Flow "tax" (Årsopgørelse 2025): the pre-filled annual tax statement — accept with one click or correct it.

Sourced (DOMAIN.md §3.3, TAX_AND_BENEFITS.md §1.5): the statement for 2025 opened on 23 March 2026 and
corrections were due by 20 May 2026 (pensionist.dk quoting Skattestyrelsen; secondary); it shows a refund
(overskydende skat) or restskat; the commuting deduction is not transferred automatically (Deloitte; secondary);
a restskat up to DKK 24,000 (2025 base limit before interest; skatteinform.dk, secondary) is added to the
preliminary tax of the next-but-one year. The calculation is ``taxcalc`` (simplified, labelled).
Assumptions: the tax withheld during the year was based on a preliminary income that differed from the final one
by a few per cent (derived from the persona, so it is stable); the income of a persona with a job is all salary.
"""
from __future__ import annotations

import hashlib

from simulators.borger import taxcalc
from simulators.borger.flows import pension
from simulators.borger.framework import Field, Flow, Option, Outcome, Step, parse_int, register

RESTSKAT_LIMIT = taxcalc.rates(taxcalc.INCOME_YEAR).restskat_limit  # base limit before interest (figures.toml)
RESTSKAT_COLLECTED_YEAR = taxcalc.INCOME_YEAR + 2
MAX_KM, MAX_DAYS = 999, 365    # plausibility limits of the simulation (assumption)


def earned(persona: dict) -> bool:
    """Income counted as salary: a job (simulators.population.occupations.JOBS) and pension age not reached in the income
    year; students', unemployed people's and pensioners' income is not earned income (simplified)."""
    from simulators.population.occupations import JOBS

    started = pension.pension_dates(persona["birth_date"])["start"].year <= taxcalc.INCOME_YEAR
    return not started and str(persona.get("occupation") or "") in JOBS


def prepaid_factor(persona: dict) -> float:
    """The preliminary income the withholding was based on, relative to the final one: 0.96 … 1.04."""
    digest = hashlib.sha256(f"tax-{persona.get('person_id')}".encode()).digest()
    return 0.96 + (digest[0] % 81) / 1000


def statement(persona: dict, answers: dict) -> dict:
    corrected = answers.get("decision") == "correct"
    commuting = taxcalc.commuting_deduction(parse_int(answers.get("km_one_way")) or 0,
                                            parse_int(answers.get("days")) or 0) if corrected else 0
    is_earned = earned(persona)
    result = taxcalc.calculate(persona.get("income", 0), persona.get("municipality", ""), is_earned, commuting)
    prepaid = taxcalc.calculate(round(persona.get("income", 0) * prepaid_factor(persona)),
                                persona.get("municipality", ""), is_earned)["total_tax"]
    return {**result, "earned": is_earned, "prepaid": prepaid, "difference": prepaid - result["total_tax"]}


def statement_rows(persona: dict, answers: dict) -> list[dict]:
    s = statement(persona, answers)
    rows = [("flow.tax.row_income" if s["earned"] else "flow.tax.row_pension_income", s["income"]),
            ("flow.tax.row_am", s["am_bidrag"]),
            ("flow.tax.row_employment", s["beskaeftigelsesfradrag"]),
            ("flow.tax.row_job", s["jobfradrag"]),
            ("flow.tax.row_commuting", s["befordringsfradrag"]),
            ("flow.tax.row_personfradrag", taxcalc.PERSONFRADRAG),
            ("flow.tax.row_kommuneskat", s["kommuneskat"]),
            ("flow.tax.row_bundskat", s["bundskat"]),
            ("flow.tax.row_topskat", s["topskat"]),
            ("flow.tax.row_total", s["total_tax"]),
            ("flow.tax.row_prepaid", s["prepaid"]),
            ("flow.tax.row_refund" if s["difference"] >= 0 else "flow.tax.row_restskat", abs(s["difference"]))]
    params = {"municipality": persona.get("municipality", ""), "rate_pct": s["kommuneskat_pct"],
              "bund_pct": taxcalc.BUNDSKAT, "am_pct": taxcalc.AM_RATE}
    return [{"label_key": key, "params": params, "value": {"dkk": amount}} for key, amount in rows]


def statement_notes(persona, answers, today, corrected_view=False):
    s = statement(persona, answers)
    notes = [{"kind": "rows", "key": "flow.tax.statement_caption", "params": {"income_year": taxcalc.INCOME_YEAR},
              "rows": statement_rows(persona, answers)},
             {"kind": "assumption", "key": "flow.tax.simplified"},
             {"kind": "assumption", "key": "flow.tax.prepaid_assumption"},
             {"kind": "source", "key": "flow.tax.source_rates"}]
    if not s["kommuneskat_verified"]:
        notes.insert(2, {"kind": "source", "key": "flow.tax.kommuneskat_secondary"})
    if not corrected_view:
        notes.insert(1, {"kind": "info", "key": "flow.tax.timeline"})
        notes.insert(2, {"kind": "info", "key": "flow.tax.commuting_not_automatic"})
    return notes


def wants_correction(persona, answers, today):
    return answers.get("decision") == "correct"


def decision_options(persona, answers, today):
    return [Option("accept", label_key="flow.tax.accept"), Option("correct", label_key="flow.tax.correct")]


STEPS = (
    Step("statement", "flow.tax.step_statement", intro_key="flow.tax.intro", notes=statement_notes, fields=(
        Field("decision", "choice", "flow.tax.decision", options=decision_options),
    )),
    Step("commuting", "flow.tax.step_commuting", intro_key="flow.tax.commuting_intro", when=wants_correction,
         notes=lambda persona, answers, today: [{"kind": "source", "key": "flow.tax.source_commuting"}], fields=(
        Field("km_one_way", "int", "flow.tax.km_one_way", hint_key="flow.tax.km_hint"),
        Field("days", "int", "flow.tax.days", hint_key="flow.tax.days_hint"),
    )),
    Step("new_statement", "flow.tax.step_new_statement", when=wants_correction,
         notes=lambda persona, answers, today: statement_notes(persona, answers, today, corrected_view=True), fields=(
        Field("confirm", "checkbox", "flow.tax.confirm"),
    )),
)


def eligible(persona, today):
    if persona.get("age", 0) < 18 or persona.get("income", 0) <= 0:
        return False, "flow.tax.not_eligible", {}
    return True, None, {}


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "commuting":
        km, days = parse_int(answers.get("km_one_way")), parse_int(answers.get("days"))
        if km is not None and not 1 <= km <= MAX_KM:
            errors["km_one_way"] = ("flow.tax.err.km_range", {"max": MAX_KM})
        if days is not None and not 1 <= days <= MAX_DAYS:
            errors["days"] = ("flow.tax.err.days_range", {"max": MAX_DAYS})
    return errors


def examples(persona, answers, today, rng, lang):
    """Example answers: accept the statement (the one-tap case); after "correct" on an earlier step, a commute."""
    if answers.get("decision") != "correct":
        return {"decision": "accept"}
    return {"km_one_way": rng.randint(12, 40), "days": rng.randint(180, 220), "confirm": True}


def outcome(persona, answers, today):
    s = statement(persona, answers)
    refund = s["difference"] >= 0
    params = {"income_year": str(taxcalc.INCOME_YEAR), "total_tax_dkk": s["total_tax"], "prepaid_dkk": s["prepaid"],
              "amount_dkk": abs(s["difference"]), "commuting_dkk": s["befordringsfradrag"],
              "limit_dkk": RESTSKAT_LIMIT, "collected_year": str(RESTSKAT_COLLECTED_YEAR)}
    corrected = answers.get("decision") == "correct"
    payment = {"label_key": "flow.tax.payment_refund" if refund else "flow.tax.payment_restskat",
               "params": params, "amount_dkk": abs(s["difference"]), "period_key": "borger.period.once",
               "next_date": None, "authority": "skattestyrelsen", "direction": "in" if refund else "out",
               "source_key": "flow.tax.source_rates_short", "assumption_key": "flow.tax.simplified"}
    changes = {"cases": [{"flow": "tax", "params": {"income_year": str(taxcalc.INCOME_YEAR)},
                          "title_key": "flow.tax.case_corrected" if corrected else "flow.tax.case_accepted",
                          "status_key": "borger.case.decided", "authority": "skattestyrelsen",
                          "date": today.isoformat()}],
               "payments": [payment], "deadlines": []}
    receipt = [{"kind": "success", "key": "flow.tax.receipt_refund" if refund else "flow.tax.receipt_restskat",
                "params": params},
               {"kind": "rows", "key": "flow.tax.statement_caption", "params": {"income_year": taxcalc.INCOME_YEAR},
                "rows": statement_rows(persona, answers)}]
    if not refund:
        receipt.append({"kind": "info", "key": "flow.tax.restskat_rule", "params": params})
    receipt.append({"kind": "assumption", "key": "flow.tax.simplified"})
    receipt.append({"kind": "source", "key": "flow.tax.source_rates"})
    template = "tax_statement_refund" if refund else "tax_statement_restskat"
    return Outcome(summary=[], letters=[{"template": template, "params": params}], changes=changes, receipt=receipt)


FLOW = register(Flow(
    id="tax", title_key="flow.tax.title", topic="oekonomi-skat-su", article_key="flow.tax.article",
    authority="skattestyrelsen", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"min_age": 25, "max_age": 60}, journey_event="tax", keywords_key="flow.tax.keywords",
    examples=examples,
    sources=(("flow.tax.src_skm", "https://skm.dk/tal-og-metode/satser/satser-og-beloebsgraenser-i-lovgivningen/personskatteloven"),
             ("flow.tax.src_blicher", "https://blicher.dk/blicher-support/skattemaessige-satser-og-beloebsgraenser/"),
             ("flow.tax.src_beierholm", "https://www.beierholm.dk/services/skat-moms-og-afgifter/satser-og-datoer/vigtige-beloebsgraenser-personer"),
             ("flow.tax.src_pskat", "Statistics Denmark, StatBank PSKAT 2025 (data/tax/dk_kommuneskat_2025.csv)"),
             ("flow.tax.src_timeline", "https://pensionist.dk/generelle-nyheder/tjek-din-aarsopgoerelse-i-tide-fristen-er-aendret"),
             ("flow.tax.src_skat", "https://skat.dk/data.aspx?oid=3468")),
))
