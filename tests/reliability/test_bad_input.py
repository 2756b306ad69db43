"""Every validator answers hostile or odd input with a message key from the catalogs, never an exception.

Fed by hypothesis (tests/reliability/payloads.py): unicode and emoji, 10,000-character strings, HTML and script
payloads, SQL metacharacters, negative and huge numbers, empty input. Covered: each registered borger.dk flow
(every step's rules through ``Flow.check_step``, and ``finish`` with its letters when the answers pass), the
Digital Post message/reply/attachment/folder checks, the MitID user ID check, code/password/PIN/4-digit entries
and service, the CPR parser.

Known to bite — each test was seen failing locally against a broken version (not committed): flows with
``parse_int`` lacking its guard; message checks with ``validate`` measuring the subject in Latin-1; sending with
the subject stored ``html.escape``d; replies with ``get_letter`` ignoring the visit; the user ID check with
``looks_like_cpr`` parsing ``int(text)``; the service with ``resolve`` expecting hex tokens; the CPR parser
letting ``dt.date``'s ValueError escape. The code/password/PIN/4-digit test found a real bug:
``secrets.compare_digest`` on ``str`` raises TypeError for non-ASCII input (fixed in simulators/mitid/login.py).
"""
from __future__ import annotations

import datetime as dt
import random
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulators.population import cpr
from simulators.core import i18n
from simulators.mitid import login as mitid
from simulators.post import compose as post_compose
from simulators.post import postbox
from simulators.borger import FLOWS
from simulators.core.store import Store
from tests.helpers.payloads import nasty_number, nasty_text
from tests.helpers.personas import TODAY, make_persona, member

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])
PERSONAS = [
    make_persona(),
    make_persona(birth_date=dt.date(1958, 1, 2), household=[], income=0, occupation="retired"),
    make_persona(birth_date=dt.date(2007, 12, 1), household=[member(50, "Ida", 45, "parent")], income=12_000),
]


def is_message(key, params=None) -> bool:
    """A catalog key whose text formats with ``params`` in every language."""
    return (isinstance(key, str) and key in i18n.catalog("en")
            and all(isinstance(i18n.translate(lang, key, **(params or {})), str) for lang in i18n.LANGS))


def assert_message(key, params=None) -> None:
    assert is_message(key, params), f"not a catalog key (or its text does not format): {key!r}"


def value_for(field, persona, answers):
    """What the page's widget for this field can hand over, plus any text (drafts are stored as text)."""
    options = [o.value for o in field.options(persona, answers, TODAY)] if field.options else []
    by_kind = {
        "text": nasty_text(),
        "int": st.one_of(nasty_number(), nasty_text()),
        "date": st.one_of(nasty_text(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)),
        "choice": st.one_of(st.sampled_from(options), nasty_text()) if options else nasty_text(),
        "select": st.one_of(st.sampled_from(options), nasty_text()) if options else nasty_text(),
        "multi": st.lists(st.one_of(st.sampled_from(options), nasty_text()) if options else nasty_text(), max_size=4),
        "checkbox": st.one_of(st.booleans(), st.none()),
    }
    return st.one_of(by_kind[field.kind], st.none())


@pytest.mark.parametrize("flow_id", sorted(FLOWS))
@FAST
@given(data=st.data())
def test_flow_rules_answer_with_message_keys(flow_id, data):
    flow = FLOWS[flow_id]
    persona = data.draw(st.sampled_from(PERSONAS))
    answers = dict(flow.prefilled(persona, TODAY))
    for step in flow.steps:
        for field in step.fields:
            if data.draw(st.booleans()):
                answers[field.id] = data.draw(value_for(field, persona, answers))
    for step in flow.visible_steps(persona, answers, TODAY):
        for field_id, (key, params) in flow.check_step(step.id, answers, persona, TODAY).items():
            assert field_id in {f.id for f in step.fields} or field_id, field_id
            assert_message(key, params)
    flow.summary(persona, answers, TODAY)
    ok, reason, reason_params = flow.eligible(persona, TODAY)
    assert ok or is_message(reason, reason_params), reason
    if ok and not flow.check_all(answers, persona, TODAY):  # valid odd answers must go all the way through
        from simulators.post import letters

        outcome = flow.finish(persona, answers, TODAY, random.Random(1))
        for letter in outcome.letters:
            for lang in i18n.LANGS:
                letters.render(letter["template"], lang, letter["params"])


@FAST
@given(recipient=st.one_of(st.none(), nasty_text(), st.sampled_from(post_compose.recipients())),
       subject=nasty_text(), body=nasty_text(),
       attachment=st.one_of(st.none(), st.tuples(nasty_text(), st.binary(max_size=64))))
