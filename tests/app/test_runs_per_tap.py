"""Issue #18: what a tap on the welcome page costs the server, counted in script runs (each full run draws the
header once). Start makes the visit in its callback, so one run shows the persona (it took two); Next goes on to
the MitID login before the welcome page draws anything (it drew the whole page, persona card included, first)."""
from __future__ import annotations

import pytest

from tests.helpers.apptest import make_app, no_exception
from ui.shell import header
from ui.shell import persona_card


@pytest.fixture
def counted(monkeypatch):
    calls = {"runs": 0, "persona_cards": 0}
    draw_header, draw_card = header.render, persona_card.render

    def counting_header():
        calls["runs"] += 1
        return draw_header()

    def counting_card(*args, **kwargs):
        calls["persona_cards"] += 1
        return draw_card(*args, **kwargs)

    monkeypatch.setattr(header, "render", counting_header)
    monkeypatch.setattr(persona_card, "render", counting_card)
    return calls


@pytest.mark.parametrize("mode", ["explore", "kiosk"])
def test_start_takes_one_run_and_shows_the_persona(counted, mode):
    at = make_app("de", mode)
    counted.update(runs=0, persona_cards=0)
    at.button(key="welcome_start").click().run()
    no_exception(at)
    assert at.session_state["visit_id"], "Start made no visit"
    assert counted == {"runs": 1, "persona_cards": 1}


def test_another_persona_takes_one_run(counted):
    at = make_app("en", "explore")
    at.button(key="welcome_start").click().run()
    first = at.session_state["visit_id"]
    counted.update(runs=0, persona_cards=0)
    at.button(key="welcome_other").click().run()
    no_exception(at)
    assert at.session_state["visit_id"] not in (None, first)
    assert counted == {"runs": 1, "persona_cards": 1}


def test_next_goes_to_the_login_without_drawing_the_welcome_page(counted):
    at = make_app("da", "explore")
    at.button(key="welcome_start").click().run()
    counted.update(runs=0, persona_cards=0)
    at.button(key="welcome_next").click().run()
    no_exception(at)
    assert any(button.key == "mitid_use_demo" for button in at.button), "not on the MitID login"
    assert counted["persona_cards"] == 0, "the welcome page drew its persona card before leaving"
    assert counted["runs"] == 2  # the welcome page's header, then the login page's


def test_a_borger_dk_tile_opens_its_page_in_one_run(counted):
    """borger.dk's topic and service tiles and its back links set the page in their callback."""
    from simulators.core import i18n
    from tests.helpers.borger_app import logged_in_app, persona_for

    at, _ = logged_in_app("de", persona_for("moving"))
    at.switch_page("pages/borger.py").run()
    taps = (("topic tile", lambda: at.pills(key="bdk_topics").set_value("bolig-og-flytning"), "borger.topic.housing"),
            ("back home", lambda: at.button(key="bdk_back_home").click(), "borger.welcome"),
            ("service tile", lambda: at.pills(key="bdk_services").set_value("moving"), "flow.moving.title"),
            ("back to topic", lambda: at.button(key="bdk_back_topic").click(), "borger.topic.housing"))
    for name, tap, title in taps:
        counted.update(runs=0)
        tap().run()
        no_exception(at)
        assert counted["runs"] == 1, name
        expected = i18n.translate("de", title, name="")
        assert expected.split("{")[0].strip(" ,!") in at.title[0].value, (name, at.title[0].value)


def test_a_kiosk_service_tile_goes_into_its_flow_without_drawing_the_portal(monkeypatch, counted):
    from simulators.borger import framework
    from tests.helpers.borger_app import logged_in_app, persona_for

    at, _ = logged_in_app("en", persona_for("tax"), mode="kiosk")
    at.switch_page("pages/borger.py").run()
    orders = []
    order = framework.touch_order
    monkeypatch.setattr(framework, "touch_order", lambda *args: orders.append(1) or order(*args))
    counted.update(runs=0)
    at.pills(key="bdk_services").set_value("tax").run()
    no_exception(at)
    assert at.query_params.get("flow") in ("tax", ["tax"])
    assert not orders, "the portal drew its tiles again before leaving"
    assert counted["runs"] == 2  # the portal's frame, then the flow


