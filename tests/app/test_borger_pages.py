"""The borger.dk pages in AppTest: the happy paths of moving, passport, pension and tax in de, en and da (receipt,
letters, Mit Overblik), validation messages next to the field, an ineligible persona, search, Log af, idle logout
and a reload mid-flow."""
import datetime as dt
import time

import pytest
from streamlit.testing.v1 import AppTest

from simulators.core import i18n
from simulators.post import postbox
from simulators.core import visits
from simulators.borger import FLOWS, addresses, cases
from simulators.borger.flows.passport import free_slots
from simulators.population.persona import persona_record
from simulators.core.store import Store
from tests.helpers.borger_app import (APP, TODAY, errors_shown, field, logged_in_app, next_step, open_flow,
                                      persona_for, send, set_draft)
from ui.shell.resources import population

LANGS = ("de", "en", "da")


def html_text(at) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def page_text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    return " ".join(parts) + " " + html_text(at)


def assert_receipt(at, visit_id, flow_id, lang, templates):
    assert not at.exception, [e.value for e in at.exception]
    assert i18n.translate(lang, "borger.receipt_title") in html_text(at)
    stored = cases.submissions(Store(), visit_id, flow_id)
    assert len(stored) == 1 and stored[0]["receipt_no"] in html_text(at)
    assert sorted(l["template"] for l in postbox.list_letters(Store(), visit_id)) == sorted(templates)


@pytest.mark.parametrize("lang", LANGS)
def test_moving_happy_path_changes_mit_overblik(lang):
    at, visit_id = logged_in_app(lang, persona_for("moving"))
    open_flow(at, "moving")
    assert at.title[0].value == i18n.translate(lang, "flow.moving.step_overview")
    assert i18n.translate(lang, "borger.step_x_of_y", step=1, total=5) in [c.value for c in at.caption]
    next_step(at)                                    # overview
    next_step(at)                                    # persons: pre-filled from CPR
    field(at, "moving", "street", "text_input").set_value("Nørregade")
    field(at, "moving", "house_number", "text_input").set_value("5")
    field(at, "moving", "postcode", "text_input").set_value("8000")
    field(at, "moving", "town", "text_input").set_value("Aarhus C")
    next_step(at)
    field(at, "moving", "moving_date", "date_input").set_value(TODAY + dt.timedelta(days=3))
    next_step(at)
    doctor = addresses.doctors_near("8000")[2]
    field(at, "moving", "doctor", "radio").set_value(doctor["id"])
    next_step(at)
    assert at.title[0].value == i18n.translate(lang, "borger.check_answers")
    send(at)
    assert_receipt(at, visit_id, "moving", lang, ["moving_confirmation", "moving_health_card"])
    assert visits.get(Store(), visit_id).persona_changes["address_line2"] == "8000 Aarhus C"
    at.switch_page("pages/overblik.py").run()
    assert not at.exception
    text = page_text(at)
    assert "Nørregade 5, 8000 Aarhus C" in text and doctor["name"] in text
    assert i18n.translate(lang, "flow.moving.case_title", municipality="Aarhus") in text


@pytest.mark.parametrize("lang", LANGS)
def test_passport_happy_path(lang):
    person_id = persona_for("passport")
    at, visit_id = logged_in_app(lang, person_id)
    open_flow(at, "passport")
    field(at, "passport", "old_passport", "radio").set_value("lost")
    next_step(at)
    slot = free_slots(persona_record(population(), person_id), TODAY)[0]
    field(at, "passport", "slot", "radio").set_value(slot)
    next_step(at)
    assert i18n.translate(lang, "flow.passport.doubled") in html_text(at)
    field(at, "passport", "confirm", "checkbox").check()
    next_step(at)
    send(at)
    assert_receipt(at, visit_id, "passport", lang, ["passport_appointment"])
    assert cases.submissions(Store(), visit_id, "passport")[0]["letters"][0]["params"]["slot_datetime"] == slot


@pytest.mark.parametrize("lang", LANGS)
def test_pension_happy_path(lang):
    at, visit_id = logged_in_app(lang, persona_for("pension"))
    open_flow(at, "pension")
    assert i18n.translate(lang, "flow.pension.pension_age") in html_text(at)
    next_step(at)
    next_step(at)                                    # conditions pre-filled
    field(at, "pension", "confirm", "checkbox").check()
    next_step(at)
    send(at)
    assert_receipt(at, visit_id, "pension", lang, ["pension_application"])


