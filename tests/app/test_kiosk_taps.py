"""AppTest: the kiosk by touch only (issue #15) — the service tiles lead straight into the flow (shortest by
touch first), "Beispielangaben einsetzen" fills the step (kiosk and explore mode), the receipt's "Ihren Brief
lesen →" opens the letter in Digital Post and "Dasselbe in Deutschland →" the journeys page on the life event,
the letter's "Wie wäre das in Deutschland? →", a persona offered for a flow comes back to it after the new login,
the journey progress bar in kiosk mode, and the MitID page on a phone.

Seen failing before the fix: every test here (none of these buttons, keys or pages' behaviours existed)."""
from __future__ import annotations

import pytest

from simulators.borger import FLOWS, cases
from simulators.borger.framework import touch_order
from simulators.core import i18n, visits
from simulators.core.store import Store
from simulators.mitid import login as mitid
from simulators.post import postbox
from simulators.population.persona import persona_record
from tests.helpers.apptest import make_app, no_exception, start_visit, visit_of
from tests.helpers.borger_app import TODAY, field, logged_in_app, next_step, open_flow, persona_for, send
from ui.booth import progress
from ui.borger.runner import WANTED_FLOW
from ui.mitid import box
from ui.mitid.phone_app import service
from ui.shell.resources import population


def html_text(at) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def keys(at, kind: str = "button") -> list[str]:
    return [str(w.key) for w in at.get(kind) if getattr(w, "key", None)]


def tap_examples(at):
    at.button(key="ss_examples").click().run()
    no_exception(at)
    return at


@pytest.mark.parametrize("lang", ["de", "en", "da"])
def test_kiosk_tiles_lead_straight_into_the_flow_shortest_first(lang):
    person_id = persona_for("tax")
    at, _ = logged_in_app(lang, person_id, mode="kiosk")
    at.switch_page("pages/borger.py").run()
    no_exception(at)
    expected = [f.id for f in touch_order(FLOWS.values(), persona_record(population(), person_id), TODAY)]
    tiles = at.pills(key="bdk_services")
    assert tiles.options == [i18n.translate(lang, FLOWS[flow_id].title_key) for flow_id in expected]
    assert expected[0] == "tax"
    assert "bdk_search" not in keys(at, "text_input")  # no keyboard at the kiosk
    tiles.set_value("tax").run()
    no_exception(at)
    assert at.query_params.get("flow") in ("tax", ["tax"])
    assert at.title[0].value == i18n.translate(lang, "flow.tax.step_statement")  # the flow, not the article


def test_back_from_the_first_step_goes_to_the_kiosk_portal_not_an_article():
    at, _ = logged_in_app("de", persona_for("tax"), mode="kiosk")
    open_flow(at, "tax")
    at.button(key="ss_back").click().run()
    no_exception(at)
    assert "article" not in at.query_params
    assert at.pills(key="bdk_services").value is None  # the tiles, none chosen


def test_explore_tiles_still_open_the_article():
    at, _ = logged_in_app("en", persona_for("tax"))
    at.switch_page("pages/borger.py").run()
    assert "bdk_search" in keys(at, "text_input")
    at.pills(key="bdk_services").set_value("moving").run()
    no_exception(at)
    assert at.query_params.get("article") in ("moving", ["moving"])


@pytest.mark.parametrize("mode", ["kiosk", "explore"])
def test_examples_fill_the_step_and_the_visitor_only_continues(mode):
    at, visit_id = logged_in_app("de", persona_for("moving"), mode=mode)
    open_flow(at, "moving")
    next_step(at)  # overview
    next_step(at)  # persons (from the CPR)
    assert field(at, "moving", "street", "text_input").value == ""
    tap_examples(at)
    assert i18n.translate("de", "borger.examples.done") in [s.value for s in at.success]  # feedback at the button
    street = field(at, "moving", "street", "text_input").value
    postcode = field(at, "moving", "postcode", "text_input").value
    assert street and postcode and field(at, "moving", "town", "text_input").value
    next_step(at)  # address
    assert field(at, "moving", "moving_date", "date_input").value is not None  # the later step: filled already
    next_step(at)  # moving date
    next_step(at)  # doctor: a practice near the example address
    assert at.title[0].value == i18n.translate("de", "borger.check_answers")
    assert not at.button(key="ss_send").disabled
    send(at)
    no_exception(at)
    stored = cases.submissions(Store(), visit_id, "moving")
    assert len(stored) == 1 and street in str(stored[0]["letters"][0]["params"]["new_address"])


def test_typing_stays_possible_after_the_examples():
    at, _ = logged_in_app("en", persona_for("moving"))
    open_flow(at, "moving")
    next_step(at)
    next_step(at)
    tap_examples(at)
    field(at, "moving", "street", "text_input").set_value("Nørregade")
    field(at, "moving", "house_number", "text_input").set_value("5")
    field(at, "moving", "postcode", "text_input").set_value("8000")
    field(at, "moving", "town", "text_input").set_value("Aarhus C")
    next_step(at)
    draft = visits.get(Store(), at.session_state["visit_id"]).draft("moving")
    assert draft["answers"]["street"] == "Nørregade" and draft["answers"]["postcode"] == "8000"


