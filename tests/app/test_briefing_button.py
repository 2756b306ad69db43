"""The presenter's "Briefing als PDF" (ui/booth/briefing.py): on the comparison and welcome pages in presenter mode
only, with the life event open on the life-events page chosen, and a clear message when none is chosen."""
import pytest

from simulators.core import i18n
from tests.helpers.apptest import LANGS, make_app, no_exception


def briefing_buttons(at):
    return [b for b in at.get("download_button") if b.key == "briefing_pdf"]


@pytest.mark.parametrize("lang", LANGS)
def test_presenter_gets_the_briefing_on_the_comparison_page(lang):
    at = make_app(lang, "presenter")
    at.switch_page("pages/compare.py").run()
    no_exception(at)
    assert [e.label for e in at.expander if e.label.endswith(i18n.translate(lang, "booth.briefing.title"))]
    assert len(briefing_buttons(at)) == 1
    assert at.multiselect(key="briefing_events").value == ["moving"]


def test_the_event_open_on_the_life_events_page_is_chosen_and_none_gets_a_message():
    at = make_app("de", "presenter", event="divorce")
    at.switch_page("pages/journeys.py").run()
    at.switch_page("pages/compare.py").run()
    no_exception(at)
    assert at.multiselect(key="briefing_events").value == ["divorce"]
    at.multiselect(key="briefing_events").set_value([]).run()
    no_exception(at)
    assert i18n.translate("de", "booth.briefing.pick_one") in [w.value for w in at.warning]
    assert briefing_buttons(at)[0].proto.disabled


def test_presenter_gets_the_briefing_on_the_welcome_page():
    at = make_app("de", "presenter")
    no_exception(at)
    assert len(briefing_buttons(at)) == 1


@pytest.mark.parametrize("mode", ["explore", "kiosk"])
def test_no_briefing_outside_presenter_mode(mode):
    at = make_app("en", mode)
    assert not briefing_buttons(at)
    at.switch_page("pages/compare.py").run()
    no_exception(at)
    assert not briefing_buttons(at)
