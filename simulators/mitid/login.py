"""One simulated MitID login as a pure state machine: no store, no Streamlit, the time always passed in.

A login starts from a user ID (checked against the persona's demo *account*), then an authenticator is chosen:

    app                  pending --swipe--> [awaiting_pin --PIN-->] approved      (or --Afvis--> rejected)
    code_display,        awaiting_code --6-digit TOTP--> awaiting_password --password--> approved
    audio_code_reader
    chip                 awaiting_password --password--> awaiting_chip_button --button--> approved

Any active state can be cancelled, can change authenticator ("change identification method") and expires at
``expires_at``. Every transition returns an ``Outcome``: the new login, the (possibly changed) account and a
message key when something was refused. Messages are keys for ``t()``; this module never holds text.

Facts vs. choices (docs/DOMAIN.md §1.4): three wrong entries suspend a code display / audio code reader (sourced);
the request lifetime (180 s), the suspension length (5 min), the number of wrong app PINs and the limit on wrong
4-digit codes are **choices of the simulation** because the real values are unverified; pages label them as
assumptions.

The 4-digit code (``enter_code4``) is typed on a phone that has no QR code: a wrong one refuses that phone and
nothing else — the visitor's login waits on. The phone's wrong codes are counted per phone by the service
(simulators/mitid/service.py), which pauses a phone after ``MAX_WRONG_CODE4`` of them. A claimed code is used up.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass, field, replace

import pyotp

from simulators.core import ids

AUTHENTICATORS = ("app", "code_display", "audio_code_reader", "chip")
CODE_DEVICES = ("code_display", "audio_code_reader")
CHANNELS = ("qr", "code4", "onscreen")  # how the app request reaches the app: QR scan, 4-digit code, kiosk phone

AWAITING_METHOD, PENDING, AWAITING_PIN = "awaiting_method", "pending", "awaiting_pin"  # pending: the app's swipe
AWAITING_CODE, AWAITING_PASSWORD, AWAITING_CHIP_BUTTON = "awaiting_code", "awaiting_password", "awaiting_chip_button"
APPROVED, REJECTED, EXPIRED, CANCELLED = "approved", "rejected", "expired", "cancelled"
ACTIVE_STATES = (AWAITING_METHOD, PENDING, AWAITING_PIN, AWAITING_CODE, AWAITING_PASSWORD, AWAITING_CHIP_BUTTON)

REQUEST_SECONDS = 180  # assumption: the real lifetime of an app request is unverified
SUSPEND_SECONDS = 300  # assumption: MitID says "a short period of time"
MAX_WRONG = 3  # sourced for code display / audio code reader; applied to the app PIN as an assumption
MAX_WRONG_CODE4 = 3  # assumption: wrong 4-digit codes one phone may type before it must pause
CODE4_PAUSE_SECONDS = 300  # assumption: the pause of such a phone (its wrong codes are forgotten after it, too)
TOTP_DIGITS = PIN_DIGITS = 6

SERVICE = "borger.dk"
REFERENCE_LOG_ON = "mitid.reference.log_on"  # "Log on to {service}" — what the visitor approves

_CPR_LIKE = re.compile(r"\d{6}[-\s]?\d{4}")


@dataclass
class Account:
    """The persona's simulated MitID: demo credentials shown on screen, never real ones."""
    user_id: str
    password: str
    pin: str
    totp_secret: str
    wrong: dict[str, int] = field(default_factory=dict)
    suspended_until: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Account":
        return cls(**data)


@dataclass
class Login:
    user_id: str
    service: str
    reference: str
    state: str
    created_at: float
    expires_at: float
    ttl: float
    require_pin: bool = False
    authenticator: str | None = None
    channel: str = "qr"
    code4: str = ""
    code4_claimed: bool = False
    decided_at: float | None = None
    error: str | None = None
    error_params: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Login":
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})  # e.g. code4_wrong of logins stored before

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES

    def seconds_left(self, now: float) -> int:
        return max(0, int(self.expires_at - now + 0.999)) if self.active else 0


@dataclass(frozen=True)
class Outcome:
    login: Login | None
    account: Account | None
    error: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


def new_account(user_id: str) -> Account:
    """Demo credentials for one visit: readable, random, shown on the kiosk's device panel."""
    return Account(user_id=user_id, password=f"Demo-{secrets.randbelow(9000) + 1000}",
                   pin=f"{secrets.randbelow(10 ** PIN_DIGITS):0{PIN_DIGITS}d}", totp_secret=pyotp.random_base32())


def looks_like_cpr(text: str) -> bool:
    """10 digits, with or without a dash after six (real or "day + 60" fictitious CPR numbers alike)."""
    return bool(_CPR_LIKE.fullmatch((text or "").strip()))


def normalise_user_id(text: str) -> str:
    return (text or "").strip().casefold()