def test_examples_back_and_change_in_a_flow_take_one_run_each(counted):
    """A self-service step's "Beispielangaben einsetzen", "Zurück" and, on the check page, "Ändern" save the draft
    in their callback."""
    from tests.helpers.borger_app import logged_in_app, next_step, open_flow, persona_for

    at, visit_id = logged_in_app("de", persona_for("moving"), mode="kiosk")
    open_flow(at, "moving")
    next_step(at)  # overview
    next_step(at)  # persons (from the CPR): the address step has fields
    address_title = at.title[0].value
    counted.update(runs=0)
    at.button(key="ss_examples").click().run()
    no_exception(at)
    assert counted["runs"] == 1
    assert "moving" in at.session_state["ss_examples_used"]
    assert visit_draft(visit_id, "moving")["answers"].get("street"), "the examples were not saved"
    while not any(button.key == "ss_send" for button in at.button):  # on to "check your answers"
        next_step(at)
        no_exception(at)
    change = next(button for button in at.button if str(button.key).startswith("ss_change_"))
    counted.update(runs=0)
    change.click().run()
    no_exception(at)
    assert counted["runs"] == 1 and not any(button.key == "ss_send" for button in at.button)
    step = visit_draft(visit_id, "moving")["step"]
    assert step > 0
    next_step(at)  # on from the changed step, then one back: at the first step "Zurück" leaves the flow (two runs)
    step += 1
    counted.update(runs=0)
    at.button(key="ss_back").click().run()
    no_exception(at)
    assert counted["runs"] == 1 and visit_draft(visit_id, "moving")["step"] == step - 1
    assert address_title and at.title[0].value != ""


def visit_draft(visit_id: str, flow_id: str) -> dict | None:
    from simulators.core import visits
    from simulators.core.store import Store

    return visits.get(Store(), visit_id).draft(flow_id)


def test_back_on_the_first_step_leaves_the_flow_for_its_article():
    from tests.helpers.borger_app import logged_in_app, open_flow, persona_for

    at, _ = logged_in_app("en", persona_for("moving"))
    open_flow(at, "moving")
    at.button(key="ss_back").click().run()
    no_exception(at)
    assert at.query_params.get("article") in ("moving", ["moving"]) and "ss_leave_flow" not in at.session_state


@pytest.mark.parametrize("lang", ["de", "en", "da"])
def test_continue_checks_and_saves_the_step_in_one_run(counted, lang):
    """"Weiter" hands the form's values to its callback: a refused step shows its message, an accepted one the
    next step, each in one run (the answers as typed, dates and multiple choices included, reach the draft)."""
    import datetime as dt

    from simulators.core import i18n
    from tests.helpers.borger_app import TODAY, field, logged_in_app, next_step, open_flow, persona_for

    at, visit_id = logged_in_app(lang, persona_for("moving"))
    open_flow(at, "moving")
    next_step(at)  # overview
    next_step(at)  # persons: the address step has fields
    address_title = at.title[0].value
    counted.update(runs=0)
    next_step(at)  # nothing typed
    no_exception(at)
    assert counted["runs"] == 1 and at.title[0].value == address_title and at.error, "no message for the empty step"
    for field_id, value in (("street", "Nørregade"), ("house_number", "12"), ("postcode", "8000"),
                            ("town", "Aarhus C")):
        field(at, "moving", field_id, "text_input").input(value)
    counted.update(runs=0)
    next_step(at)
    no_exception(at)
    assert counted["runs"] == 1 and at.title[0].value != address_title, [e.value for e in at.error]
    answers = visit_draft(visit_id, "moving")["answers"]
    assert (answers["street"], answers["house_number"], answers["postcode"]) == ("Nørregade", "12", "8000")
    when = TODAY + dt.timedelta(days=20)
    field(at, "moving", "moving_date", "date_input").set_value(when)
    next_step(at)
    no_exception(at)
    assert visit_draft(visit_id, "moving")["answers"]["moving_date"] == when.isoformat()
    assert at.title[0].value == i18n.translate(lang, "flow.moving.step_doctor")


@pytest.mark.parametrize("how", ["own phone", "on-screen phone"])
def test_an_approved_login_goes_on_to_borger_dk_without_drawing_the_login_page(counted, monkeypatch, how):
    """The run that sees the approval switches before the header (ui/mitid/handoff.py, called by app.py): the
    watcher's wake-up after the phone approved, or the on-screen phone's Approve."""
    from simulators.mitid.login import PENDING
    from tests.app.test_mitid_pages import open_login, pending, service, start_login
    from ui.mitid import box as mitid_box

    drawn = []
    monkeypatch.setattr(mitid_box, "header", lambda *args: drawn.append(args))
    at = start_login(open_login("de", "explore"))
    current, token = pending(at)
    assert current.login.state == PENDING
    if how == "on-screen phone":
        service().kiosk(at.session_state["visit_id"], current.request_id, "set_channel", "onscreen")
        at.run()
    drawn.clear()
    counted.update(runs=0)
    if how == "on-screen phone":
        at.button(key="mitid_onscreen_approve").click().run()
    else:
        service().phone(token, current.request_id, "swipe", via="phone")
        at.run()  # the watcher's wake-up is a plain rerun
    no_exception(at)
    assert at.button(key="bdk_log_off"), "not on borger.dk"
    assert counted["runs"] == 1, "the login page's run drew the header before it switched"
    assert not drawn, "the login page drew its box before it switched"
