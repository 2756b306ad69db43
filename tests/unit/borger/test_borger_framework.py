"""The flow framework: registry, generic validation messages, summary, finish and receipt numbers."""
import datetime as dt
import random
import re

import pytest

from simulators.borger import FLOWS, FLOW_MODULES
from simulators.borger.framework import (Field, Flow, Option, Outcome, Step, format_params, parse_date, parse_int,
                                     receipt_number, register)
from simulators.borger.topics import TOPIC_IDS
from tests.helpers.personas import TODAY, make_persona


def toy_flow(**overrides):
    def options(persona, answers, today):
        return [Option("a", label_key="borger.value.yes"), Option("b", label="Plain text")]

    steps = (Step("one", "borger.check_answers", fields=(
        Field("name", "text", "borger.value.yes"),
        Field("count", "int", "borger.value.no", required=False),
        Field("when", "date", "borger.value.no", required=False),
        Field("pick", "choice", "borger.value.no", options=options, required=False),
        Field("ok", "checkbox", "borger.value.no"),
    )), Step("two", "borger.check_answers", when=lambda p, a, t: a.get("pick") == "b"))
    spec = dict(id="toy", title_key="borger.send", topic=TOPIC_IDS[0], article_key="borger.send", authority="kommune",
                steps=steps, eligible=lambda p, t: (True, None, {}),
                validate=lambda step, a, p, t: {"count": ("borger.err.required", {})} if a.get("count") == 13 else {},
                outcome=lambda p, a, t: Outcome([], [{"template": "moving_confirmation", "params": {"x": 1}}], {}, []))
    spec.update(overrides)
    return Flow(**spec)


def test_all_flow_modules_registered_with_valid_topics():
    assert {"moving", "passport", "pension", "tax"} <= set(FLOWS)
    assert len(FLOW_MODULES) >= 4
    for flow in FLOWS.values():
        assert flow.topic in TOPIC_IDS, flow.id
        assert flow.steps and all(s.title_key for s in flow.steps)


def test_register_refuses_a_second_flow_with_the_same_id():
    with pytest.raises(ValueError):
        register(toy_flow(id="moving"))


@pytest.mark.parametrize("answers, field, key", [
    ({"ok": True}, "name", "borger.err.required"),
    ({"name": "  ", "ok": True}, "name", "borger.err.required"),
    ({"name": "x"}, "ok", "borger.err.must_confirm"),
    ({"name": "x", "ok": True, "count": "zwölf"}, "count", "borger.err.not_a_number"),
    ({"name": "x", "ok": True, "when": "31.02.2026"}, "when", "borger.err.not_a_date"),
    ({"name": "x", "ok": True, "pick": "z"}, "pick", "borger.err.choose_one"),
])
def test_generic_messages(answers, field, key):
    errors = toy_flow().check_step("one", answers, make_persona(), TODAY)
    assert errors[field][0] == key


def test_valid_answers_have_no_errors_and_flow_rule_applies():
    flow = toy_flow()
    assert flow.check_step("one", {"name": "x", "ok": True, "count": 3, "pick": "a"}, make_persona(), TODAY) == {}
    assert "count" in flow.check_step("one", {"name": "x", "ok": True, "count": 13}, make_persona(), TODAY)


def test_when_hides_steps_and_summary_shows_labels():
    flow = toy_flow()
    persona = make_persona()
    assert [s.id for s in flow.visible_steps(persona, {"pick": "a"}, TODAY)] == ["one"]
    assert [s.id for s in flow.visible_steps(persona, {"pick": "b"}, TODAY)] == ["one", "two"]
    rows = {r["field"]: r["value"] for r in flow.summary(persona, {"name": "Ann", "pick": "b", "ok": True,
                                                                  "when": "2026-12-01"}, TODAY)}
    assert rows == {"name": {"text": "Ann"}, "pick": {"text": "Plain text"}, "ok": {"key": "borger.value.yes", "params": {}},
                    "when": {"date": "2026-12-01"}}


