"""The 4-digit code path (a phone without the QR code claims the login with the user ID and the code on the screen),
as MitID would do it (issue #17, finding 5): one answer whether or not a login waits for the user ID, wrong codes
count against the claiming phone (a per-client counter in the store, with a pause after too many) and never cancel
the visitor's login, a code is single-use once claimed, and a second claim is refused while the first phone's token
stays valid.

Seen failing on the code before the fix (2026-12-01, each test written first and run): the two answers differed
(``code4_wrong`` with tries left vs ``no_pending_for_code``); three wrong codes from three phones cancelled the
login; the code claimed again after a claim and the second claim replaced the first phone's token; there was no
per-client limit at all (``claim_with_code`` took no client).
"""
from __future__ import annotations

import threading


from simulators.core import visits
from simulators.mitid import login as mitid
from tests.helpers.clock import T0

USER = "anna.demo42"


def waiting(service, store, user=USER):
    """A visit whose app login waits with the 4-digit code on the screen: (visit id, start result, code)."""
    visit_id = visits.create(store, "en", "kiosk", persona_id=1).visit_id
    started = service.start(visit_id, user, user)
    code4 = service.kiosk(visit_id, started.request_id, "set_channel", "code4").login.code4
    return visit_id, started, code4


def wrong(code4: str) -> str:
    return f"{(int(code4) + 1) % 10000:04d}"


def test_the_answer_is_the_same_whether_or_not_a_login_waits(service, store):
    _visit_id, _started, code4 = waiting(service, store)
    for_waiting = service.claim_with_code(USER, wrong(code4), client="phone-a")
    for_nobody = service.claim_with_code("nobody.here7", code4, client="phone-b")
    assert for_waiting.error and (for_waiting.error, for_waiting.params) == (for_nobody.error, for_nobody.params)
    assert for_waiting.request_id is None and for_waiting.login is None and for_nobody.login is None


def test_wrong_codes_from_any_number_of_phones_never_cancel_the_login(service, store):
    visit_id, started, code4 = waiting(service, store)
    for n in range(10):
        for _ in range(mitid.MAX_WRONG_CODE4):
            assert not service.claim_with_code(USER, wrong(code4), client=f"stranger-{n}").ok
    assert service.get(started.request_id).login.state == mitid.PENDING
    claimed = service.claim_with_code(USER, code4, client="visitor")
    assert claimed.ok and service.phone(claimed.token, claimed.request_id, "swipe").ok
    assert visits.get(store, visit_id).login.method == "four_digit_code"


def test_wrong_codes_count_against_the_claiming_phone_and_pause_it(service, store, clock, monkeypatch):
    monkeypatch.setenv("DDS_MITID_EXPIRY_SECONDS", str(2 * mitid.CODE4_PAUSE_SECONDS))  # outlives the pause
    _visit_id, started, code4 = waiting(service, store)
    lefts = [service.claim_with_code(USER, wrong(code4), client="phone-a").params.get("left")
             for _ in range(mitid.MAX_WRONG_CODE4 - 1)]
    assert lefts == list(range(mitid.MAX_WRONG_CODE4 - 1, 0, -1))
    last = service.claim_with_code(USER, wrong(code4), client="phone-a")
    assert last.error == "mitid.phone.code4_too_many"
    assert last.params == {"until": T0 + mitid.CODE4_PAUSE_SECONDS}
    paused = service.claim_with_code(USER, code4, client="phone-a")  # even the right code waits
    assert (paused.error, paused.token) == ("mitid.phone.code4_too_many", None)
    assert service.get(started.request_id).login.code4_claimed is False
    clock.now += mitid.CODE4_PAUSE_SECONDS
    assert service.claim_with_code(USER, code4, client="phone-a").ok  # after the pause the phone may try again


def test_other_phones_are_not_paused_by_one(service, store):
    _visit_id, _started, code4 = waiting(service, store)
    for _ in range(mitid.MAX_WRONG_CODE4 + 2):
        service.claim_with_code(USER, wrong(code4), client="phone-a")
    assert service.claim_with_code(USER, code4, client="phone-b").ok


def test_a_claimed_code_is_single_use_and_the_first_phone_keeps_its_token(service, store):
    visit_id, started, code4 = waiting(service, store)
    first = service.claim_with_code(USER, code4, client="phone-a")
    assert first.ok and first.token
    second = service.claim_with_code(USER, code4, client="phone-b")
    assert (second.error, second.token) == ("mitid.phone.code4_used", None)
    again = service.claim_with_code(USER, code4, client="phone-a")  # the same phone cannot claim twice either
    assert again.error == "mitid.phone.code4_used" and again.token is None
    assert service.resolve(first.token).error is None  # the first phone's token still works …
    assert service.phone(first.token, first.request_id, "swipe").login.state == mitid.APPROVED  # … and approves
    assert visits.get(store, visit_id).login is not None


def test_two_phones_claiming_at_once_one_wins_and_keeps_its_token(service, store):
    _visit_id, _started, code4 = waiting(service, store)
    barrier, results = threading.Barrier(6), {}

    def claim(name):
        barrier.wait()
        results[name] = service.claim_with_code(USER, code4, client=name)

    threads = [threading.Thread(target=claim, args=(f"phone-{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    winners = [r for r in results.values() if r.ok]
    assert len(results) == 6 and len(winners) == 1, {k: r.error for k, r in results.items()}
    assert {r.error for r in results.values() if not r.ok} == {"mitid.phone.code4_used"}
    assert service.phone(winners[0].token, winners[0].request_id, "swipe").login.state == mitid.APPROVED


def test_a_phone_holding_the_token_counts_its_wrong_codes_too_but_never_cancels(service, store):
    """The QR phone (it has a token) while the screen shows the 4-digit code: its wrong codes pause that phone."""
    _visit_id, started, code4 = waiting(service, store)
    for _ in range(mitid.MAX_WRONG_CODE4):
        result = service.phone(started.token, started.request_id, "enter_code4", wrong(code4), client="qr-phone")
    assert result.error == "mitid.phone.code4_too_many"
    assert service.get(started.request_id).login.state == mitid.PENDING
    paused = service.phone(started.token, started.request_id, "enter_code4", code4, client="qr-phone")
    assert paused.error == "mitid.phone.code4_too_many"
    assert service.phone(started.token, started.request_id, "enter_code4", code4, client="other").ok


def test_the_state_machine_no_longer_counts_or_cancels():
    account = mitid.new_account(USER)
    login = mitid.start(USER, account, T0).login
    login = mitid.set_channel(mitid.choose(login, account, "app", T0).login, "code4", T0).login
    for _ in range(5):
        outcome = mitid.enter_code4(login, wrong(login.code4), T0)
        assert outcome.error == "mitid.error.code4_wrong" and outcome.login == login
    claimed = mitid.enter_code4(login, login.code4, T0).login
    assert claimed.code4_claimed
    assert mitid.enter_code4(claimed, claimed.code4, T0).error == "mitid.phone.code4_used"


def test_counters_of_phones_are_dropped_after_the_pause(service, store, clock):
    _visit_id, _started, code4 = waiting(service, store)
    for n in range(5):
        service.claim_with_code(USER, wrong(code4), client=f"phone-{n}")
    assert store.count("mitid_code4_client") == 5
    clock.now += mitid.CODE4_PAUSE_SECONDS + 1
    service.claim_with_code(USER, wrong(code4), client="phone-late")
    assert store.count("mitid_code4_client") == 1  # the old ones went on this claim; the store does not grow
