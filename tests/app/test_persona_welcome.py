"""Welcome -> Start -> the persona card shows the generated persona: name, fictitious CPR with its mark, MitID ID."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from simulators.population import cpr
from simulators.core import i18n, visits
from simulators.population.persona import persona_record
from tests.helpers.apptest import LANGS, no_exception, start_visit, visit_of
from ui.shell.resources import population

APP = Path(__file__).resolve().parents[2] / "app.py"


def make_app(lang: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", LANGS)
def test_start_shows_the_persona_card(lang):
    at = start_visit(make_app(lang))
    no_exception(at)
    persona = persona_record(population(), int(visit_of(at).persona_id))
    assert 25 <= persona["age"] <= 70 and persona["household"], "the default persona is an adult with a household"

    assert persona["full_name"] in [s.value for s in at.subheader]
    html = " ".join(str(h.proto.body) for h in at.get("html"))
    assert persona["cpr"] in html
    assert cpr.parse(persona["cpr"]).fictitious
    assert i18n.translate(lang, "persona.fictitious") in html
    markdown = " ".join(m.value for m in at.markdown)
    demo_user = visits.demo_user_id(visit_of(at), persona["mitid_user_id"])  # the visit's own (issue #17)
    assert persona["mitid_user_id"] and f"`{demo_user}`" in markdown
    assert persona["address_line2"] in markdown


def test_another_persona_replaces_the_first():
    at = start_visit(make_app("en"))
    first_visit = at.session_state["visit_id"]
    at.button(key="welcome_other").click().run()
    no_exception(at)
    assert at.session_state["visit_id"] != first_visit
    persona = persona_record(population(), int(visit_of(at).persona_id))
    assert [s.value for s in at.subheader].count(persona["full_name"]) == 1