def mask_user_id(user_id: str) -> str:
    """What the phone shows: enough to recognise one's own user ID, not enough to learn someone else's."""
    if len(user_id) <= 4:
        return user_id[:1] + "•" * max(len(user_id) - 1, 2)
    return user_id[:2] + "•" * (len(user_id) - 4) + user_id[-2:]


def device_code(account: Account, now: float) -> str:
    """The 6-digit RFC 6238 code the simulated code display / audio code reader shows at ``now``."""
    return pyotp.TOTP(account.totp_secret, digits=TOTP_DIGITS).at(now)


def check_user_id(user_id: str, account: Account | None) -> str | None:
    """The message key that refuses this user ID, or None when it belongs to the demo account."""
    if not (user_id or "").strip():
        return "mitid.error.empty_user_id"
    if looks_like_cpr(user_id):
        return "mitid.error.cpr_like"
    if not ids.user_id(user_id):
        return "mitid.error.user_id_format"
    if account is None or normalise_user_id(user_id) != normalise_user_id(account.user_id):
        return "mitid.error.unknown_user_id"
    return None


def start(user_id: str, account: Account | None, now: float, others_active: bool = False,
          service: str = SERVICE, reference: str = REFERENCE_LOG_ON, require_pin: bool = False,
          ttl: float = REQUEST_SECONDS) -> Outcome:
    """Accept the user ID (→ awaiting_method) or refuse it. ``others_active``: another login of this user ID is
    still active; like MitID (`parallel_sessions_detected`) the *new* one is refused, the first one is kept."""
    error = check_user_id(user_id, account)
    if error:
        return Outcome(None, account, error)
    if others_active:
        return Outcome(None, account, "mitid.error.parallel")
    login = Login(user_id=account.user_id, service=service, reference=reference, state=AWAITING_METHOD,
                  created_at=now, expires_at=now + ttl, ttl=ttl, require_pin=require_pin,
                  code4=f"{secrets.randbelow(10000):04d}")
    return Outcome(login, account)


def tick(login: Login, now: float) -> Login:
    """The login as it is at ``now``: an active login past its expiry is expired."""
    if login.active and now >= login.expires_at:
        return replace(login, state=EXPIRED, decided_at=login.expires_at, error="mitid.error.expired")
    return login


def _guard(login: Login, account: Account | None, now: float, *states: str) -> tuple[Login, Outcome | None]:
    current = tick(login, now)
    if current.state == EXPIRED and login.state != EXPIRED:
        return current, Outcome(current, account, "mitid.error.expired")
    if current.state not in states:
        return current, Outcome(current, account, "mitid.error.wrong_state", {"state": current.state})
    return current, None


def suspended_until(account: Account, authenticator: str, now: float) -> float | None:
    until = account.suspended_until.get(authenticator)
    return until if until and until > now else None


def choose(login: Login, account: Account, authenticator: str, now: float, channel: str = "qr") -> Outcome:
    """Choose (or change to) an authenticator; the request's lifetime starts again from ``now``."""
    login, refused = _guard(login, account, now, *ACTIVE_STATES)
    if refused:
        return refused
    if authenticator not in AUTHENTICATORS or channel not in CHANNELS:
        return Outcome(login, account, "mitid.error.unknown_method")
    until = suspended_until(account, authenticator, now)
    if until:
        return Outcome(replace(login, state=AWAITING_METHOD, authenticator=None, error="mitid.error.suspended",
                               error_params={"until": until}), account, "mitid.error.suspended", {"until": until})
    state = {"app": PENDING, "chip": AWAITING_PASSWORD}.get(authenticator, AWAITING_CODE)
    return Outcome(replace(login, state=state, authenticator=authenticator, channel=channel,
                           expires_at=now + login.ttl, error=None, error_params={}), account)


def set_channel(login: Login, channel: str, now: float) -> Outcome:
    """Show the app request as QR code, 4-digit code or on the on-screen phone (same request, same expiry)."""
    login, refused = _guard(login, None, now, PENDING)
    if refused:
        return refused
    if channel not in CHANNELS:
        return Outcome(login, None, "mitid.error.unknown_method")
    return Outcome(replace(login, channel=channel), None)


def change_method(login: Login, now: float) -> Outcome:
    login, refused = _guard(login, None, now, *ACTIVE_STATES)
    if refused:
        return refused
    return Outcome(replace(login, state=AWAITING_METHOD, authenticator=None, error=None, error_params={}), None)


def cancel(login: Login, now: float) -> Outcome:
    login, refused = _guard(login, None, now, *ACTIVE_STATES)
    if refused:
        return refused
    return Outcome(replace(login, state=CANCELLED, decided_at=now, error="mitid.error.cancelled"), None)


