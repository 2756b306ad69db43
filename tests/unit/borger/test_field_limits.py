"""Every text field of every flow has a maximum length that the domain validator enforces (issue #17, finding 4):
a longer value gets ``borger.err.too_long`` with ``{max}`` whatever the flow's own rules say, the draft keeps the
first ``max`` characters (``Flow.clip``), and the flow's own rules only ever see bounded values. Search queries
are cut before searching.

Seen failing on main before the fix: ``test_every_text_field_refuses_a_megabyte`` (a 1 MB street, description,
query … passed ``check_step``), ``test_a_long_value_is_refused_even_where_the_flow_has_its_own_rule`` and
``test_search_queries_are_cut_before_searching`` (a 1 MB query was tokenised whole, so the words after the first
200 characters still had to match).
"""
from __future__ import annotations

import pytest

from simulators.borger import FLOWS
from simulators.borger.search import search
from simulators.borger.flows import library
from simulators.post import views as post_views
from tests.helpers.personas import TODAY, make_persona

MEGABYTE = "x" * 1_000_000
TEXT_FIELDS = [(flow.id, step.id, field.id) for flow in FLOWS.values() for step in flow.steps
               for field in step.fields if field.kind == "text"]


def test_there_are_text_fields_to_check():
    assert {("moving", "street"), ("police", "description"), ("library", "query")} <= {
        (flow_id, field_id) for flow_id, _, field_id in TEXT_FIELDS}


@pytest.mark.parametrize("flow_id, step_id, field_id", TEXT_FIELDS)
def test_every_text_field_refuses_a_megabyte(flow_id, step_id, field_id):
    flow = FLOWS[flow_id]
    persona = make_persona()
    answers = {**flow.prefilled(persona, TODAY), field_id: MEGABYTE}
    errors = flow.check_step(step_id, answers, persona, TODAY)
    key, params = errors[field_id]
    assert key == "borger.err.too_long"
    limit = params["max"]
    assert 1 <= limit <= 1000
    clipped = flow.clip(answers)
    assert clipped[field_id] == MEGABYTE[:limit]
    assert flow.check_step(step_id, clipped, persona, TODAY).get(field_id, ("", {}))[0] != "borger.err.too_long"


def test_a_long_value_is_refused_even_where_the_flow_has_its_own_rule():
    """The police's postcode rule echoes the postcode; a too-long one gets the length message instead."""
    flow = FLOWS["police"]
    errors = flow.check_step("where", {"street": "Vestergade 5", "postcode": "1" * 5000}, make_persona(), TODAY)
    assert errors["postcode"][0] == "borger.err.too_long"


def test_clip_keeps_short_values_and_other_kinds_as_they_are():
    flow = FLOWS["moving"]
    answers = {"street": "Nørregade", "persons": [1, 2], "moving_date": "2026-12-01", "host_stays": True,
               "unknown": MEGABYTE}
    assert flow.clip(answers) == answers


def test_search_queries_are_cut_before_searching():
    """A word beyond the first 200 characters no longer has to match (so a megabyte is not searched at all)."""
    assert search("flytning" + " " * 300 + "zzzzqqq", "da", FLOWS)
    assert not search("flytning zzzzqqq", "da", FLOWS)
    assert library.search("Andersen" + " " * 300 + "zzzzqqq")
    views = [{"subject": "Flytning", "body": "", "party_name": "Kommune", "date": None}]
    assert post_views.matches(views[0], "flytning" + " " * 300 + "zzzzqqq")