@pytest.mark.parametrize("lang", LANGS)
def test_tax_accept_with_one_click(lang):
    at, visit_id = logged_in_app(lang, persona_for("tax"))
    open_flow(at, "tax")
    assert i18n.translate(lang, "flow.tax.row_total") in html_text(at)
    field(at, "tax", "decision", "radio").set_value("accept")
    next_step(at)
    send(at)
    stored = cases.submissions(Store(), visit_id, "tax")[0]
    template = "tax_statement_refund" if stored["changes"]["payments"][0]["direction"] == "in" else "tax_statement_restskat"
    assert_receipt(at, visit_id, "tax", lang, [template])


def test_tax_correction_adds_commuting():
    at, visit_id = logged_in_app("en", persona_for("tax"))
    open_flow(at, "tax")
    field(at, "tax", "decision", "radio").set_value("correct")
    next_step(at)
    field(at, "tax", "km_one_way", "number_input").set_value(45)
    field(at, "tax", "days", "number_input").set_value(210)
    next_step(at)
    assert "Commuting deduction" in html_text(at)
    field(at, "tax", "confirm", "checkbox").check()
    next_step(at)
    send(at)
    assert cases.submissions(Store(), visit_id, "tax")[0]["letters"][0]["params"]["commuting_dkk"] > 0


# one app per flow; each case: (language, step index, answers, field, message key, params)
ERROR_CASES = {
    "moving": [
        ("de", 1, {"persons": [], "other_cprs": "123"}, "flow.moving.err.cpr_format", {}),
        ("en", 1, {"persons": [], "other_cprs": "6101851234 6202851234 6303851234 6404851234 6505851234 6606851234"},
         "flow.moving.err.max_persons", {"max": 5}),
        ("da", 2, {"street": "", "house_number": "5", "postcode": "8000", "town": "Aarhus C"}, "borger.err.required", {}),
        ("de", 2, {"street": "A", "house_number": "5", "postcode": "80", "town": "Aarhus C"},
         "flow.moving.err.postcode_format", {}),
        ("en", 2, {"street": "A", "house_number": "5", "postcode": "0001", "town": "X"},
         "flow.moving.err.postcode_unknown", {"postcode": "0001"}),
        ("da", 2, {"street": "A", "house_number": "5", "postcode": "8000", "town": "Odense"},
         "flow.moving.err.town_mismatch", {"postcode": "8000", "town": "Aarhus C"}),
        ("de", 2, {"street": "A", "house_number": "5–7", "postcode": "8000", "town": "Aarhus C"},
         "flow.moving.err.house_number_format", {}),
        ("en", 3, {"moving_date": (TODAY - dt.timedelta(days=6)).isoformat()}, "flow.moving.err.date_too_late", None),
        ("da", 3, {"moving_date": (TODAY + dt.timedelta(days=29)).isoformat()}, "flow.moving.err.date_too_early", None),
    ],
    "pension": [
        ("de", 1, {"citizenship": "other", "lives_in_dk": "yes", "residence_years": 20}, "flow.pension.err.citizenship", {}),
        ("en", 1, {"citizenship": "dk", "lives_in_dk": "no", "residence_years": 20}, "flow.pension.err.residence", {}),
        ("da", 1, {"citizenship": "dk", "lives_in_dk": "yes", "residence_years": 2}, "flow.pension.err.too_few_years",
         {"min": 3}),
        ("de", 1, {"citizenship": "dk", "lives_in_dk": "yes", "residence_years": 90}, "flow.pension.err.too_many_years", None),
        ("en", 2, {"confirm": False}, "borger.err.must_confirm", {}),
    ],
    "tax": [
        ("de", 1, {"decision": "correct", "km_one_way": 1200, "days": 100}, "flow.tax.err.km_range", {"max": 999}),
        ("en", 1, {"decision": "correct", "km_one_way": 30, "days": 400}, "flow.tax.err.days_range", {"max": 365}),
        ("da", 0, {"decision": None}, "borger.err.choose_required", {}),
    ],
    "passport": [
        ("de", 0, {"who": "self", "old_passport": None}, "borger.err.choose_required", {}),
        ("en", 2, {"who": "self", "old_passport": "bring", "confirm": False}, "borger.err.must_confirm", {}),
    ],
}


@pytest.mark.parametrize("flow_id", sorted(ERROR_CASES))
def test_validation_messages_next_to_the_field(flow_id):
    at, visit_id = logged_in_app("en", persona_for(flow_id))
    open_flow(at, flow_id)
    for lang, step, answers, key, params in ERROR_CASES[flow_id]:
        at.query_params["lang"] = lang
        at.session_state["lang"] = lang
        set_draft(at, visit_id, flow_id, answers, step)
        next_step(at)
        shown = errors_shown(at)
        assert shown, (flow_id, key)
        assert message_shown(lang, key, params, shown), (key, shown)
        assert not at.exception


