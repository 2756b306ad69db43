"""The presentation item through which the presenter's notes window drives the audience window: versions (a jump or
a reset moves the audience window, a language change only re-reads), what the audience window shows, the timer,
conditional writes (SQLite and, when configured, PostgreSQL), the stale purge, and the windows' addresses."""
import pytest

from simulators.booth import presentation
from simulators.core.store import Store
from tests.helpers.stores import ENGINES, store_on


@pytest.fixture(params=ENGINES)
def store(request, tmp_path):
    return store_on(request.param, tmp_path)


@pytest.fixture
def own_store(tmp_path):
    """A store of this test alone (the purge deletes every stale presentation in it)."""
    return Store(f"sqlite:///{tmp_path}/presentation.db")


def test_a_new_presentation_has_an_unguessable_code_and_nothing_published(store):
    made = presentation.create(store, now=100.0)
    assert presentation.valid_code(made.code) and len(made.code) == 12
    assert presentation.get(store, made.code) == made
    assert (made.version, made.moved, made.step_id, made.visit_id) == (0, 0, None, None)
    assert len({presentation.create(store).code for _ in range(50)}) == 50


@pytest.mark.parametrize("code", [None, "", "short", "x" * 13, "abc def ghi!", "../../etc/pa"])
def test_a_malformed_code_finds_nothing_and_cannot_be_made(store, code):
    assert presentation.get(store, code) is None and presentation.version(store, code) is None
    assert not presentation.valid_code(code)
    if code:
        with pytest.raises(ValueError):
            presentation.create(store, code)


def test_publishing_moves_the_audience_window_and_a_language_change_does_not(store):
    made = presentation.create(store, now=100.0)
    one = presentation.publish(store, made.code, "borger", "v1", "pages/selfservice.py", {"flow": "moving"}, "de",
                               now=110.0)
    assert (one.version, one.moved, one.step_id, one.visit_id, one.query) == (1, 1, "borger", "v1", {"flow": "moving"})
    assert one.published_at == 110.0
    assert presentation.version(store, made.code) == 1
    two = presentation.set_lang(store, made.code, "en")
    assert (two.version, two.moved, two.lang) == (2, 1, "en")
    assert presentation.set_lang(store, made.code, "en").version == 2  # the same language: nothing to follow
    three = presentation.publish(store, made.code, "digital_post", "v1", "pages/digital_post.py", {}, "en", now=120.0)
    assert (three.version, three.moved) == (3, 3)


def test_what_the_audience_window_shows_reaches_the_notes_without_a_new_version(store):
    made = presentation.create(store, now=100.0)
    presentation.publish(store, made.code, "borger", "v1", "pages/selfservice.py", {}, "de", now=110.0)
    shown = presentation.show_step(store, made.code, "digital_post", now=130.0)
    assert shown.shown_step == "digital_post" and shown.version == 1 and shown.step_at == 130.0
    assert presentation.show_step(store, made.code, "digital_post", now=140.0).step_at == 130.0  # unchanged


def test_the_timer_counts_from_the_start_and_from_the_step(store):
    made = presentation.create(store, now=100.0)
    presentation.publish(store, made.code, "welcome", "v1", "pages/welcome.py", {}, "de", now=100.0)
    same = presentation.publish(store, made.code, "welcome", "v1", "pages/welcome.py", {}, "de", now=150.0)
    assert same.elapsed(160.0) == (60, 60)  # back to the same step: its clock goes on
    later = presentation.publish(store, made.code, "mitid", "v1", "pages/mitid_login.py", {}, "de", now=200.0)
    assert later.elapsed(245.0) == (145, 45)
    reset = presentation.publish(store, made.code, "welcome", "v2", "pages/welcome.py", {}, "de",
                                 restart_timer=True, now=300.0)
    assert reset.elapsed(301.0) == (1, 1)


def test_a_write_that_lost_a_race_is_done_again_on_a_fresh_read(store, monkeypatch):
    made = presentation.create(store, now=100.0)
    original = store.update
    calls = []

    def racing_update(kind, id, data, expected_version=None, **kwargs):
        calls.append(expected_version)
        if len(calls) == 1:  # another window wrote in between: this write loses, the item is newer
            presentation.show_step(store, made.code, "mitid")
            return original(kind, id, data, expected_version=expected_version, **kwargs)
        return original(kind, id, data, expected_version=expected_version, **kwargs)

    monkeypatch.setattr(store, "update", racing_update)
    done = presentation.publish(store, made.code, "borger", "v1", "pages/selfservice.py", {}, "de")
    assert done.version == 1 and done.step_id == "borger"
    assert presentation.get(store, made.code).step_id == "borger"
    assert len(calls) >= 3  # lost once (the inner show_step wrote), then won


def test_a_purged_presentation_can_be_made_again_under_its_code(own_store):
    store = own_store
    made = presentation.create(store, now=100.0)
    assert presentation.purge_stale(store, 60.0, now=10**12) == 1
    assert presentation.get(store, made.code) is None
    again = presentation.create(store, made.code)
    assert again.code == made.code and presentation.version(store, made.code) == 0


def test_the_purge_spares_presentations_in_use(own_store):
    store = own_store
    old = presentation.create(store)
    fresh = presentation.create(store)
    presentation.touch(store, fresh.code)
    item = store.get(presentation.KIND, fresh.code)
    assert presentation.purge_stale(store, 30.0, now=item.updated_at + 10.0) == 0
    assert presentation.purge_stale(store, 30.0, now=item.updated_at + 31.0) == 2
    assert presentation.get(store, old.code) is None


def test_the_windows_addresses():
    assert presentation.audience_query("abcDEF123_-x", "de") == "mode=presenter&lang=de&p=abcDEF123_-x"
    assert presentation.notes_query("da") == "mode=presenter&view=notes&lang=da"
    assert presentation.notes_query("en", "V1") == "mode=presenter&view=notes&lang=en&v=V1"
    assert presentation.base_url("http://192.168.1.20:8501/presenter_notes") == "http://192.168.1.20:8501"
    assert presentation.base_url("https://booth.example/app/presenter_notes") == "https://booth.example/app"
    assert presentation.base_url(None) is None and presentation.base_url("javascript:alert(1)") is None


@pytest.mark.parametrize("seconds, text", [(0, "0:00"), (5, "0:05"), (245, "4:05"), (760, "12:40"),
                                           (3723, "1:02:03"), (-3, "0:00")])
def test_the_clock_face(seconds, text):
    assert presentation.clock_text(seconds) == text


def test_touch_never_undoes_a_write_that_came_in_between(store, monkeypatch):
    """Seen failing with an unconditional write (the first version of touch)."""
    made = presentation.create(store)
    stale = store.get(presentation.KIND, made.code)
    presentation.publish(store, made.code, "borger", "v1", "pages/selfservice.py", {}, "de")  # the notes window
    monkeypatch.setattr(store, "get", lambda kind, id: stale)  # touch read before that publish
    presentation.touch(store, made.code)
    monkeypatch.undo()
    assert presentation.get(store, made.code).step_id == "borger"
