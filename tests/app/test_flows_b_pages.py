"""The flows police, library, divorce and daycare in AppTest: each happy path in de, en and da up to the receipt
(with its letters and Mit Overblik changes stored), each validation message once, and the ineligible case."""
import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from simulators.core import clock, i18n
from simulators.post import postbox
from simulators.core import visits
from simulators.borger import FLOWS, cases
from simulators.borger.flows import daycare
from simulators.core.dates import months_old
from simulators.borger.framework import format_params
from simulators.core.store import Store
from tests.helpers.apptest import LANGS, no_exception
from tests.helpers.visits import log_visit_in

PAGE = "pages/selfservice.py"
APP = str(Path(__file__).resolve().parents[2] / "app.py")
TODAY = clock.today()  # the app's day: tests/conftest.py fixes it with DDS_TODAY
VALID_IMEI = "490154203237518"


def population():
    from ui.shell.resources import population as cached

    return cached()


def record(person_id: int) -> dict:
    from simulators.population.persona import persona_record

    return persona_record(population(), person_id)


def find_persona(accept, start: int = 1) -> int:
    """The first adult with MitID (from ``start``) whose persona record passes ``accept``."""
    people = population()
    for person_id in people.loc[(people["age"] >= 18) & people["mitid_user_id"].notna(), "person_id"]:
        if int(person_id) >= start and accept(record(int(person_id))):
            return int(person_id)
    raise LookupError("no such persona in the test population")


def children_months(persona: dict) -> list[int]:
    return [months_old(m["birth_date"], TODAY) for m in daycare.young_children(persona, TODAY)]


@pytest.fixture(autouse=True)
def option_labels_in_the_test_language(monkeypatch, request):
    """AppTest calls a selectbox's or radio's format_func outside the script run, where the session's language
    is unknown (it falls back to German); pin the language helpers to the test's language instead."""
    wanted = request.node.callspec.params.get("lang", "en") if hasattr(request.node, "callspec") else "en"
    import ui.borger.layout
    import ui.shell.i18n

    monkeypatch.setattr(ui.shell.i18n, "lang", lambda: wanted)
    monkeypatch.setattr(ui.borger.layout, "lang", lambda: wanted)


class Flow:
    """One visitor in one flow: a logged-in visit with a chosen persona, and helpers for the runner's widgets."""

    def __init__(self, flow_id: str, person_id: int, lang: str = "en"):
        self.flow_id, self.lang, self.store = flow_id, lang, Store()
        self.visit_id = visits.create(self.store, lang, "explore", person_id).visit_id
        log_visit_in(self.store, self.visit_id, record(person_id)["mitid_user_id"], "onscreen_phone")
        self.at = AppTest.from_file(APP, default_timeout=30)
        for key, value in {"lang": lang, "mode": "explore", "v": self.visit_id}.items():
            self.at.query_params[key] = value
        self.at.run()
        self.at.query_params["flow"] = flow_id
        self.at.switch_page(PAGE).run()
        no_exception(self.at)

    def key(self, field: str, index: int | None = None) -> str:
        nonce = self.at.session_state["ss_nonce"] if "ss_nonce" in self.at.session_state else 0
        return f"ss_{self.flow_id}_{field}_{nonce}" + ("" if index is None else f"_{index}")

    def text(self, field, value):
        self.at.text_input(key=self.key(field)).input(value)
        return self

    def tick(self, field, index=None, on=True):
        box = self.at.checkbox(key=self.key(field, index))
        box.check() if on else box.uncheck()
        return self

    def date(self, field, value):
        self.at.date_input(key=self.key(field)).set_value(value)
        return self

    def pick(self, field, value, widget="radio"):
        getattr(self.at, widget)(key=self.key(field)).set_value(value)
        return self

    def next(self):
        nonce = self.at.session_state["ss_nonce"] if "ss_nonce" in self.at.session_state else 0
        self.at.button(key=f"ss_next_{nonce}").click().run()
        no_exception(self.at)
        return self

    def send(self):
        self.at.button(key="ss_send").click().run()
        no_exception(self.at)
        (submission,) = cases.submissions(self.store, self.visit_id, self.flow_id)
        return submission

    def t(self, key, **params):
        return i18n.translate(self.lang, key, **format_params(params, self.lang))

    def errors(self) -> list[str]:
        return [e.value for e in self.at.error]

    def assert_error(self, key, **params):
        assert self.t(key, **params) in self.errors(), (key, self.errors())

    def letters(self) -> list[str]:
        return [letter["template"] for letter in postbox.list_letters(self.store, self.visit_id)]


