"""One way to start a visit for a persona (ui.shell.session.begin_visit), from the welcome page and from a flow
the persona cannot use: the old visit ends with its reason, the new one records how its persona was chosen."""
from simulators.core.store import Store
from simulators.post import life_letters, postbox
from simulators.population.persona import pick_persona
from tests.helpers.apptest import log_in, make_app, no_exception, start_visit, visit_of
from tests.helpers.borger_app import logged_in_app, open_flow
from ui.shell.resources import population


def events_of(tag: str) -> list[tuple[str, str]]:
    return [(e["event"], e["detail"]) for e in Store().events() if e["visit_tag"] == tag]


def test_start_and_another_persona_record_how_the_persona_was_chosen():
    at = start_visit(make_app("en"))
    first = visit_of(at)
    assert events_of(first.tag) == [("visit_start", ""), ("persona", "random")]
    at.button(key="welcome_other").click().run()
    no_exception(at)
    second = visit_of(at)
    assert events_of(first.tag)[-1] == ("visit_end", "new_persona")
    assert events_of(second.tag) == [("visit_start", ""), ("persona", "random")]


def test_a_flow_the_persona_cannot_use_starts_a_visit_for_one_who_can():
    at, visit_id = logged_in_app("en", pick_persona(population(), 5, min_age=25, max_age=40))
    first = visit_of(at)
    open_flow(at, "pension")
    at.button(key="ss_other_persona").click().run()
    no_exception(at)
    second = visit_of(at)
    assert second.visit_id != visit_id and not second.logged_in
    assert events_of(first.tag)[-1] == ("visit_end", "other_persona")
    assert events_of(second.tag) == [("visit_start", ""), ("persona", "for_pension")]
    assert life_letters.is_seeded(Store(), second.visit_id)  # the new persona's life letters came with it


def test_a_visit_begins_with_the_persona_s_life_letters_in_its_mailbox():
    """Issue #18: the life letters are delivered at Start (Digital Post's first open no longer does it); they are
    the letters Digital Post would have delivered, and its first open adds none."""
    at = start_visit(make_app("en"))
    visit_id = visit_of(at).visit_id
    assert life_letters.is_seeded(Store(), visit_id)
    delivered = postbox.list_letters(Store(), visit_id)
    assert delivered and {letter["origin"] for letter in delivered} == {"life"}
    log_in(at).switch_page("pages/digital_post.py").run()
    no_exception(at)
    assert len(postbox.list_letters(Store(), visit_id)) == len(delivered)
    at.switch_page("pages/welcome.py").run()
    at.button(key="welcome_other").click().run()  # another persona: a new visit, with its own letters
    assert visit_of(at).visit_id != visit_id and life_letters.is_seeded(Store(), visit_of(at).visit_id)
