"""A visit's stored size is bounded (issue #17, finding 4: one visit reached 13 MB): a change that would make the
stored visit larger than ``visits.MAX_VISIT_BYTES`` is refused with ``visits.VisitTooLarge`` and the stored visit
stays as it was.

Seen failing on main before the fix: both tests — there was no size check at all (no ``VisitTooLarge``,
``save_draft`` wrote a 1 MB draft as given) and no field limits (``Field.max_length``).
"""
from __future__ import annotations

import json

import pytest

from simulators.core import visits
from simulators.core.store import Store


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/visit-size.db")


def size(store: Store, visit_id: str) -> int:
    return len(json.dumps(store.get(visits.KIND, visit_id).data, ensure_ascii=False).encode())


def test_a_megabyte_draft_is_refused_and_nothing_changes(store):
    visit = visits.create(store, "en", "explore", persona_id=1)
    visits.save_draft(store, visit.visit_id, "moving", {"street": "Nørregade"}, 2)
    before = store.get(visits.KIND, visit.visit_id).data
    with pytest.raises(visits.VisitTooLarge):
        visits.save_draft(store, visit.visit_id, "police", {"description": "x" * 1_000_000}, 0)
    assert store.get(visits.KIND, visit.visit_id).data == before
    assert size(store, visit.visit_id) < visits.MAX_VISIT_BYTES


def test_a_visit_with_every_flow_drafted_at_its_limits_fits(store):
    """Each draft value is bounded by its field (simulators.borger.framework), so all drafts together fit."""
    from simulators.borger import FLOWS

    visit = visits.create(store, "en", "explore", persona_id=1)
    for flow in FLOWS.values():
        answers = {field.id: "😀" * field.max_length for step in flow.steps for field in step.fields
                   if field.kind == "text"}
        visits.save_draft(store, visit.visit_id, flow.id, answers, 0)
    assert size(store, visit.visit_id) < visits.MAX_VISIT_BYTES
