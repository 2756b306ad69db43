"""The simulated MitID login: every transition, expiry and lockout with a fake clock, and the phone token."""

import pyotp
import pytest

from simulators.mitid import login as mitid
from simulators.core import visits
from simulators.mitid.service import phone_url, public_base_url, request_seconds, token_hash
from tests.helpers.clock import T0

USER = "anna.demo42"


@pytest.fixture
def account():
    return mitid.new_account(USER)


def started(account, now=T0, **kwargs):
    outcome = mitid.start(USER, account, now, **kwargs)
    assert outcome.ok and outcome.login.state == mitid.AWAITING_METHOD
    return outcome.login


def chosen(account, authenticator, now=T0, **kwargs):
    outcome = mitid.choose(started(account, now, **kwargs), account, authenticator, now)
    assert outcome.ok, outcome.error
    return outcome.login


# ---- the user ID ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["0101901234", "010190-1234", "610190-1234", "7510901234", " 751090 1234 "])
def test_cpr_like_user_id_is_refused_with_the_simulation_warning(account, typed):
    outcome = mitid.start(typed, account, T0)
    assert outcome.login is None and outcome.error == "mitid.error.cpr_like"


@pytest.mark.parametrize("typed,error", [("", "mitid.error.empty_user_id"), ("  ", "mitid.error.empty_user_id"),
                                         ("someone.else", "mitid.error.unknown_user_id"),
                                         ("12345", "mitid.error.unknown_user_id")])
def test_empty_or_unknown_user_id_is_refused(account, typed, error):
    assert mitid.start(typed, account, T0).error == error


def test_no_account_means_unknown_user():
    assert mitid.start(USER, None, T0).error == "mitid.error.unknown_user_id"


def test_user_id_is_matched_without_case_and_spaces(account):
    assert mitid.start(f"  {USER.upper()} ", account, T0).ok


def test_a_second_active_login_for_the_user_is_refused(account):
    assert mitid.start(USER, account, T0, others_active=True).error == "mitid.error.parallel"


def test_mask_shows_ends_only():
    masked = mitid.mask_user_id(USER)
    assert masked.startswith("an") and masked.endswith("42") and "demo" not in masked
    assert "•" in mitid.mask_user_id("abc") and mitid.mask_user_id("abc") != "abc"


# ---- the app ---------------------------------------------------------------------------------------------------
def test_choose_each_authenticator_enters_its_first_state(account):
    expected = {"app": mitid.PENDING, "code_display": mitid.AWAITING_CODE,
                "audio_code_reader": mitid.AWAITING_CODE, "chip": mitid.AWAITING_PASSWORD}
    for authenticator, state in expected.items():
        login = chosen(account, authenticator)
        assert (login.state, login.authenticator) == (state, authenticator)


def test_choose_restarts_the_request_lifetime(account):
    login = started(account)
    later = mitid.choose(login, account, "app", T0 + 100).login
    assert later.expires_at == T0 + 100 + mitid.REQUEST_SECONDS


def test_unknown_authenticator_is_refused(account):
    assert mitid.choose(started(account), account, "fax", T0).error == "mitid.error.unknown_method"


def test_app_swipe_approves(account):
    outcome = mitid.app_swipe(chosen(account, "app"), T0 + 5)
    assert outcome.login.state == mitid.APPROVED and outcome.login.decided_at == T0 + 5
    assert mitid.method_code(outcome.login) == "own_phone"
    assert mitid.method_code(outcome.login, "onscreen") == "onscreen_phone"


@pytest.mark.parametrize("pin_step, state", [(False, mitid.PENDING), (True, mitid.AWAITING_PIN)])
def test_app_reject_from_pending_and_pin_step(account, pin_step, state):
    login = chosen(account, "app", require_pin=pin_step)
    login = mitid.app_swipe(login, T0).login if pin_step else login  # with a PIN the swipe asks for it
    assert login.state == state
    assert mitid.app_reject(login, T0 + 1).login.state == mitid.REJECTED


def test_pin_step_approves_with_the_right_pin(account):
    login = mitid.app_swipe(chosen(account, "app", require_pin=True), T0).login
    wrong = mitid.app_enter_pin(login, account, "000000" if account.pin != "000000" else "111111", T0)
    assert wrong.error == "mitid.error.pin_wrong" and wrong.params == {"left": 2}
    right = mitid.app_enter_pin(wrong.login, wrong.account, account.pin, T0)
    assert right.login.state == mitid.APPROVED and right.account.wrong["app"] == 0