def test_digital_post_message_checks_answer_with_keys(recipient, subject, body, attachment):
    for key, params in post_compose.validate(recipient, subject, body, attachment):
        assert_message(key, params)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Store(f"sqlite:///{tmp_path_factory.mktemp('bad-input')}/bad.db")


@FAST
@given(subject=nasty_text(), body=nasty_text(), folder=nasty_text())
def test_digital_post_send_and_folders_keep_odd_text_verbatim(store, subject, body, folder):
    visit_id = uuid.uuid4().hex
    recipient = post_compose.recipients()[0]
    errors, sent, ack = post_compose.send(store, visit_id, recipient, subject, body)
    for key, params in errors:
        assert_message(key, params)
    stored = None if errors else postbox.get_letter(store, visit_id, sent["letter_id"])
    # a sent letter keeps the text as typed (escaping is the page's job) and is acknowledged
    assert errors or ((stored["subject_text"], stored["body_text"], ack is not None)
                      == (subject.strip(), body.replace("\r\n", "\n").strip(), True))
    created, error = postbox.create_folder(store, visit_id, folder)
    assert (created is None) != (error is None)
    assert not error or is_message(error), error


@FAST
@given(subject=nasty_text(), body=nasty_text())
def test_digital_post_reply_checks_answer_with_keys(store, subject, body):
    from simulators.post import letters

    replyable = next(t for t, meta in letters.templates().items() if meta.get("replyable"))
    visit_id = uuid.uuid4().hex
    params = {name: "x" for name in letters.placeholders(replyable)}
    original = postbox.deliver(store, visit_id, [{"template": replyable, "params": params}])[0]
    errors, sent, _ = post_compose.send(store, visit_id, None, subject, body, reply_to=original["letter_id"])
    for key, params in errors:
        assert_message(key, params)
    assert (sent is None) == bool(errors)
    refused, _, _ = post_compose.send(store, uuid.uuid4().hex, None, subject, body, reply_to=original["letter_id"])
    assert [key for key, _ in refused] == ["post.error.not_replyable"]  # another visit's letter: no reply


@FAST
@given(entry=nasty_text())
def test_mitid_code_password_pin_and_four_digit_entries_answer_with_keys(entry):
    now = 1_800_000_000.0
    account = mitid.new_account("DEMO1234")
    login = mitid.start("DEMO1234", account, now).login
    steps = [
        (mitid.choose(login, account, "code_display", now).login, lambda lo: mitid.enter_code(lo, account, entry, now)),
        (mitid.choose(login, account, "chip", now).login, lambda lo: mitid.enter_password(lo, account, entry, now)),
        (mitid.choose(login, account, "app", now, "code4").login, lambda lo: mitid.enter_code4(lo, entry, now)),
    ]
    pin_login = mitid.app_swipe(mitid.choose(mitid.start("DEMO1234", account, now, require_pin=True).login,
                                             account, "app", now).login, now).login
    steps.append((pin_login, lambda lo: mitid.app_enter_pin(lo, account, entry, now)))
    for before, enter in steps:
        outcome = enter(before)
        assert not outcome.error or is_message(outcome.error, outcome.params), outcome.error
        assert outcome.error or outcome.login.state != before.state or outcome.login.code4_claimed


@FAST
@given(typed=nasty_text())
def test_mitid_user_id_check_answers_with_keys(typed):
    account = mitid.new_account("DEMO1234")
    error = mitid.check_user_id(typed, account)
    assert error is not None or mitid.normalise_user_id(typed) == "demo1234"
    assert error is None or is_message(error), error


@FAST
@given(typed=nasty_text(), code=nasty_text(), token=nasty_text())
def test_mitid_service_refuses_odd_input_with_keys(store, typed, code, token):
    from simulators.mitid.service import MitIDService

    svc = MitIDService(store)
    result = svc.start(uuid.uuid4().hex, typed, "DEMO1234")
    assert not result.error or is_message(result.error, result.params), result.error
    claimed = svc.claim_with_code(typed, code, client=token)
    assert claimed.error
    assert_message(claimed.error, claimed.params)
    refused = svc.resolve(token)
    assert refused.error == "mitid.phone.invalid_token"


@FAST
@given(value=st.one_of(nasty_text(), st.from_regex(r"\A\d{6}[- ]?\d{4}\Z")))
def test_cpr_parser_answers_with_keys(value):
    problems = cpr.validate(value, TODAY)  # keys of cpr.ERROR_KEYS (no page shows them yet, so no catalog)
    assert set(problems) <= set(cpr.ERROR_KEYS)
    try:
        info = cpr.parse(value)
    except cpr.InvalidCpr as error:
        assert error.key in cpr.ERROR_KEYS
    else:
        assert info.cpr[:6] + info.cpr[7:] == "".join(ch for ch in value if ch.isdigit())
