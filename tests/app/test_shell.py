"""The shell: every registered page renders in every language and mode, the banner is always there."""
import html

import pytest

from simulators.core import i18n
from tests.helpers.apptest import LANGS, MODES, log_in, make_app, no_exception, start_visit
from ui.shell.navigation import PAGES


def banner_texts(at):
    return " ".join(str(h.proto.body) for h in at.get("html"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("mode", MODES)
def test_every_page_renders_in_every_language_and_mode(lang, mode):
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

    from tests.helpers.apptest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.session_state["lang"] in LANGS


def test_about_lists_sources():
    at = make_app("en")
    at.switch_page("pages/about.py").run()
    no_exception(at)
    assert any("SOURCES" in md.value or "Sources" in md.value for md in at.markdown)


def test_language_switch_survives_page_change():
    at = make_app("de")
    at.segmented_control(key="header_lang_choice").set_value("da").run()
    assert at.session_state["lang"] == "da"
    at.switch_page("pages/about.py").run()
    assert at.title[0].value == i18n.translate("da", "about.title")


def test_every_page_runs_inside_the_router_first():
    """Each page file calls ui.shell.boot.ensure_router() before anything else (see ui/shell/boot.py for why)."""
    import ast
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parents[2] / "pages").glob("*.py")):
        body = ast.parse(path.read_text()).body
        statements = [node for node in body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
        first_call = next(node for node in statements if isinstance(node, ast.Expr))
        assert ast.unparse(first_call) == "ensure_router()", path.name
        assert statements.index(first_call) == 1, f"{path.name}: only the import may come before ensure_router()"


@pytest.mark.parametrize("lang", LANGS)
def test_welcome_explains_the_four_steps_before_start(lang):
    """A student's first screen: what the five minutes hold, in the page's language, in the journey's order."""
    at = make_app(lang)
    no_exception(at)
    page_html = " ".join(str(h.proto.body) for h in at.get("html"))
    page_html = page_html[page_html.index('class="dds-steps"'):]  # the steps list (the lead names borger.dk too)
    titles = [i18n.translate(lang, f"welcome.step.{key}.title") for key in ("mitid", "borger", "post", "compare")]
    positions = [page_html.find(html.escape(title)) for title in titles]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), (titles, positions)
    assert html.escape(i18n.translate(lang, "welcome.step.compare.text")) in page_html
