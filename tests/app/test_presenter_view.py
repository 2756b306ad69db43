"""The presenter view in AppTest: the notes window (``?mode=presenter&view=notes``) drives the audience window
(``?mode=presenter&p=<code>``) through the store, in the tour's one visit; the audience window never shows the
notes or the persona chooser; a reload of either keeps its place; the safety net restores a step."""
import pytest

from simulators.booth import presentation, tour
from simulators.borger import cases
from simulators.core import i18n, visits
from simulators.core.store import Store
from tests.helpers.apptest import LANGS, make_app, no_exception
from ui.booth import presenter_persona
from ui.shell import session

CODE_KEY = session.KEPT_PARAMS["p"]


def tr(lang: str, key: str, **params) -> str:
    return i18n.translate(lang, key, **params)


def shown_text(at) -> str:
    """Every text element of the page (main area and sidebar, expanders included)."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for e in at.get(kind)]
    parts += [str(h.proto.body) for h in at.get("html")]
    return "\n".join(str(p) for p in parts)


def notes_texts(lang: str) -> list[str]:
    return [tr(lang, step.notes_key) for step in tour.STEPS]


def open_notes(lang: str):
    at = make_app(lang, "presenter", view="notes")
    no_exception(at)
    code = at.session_state[CODE_KEY]
    return at, code


def open_audience(lang: str, code: str, **params):
    at = make_app(lang, "presenter", p=code, **params)
    no_exception(at)
    return at


def param(at, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def click(at, key: str):
    at.button(key=key).click().run()
    no_exception(at)
    return at


def assert_audience_is_clean(at, lang: str) -> None:
    text = shown_text(at)
    for notes in notes_texts(lang):
        assert notes not in text
    assert len(at.sidebar.button) == 0 and not at.sidebar.expander
    assert not [s for s in at.slider if s.key == "keep_picker_age"]  # no persona chooser


@pytest.mark.parametrize("lang", LANGS)
def test_the_notes_window_drives_the_audience_window_in_one_visit(lang):
    """Before the fix there was no notes window (``view=notes`` showed the app with the notes in its sidebar) and
    every step made a new visit; on that code this module was seen failing at collection only."""
    notes, code = open_notes(lang)
    made = presentation.get(Store(), code)
    assert made and made.step_id == "welcome" and made.version == 1 and made.visit_id
    assert notes.title[0].value == tr(lang, "booth.present.title")
    assert tr(lang, "booth.tour.welcome.notes") in [m.value for m in notes.markdown]
    assert 'data-testid="tour-timer"' in shown_text(notes)
    assert [b.key for b in notes.button if b.key and b.key.startswith("tour_jump_")] == \
        [f"tour_jump_{s}" for s in tour.STEP_IDS]
    assert notes.slider(key="keep_picker_age")  # the persona chooser is here (collapsed)
    visit_id = made.visit_id

    audience = open_audience(lang, code)
    assert audience.session_state["visit_id"] == visit_id
    assert_audience_is_clean(audience, lang)

    click(notes, "tour_jump_borger")
    audience.run()
    no_exception(audience)
    assert audience.session_state["visit_id"] == visit_id
    assert param(audience, "flow") and param(audience, "p") == code and param(audience, "v") == visit_id
    assert_audience_is_clean(audience, lang)

    click(notes, "tour_next")
    assert tr(lang, "booth.tour.digital_post.notes") in [m.value for m in notes.markdown]
    audience.run()
    no_exception(audience)
    assert audience.title[0].value == tr(lang, "post.title")
    assert audience.session_state["visit_id"] == visit_id
    assert cases.submissions(Store(), visit_id)  # prepared: Digital Post had no application yet
    assert_audience_is_clean(audience, lang)

    click(notes, "tour_reset")
    after = presentation.get(Store(), code)
    assert after.visit_id != visit_id and after.step_id == "welcome"
    assert visits.get(Store(), visit_id) is None
    audience.run()
    no_exception(audience)
    assert audience.session_state["visit_id"] == after.visit_id
    assert tr(lang, "welcome.you_are") in shown_text(audience)
    assert_audience_is_clean(audience, lang)


def test_a_reloaded_audience_window_keeps_its_page_and_a_fresh_one_follows():
    notes, code = open_notes("de")
    click(notes, "tour_jump_digital_post")
    current = presentation.get(Store(), code)
    fresh = open_audience("de", code)  # opened from the notes window: no visit in its URL yet
    assert fresh.title[0].value == tr("de", "post.title") and fresh.session_state["visit_id"] == current.visit_id
    reloaded = open_audience("de", code, v=current.visit_id)  # a reload: its URL names the visit, it stays put
    assert reloaded.session_state["visit_id"] == current.visit_id
    assert tr("de", "welcome.you_are") in shown_text(reloaded)
    click(notes, "tour_jump_indicators")  # the next jump moves it again
    reloaded.run()
    assert reloaded.title[0].value == tr("de", "compare.page.title")


def test_a_reloaded_notes_window_keeps_its_presentation_visit_and_persona():
    """Seen failing before its fix (the reloaded window fell back to the default persona and so began a new visit
    on the next jump)."""
    notes, code = open_notes("en")
    notes.slider(key="keep_picker_age").set_value((67, 90)).run()
    click(notes, "picker_use")  # not the default persona
    chosen = notes.session_state[presenter_persona.PERSONA_KEY]
    click(notes, "tour_jump_mitid")
    current = presentation.get(Store(), code)
    again = make_app("en", "presenter", view="notes", p=code, v=current.visit_id)  # a new session, as a reload
    no_exception(again)
    assert again.session_state[CODE_KEY] == code and again.session_state["visit_id"] == current.visit_id
    assert presentation.get(Store(), code).version == current.version  # a reload publishes nothing
    assert tr("en", "booth.tour.mitid.notes") in [m.value for m in again.markdown]
    assert again.session_state[presenter_persona.PERSONA_KEY] == chosen
    click(again, "tour_next")
    assert presentation.get(Store(), code).visit_id == current.visit_id  # the same visit goes on


def test_a_reloaded_single_screen_continues_its_visit_with_its_persona():
    """Seen failing before its fix (as above: the reload lost the chosen persona, the next jump a new visit)."""
    at = make_app("de", "presenter")
    at.slider(key="keep_picker_age").set_value((67, 90)).run()
    click(at, "picker_use")
    at.sidebar.button(key="tour_jump_borger").click().run()
    visit_id = at.session_state["visit_id"]
    again = make_app("de", "presenter", v=visit_id)
    no_exception(again)
    again.sidebar.button(key="tour_next").click().run()
    no_exception(again)
    assert again.session_state["visit_id"] == visit_id


def test_a_language_chosen_in_the_notes_window_reaches_the_audience_window_without_moving_it():
    notes, code = open_notes("de")
    click(notes, "tour_jump_digital_post")
    audience = open_audience("de", code)
    before = presentation.get(Store(), code)
    notes.segmented_control(key="header_lang_choice").set_value("da").run()
    no_exception(notes)
    after = presentation.get(Store(), code)
    assert (after.lang, after.version, after.moved) == ("da", before.version + 1, before.moved)
    audience.run()
    no_exception(audience)
    assert audience.session_state["lang"] == "da" and audience.title[0].value == tr("da", "post.title")


def test_back_to_the_step_restores_a_login_a_phone_ended():
    """The safety net: one click (or Backspace) takes the audience window back to the last step, in the same
    visit, with what the step needs added again."""
    notes, code = open_notes("de")
    click(notes, "tour_jump_digital_post")
    current = presentation.get(Store(), code)
    audience = open_audience("de", code)
    visits.log_out(Store(), current.visit_id)  # a visitor's phone, or a stray click on "Log af"
    audience.switch_page("pages/about.py").run()  # … and a click somewhere else
    button = notes.button(key="tour_back_to_step")
    title = tr("de", "booth.tour.digital_post.title")
    assert button.label == tr("de", "booth.tour.back_to_step", number=4, title=title)
    click(notes, "tour_back_to_step")
    assert presentation.get(Store(), code).visit_id == current.visit_id
    assert visits.get(Store(), current.visit_id).logged_in
    audience.run()
    no_exception(audience)
    assert audience.title[0].value == tr("de", "post.title")


def test_the_shortcuts_are_keys_a_presenters_clicker_sends():
    notes, _code = open_notes("en")
    shortcuts = {b.key: b.proto.shortcut for b in notes.button if b.key in ("tour_next", "tour_previous",
                                                                             "tour_back_to_step")}
    assert shortcuts == {"tour_next": "pagedown", "tour_previous": "pageup", "tour_back_to_step": "backspace"}


def test_choosing_a_persona_in_the_notes_window_starts_a_new_visit_for_the_audience():
    notes, code = open_notes("en")
    first = presentation.get(Store(), code).visit_id
    notes.slider(key="keep_picker_age").set_value((67, 90)).run()
    click(notes, "picker_use")
    after = presentation.get(Store(), code)
    chosen = notes.session_state[presenter_persona.PERSONA_KEY]
    assert after.visit_id != first and visits.get(Store(), after.visit_id).persona_id == chosen
    assert visits.get(Store(), first) is None


def test_an_unknown_presentation_code_is_said_and_never_shows_notes():
    audience = open_audience("de", "A" * 12)
    assert tr("de", "booth.present.unknown") in [w.value for w in audience.warning]
    assert_audience_is_clean(audience, "de")
    bad = make_app("de", "presenter", view="notes", p="not a code!")
    no_exception(bad)
    assert tr("de", "booth.present.bad_code") in [w.value for w in bad.warning]
    assert presentation.valid_code(bad.session_state[CODE_KEY])


def test_a_single_screen_offers_the_notes_window_for_its_visit():
    at = make_app("de", "presenter")
    no_exception(at)
    at.sidebar.button(key="tour_jump_borger").click().run()
    no_exception(at)
    visit_id = at.session_state["visit_id"]
    links = [b for b in at.get("link_button") if "presenter_notes" in b.proto.url]
    assert links and f"v={visit_id}" in links[0].proto.url and "view=notes" in links[0].proto.url
