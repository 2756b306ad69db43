"""MitID logins kept in the store, so the kiosk and the visitor's phone (two browser sessions) share them.

Items (all scoped to the visit, so a reset deletes them):
- ``auth_request`` — one login (``simulators.mitid.login.Login`` as a dict), key = the user ID (one-pending rule);
- ``auth_token``   — id = SHA-256 of the phone token, pointing at its request; the token itself is never stored;
- ``mitid_account`` — the persona's demo MitID (demo password, PIN, TOTP secret, wrong-entry counters);
- ``mitid_code4_client`` — one phone's wrong 4-digit codes (id = SHA-256 of the phone session's id; no visit: they
  are dropped ``CODE4_PAUSE_SECONDS`` after the phone's last wrong code, on a later claim).

Every change is read → pure transition → ``Store.update(expected_version=…)``; a lost race (a replayed token,
a phone and the kiosk at once) reads again and reports the state that won, so nothing is decided twice. A login
that vanished meanwhile (the kiosk ended the visit) answers "no longer valid", and whatever this call wrote for
the ended visit is removed again.

Ids from outside (tokens, request ids, visit ids, typed user IDs) are checked against their format
(simulators/core/ids.py) before they reach the store. The 4-digit code path answers a phone the same whether or
not a login waits for the user ID, counts wrong codes against that phone (``claim_with_code``'s ``client``) and
never against the visitor's login, and refuses a second claim of a claimed code.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from simulators.mitid import login as mitid
from simulators.core import ids, visits
from simulators.core.store import Item, Store

REQUEST_KIND, TOKEN_KIND, ACCOUNT_KIND = "auth_request", "auth_token", "mitid_account"
CLIENT_KIND = "mitid_code4_client"
GONE_FOR_PHONE = "mitid.phone.invalid_token"  # "This link is not (or no longer) valid …"
GONE_FOR_KIOSK = "mitid.error.no_request"  # "This login does not exist (any more)."
CODE4_NO_MATCH = "mitid.phone.code4_no_match"  # the one answer of a claim that found nothing to claim
TOKEN_BYTES = 32  # 256 bits


def request_seconds() -> float:
    """Lifetime of a request: the simulation's 180 s, or DDS_MITID_EXPIRY_SECONDS (tests shorten it)."""
    try:
        return max(float(os.environ.get("DDS_MITID_EXPIRY_SECONDS", mitid.REQUEST_SECONDS)), 1.0)
    except ValueError:
        return float(mitid.REQUEST_SECONDS)