def police_person():
    return find_persona(lambda p: True)


def married_person():
    return find_persona(lambda p: p["civil_status"] == "married" and any(
        m["relation"] == "partner" for m in p["household"]))


def toddler_parent():
    return find_persona(lambda p: children_months(p) and 8 <= children_months(p)[0] <= 20)


# ---- happy paths -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_police_happy_path(lang):
    flow = Flow("police", police_person(), lang)
    assert flow.at.title[0].value == flow.t("flow.police.step_what")
    flow.tick("items", 0).tick("items", 1).text("description", "Black phone, brown wallet")
    flow.at.number_input(key=flow.key("value_dkk")).set_value(4500)
    flow.next().text("imei", VALID_IMEI).next()
    flow.date("incident_date", TODAY - dt.timedelta(days=1)).text("incident_time", "18:30").next()
    flow.text("street", "Vestergade 5").text("postcode", "5000").next()
    submission = flow.send()
    assert [x["template"] for x in submission["letters"]] == ["police_report_receipt"]
    assert flow.t("flow.police.receipt_sent") in [s.value for s in flow.at.success]
    assert "police_report_receipt" in flow.letters()


@pytest.mark.parametrize("lang", LANGS)
def test_library_happy_path(lang):
    persona_id = police_person()
    flow = Flow("library", persona_id, lang)
    flow.text("query", "Andersen").next().tick("titles", 0).next()
    municipality = record(persona_id)["municipality"]
    assert flow.at.selectbox(key=flow.key("pickup_library")).options == [
        flow.t("flow.library.library_name", municipality=municipality)]
    submission = flow.next().send()
    pickup = next(r for r in submission["summary"] if r["field"] == "pickup_library")
    assert pickup["prefilled"] and pickup["value"]["params"] == {"municipality": municipality}
    assert {x["template"] for x in submission["letters"]} == {"library_reservation_receipt", "library_ready_for_pickup"}
    assert submission["changes"]["deadlines"][0]["label_key"] == "flow.library.deadline_pickup"


@pytest.mark.parametrize("lang", LANGS)
def test_divorce_happy_path_changes_civil_status(lang):
    flow = Flow("divorce", married_person(), lang)
    flow.next().pick("kind", "divorce").tick("both_agree").next().pick("terms_agreed", "yes").next()
    assert flow.t("flow.divorce.fee_total") in " ".join(str(h.proto.body) for h in flow.at.get("html"))
    submission = flow.tick("fee_accepted").next().send()
    assert [x["template"] for x in submission["letters"]] == ["divorce_application_receipt", "divorce_decision"]
    assert visits.get(flow.store, flow.visit_id).persona_changes["civil_status"] == "divorced"
    assert [p["amount_dkk"] for p in submission["changes"]["payments"]] == [825]


@pytest.mark.parametrize("lang", LANGS)
def test_daycare_happy_path_sets_the_accept_deadline(lang):
    flow = Flow("daycare", toddler_parent(), lang)
    flow.next().date("desired_start", TODAY + dt.timedelta(days=90)).next().pick("care_type", "vuggestue").next()
    submission = flow.send()
    assert [x["template"] for x in submission["letters"]] == ["daycare_signup_receipt", "daycare_offer"]
    accept = [d for d in submission["changes"]["deadlines"] if d["label_key"] == "flow.daycare.deadline_accept"]
    assert accept[0]["date"] == (TODAY + dt.timedelta(days=8)).isoformat()


