"""A session's script-thread callbacks reach the event loop in order, with one hand-over per burst
(ui/shell/event_batching.py), on a real asyncio loop and Streamlit's own AppSession method."""
from __future__ import annotations

import asyncio
import threading

import pytest
from streamlit.runtime.app_session import AppSession

from ui.shell import event_batching


class FakeSession:
    """What the batched method needs of an AppSession: its loop (and an instance __dict__)."""

    def __init__(self, loop):
        self._event_loop = loop


def streamlits_method():
    """Streamlit's own method, also when an app test earlier in this process installed the batching."""
    current = AppSession._call_soon_on_event_loop
    return event_batching._installed.get("original", current) if current is event_batching._batched_call_soon \
        else current


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(AppSession, "_call_soon_on_event_loop", streamlits_method())  # as it was, after the test
    monkeypatch.setattr(event_batching, "_installed", {})
    monkeypatch.setenv("DDS_BATCH_SCRIPT_EVENTS", "1")
    assert event_batching.install()
    yield


def run(main):
    """``asyncio.run(main())`` in a thread of its own: in the whole suite the browser tests' Playwright keeps an
    event loop running in the main thread, where asyncio.run refuses to start."""
    result: dict = {}

    def target():
        try:
            result["value"] = asyncio.run(main())
        except BaseException as exc:  # handed to the test's thread
            result["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if "error" in result:
        raise result["error"]
    return result["value"]


def count_handovers(loop):
    calls = []
    real = loop.call_soon_threadsafe

    def counting(callback, *args):
        calls.append(callback)
        return real(callback, *args)

    loop.call_soon_threadsafe = counting
    return calls


def test_a_burst_from_another_thread_arrives_in_order_with_few_handovers(installed):
    async def main():
        loop = asyncio.get_running_loop()
        handovers = count_handovers(loop)
        session, seen, done = FakeSession(loop), [], asyncio.Event()

        def script_thread():
            for i in range(200):
                AppSession._call_soon_on_event_loop(session, lambda i=i: seen.append(i))
            AppSession._call_soon_on_event_loop(session, lambda: loop.call_soon(done.set))

        thread = threading.Thread(target=script_thread)
        thread.start()
        await asyncio.wait_for(done.wait(), 5)
        thread.join()
        return seen, handovers

    seen, handovers = run(main)
    assert seen == list(range(200))
    assert 1 <= len(handovers) < 50  # Streamlit's own way: 201


def test_a_failing_callback_is_reported_and_the_rest_still_run(installed):
    async def main():
        loop = asyncio.get_running_loop()
        reported, seen = [], []
        loop.set_exception_handler(lambda _loop, context: reported.append(context["exception"]))
        session = FakeSession(loop)
        AppSession._call_soon_on_event_loop(session, lambda: seen.append("a"))
        AppSession._call_soon_on_event_loop(session, lambda: 1 / 0)
        AppSession._call_soon_on_event_loop(session, lambda: seen.append("b"))
        await asyncio.sleep(0.05)
        return seen, reported

    seen, reported = run(main)
    assert seen == ["a", "b"]
    assert [type(e) for e in reported] == [ZeroDivisionError]


def test_a_closed_loop_drops_the_callback_and_a_later_one_is_not_stuck(installed):
    loop = asyncio.new_event_loop()
    session = FakeSession(loop)
    loop.close()
    AppSession._call_soon_on_event_loop(session, lambda: None)  # no RuntimeError: dropped, as Streamlit does
    queue = session.__dict__["_dds_callbacks"]
    assert queue.callbacks == [] and not queue.scheduled


def test_off_switch_keeps_streamlits_own_method(monkeypatch):
    original = streamlits_method()
    monkeypatch.setattr(AppSession, "_call_soon_on_event_loop", original)
    monkeypatch.setattr(event_batching, "_installed", {})
    monkeypatch.setenv("DDS_BATCH_SCRIPT_EVENTS", "0")
    assert not event_batching.install()
    assert AppSession._call_soon_on_event_loop is original