def message_shown(lang: str, key: str, params: dict | None, shown: list[str]) -> bool:
    """The message with its parameters is shown; with ``params`` None (not known to the test), its opening words."""
    if params is not None:
        return any(i18n.translate(lang, key, **{k: str(v) for k, v in params.items()}) in s for s in shown)
    prefix = i18n.translate(lang, key).split("{")[0][:25]
    return any(s.startswith(prefix) for s in shown)


def young_persona() -> int:
    from simulators.population.persona import pick_persona

    return pick_persona(population(), 5, min_age=25, max_age=40)


def test_pension_too_young_says_why_and_offers_another_persona():
    at, visit_id = logged_in_app("de", young_persona())
    open_flow(at, "pension")
    assert at.warning and at.warning[0].value.startswith(i18n.translate("de", "flow.pension.not_yet").split("{")[0])
    at.button(key="ss_other_persona").click().run()
    assert not at.exception
    new_visit = visits.get(Store(), at.session_state["visit_id"])
    assert new_visit.visit_id != visit_id and visits.get(Store(), visit_id) is None
    from simulators.borger import FLOWS

    assert FLOWS["pension"].eligible(persona_record(population(), int(new_visit.persona_id)), TODAY)[0]


def test_portal_tiles_search_article_and_shortcut():
    at, _ = logged_in_app("de", persona_for("moving"))
    at.switch_page("pages/borger.py").run()
    assert not at.exception
    assert len(at.pills(key="bdk_topics").options) == 17
    assert len(at.pills(key="bdk_services").options) == len(FLOWS)
    at.text_input(key="bdk_search").set_value("Umzug").run()
    at.button(key="bdk_hit_service_moving").click().run()
    assert at.title[0].value == i18n.translate("de", "flow.moving.title")
    assert i18n.translate("de", "borger.shortcuts") in html_text(at)
    assert any(link.proto.page.endswith("selfservice") or "selfservice" in str(link.proto) for link in at.get("page_link"))
    at.button(key="bdk_back_topic").click().run()
    assert at.title[0].value.endswith(i18n.translate("de", "borger.topic.housing"))


def test_topic_without_services_says_so():
    at, _ = logged_in_app("en", persona_for("moving"), topic="handicap")
    at.switch_page("pages/borger.py").run()
    assert at.info and at.info[0].value == i18n.translate("en", "borger.topic_empty")


def test_log_af_ends_the_login():
    at, visit_id = logged_in_app("da", persona_for("moving"))
    at.switch_page("pages/overblik.py").run()
    at.button(key="bdk_log_off").click().run()
    assert visits.get(Store(), visit_id).login is None


def test_idle_time_ends_the_login():
    at, visit_id = logged_in_app("en", persona_for("moving"))
    visits.record_activity(Store(), visit_id, time.time() - 16 * 60)
    at.switch_page("pages/borger.py").run()
    assert at.warning[0].value == i18n.translate("en", "borger.idle_logged_out", minutes=15)
    assert visits.get(Store(), visit_id).login is None


def test_unfinished_answers_survive_a_reload():
    at, visit_id = logged_in_app("en", persona_for("moving"))
    open_flow(at, "moving")
    next_step(at)
    next_step(at)
    field(at, "moving", "street", "text_input").set_value("Havnegade")
    field(at, "moving", "postcode", "text_input").set_value("9999")
    next_step(at)                                        # stays: errors, but the answers are kept
    reloaded = AppTest.from_file(APP, default_timeout=60)
    reloaded.query_params.update({"lang": "en", "mode": "explore", "v": visit_id, "flow": "moving"})
    reloaded.run()
    reloaded.switch_page("pages/selfservice.py").run()
    assert reloaded.title[0].value == i18n.translate("en", "flow.moving.step_address")
    assert field(reloaded, "moving", "street", "text_input").value == "Havnegade"


def test_unknown_flow_and_kiosk_mode():
    at, _ = logged_in_app("en", persona_for("moving"))
    open_flow(at, "nonexistent")
    assert at.info[0].value == i18n.translate("en", "borger.flow_unknown")
    kiosk, _ = logged_in_app("de", persona_for("moving"), mode="kiosk")
    kiosk.switch_page("pages/borger.py").run()
    assert not kiosk.exception