def test_three_wrong_pins_suspend_the_app_until_the_lock_ends(account):
    login = mitid.app_swipe(chosen(account, "app", require_pin=True), T0).login
    bad = "1" * 6 if account.pin != "1" * 6 else "2" * 6
    for _ in range(3):
        outcome = mitid.app_enter_pin(login, account, bad, T0)
        login, account = outcome.login, outcome.account
    assert outcome.error == "mitid.error.suspended" and login.state == mitid.AWAITING_METHOD
    assert mitid.choose(login, account, "app", T0 + 10).error == "mitid.error.suspended"
    assert mitid.choose(login, account, "chip", T0 + 10).ok  # other authenticators still work
    later = T0 + mitid.SUSPEND_SECONDS + 1
    login = mitid.start(USER, account, later).login
    assert mitid.choose(login, account, "app", later).ok


def test_four_digit_code_must_be_typed_before_the_swipe(account):
    login = mitid.set_channel(chosen(account, "app"), "code4", T0).login
    assert mitid.app_swipe(login, T0).error == "mitid.error.code4_first"
    wrong = mitid.enter_code4(login, "x" + login.code4[1:], T0)
    assert wrong.error == "mitid.error.code4_wrong" and wrong.login == login  # counted per phone by the service
    claimed = mitid.enter_code4(wrong.login, login.code4, T0).login
    approved = mitid.app_swipe(claimed, T0).login
    assert approved.state == mitid.APPROVED and mitid.method_code(approved) == "four_digit_code"


def test_wrong_four_digit_codes_never_cancel_the_request(account):
    """Issue #17, finding 5: they count against the phone (tests/unit/mitid/test_code4.py), not the login."""
    login = mitid.set_channel(chosen(account, "app"), "code4", T0).login
    for _ in range(mitid.MAX_WRONG_CODE4 + 1):
        outcome = mitid.enter_code4(login, "abcd", T0)
        login = outcome.login
    assert login.state == mitid.PENDING and outcome.error == "mitid.error.code4_wrong"


def test_code4_only_in_code4_channel(account):
    login = chosen(account, "app")
    assert mitid.enter_code4(login, login.code4, T0).error == "mitid.error.wrong_state"


# ---- code display, audio code reader, chip ---------------------------------------------------------------------
@pytest.mark.parametrize("device", mitid.CODE_DEVICES)
def test_code_then_password_approves(account, device):
    login = chosen(account, device)
    code = mitid.device_code(account, T0 + 3)
    assert code == pyotp.TOTP(account.totp_secret).at(T0 + 3) and len(code) == 6
    login = mitid.enter_code(login, account, code, T0 + 3).login
    assert login.state == mitid.AWAITING_PASSWORD
    login = mitid.enter_password(login, account, account.password, T0 + 4).login
    assert login.state == mitid.APPROVED and mitid.method_code(login) == device


def test_code_from_the_previous_30_seconds_still_counts_older_does_not(account):
    login = chosen(account, "code_display")
    assert mitid.enter_code(login, account, mitid.device_code(account, T0 - 30), T0).ok
    assert mitid.enter_code(login, account, mitid.device_code(account, T0 - 90), T0).error == "mitid.error.code_wrong"


@pytest.mark.parametrize("device", mitid.CODE_DEVICES)
def test_three_wrong_entries_suspend_the_device(account, device):
    login = chosen(account, device)
    wrong_code = f"{(int(mitid.device_code(account, T0)) + 500000) % 1000000:06d}"
    outcome = mitid.enter_code(login, account, wrong_code, T0)
    assert outcome.params == {"left": 2}
    outcome = mitid.enter_code(outcome.login, outcome.account, mitid.device_code(account, T0), T0)
    outcome = mitid.enter_password(outcome.login, outcome.account, "nope", T0)  # wrong password counts too
    assert outcome.params == {"left": 1}
    outcome = mitid.enter_password(outcome.login, outcome.account, "still nope", T0)
    assert outcome.error == "mitid.error.suspended" and outcome.login.state == mitid.AWAITING_METHOD
    assert outcome.account.suspended_until[device] == T0 + mitid.SUSPEND_SECONDS
    assert mitid.choose(outcome.login, outcome.account, device, T0 + 60).error == "mitid.error.suspended"


def test_chip_password_then_button(account):
    login = chosen(account, "chip")
    assert mitid.press_chip_button(login, T0).error == "mitid.error.wrong_state"
    login = mitid.enter_password(login, account, account.password, T0).login
    assert login.state == mitid.AWAITING_CHIP_BUTTON
    login = mitid.press_chip_button(login, T0 + 2).login
    assert login.state == mitid.APPROVED and mitid.method_code(login) == "chip"


