"""The shell: every registered page renders in every language and mode, the banner is always there."""
import pytest

from simulators import i18n
from tests.app.conftest import LANGS, MODES, log_in, make_app, no_exception, start_visit
from ui.navigation import PAGES


def banner_texts(at):
    return " ".join(str(h.proto.body) for h in at.get("html"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("mode", MODES)
def test_every_page_renders_with_banner(lang, mode):
    at = make_app(lang, mode)
    no_exception(at)
    start_visit(at)
    log_in(at)
    for spec in PAGES:
        if spec.path == "pages/mitid_phone.py":
            continue  # the phone page needs a token; its own tests cover it
        at.switch_page(spec.path).run()
        no_exception(at)
        assert i18n.translate(lang, "banner.simulation") in banner_texts(at), spec.path


@pytest.mark.parametrize("lang", LANGS)
def test_welcome_speaks_the_language_and_starts_a_visit(lang):
    at = make_app(lang)
    assert at.title[0].value == i18n.translate(lang, "welcome.title")
    start_visit(at)
    no_exception(at)
    assert at.query_params["v"] == [at.session_state["visit_id"]] or at.query_params["v"] == at.session_state["visit_id"]


def test_language_follows_browser_locale_when_not_fixed():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file("app.py", default_timeout=60)
    at.run()
    assert at.session_state["lang"] in LANGS


def test_mode_is_read_once_and_kept():
    at = make_app("en", "kiosk")
    assert at.session_state["mode"] == "kiosk"
    at.query_params["mode"] = "explore"
    at.run()
    assert at.session_state["mode"] == "kiosk"


def test_language_switch_survives_page_change():
    at = make_app("de")
    at.segmented_control(key="header_lang_choice").set_value("da").run()
    assert at.session_state["lang"] == "da"
    at.switch_page("pages/about.py").run()
    assert at.title[0].value == i18n.translate("da", "about.title")


def test_about_lists_sources():
    at = make_app("en")
    at.switch_page("pages/about.py").run()
    no_exception(at)
    assert any("SOURCES" in md.value or "Sources" in md.value for md in at.markdown)
