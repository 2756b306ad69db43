"""Input the store cannot take is refused before it reaches it (issue #17, finding 7), on both engines: visit ids,
request ids, phone tokens and MitID user IDs are checked against their format first (simulators/core/ids.py: NUL,
length, alphabet). PostgreSQL refuses a NUL byte in text (``psycopg.DataError``), SQLite takes it — so before the
fix ``/?v=abc%00def`` and a NUL in the phone's user ID showed a bare error page on PostgreSQL only.

Seen failing on the code before the fix (2026-12-01, written first and run with DDS_TEST_POSTGRES_URL, with only
simulators/core/ids.py in place): every ``[postgres]`` case of the service and store tests raised
``psycopg.DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes`` (and ``StringDataRightTruncation``
for the 10,000-character id); the ``[sqlite]`` cases failed too, on the refusals that did not exist yet (the
format message, ``claim_with_code``'s per-phone ``client``, ``Store.put`` refusing an unstorable id). The pages:
tests/app/test_unstorable_input.py.
"""
from __future__ import annotations

import secrets
import uuid

import pytest

from simulators.core import ids, visits
from simulators.mitid.service import MitIDService

NUL = "abc\x00def"
UNSTORABLE = [NUL, "\x00", "a" * 10_000, "😀" * 70, "a\x00" * 40]
ODD = UNSTORABLE + ["x y", "<script>", "../../etc", "' OR '1'='1", ""]


def test_the_formats_accept_what_the_app_makes():
    assert ids.visit_id(visits.new_visit_id()) and ids.request_id(secrets.token_urlsafe(16))
    assert ids.token(secrets.token_urlsafe(32)) and ids.user_id("mettjens7k2qp-x4f9")
    assert ids.user_id("  Anna.Demo42 ")  # as typed: spaces around, any case
    for odd in ODD:
        assert not (ids.visit_id(odd) or ids.request_id(odd) or ids.token(odd) or ids.user_id(odd)), odd


@pytest.mark.parametrize("bad", UNSTORABLE, ids=["nul", "only-nul", "10k", "emoji", "nuls"])
def test_service_and_visits_refuse_unstorable_ids_on_both_engines(any_store, bad):
    svc = MitIDService(any_store)
    visit = visits.create(any_store, "en", "kiosk", persona_id=1)
    assert visits.get(any_store, bad) is None
    assert visits.set_language(any_store, bad, "de") is None
    assert svc.resolve(bad).error == "mitid.phone.invalid_token"
    assert svc.phone(bad, bad, "swipe").error == "mitid.phone.invalid_token"
    assert svc.get(bad).error == "mitid.error.no_request"
    assert svc.kiosk(visit.visit_id, bad, "cancel").error == "mitid.error.no_request"
    assert svc.kiosk(bad, bad, "cancel").error == "mitid.error.no_request"
    assert svc.reissue_token(bad, bad) is None
    assert svc.current(bad).login is None
    claimed = svc.claim_with_code(bad, "1234", client=bad)
    assert claimed.error == "mitid.error.user_id_format" and claimed.token is None
    started = svc.start(visit.visit_id, bad, "demo.user1")
    assert started.error in ("mitid.error.user_id_format", "mitid.error.empty_user_id") and started.token is None


@pytest.mark.parametrize("bad", UNSTORABLE, ids=["nul", "only-nul", "10k", "emoji", "nuls"])
def test_the_store_answers_not_found_for_ids_it_cannot_hold(any_store, bad):
    kind = f"t{uuid.uuid4().hex[:12]}"  # on PostgreSQL: a kind of this test's own
    any_store.put(kind, "fine", {"x": 1}, visit_id="v1", key="k1")
    assert any_store.get(kind, bad) is None
    assert any_store.find(kind, visit_id=bad) == [] and any_store.find(kind, key=bad) == []
    assert any_store.update(kind, bad, {"x": 2}) is None and any_store.delete(kind, bad) is False
    assert any_store.count(kind, visit_id=bad) == 0 and any_store.delete_visit(bad) == 0
    with pytest.raises(ValueError):
        any_store.put(kind, bad, {"x": 3})
    assert [i.id for i in any_store.find(kind)] == ["fine"]
