"""Booth modes in AppTest: every presenter tour jump renders its page with the prepared state (de/en/da) in the one
visit of the tour, the presenter's persona survives resets, kiosk mode hides About and the dashboard, and the
dashboard shows the counters."""
import datetime as dt

import pytest

from simulators.booth import stats as booth_stats
from simulators.core import i18n
from simulators.post import postbox
from simulators.booth import tour
from simulators.core import visits
from simulators.borger import load_flows
from simulators.compare.journeys import EVENT_KEYS
from simulators.population.persona import persona_record
from simulators.core.store import Store
from tests.helpers.apptest import LANGS, make_app, no_exception, page_texts, start_visit
from tests.helpers.mailbox import row_ids
from tests.helpers.privacy import offending_events
from ui.booth import presenter_persona
from ui.shell.resources import population


def tr(lang: str, key: str, **params) -> str:
    return i18n.translate(lang, key, **params)


def jump(at, step_id: str):
    at.sidebar.button(key=f"tour_jump_{step_id}").click().run()
    no_exception(at)
    return visits.get(Store(), at.session_state["visit_id"])


def check_page(at, lang: str, step_id: str, visit: dict) -> None:
    text = page_texts(at)
    if step_id == "welcome":
        assert tr(lang, "welcome.you_are") in text
    elif step_id == "mitid":
        assert at.button(key="mitid_use_demo").label == tr(lang, "mitid.user_id.use_demo")
    elif step_id == "borger":
        flow = load_flows()[at.query_params["flow"][0] if isinstance(at.query_params["flow"], list)
                            else at.query_params["flow"]]
        assert tr(lang, flow.title_key) in text
    elif step_id == "digital_post":
        assert at.title[0].value == tr(lang, "post.title")
        rows = row_ids(at)
        assert rows and len(rows) <= len(postbox.list_letters(Store(), visit.visit_id))
    elif step_id == "germany":
        assert at.title[0].value == tr(lang, "compare.journeys.title")
        assert tr(lang, EVENT_KEYS["moving"]) in text or any(tr(lang, k) in text for k in EVENT_KEYS.values())
    elif step_id == "indicators":
        assert at.title[0].value == tr(lang, "compare.page.title")


@pytest.mark.parametrize("lang", LANGS)
def test_every_tour_jump_renders_its_page_with_the_prepared_state(lang):
    """Seen failing on the code before issue #16's fix (there the sidebar's notes were not folded away, and every
    jump deleted the visit before it: a new ``v`` each step)."""
    at = make_app(lang, "presenter")
    no_exception(at)
    assert [b.key for b in at.sidebar.button][:6] == [f"tour_jump_{s}" for s in tour.STEP_IDS]
    chosen = presenter_persona.chosen_id()
    previous = None
    for step in tour.STEPS:
        visit = jump(at, step.id)
        assert visit is not None and visit.persona_id == chosen and visit.mode == "presenter"
        assert bool(visit.login) is step.needs_login
        assert not step.mailbox or postbox.list_letters(Store(), visit.visit_id)
        assert previous is None or visit.visit_id == previous  # one visit through the whole tour
        check_page(at, lang, step.id, visit)
        notes = [c for c in at.sidebar.markdown if c.value == tr(lang, step.notes_key)]
        assert notes, f"speaker notes of {step.id} missing"
        expanders = [e for e in at.sidebar.expander if tr(lang, step.title_key) in e.label]
        assert expanders and not expanders[0].proto.expanded  # on a single screen the notes start collapsed
        previous = visit.visit_id


def test_next_previous_and_reset_keep_the_chosen_persona():
    """Seen failing on the code before issue #16's fix (back on step 2 the visit was a new one, not logged in)."""
    at = make_app("en", "presenter")
    at.slider(key="keep_picker_age").set_value((67, 90)).run()
    at.button(key="picker_use").click().run()
    no_exception(at)
    chosen = at.session_state[presenter_persona.PERSONA_KEY]
    first = visits.get(Store(), at.session_state["visit_id"])
    assert first.persona_id == chosen
    assert persona_record(population(), chosen)["age"] >= 67
    at.sidebar.button(key="tour_next").click().run()
    assert at.button(key="mitid_use_demo")  # step 2: the MitID login
    at.sidebar.button(key="tour_next").click().run()
    assert at.query_params["flow"]
    at.sidebar.button(key="tour_previous").click().run()
    assert at.button(key="mitid_log_off")  # back on step 2, still logged in: the visit kept the borger step's login
    before_reset = at.session_state["visit_id"]
    assert before_reset == first.visit_id  # next and previous kept the visit
    at.sidebar.button(key="tour_reset").click().run()
    no_exception(at)
    after = visits.get(Store(), at.session_state["visit_id"])
    assert after.persona_id == chosen and after.visit_id != before_reset and after.login is None
    assert visits.get(Store(), before_reset) is None
    assert at.session_state[presenter_persona.PERSONA_KEY] == chosen


@pytest.mark.parametrize("lang", LANGS)
def test_kiosk_attract_screen_and_hidden_pages(lang):
    at = make_app(lang, "kiosk")
    no_exception(at)
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert 'data-testid="attract-fact"' in html and tr(lang, "booth.attract.kicker") in html
    assert at.button(key="welcome_start").label == tr(lang, "booth.attract.touch_to_start")
    assert len(at.sidebar.button) == 0  # no tour panel outside presenter mode
    for path in ("pages/about.py", "pages/dashboard.py"):
        at.switch_page(path).run()
        no_exception(at)
        assert tr(lang, "guard.not_in_this_mode") in [i.value for i in at.info], path
        assert not at.get("metric")


@pytest.mark.parametrize("lang", LANGS)
def test_dashboard_shows_todays_counters(lang):
    store = Store()
    visit = visits.create(store, lang, "kiosk", persona_id=1)
    visits.track(store, visit, "login", "code_display")
    visits.track(store, visit, "flow_completed", "moving")
    visits.end(store, visit.visit_id, "idle")
    since = booth_stats.day_start(dt.datetime.now())
    expected = booth_stats.summarise(store.events(since), since=since)
    at = make_app(lang, "explore")
    at.switch_page("pages/dashboard.py").run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[tr(lang, "booth.dash.visits_today")] == i18n.fmt_number(expected.visits, lang)
    assert metrics[tr(lang, "booth.funnel.flow_completed")] == i18n.fmt_number(expected.reached["flow_completed"], lang)
    assert expected.logins_by_method["code_display"] >= 1
    assert tr(lang, "booth.dash.source") in page_texts(at)
    assert {b.key for b in at.get("download_button")} == {"dash_csv_summary", "dash_csv_events"}


def test_a_kiosk_visit_and_the_tour_leave_only_codes_in_the_counters():
    at = make_app("da", "kiosk")
    start_visit(at)
    at = make_app("de", "presenter")
    jump(at, "digital_post")
    assert offending_events(Store().events()) == []