def test_receipt_letter_and_germany_buttons():
    at, visit_id = logged_in_app("de", persona_for("tax"), mode="kiosk")
    open_flow(at, "tax")
    tap_examples(at)
    next_step(at)
    send(at)
    no_exception(at)
    assert {"ss_read_letter", "ss_to_germany"} <= set(keys(at))
    letter = cases.receipt_letter(Store(), visit_id, cases.submissions(Store(), visit_id, "tax")[0])
    at.button(key="ss_read_letter").click().run()
    no_exception(at)
    assert 'data-testid="dds-letter"' in html_text(at)  # Digital Post, with the receipt's letter open
    assert "letter" not in at.query_params  # opened once; "back" shows the folder
    assert postbox.get_letter(Store(), visit_id, letter["letter_id"])["read"]
    assert "post_to_germany" in keys(at)  # the opened letter offers the comparison
    assert i18n.translate("de", "post.letter.germany") in [b.label for b in at.button]
    at.switch_page("pages/digital_post.py").run()  # AppTest reruns the page it started on; the app switched
    at.button(key="post_to_germany").click().run()
    sent = cases.submissions(Store(), visit_id, "tax")[0]
    assert at.query_params.get("submission") in (sent["submission_id"], [sent["submission_id"]])  # the payoff
    at.switch_page("pages/selfservice.py").run()  # the receipt again: "Dasselbe in Deutschland →"
    at.query_params.update({"flow": "tax", "receipt": sent["submission_id"]})
    at.run()
    at.button(key="ss_to_germany").click().run()
    assert at.query_params.get("event") in ("tax", ["tax"])


def test_a_persona_offered_for_a_flow_comes_back_to_it_after_the_new_login():
    young = persona_for("moving")  # 30-55: too young for folkepension
    at, _ = logged_in_app("en", young, mode="kiosk")
    open_flow(at, "pension")
    assert at.button(key="ss_other_persona")
    at.button(key="ss_other_persona").click().run()
    no_exception(at)
    assert at.session_state[WANTED_FLOW] == "pension"
    new_visit = visit_of(at)
    assert new_visit.persona_id != young and not new_visit.logged_in
    at.switch_page("pages/mitid_login.py").run()
    at.button(key="mitid_use_demo").click().run()  # kiosk: starts the login at once
    no_exception(at)
    current = service().current(new_visit.visit_id)
    assert current.login.state == mitid.PENDING
    token = at.session_state["mitid_tokens"][current.request_id]
    assert service().phone(token, current.request_id, "swipe").ok
    at.run()
    no_exception(at)
    assert at.query_params.get("flow") in ("pension", ["pension"])  # back in the flow, not on the portal
    assert WANTED_FLOW not in at.session_state
    assert at.title[0].value == i18n.translate("en", "flow.pension.step_age")


@pytest.mark.parametrize("page,step", [("pages/mitid_login.py", "mitid"), ("pages/borger.py", "borger"),
                                       ("pages/digital_post.py", "post"), ("pages/journeys.py", "germany"),
                                       ("pages/compare.py", "germany")])
def test_progress_bar_in_kiosk_mode(page, step):
    at, _ = logged_in_app("de", persona_for("tax"), mode="kiosk")
    if page == "pages/mitid_login.py":
        visits.log_out(Store(), at.session_state["visit_id"])
    at.switch_page(page).run()
    current = [h for h in at.get("html") if 'aria-current="step"' in str(h.proto.body)]
    assert len(current) == 1
    assert i18n.translate("de", f"booth.progress.{step}") in str(current[0].proto.body)
    buttons = {k.removeprefix("journey_progress_") for k in keys(at) if k.startswith("journey_progress_")}
    logged_in = visit_of(at).logged_in
    assert buttons == {s for s in progress.STEP_IDS if s != step and progress.reachable(s, logged_in)}


def test_no_progress_bar_outside_kiosk_mode():
    at, _ = logged_in_app("de", persona_for("tax"))
    at.switch_page("pages/borger.py").run()
    assert not [k for k in keys(at) if k.startswith("journey_progress_")]
    assert 'aria-current="step"' not in html_text(at)


def test_login_on_a_phone_starts_on_the_onscreen_phone(monkeypatch):
    monkeypatch.setattr(box, "phone_sized", lambda: True)
    at = make_app("de")
    start_visit(at)
    at.switch_page("pages/mitid_login.py").run()
    at.button(key="mitid_use_demo").click().run()
    next(b for b in at.button if b.proto.is_form_submitter and b.form_id == "mitid_user_id_form").click().run()
    no_exception(at)
    current = service().current(at.session_state["visit_id"])
    assert current.login.channel == "onscreen"  # nobody scans a QR code on their own screen
    control = next(w for w in at.get("button_group") if str(w.key).startswith("mitid_channel_"))
    assert list(control.options)[0].endswith(i18n.translate("de", "mitid.channel.onscreen").split(" ", 1)[1])
    text = html_text(at)
    assert i18n.translate("de", "mitid.onscreen.instructions_below") in text  # "unten" where the layout stacks
    assert i18n.translate("de", "mitid.onscreen.instructions") in text  # "rechts" beside it; CSS picks one


def test_login_on_a_desktop_keeps_the_qr_code_first():
    at = make_app("de")
    start_visit(at)
    at.switch_page("pages/mitid_login.py").run()
    at.button(key="mitid_use_demo").click().run()
    assert at.text_input(key="mitid_user_id").value  # explore mode: filled, the visitor presses Continue
    next(b for b in at.button if b.proto.is_form_submitter and b.form_id == "mitid_user_id_form").click().run()
    assert service().current(at.session_state["visit_id"]).login.channel == "qr"
    assert i18n.translate("de", "mitid.qr.on_a_phone") in html_text(at)  # shown by mitid.css on narrow screens