def public_base_url(configured: str | None, page_url: str | None) -> str:
    """Where phones reach this app: DDS_PUBLIC_URL if set, else scheme://host:port of the kiosk's own URL."""
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(page_url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return "http://127.0.0.1:8501"


def phone_url(base: str, token: str) -> str:
    return f"{base}/mitid_phone?token={token}"


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def client_key(client: str) -> str:
    """The store id of a phone's wrong-code counter (the phone session's id itself is never stored)."""
    return hashlib.sha256(f"code4-client:{client or ''}".encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Result:
    """What a call did: the request (id, login, version) as it is now, a message key if refused, a new token."""
    request_id: str | None
    login: mitid.Login | None
    error: str | None = None
    params: dict | None = None
    token: str | None = None
    version: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


class MitIDService:
    def __init__(self, store: Store, clock=time.time):
        self.store = store
        self.clock = clock

    # ---- the demo account ------------------------------------------------------------------------------
    def account(self, visit_id: str, user_id: str | None) -> mitid.Account | None:
        """The visit persona's demo MitID (made on first use); None when the persona has no MitID."""
        if not user_id:
            return None
        item = self.store.get(ACCOUNT_KIND, visit_id)
        if item and item.data.get("user_id") == user_id:
            return mitid.Account.from_dict(item.data)
        account = mitid.new_account(user_id)
        self.store.put(ACCOUNT_KIND, visit_id, account.to_dict(), visit_id=visit_id, key=user_id)
        return account

    def _save_account(self, visit_id: str, before: mitid.Account, after: mitid.Account | None) -> None:
        if after is not None and after.to_dict() != before.to_dict():
            self.store.put(ACCOUNT_KIND, visit_id, after.to_dict(), visit_id=visit_id, key=after.user_id)

    # ---- reading -----------------------------------------------------------------------------------------
    def _load(self, request_id: str) -> tuple[Item, mitid.Login] | None:
        if not ids.request_id(request_id):
            return None
        item = self.store.get(REQUEST_KIND, request_id)
        return (item, mitid.Login.from_dict(item.data["login"])) if item else None

    def current(self, visit_id: str) -> Result:
        """The visit's latest login as it is now (an overdue one is marked expired in the store)."""
        if not ids.visit_id(visit_id):
            return Result(None, None)
        items = self.store.find(REQUEST_KIND, visit_id=visit_id)
        if not items:
            return Result(None, None)
        item = max(items, key=lambda i: i.created_at)
        return self._refresh(item)

    def get(self, request_id: str) -> Result:
        loaded = self._load(request_id)
        return self._refresh(loaded[0]) if loaded else Result(None, None, "mitid.error.no_request")

    def _refresh(self, item: Item) -> Result:
        login = mitid.Login.from_dict(item.data["login"])
        now_login = mitid.tick(login, self.clock())
        if now_login is not login:
            saved = self.store.update(REQUEST_KIND, item.id, {**item.data, "login": now_login.to_dict()},
                                      expected_version=item.version)
            if saved is None:  # someone else changed it meanwhile: theirs wins
                return self.get(item.id)
            return Result(item.id, now_login, version=saved.version)
        return Result(item.id, login, version=item.version)

    def _active_for_user(self, user_id: str) -> list[mitid.Login]:
        now = self.clock()
        logins = (mitid.tick(mitid.Login.from_dict(i.data["login"]), now)
                  for i in self.store.find(REQUEST_KIND, key=mitid.normalise_user_id(user_id)))
        return [login for login in logins if login.active]

    # ---- the kiosk -----------------------------------------------------------------------------------------
    def start(self, visit_id: str, typed_user_id: str, persona_user_id: str | None,
              require_pin: bool = False, authenticator: str = "app") -> Result:
        """CONTINUE in the box: check the user ID, refuse a second active login of it, choose the
        authenticator MitID remembers (the app by default) and issue the phone token."""
        now = self.clock()
        account = self.account(visit_id, persona_user_id)
        busy = bool(account) and bool(self._active_for_user(account.user_id))
        outcome = mitid.start(typed_user_id, account, now, others_active=busy, require_pin=require_pin,
                              ttl=request_seconds())
        if not outcome.ok:
            return Result(None, None, outcome.error, outcome.params)
        chosen = mitid.choose(outcome.login, account, authenticator, now)
        login = chosen.login if chosen.login else outcome.login
        # The token is written with the request (one statement, not a read and an update after it): nobody else
        # knows either yet, so no race can change what is returned (issue #18: CONTINUE read the store 7 times).
        request_id = secrets.token_urlsafe(16)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        digest = token_hash(token)
        item = self.store.put(REQUEST_KIND, request_id, {"visit_id": visit_id, "login": login.to_dict(),
                                                         "token_hash": digest},
                              visit_id=visit_id, key=mitid.normalise_user_id(login.user_id))
        self.store.put(TOKEN_KIND, digest, {"request_id": request_id}, visit_id=visit_id)
        if self._drop_if_ended(visit_id):  # the visit ended meanwhile: nothing of it stays
            return Result(None, None, GONE_FOR_KIOSK)
        return Result(request_id, login, chosen.error, chosen.params, token, item.version)

    def _issue_token(self, request_id: str, visit_id: str) -> str | None:
        """A fresh phone token for the request; any earlier token of it stops working. None: the request is gone
        (its visit ended meanwhile)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        digest = token_hash(token)
        for _attempt in range(5):
            item = self.store.get(REQUEST_KIND, request_id)
            if item is None:
                return None
            old = item.data.get("token_hash")
            if self.store.update(REQUEST_KIND, request_id, {**item.data, "token_hash": digest},
                                 expected_version=item.version) is not None:
                if old:
                    self.store.delete(TOKEN_KIND, old)
                self.store.put(TOKEN_KIND, digest, {"request_id": request_id}, visit_id=visit_id)
                if self._drop_if_ended(visit_id):  # the visit ended while the token was made: it names nothing
                    return None
                return token
        raise RuntimeError("could not issue a token")  # five lost races in a row: the store is misbehaving

    def _drop_if_ended(self, visit_id: str) -> bool:
        """After writing for a visit: if it ended meanwhile, remove what was written for it (an account made on
        first use, a token) — nothing of an ended visit stays. True when it had ended."""
        if visits.get(self.store, visit_id) is not None:
            return False
        self.store.delete_visit(visit_id)
        return True

    def reissue_token(self, visit_id: str, request_id: str) -> str | None:
        """The kiosk after a reload: it no longer knows its token (only the hash is kept), so it gets a new one."""
        loaded = self._load(request_id)
        if not loaded or loaded[0].data.get("visit_id") != visit_id or not loaded[1].active:
            return None
        return self._issue_token(request_id, visit_id)

    def kiosk(self, visit_id: str, request_id: str, action: str, *args) -> Result:
        """Apply a kiosk-side step (see KIOSK_STEPS) to the visit's own request."""
        loaded = self._load(request_id)
        if not loaded or loaded[0].data.get("visit_id") != visit_id:
            return Result(None, None, "mitid.error.no_request")
        return self._apply(request_id, KIOSK_STEPS[action], args, via="kiosk")

    # ---- the phone -----------------------------------------------------------------------------------------
    def resolve(self, token: str) -> Result:
        """The request a phone token names, or the reason it cannot be used (message key)."""
        item = self.store.get(TOKEN_KIND, token_hash(token)) if ids.token(token) else None
        if item is None:
            return Result(None, None, "mitid.phone.invalid_token")
        current = self.get(item.data["request_id"])
        if current.login is None:
            return Result(None, None, "mitid.phone.invalid_token")
        return Result(current.request_id, current.login, _token_problem(current.login), version=current.version)

    def phone(self, token: str, request_id: str, action: str, *args, via: str = "phone",
              client: str | None = None) -> Result:
        """Apply an app-side step (swipe, reject, enter_pin, enter_code4) with the token, to the request it names.
        ``via`` is "phone" (the visitor's own phone) or "onscreen" (the phone drawn on the kiosk); ``client``
        names the phone session, whose wrong 4-digit codes are counted (default: the token)."""
        found = self.resolve(token)
        if found.request_id is None:
            return found
        if found.request_id != request_id:
            return Result(request_id, None, "mitid.phone.foreign_token")
        if found.error:
            return found
        if action != "enter_code4":
            return self._apply(request_id, PHONE_STEPS[action], args, via=via, token=token)
        key, now = client_key(client or token), self.clock()
        paused = self._code4_paused(key, now)
        if paused:
            return Result(request_id, found.login, paused.error, paused.params, version=found.version)
        result = self._apply(request_id, PHONE_STEPS[action], args, via=via, token=token)
        if result.error != "mitid.error.code4_wrong":
            return result
        counted = self._code4_wrong(key, now, "mitid.error.code4_wrong")
        return Result(request_id, result.login, counted.error, counted.params, version=result.version)

    def claim_with_code(self, user_id: str, code: str, client: str) -> Result:
        """The simulated app without a QR scan: the user ID and the 4-digit code from the screen give this phone
        (``client``: its session's id) a token for the pending request. Whatever does not claim a login —
        no login waits for the user ID, or the code is wrong — gets the one answer ``CODE4_NO_MATCH`` and counts
        against this phone, which pauses after ``mitid.MAX_WRONG_CODE4``; the visitor's login waits on. A
        claimed code is used up: claiming it again is refused, and the first phone's token stays valid."""
        now = self.clock()
        key = client_key(client)
        paused = self._code4_paused(key, now)
        if paused:
            return paused
        if not ids.user_id(user_id):
            return Result(None, None, "mitid.error.user_id_format")
        for item in self.store.find(REQUEST_KIND, key=mitid.normalise_user_id(user_id)):
            login = mitid.tick(mitid.Login.from_dict(item.data["login"]), now)
            if login.state != mitid.PENDING or login.channel != "code4":
                continue
            result = self._apply(item.id, PHONE_STEPS["enter_code4"], (code,), via="phone")
            if result.ok:
                token = self._issue_token(item.id, item.visit_id)
                if token is not None:
                    return Result(item.id, result.login, token=token, version=result.version)
            elif result.error == "mitid.phone.code4_used":  # the right code, claimed already by another phone
                return Result(None, None, result.error)
        return self._code4_wrong(key, now, CODE4_NO_MATCH)

    # ---- a phone's wrong 4-digit codes -------------------------------------------------------------------
    def _code4_paused(self, key: str, now: float) -> Result | None:
        """The refusal while this phone pauses after too many wrong codes, or None."""
        item = self.store.get(CLIENT_KIND, key)
        if item is None or item.data.get("wrong", 0) < mitid.MAX_WRONG_CODE4:
            return None
        until = item.updated_at + mitid.CODE4_PAUSE_SECONDS
        return Result(None, None, "mitid.phone.code4_too_many", {"until": until}) if now < until else None

    def _code4_wrong(self, key: str, now: float, error: str) -> Result:
        """Count a wrong code against the phone: ``error`` with the tries it has left, or the pause. Counters of
        phones whose last wrong code is older than the pause are forgotten (and dropped from the store)."""
        self.store.delete_older(CLIENT_KIND, now - mitid.CODE4_PAUSE_SECONDS)
        item = self.store.get(CLIENT_KIND, key)
        fresh = item is not None and now - item.updated_at < mitid.CODE4_PAUSE_SECONDS
        wrong = (item.data.get("wrong", 0) if fresh else 0) + 1
        self.store.put(CLIENT_KIND, key, {"wrong": wrong}, at=now)
        if wrong >= mitid.MAX_WRONG_CODE4:
            return Result(None, None, "mitid.phone.code4_too_many", {"until": now + mitid.CODE4_PAUSE_SECONDS})
        return Result(None, None, error, {"left": mitid.MAX_WRONG_CODE4 - wrong})

    # ---- the common path ---------------------------------------------------------------------------------
    def _apply(self, request_id: str, step: "Transition", args: tuple, via: str, token: str | None = None) -> Result:
        gone = Result(request_id, None, GONE_FOR_PHONE if token is not None else GONE_FOR_KIOSK)
        visit_id = None
        for _attempt in range(5):
            loaded = self._load(request_id)
            if loaded is None:  # gone: the kiosk ended the visit (a reset, the idle watchdog) meanwhile
                if visit_id is not None:
                    self._drop_if_ended(visit_id)  # e.g. an account made on first use by the try before
                return gone
            item, login = loaded
            if token is not None and item.data.get("token_hash") != token_hash(token):
                return Result(request_id, login, "mitid.phone.invalid_token")  # replaced by a newer token
            visit_id = item.data["visit_id"]
            account = self.account(visit_id, login.user_id) if step.needs_account else None
            outcome = step.run(login, account, self.clock(), *args)
            new_login = outcome.login or login
            if new_login.to_dict() == login.to_dict():
                if account is not None and self._drop_if_ended(visit_id):
                    return gone
                return Result(request_id, login, outcome.error, outcome.params, version=item.version)
            saved = self.store.update(REQUEST_KIND, request_id, {**item.data, "login": new_login.to_dict()},
                                      expected_version=item.version)
            if saved is None:
                continue  # lost a race (a replayed token, kiosk and phone at once, the visit's end): read again
            if account is not None:
                self._save_account(visit_id, account, outcome.account)
            if new_login.state == mitid.APPROVED and login.state != mitid.APPROVED:
                self._log_visit_in(visit_id, new_login, via)
            if self._drop_if_ended(visit_id):  # ended while this was written: what was written goes again
                return gone
            return Result(request_id, new_login, outcome.error, outcome.params, version=saved.version)
        return Result(request_id, None, "mitid.error.busy")

    def _log_visit_in(self, visit_id: str, login: mitid.Login, via: str) -> None:
        method = mitid.method_code(login, via)
        visit = visits.record_login(self.store, visit_id, visits.Login(login.user_id, method, login.decided_at))
        visits.track(self.store, visit, "login", method)


def _token_problem(login: mitid.Login) -> str | None:
    """Why a token for this login can no longer approve anything (None: it still can)."""
    if login.state in (mitid.PENDING, mitid.AWAITING_PIN):
        return None
    return {mitid.APPROVED: "mitid.phone.used", mitid.REJECTED: "mitid.phone.used",
            mitid.EXPIRED: "mitid.phone.expired", mitid.CANCELLED: "mitid.phone.cancelled"}.get(
        login.state, "mitid.phone.not_waiting")


@dataclass(frozen=True)
class Transition:
    """A pure transition adapted to one call shape: run(login, account, now, *args) -> Outcome."""
    run: Callable[..., mitid.Outcome]
    needs_account: bool = False


KIOSK_STEPS = {
    "choose": Transition(lambda lo, acc, now, auth, channel="qr": mitid.choose(lo, acc, auth, now, channel), True),
    "set_channel": Transition(lambda lo, acc, now, channel: mitid.set_channel(lo, channel, now)),
    "change_method": Transition(lambda lo, acc, now: mitid.change_method(lo, now)),
    "cancel": Transition(lambda lo, acc, now: mitid.cancel(lo, now)),
    "enter_code": Transition(lambda lo, acc, now, code: mitid.enter_code(lo, acc, code, now), True),
    "enter_password": Transition(lambda lo, acc, now, password: mitid.enter_password(lo, acc, password, now), True),
    "press_chip_button": Transition(lambda lo, acc, now: mitid.press_chip_button(lo, now)),
}
PHONE_STEPS = {
    "swipe": Transition(lambda lo, acc, now: mitid.app_swipe(lo, now)),
    "reject": Transition(lambda lo, acc, now: mitid.app_reject(lo, now)),
    "enter_pin": Transition(lambda lo, acc, now, pin: mitid.app_enter_pin(lo, acc, pin, now), True),
    "enter_code4": Transition(lambda lo, acc, now, code: mitid.enter_code4(lo, code, now)),
}