def test_three_wrong_chip_passwords_suspend_the_chip(account):
    outcome = mitid.Outcome(chosen(account, "chip"), account)
    for _ in range(3):
        outcome = mitid.enter_password(outcome.login, outcome.account, "wrong", T0)
    assert outcome.error == "mitid.error.suspended" and "chip" in outcome.account.suspended_until


# ---- cancel, change method, expiry -------------------------------------------------------------------------------
def active_logins(account):
    yield started(account)
    for authenticator in mitid.AUTHENTICATORS:
        yield chosen(account, authenticator)
    yield mitid.app_swipe(chosen(account, "app", require_pin=True), T0).login
    yield mitid.enter_password(chosen(account, "chip"), account, account.password, T0).login


def test_every_active_state_can_be_cancelled_or_change_method(account):
    states = set()
    for login in active_logins(account):
        states.add(login.state)
        assert mitid.cancel(login, T0 + 1).login.state == mitid.CANCELLED
        changed = mitid.change_method(login, T0 + 1).login
        assert changed.state == mitid.AWAITING_METHOD and changed.authenticator is None
    assert states == set(mitid.ACTIVE_STATES)


def test_final_states_accept_nothing(account):
    approved = mitid.app_swipe(chosen(account, "app"), T0).login
    for step in (lambda lo: mitid.cancel(lo, T0), lambda lo: mitid.app_swipe(lo, T0),
                 lambda lo: mitid.app_reject(lo, T0), lambda lo: mitid.change_method(lo, T0)):
        outcome = step(approved)
        assert outcome.error == "mitid.error.wrong_state" and outcome.login.state == mitid.APPROVED


def test_every_active_state_expires_and_then_refuses(account):
    for login in active_logins(account):
        assert login.seconds_left(T0) == mitid.REQUEST_SECONDS
        assert login.seconds_left(T0 + 179.5) == 1 and mitid.tick(login, T0 + 179.9).active
        expired = mitid.tick(login, login.expires_at)
        assert expired.state == mitid.EXPIRED and expired.seconds_left(T0 + 999) == 0
        assert mitid.cancel(login, login.expires_at + 1).error == "mitid.error.expired"


def test_short_ttl(account):
    login = chosen(account, "app", ttl=5)
    assert mitid.app_swipe(login, T0 + 6).login.state == mitid.EXPIRED


# ---- the store-backed service and its phone token -------------------------------------------------------------------
def new_visit(store):
    return visits.create(store, "en", "kiosk", persona_id=1).visit_id


def test_start_issues_a_long_random_token_stored_only_as_hash(service, store):
    visit_id = new_visit(store)
    result = service.start(visit_id, USER, USER)
    assert result.ok and result.login.state == mitid.PENDING and len(result.token) >= 43
    dump = str([i.data for kind in ("auth_request", "auth_token") for i in store.find(kind)])
    assert result.token not in dump and token_hash(result.token) in dump
    assert service.start(new_visit(store), USER, USER).error == "mitid.error.parallel"


def test_phone_approval_logs_the_visit_in_once(service, store):
    visit_id = new_visit(store)
    started_ = service.start(visit_id, USER, USER)
    assert service.resolve(started_.token).login.state == mitid.PENDING
    approved = service.phone(started_.token, started_.request_id, "swipe")
    assert approved.ok and approved.login.state == mitid.APPROVED
    login = visits.get(store, visit_id).login
    assert login == visits.Login(USER, "own_phone", T0)
    replay = service.phone(started_.token, started_.request_id, "swipe")
    assert replay.error == "mitid.phone.used"
    assert [e["detail"] for e in store.events() if e["event"] == "login"] == ["own_phone"]


def test_token_expires_with_the_request(service, store, clock):
    visit_id = new_visit(store)
    started_ = service.start(visit_id, USER, USER)
    clock.now += mitid.REQUEST_SECONDS
    assert service.resolve(started_.token).error == "mitid.phone.expired"
    assert service.phone(started_.token, started_.request_id, "swipe").error == "mitid.phone.expired"
    assert service.current(visit_id).login.state == mitid.EXPIRED
    assert service.start(new_visit(store), USER, USER).ok  # the expired one no longer blocks the user ID


def test_token_of_one_request_cannot_approve_another(service, store):
    first = service.start(new_visit(store), USER, USER)
    second = service.start(new_visit(store), "bo.demo7", "bo.demo7")
    foreign = service.phone(first.token, second.request_id, "swipe")
    assert foreign.error == "mitid.phone.foreign_token"
    assert service.get(second.request_id).login.state == mitid.PENDING