# ---- every validation message once ---------------------------------------------------------------------
def test_police_validation_messages():
    flow = Flow("police", police_person())
    flow.next()
    flow.assert_error("borger.err.choose_some")  # no item ticked: a message that says what to do (issue #15)
    flow.tick("items", 0).text("description", "x" * 501).next()
    flow.assert_error("borger.err.too_long", max=500)  # the field's limit (issue #17)
    flow.text("description", "Phone").next().text("imei", "12345").next()
    flow.assert_error("flow.police.err.imei_format", digits=5)
    flow.text("imei", VALID_IMEI[:-1] + "9").next()
    flow.assert_error("flow.police.err.imei_checksum")
    flow.text("imei", VALID_IMEI).next()
    flow.date("incident_date", TODAY).text("incident_time", "25:00").next()
    flow.assert_error("flow.police.err.time_format")
    flow.date("incident_date", TODAY + dt.timedelta(days=1)).text("incident_time", "08:00").next()
    flow.assert_error("flow.police.err.when_future")
    flow.date("incident_date", TODAY - dt.timedelta(days=5)).next()
    flow.text("street", "Vestergade 5").text("postcode", "0000").next()
    flow.assert_error("flow.police.err.postcode_unknown", postcode="0000")
    flow.text("postcode", "").next()
    flow.assert_error("flow.police.err.town_or_postcode")
    flow.text("town", "Odense").next()
    assert flow.send()["receipt"][4]["key"] == "flow.police.receipt_after_72h"


def test_library_validation_messages():
    flow = Flow("library", police_person())
    flow.text("query", "zzzz").next()
    flow.assert_error("flow.library.err.no_match", query="zzzz")
    flow.text("query", "").next().next()
    flow.assert_error("borger.err.choose_some")
    for index in range(6):
        flow.tick("titles", index)
    flow.next()
    flow.assert_error("flow.library.err.too_many", max=5, count=6)


def test_divorce_validation_messages():
    flow = Flow("divorce", married_person())
    flow.next().pick("kind", "divorce").next()
    flow.assert_error("flow.divorce.err.direct_needs_agreement", months=6)
    flow.pick("kind", "separation").next()
    flow.assert_error("flow.divorce.err.amicable_only")
    flow.tick("both_agree").next().pick("terms_agreed", "no").next().next()
    flow.assert_error("borger.err.must_confirm")
    submission = flow.tick("fee_accepted").next().send()
    assert "divorce_negotiation_invitation" in [x["template"] for x in submission["letters"]]


def test_daycare_validation_messages_for_a_toddler():
    flow = Flow("daycare", toddler_parent())
    flow.next().date("desired_start", TODAY - dt.timedelta(days=10)).next()
    flow.assert_error("flow.daycare.err.start_past")
    flow.date("desired_start", TODAY + dt.timedelta(days=90)).next().pick("care_type", "boernehave").next()
    flow.assert_error("flow.daycare.err.too_young_for_boernehave")


def test_daycare_validation_messages_for_a_baby_and_a_five_year_old():
    baby = find_persona(lambda p: children_months(p) and children_months(p)[0] <= 3)
    flow = Flow("daycare", baby)
    earliest = daycare.guarantee_date(daycare.young_children(record(baby), TODAY)[0]["birth_date"])
    flow.next().date("desired_start", TODAY + dt.timedelta(days=30)).next()
    flow.assert_error("flow.daycare.err.start_too_young", weeks=26, earliest_date=earliest.isoformat())
    older = find_persona(lambda p: any(61 <= m <= 66 for m in children_months(p)))
    flow = Flow("daycare", older)
    child = next(c for c in daycare.young_children(record(older), TODAY)
                 if 61 <= months_old(c["birth_date"], TODAY) <= 66)
    flow.pick("child", child["person_id"], widget="selectbox").next()
    flow.date("desired_start", TODAY + dt.timedelta(days=390)).next()
    flow.assert_error("flow.daycare.err.start_school_age", age=6)
    flow.date("desired_start", TODAY + dt.timedelta(days=70)).next().pick("care_type", "vuggestue").next()
    flow.assert_error("flow.daycare.err.too_old_for_nursery")


# ---- a persona that cannot use the flow ------------------------------------------------------------------
@pytest.mark.parametrize("flow_id, reason", [("daycare", "flow.daycare.not_eligible_no_child"),
                                             ("divorce", "flow.divorce.not_eligible_not_married")])
def test_ineligible_persona_is_told_why_and_offered_another(flow_id, reason):
    persona_id = find_persona(lambda p: p["civil_status"] == "never_married" and not children_months(p))
    ok, key, params = FLOWS[flow_id].eligible(record(persona_id), TODAY)
    assert (ok, key) == (False, reason)
    flow = Flow(flow_id, persona_id)
    assert flow.t(key, **params) in [w.value for w in flow.at.warning]
    assert flow.at.button(key="ss_other_persona")
