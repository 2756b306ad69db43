"""Limits in the borger.dk form, in AppTest (issue #17, finding 4): a value over a field's limit gets the length
message in the visitor's language and the draft keeps its first ``max`` characters and every other answer; a
draft the visit cannot hold (``visits.MAX_VISIT_BYTES``) is refused with a message while the typed values stay in
the form.

On main both tests fail before they check anything (no ``Field.max_length``, no ``visits.stored_size``): they are
tests of new behaviour. That an over-long street passed the step on main without a message was seen by
tests/reliability/test_input_limits.py and tests/e2e/test_text_safety_e2e.py.
"""
from __future__ import annotations

import pytest

from simulators.borger import FLOWS
from simulators.borger.framework import format_params
from simulators.core import i18n, visits
from simulators.core.store import Store
from tests.helpers.apptest import no_exception
from tests.helpers.borger_app import errors_shown, field, logged_in_app, next_step, open_flow, persona_for

STREET = next(f for s in FLOWS["moving"].steps for f in s.fields if f.id == "street")


def at_address(lang: str):
    at, visit_id = logged_in_app(lang, persona_for("moving"))
    open_flow(at, "moving")
    next_step(at)  # overview
    next_step(at)  # persons
    return at, visit_id


@pytest.mark.parametrize("lang", ["de", "en", "da"])
def test_a_street_over_the_limit_gets_the_length_message_and_keeps_the_rest(lang):
    at, visit_id = at_address(lang)
    field(at, "moving", "street", "text_input").set_value("x" * 5000)  # Streamlit cuts at max_chars (limit + 1)
    field(at, "moving", "house_number", "text_input").set_value("5")
    field(at, "moving", "postcode", "text_input").set_value("8000")
    next_step(at)
    no_exception(at)
    message = i18n.translate(lang, "borger.err.too_long", **format_params({"max": STREET.max_length}, lang))
    assert message in errors_shown(at)
    answers = visits.get(Store(), visit_id).draft("moving")["answers"]
    assert answers["street"] == "x" * STREET.max_length
    assert (answers["house_number"], answers["postcode"]) == ("5", "8000")
    assert field(at, "moving", "street", "text_input").value == "x" * STREET.max_length


def test_a_draft_the_visit_cannot_hold_is_refused_and_the_typed_values_stay(monkeypatch):
    at, visit_id = at_address("en")
    before = visits.get(Store(), visit_id)
    monkeypatch.setattr(visits, "MAX_VISIT_BYTES", visits.stored_size(before.to_dict()) + 40)
    field(at, "moving", "street", "text_input").set_value("Nørregade " * 9)
    field(at, "moving", "house_number", "text_input").set_value("5")
    next_step(at)
    no_exception(at)
    assert i18n.translate("en", "borger.err.draft_too_large", max_kb=1) in errors_shown(at)
    assert visits.get(Store(), visit_id).drafts == before.drafts
    assert field(at, "moving", "street", "text_input").value == "Nørregade " * 9