def enter_code4(login: Login, code: str, now: float) -> Outcome:
    """The 4-digit code from the screen, typed in the app (MitID's alternative to scanning the QR code). A wrong
    code changes nothing here (the service counts it against the phone); a claimed code cannot be claimed again."""
    login, refused = _guard(login, None, now, PENDING)
    if refused:
        return refused
    if login.channel != "code4":
        return Outcome(login, None, "mitid.error.wrong_state", {"state": login.state})
    if not secrets.compare_digest((code or "").strip().encode(), login.code4.encode()):  # bytes: str must be ASCII
        return Outcome(login, None, "mitid.error.code4_wrong")
    if login.code4_claimed:
        return Outcome(login, None, "mitid.phone.code4_used")
    return Outcome(replace(login, code4_claimed=True), None)


def app_swipe(login: Login, now: float) -> Outcome:
    """Swipe (or the Approve button) in the app: approved, or on to the PIN step for extra security."""
    login, refused = _guard(login, None, now, PENDING)
    if refused:
        return refused
    if login.authenticator != "app":
        return Outcome(login, None, "mitid.error.wrong_state", {"state": login.state})
    if login.channel == "code4" and not login.code4_claimed:
        return Outcome(login, None, "mitid.error.code4_first")
    if login.require_pin:
        return Outcome(replace(login, state=AWAITING_PIN, error=None), None)
    return Outcome(replace(login, state=APPROVED, decided_at=now, error=None), None)


def app_reject(login: Login, now: float) -> Outcome:
    """"Afvis" in the app."""
    login, refused = _guard(login, None, now, PENDING, AWAITING_PIN)
    if refused:
        return refused
    return Outcome(replace(login, state=REJECTED, decided_at=now, error="mitid.error.rejected"), None)


def _wrong_entry(login: Login, account: Account, authenticator: str, now: float, key: str) -> Outcome:
    """Count a wrong entry; the third in a row suspends the authenticator and sends the login back to the
    choice of authenticator (another one may still work)."""
    wrong = {**account.wrong, authenticator: account.wrong.get(authenticator, 0) + 1}
    if wrong[authenticator] >= MAX_WRONG:
        until = now + SUSPEND_SECONDS
        account = replace(account, wrong={**wrong, authenticator: 0},
                          suspended_until={**account.suspended_until, authenticator: until})
        return Outcome(replace(login, state=AWAITING_METHOD, authenticator=None, error="mitid.error.suspended",
                               error_params={"until": until}), account, "mitid.error.suspended", {"until": until})
    left = MAX_WRONG - wrong[authenticator]
    return Outcome(replace(login, error=key, error_params={"left": left}), replace(account, wrong=wrong), key,
                   {"left": left})


def _right_entry(account: Account, authenticator: str) -> Account:
    return replace(account, wrong={**account.wrong, authenticator: 0})


def app_enter_pin(login: Login, account: Account, pin: str, now: float) -> Outcome:
    login, refused = _guard(login, account, now, AWAITING_PIN)
    if refused:
        return refused
    if secrets.compare_digest((pin or "").strip().encode(), account.pin.encode()):  # bytes: str must be ASCII
        return Outcome(replace(login, state=APPROVED, decided_at=now, error=None), _right_entry(account, "app"))
    return _wrong_entry(login, account, "app", now, "mitid.error.pin_wrong")


def enter_code(login: Login, account: Account, code: str, now: float) -> Outcome:
    """The 6-digit code from the code display / audio code reader (one 30-second step of clock drift allowed)."""
    login, refused = _guard(login, account, now, AWAITING_CODE)
    if refused:
        return refused
    code = re.sub(r"\s", "", code or "")
    if len(code) == TOTP_DIGITS and pyotp.TOTP(account.totp_secret).verify(code, for_time=now, valid_window=1):
        return Outcome(replace(login, state=AWAITING_PASSWORD, error=None), account)
    return _wrong_entry(login, account, login.authenticator, now, "mitid.error.code_wrong")


def enter_password(login: Login, account: Account, password: str, now: float) -> Outcome:
    login, refused = _guard(login, account, now, AWAITING_PASSWORD)
    if refused:
        return refused
    if not secrets.compare_digest((password or "").encode(), account.password.encode()):
        return _wrong_entry(login, account, login.authenticator, now, "mitid.error.password_wrong")
    account = _right_entry(account, login.authenticator)
    if login.authenticator == "chip":
        return Outcome(replace(login, state=AWAITING_CHIP_BUTTON, error=None), account)
    return Outcome(replace(login, state=APPROVED, decided_at=now, error=None), account)


def press_chip_button(login: Login, now: float) -> Outcome:
    login, refused = _guard(login, None, now, AWAITING_CHIP_BUTTON)
    if refused:
        return refused
    return Outcome(replace(login, state=APPROVED, decided_at=now, error=None), None)


def method_code(login: Login, via: str = "phone") -> str:
    """The anonymous booth-statistics code of how an approved login was done."""
    if login.authenticator != "app":
        return login.authenticator or ""
    if via == "onscreen":
        return "onscreen_phone"
    return "four_digit_code" if login.code4_claimed else "own_phone"