def test_finish_sets_receipt_and_common_letter_params_and_refuses_invalid_answers():
    flow = toy_flow()
    persona = make_persona()
    with pytest.raises(ValueError):
        flow.finish(persona, {"name": ""}, TODAY, random.Random(1))
    outcome = flow.finish(persona, {"name": "x", "ok": True}, TODAY, random.Random(1))
    assert re.fullmatch(r"BDK-2026-\d{6}", outcome.receipt_no)
    assert outcome.submitted_on == "2026-11-28"
    params = outcome.letters[0]["params"]
    assert params["receipt_no"] == outcome.receipt_no and params["full_name"] == "Mette Hansen" and params["x"] == 1
    assert outcome.summary  # filled from the answers


def test_finish_refuses_an_ineligible_persona():
    flow = toy_flow(eligible=lambda p, t: (False, "borger.send", {}))
    with pytest.raises(ValueError):
        flow.finish(make_persona(), {"name": "x", "ok": True}, TODAY, random.Random(1))


def test_receipt_numbers_are_deterministic_per_seed_and_differ_between_seeds():
    assert receipt_number(random.Random(5), TODAY) == receipt_number(random.Random(5), TODAY)
    assert len({receipt_number(random.Random(i), TODAY) for i in range(50)}) > 45


def test_parsers_and_param_formatting():
    assert parse_int(" 1.200 ") == 1200 and parse_int("x") is None and parse_int(True) is None
    assert parse_int("1,200") == 1200 and parse_int("1 200") == 1200 and parse_int("12.345.678") == 12345678
    assert parse_int("-3") == -3 and parse_int("0") == 0 and parse_int(7) == 7
    # A decimal is not a whole number: "1.5" km must not become 15 km.
    for decimal in ("1.5", "2,75", "1.20", "1.2000", "1..200", ".5", "1.", ""):
        assert parse_int(decimal) is None, decimal
    assert parse_date("2026-02-30") is None and parse_date("2026-02-28") == dt.date(2026, 2, 28)
    formatted = format_params({"when_date": "2026-12-24", "price_dkk": 891, "rate_pct": 12.01, "n": 1500}, "de")
    assert formatted["when_date"] == "24. Dezember 2026"
    assert formatted["price_dkk"].startswith("891") and formatted["price_dkk"] != "891"
    assert formatted["rate_pct"].startswith("12,01") and formatted["n"] == "1.500"


def test_german_counterpart_links_point_to_known_journeys():
    from simulators.compare import journeys

    for flow in FLOWS.values():
        assert flow.journey_event is None or flow.journey_event in journeys.EVENTS, flow.id


def test_an_unanswered_choice_says_what_to_do():
    """Issue #15: an empty required choice said "This field is required"; a choice asks to choose, a set of
    checkboxes to tick one (seen failing before the fix: both gave borger.err.required)."""
    def options(persona, answers, today):
        return [Option("a", label="A"), Option("b", label="B")]

    fields = (Field("radio", "choice", "borger.value.no", options=options),
              Field("menu", "select", "borger.value.no", options=options),
              Field("ticks", "multi", "borger.value.no", options=options),
              Field("name", "text", "borger.value.no"))
    flow = toy_flow(steps=(Step("one", "borger.check_answers", fields=fields),))
    errors = flow.check_step("one", {"ticks": []}, make_persona(), TODAY)
    assert {f: key for f, (key, _) in errors.items()} == {
        "radio": "borger.err.choose_required", "menu": "borger.err.choose_required",
        "ticks": "borger.err.choose_some", "name": "borger.err.required"}


def test_a_whole_number_is_shown_with_its_thousands_separator():
    """Issue #15: "4500" in the answers and the receipt (seen failing before the fix: {"text": "4500"})."""
    from simulators.borger.framework import display

    persona = make_persona()
    assert display(Field("value_dkk", "int", "borger.value.no"), 4500, persona, {}, TODAY) == {"dkk": 4500}
    assert display(Field("km", "int", "borger.value.no"), "4500", persona, {}, TODAY) == {"number": 4500}
    assert format_params({"year": 2026, "rates_year": 2026, "count": 4500}, "de") == {
        "year": "2026", "rates_year": "2026", "count": "4.500"}  # a year is no quantity: never "2.026"