def test_forged_or_missing_token_is_refused(service, store):
    started_ = service.start(new_visit(store), USER, USER)
    for forged in ("", "x" * 43, started_.token[:-1] + ("A" if started_.token[-1] != "A" else "B")):
        assert service.resolve(forged).error == "mitid.phone.invalid_token"
        assert service.phone(forged, started_.request_id, "swipe").error == "mitid.phone.invalid_token"


def test_reissued_token_replaces_the_old_one(service, store):
    visit_id = new_visit(store)
    started_ = service.start(visit_id, USER, USER)
    assert service.reissue_token("another-visit", started_.request_id) is None
    fresh = service.reissue_token(visit_id, started_.request_id)
    assert service.phone(started_.token, started_.request_id, "swipe").error == "mitid.phone.invalid_token"
    assert service.phone(fresh, started_.request_id, "swipe").login.state == mitid.APPROVED


def test_second_login_for_a_user_is_refused_until_the_first_ends(service, store):
    first_visit, second_visit = new_visit(store), new_visit(store)
    first = service.start(first_visit, USER, USER)
    assert service.start(second_visit, USER, USER).error == "mitid.error.parallel"
    assert service.kiosk(second_visit, first.request_id, "cancel").error == "mitid.error.no_request"
    assert service.kiosk(first_visit, first.request_id, "cancel").login.state == mitid.CANCELLED
    assert service.start(second_visit, USER, USER).ok


def test_reject_on_the_phone_and_pin_on_the_phone(service, store):
    visit_id = new_visit(store)
    started_ = service.start(visit_id, USER, USER)
    assert service.phone(started_.token, started_.request_id, "reject").login.state == mitid.REJECTED
    assert visits.get(store, visit_id).login is None
    again = service.start(visit_id, USER, USER, require_pin=True)
    assert service.phone(again.token, again.request_id, "swipe").login.state == mitid.AWAITING_PIN
    pin = service.account(visit_id, USER).pin
    done = service.phone(again.token, again.request_id, "enter_pin", pin, via="onscreen")
    assert done.login.state == mitid.APPROVED and visits.get(store, visit_id).login.method == "onscreen_phone"


def test_four_digit_code_claims_a_phone_token(service, store):
    visit_id = new_visit(store)
    started_ = service.start(visit_id, USER, USER)
    code4 = service.kiosk(visit_id, started_.request_id, "set_channel", "code4").login.code4
    assert service.claim_with_code(USER, "zzzz", client="phone").error == "mitid.phone.code4_no_match"
    assert service.claim_with_code("nobody", code4, client="phone").error == "mitid.phone.code4_no_match"
    claimed = service.claim_with_code(USER, code4, client="phone")
    assert claimed.ok and claimed.token and claimed.token != started_.token
    service.phone(claimed.token, started_.request_id, "swipe")
    assert visits.get(store, visit_id).login.method == "four_digit_code"


def test_code_display_through_the_kiosk_and_its_lockout_persists(service, store, clock):
    visit_id = new_visit(store)
    started_ = service.start(visit_id, USER, USER, authenticator="code_display")
    rid = started_.request_id
    for _ in range(3):
        result = service.kiosk(visit_id, rid, "enter_code", "000000x")
    assert result.error == "mitid.error.suspended"
    assert service.account(visit_id, USER).suspended_until["code_display"] == T0 + mitid.SUSPEND_SECONDS
    assert service.kiosk(visit_id, rid, "choose", "code_display").error == "mitid.error.suspended"
    service.kiosk(visit_id, rid, "choose", "audio_code_reader")
    account = service.account(visit_id, USER)
    service.kiosk(visit_id, rid, "enter_code", mitid.device_code(account, clock.now))
    done = service.kiosk(visit_id, rid, "enter_password", account.password)
    assert done.login.state == mitid.APPROVED
    assert visits.get(store, visit_id).login.method == "audio_code_reader"


def test_public_address_and_expiry_setting(monkeypatch):
    assert public_base_url("http://10.0.0.5:8501/", "http://127.0.0.1:8512/x") == "http://10.0.0.5:8501"
    assert public_base_url(None, "http://127.0.0.1:8512/mitid_login?lang=de") == "http://127.0.0.1:8512"
    assert public_base_url(None, None).startswith("http://")
    assert phone_url("http://h:1", "tok") == "http://h:1/mitid_phone?token=tok"
    monkeypatch.setenv("DDS_MITID_EXPIRY_SECONDS", "7")
    assert request_seconds() == 7
    monkeypatch.setenv("DDS_MITID_EXPIRY_SECONDS", "nonsense")
    assert request_seconds() == mitid.REQUEST_SECONDS
