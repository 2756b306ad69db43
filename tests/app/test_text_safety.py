"""Visitor text never leaves the app (issue #17, finding 1): a Markdown image payload with a right-to-left override,
typed into every text field of every flow, Digital Post's compose form and folder name, and both search boxes,
is shown only as plain or escaped text on every page that shows it afterwards — the step with its messages,
"check your answers", the receipt, Mit Overblik, the persona card on the welcome page, every letter in Digital
Post. Each page's elements are scanned (tests/helpers/text_safety.py): Markdown-rendering elements must not
hold the raw payload, st.html must not hold a raw tag, nothing may hold a bidi control character.

Seen failing on main before the fix: the persona card's address after the move (``st.markdown`` of the raw
street), the library's "no title matches “…”" error and the police's "unknown postcode" error (``st.error`` of
the raw query/postcode), the RLO character everywhere the street or description is shown.
"""
from __future__ import annotations

import datetime as dt

from simulators.borger import addresses
from simulators.core.store import Store
from simulators.post import postbox
from tests.helpers.apptest import no_exception
from tests.helpers.borger_app import TODAY, find, logged_in_app, open_flow, persona_for
from tests.helpers.mailbox import open_folder
from ui.post.mailbox_list import LETTERS_KEY
from tests.helpers.text_safety import PAYLOAD, VALUE, assert_safe, readable, shown

VALID_IMEI = "490154203237518"


def nonce(at) -> int:
    return at.session_state["ss_nonce"] if "ss_nonce" in at.session_state else 0


def key(at, flow_id: str, field_id: str) -> str:
    return f"ss_{flow_id}_{field_id}_{nonce(at)}"


def type_into(at, flow_id: str, **values) -> None:
    for field_id, value in values.items():
        at.text_input(key=key(at, flow_id, field_id)).set_value(value)


def next_step(at, where: str):
    at.button(key=f"ss_next_{nonce(at)}").click().run()
    no_exception(at)
    assert_safe(at, where)
    return at


def after_sending(at, visit_id: str, flow_id: str, answered: bool = True) -> None:
    """Send, then every page that shows the answers: receipt, Mit Overblik, welcome, each letter. ``answered``:
    the payload is among the answers (so "check your answers" shows it)."""
    assert_safe(at, f"{flow_id}: check your answers")
    assert shown(at) or not answered, f"{flow_id}: the payload is not on 'check your answers'"
    at.button(key="ss_send").click().run()
    no_exception(at)
    assert_safe(at, f"{flow_id}: receipt")
    at.switch_page("pages/overblik.py").run()
    no_exception(at)
    assert_safe(at, f"{flow_id}: Mit Overblik")
    at.switch_page("pages/welcome.py").run()
    no_exception(at)
    assert_safe(at, f"{flow_id}: welcome")
    at.switch_page("pages/digital_post.py").run()
    no_exception(at)
    assert_safe(at, f"{flow_id}: mailbox")
    for letter in postbox.list_letters(Store(), visit_id):
        if letter.get("origin") == "action":
            at.session_state["post_folder"] = letter["folder"]
            at.session_state["post_open"] = letter["letter_id"]
            at.run()
            no_exception(at)
            assert_safe(at, f"{flow_id}: letter {letter['template']}")


def test_moving_shows_a_typed_address_only_as_text():
    at, visit_id = logged_in_app("en", persona_for("moving"))
    open_flow(at, "moving")
    next_step(at, "moving: overview")
    type_into(at, "moving", other_cprs=VALUE)
    next_step(at, "moving: persons with a bad CPR")
    type_into(at, "moving", other_cprs="")
    next_step(at, "moving: persons")
    type_into(at, "moving", street=VALUE, house_number=VALUE, floor=VALUE, door=VALUE, postcode=VALUE, town=VALUE)
    next_step(at, "moving: address, every field the payload")
    type_into(at, "moving", house_number="5", postcode="8000", town=VALUE)
    next_step(at, "moving: address, town the payload")
    type_into(at, "moving", town="Aarhus C")
    next_step(at, "moving: address")
    at.date_input(key=key(at, "moving", "moving_date")).set_value(TODAY + dt.timedelta(days=3))
    next_step(at, "moving: special")
    at.radio(key=key(at, "moving", "doctor")).set_value(addresses.doctors_near("8000")[0]["id"])
    next_step(at, "moving: doctor")
    after_sending(at, visit_id, "moving")
    at.switch_page("pages/welcome.py").run()
    assert shown(at), "the persona card does not show the new street as text"


def test_police_shows_typed_text_only_as_text():
    at, visit_id = logged_in_app("en", persona_for("police"))
    open_flow(at, "police")
    find(at, "checkbox", "ss_police_items_").check()  # the first kind: a phone
    type_into(at, "police", description=VALUE)
    next_step(at, "police: what")
    type_into(at, "police", imei=VALUE)
    next_step(at, "police: a payload IMEI")
    type_into(at, "police", imei=VALID_IMEI)
    next_step(at, "police: phone")
    at.date_input(key=key(at, "police", "incident_date")).set_value(TODAY - dt.timedelta(days=1))
    type_into(at, "police", incident_time=VALUE)
    next_step(at, "police: a payload time")
    type_into(at, "police", incident_time="18:30")
    next_step(at, "police: when")
    type_into(at, "police", street=VALUE, postcode=VALUE, town=VALUE, insurer=VALUE)
    next_step(at, "police: where, every field the payload")
    type_into(at, "police", postcode="")
    next_step(at, "police: where")
    after_sending(at, visit_id, "police")


def test_library_echoes_a_typed_query_only_as_text():
    at, visit_id = logged_in_app("en", persona_for("library"))
    open_flow(at, "library")
    type_into(at, "library", query=VALUE)
    next_step(at, "library: no title matches the payload")
    assert shown(at), "the 'no title matches' message does not show the query as text"
    type_into(at, "library", query="Andersen")
    next_step(at, "library: search")
    find(at, "checkbox", "ss_library_titles_").check()
    next_step(at, "library: titles")
    next_step(at, "library: pickup")
    after_sending(at, visit_id, "library", answered=False)


def test_digital_post_and_both_search_boxes_show_typed_text_only_as_text():
    at, visit_id = logged_in_app("en", persona_for("moving"))
    at.switch_page("pages/borger.py").run()
    at.text_input(key="bdk_search").set_value(VALUE).run()
    no_exception(at)
    assert_safe(at, "borger.dk search")
    at.switch_page("pages/digital_post.py").run()
    at.text_input(key="post_search").set_value(VALUE).run()
    assert_safe(at, "Digital Post search")
    at.text_input(key="post_search").set_value("").run()
    at.session_state["post_new_folder"] = True  # the "new folder" popover open: its name box is drawn
    at.run()
    at.text_input(key="post_new_folder_name").set_value(VALUE).run()
    at.button(key="post_new_folder_create").click().run()
    no_exception(at)
    assert_safe(at, "Digital Post: own folder")
    assert shown(at), "the new folder's name is not shown as text"
    open_folder(at, "inbox")
    at.button(key="post_write_new").click().run()
    at.selectbox(key="post_compose_recipient").set_value("skattestyrelsen")
    at.text_input(key="post_compose_subject").set_value(VALUE)
    at.text_area(key="post_compose_body").set_value(f"{VALUE}\n{PAYLOAD}")
    at.button(key="post_compose_send").click().run()
    no_exception(at)
    assert_safe(at, "Digital Post: sent folder")
    rows = at.pills(key=LETTERS_KEY).options  # the own folder's name is in the folder bar too: look at the rows
    assert any(PAYLOAD in readable("button_group", row) for row in rows), "the sent message's subject is not shown"
    for letter in postbox.list_letters(Store(), visit_id):
        if letter.get("origin") in ("visitor", "action"):  # the message and its acknowledgement
            at.session_state["post_folder"] = letter["folder"]
            at.session_state["post_open"] = letter["letter_id"]
            at.run()
            no_exception(at)
            assert_safe(at, f"Digital Post: letter {letter.get('template') or 'own message'}")
            assert shown(at), f"letter {letter.get('template')} does not show the subject as text"
