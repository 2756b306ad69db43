"""One visitor, as a browser drives the app over the WebSocket (bench_load, soak): the journey and its timings.

welcome → Start → Next (MitID login) → demo user ID → CONTINUE → on-screen phone → approve (lands on borger.dk)
→ the other journey pages → "another persona" on the welcome page (which ends the visit and starts a new one).
While the visitor "reads" (think time), a page's ``st.fragment(run_every=…)`` timers tick as in a browser.
A step whose widget is missing (page not built yet, key changed) falls back: navigation by URL, and the login
through the store when a database URL is known (as tests/app/conftest.py's log_in does).
"""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from bench.stclient import Run, Session

# The pages a visitor walks after the login, in story order; those not registered are skipped.
AFTER_LOGIN = ["borger", "overblik", "selfservice?flow=moving", "digital_post", "journeys", "compare"]
ONSCREEN = 2  # index of "onscreen" in simulators.mitid.login.CHANNELS


@dataclass
class Recorder:
    """Latencies per step name, plus counts; shared by all visitors of one measurement."""
    runs: dict[str, list[float]] = field(default_factory=dict)
    ticks: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    exceptions: dict[str, int] = field(default_factory=dict)
    journeys: int = 0
    active: bool = True

    def add(self, name: str, run: Run) -> None:
        if not self.active:
            return
        self.runs.setdefault(name, []).append(run.seconds)
        for text in run.exceptions:
            self.exceptions[f"{name}: {text[:80]}"] = self.exceptions.get(f"{name}: {text[:80]}", 0) + 1

    def error(self, name: str, exc: BaseException) -> None:
        key = f"{name}: {type(exc).__name__} {str(exc)[:80]}"
        self.errors[key] = self.errors.get(key, 0) + 1

    def count(self) -> int:
        return sum(len(v) for v in self.runs.values()) + len(self.ticks)


@dataclass
class Visitor:
    base_url: str
    recorder: Recorder
    think: tuple[float, float] = (2.0, 8.0)
    lang: str = "de"
    mode: str = "explore"
    database_url: str | None = None
    rng: random.Random = field(default_factory=random.Random)
    session: Session | None = None
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def step(self, name: str, **kwargs) -> Run | None:
        try:
            run = await self.session.rerun(**kwargs)
        except KeyError as exc:  # the widget is not on the page
            self.recorder.error(name, exc)
            return None
        self.recorder.add(name, run)
        return run

    async def read(self, seconds: float | None = None) -> None:
        """Think time; each of the page's fragment timers ticks meanwhile on its own interval, as in a browser."""
        now = time.monotonic()
        until = now + (self.rng.uniform(*self.think) if seconds is None else seconds)
        due: dict[str, float] = {}
        while not self.stop.is_set():
            timers = self.session.auto_reruns
            due = {f: due.get(f, now + interval) for f, interval in timers.items()}  # a new page: new timers
            wake = min([until, *due.values()])
            await asyncio.sleep(max(wake - time.monotonic(), 0.0))
            now = time.monotonic()
            if self.stop.is_set():
                return
            for fragment_id, when in list(due.items()):
                if when <= now and fragment_id in self.session.auto_reruns:
                    run = await self.session.poll(fragment_id)
                    if self.recorder.active:
                        self.recorder.ticks.append(run.seconds)
                    due[fragment_id] = time.monotonic() + timers.get(fragment_id, 1.0)
            if time.monotonic() >= until:
                return

    async def open(self) -> Session:
        self.session = await Session(self.base_url, locale=f"{self.lang}-DE",
                                     query_string=f"lang={self.lang}&mode={self.mode}").open()
        return self.session

    async def run(self, journeys: int | None = None) -> None:
        """Walk journeys until ``stop`` is set (or ``journeys`` are done)."""
        await self.open()
        try:
            await self.step("welcome: load")
            await self.read()
            await self.step("welcome: Start", triggers=("welcome_start",))
            done = 0
            while not self.stop.is_set() and (journeys is None or done < journeys):
                await self.read()
                await self.journey()
                done += 1
                if self.recorder.active:
                    self.recorder.journeys += 1
                if self.stop.is_set() or (journeys is not None and done >= journeys):
                    break
                await self.step("welcome: open", page="welcome")
                await self.read()
                await self.step("welcome: another persona (ends the visit)", triggers=("welcome_other",))
        finally:
            await self.session.close()

    async def journey(self) -> None:
        await self.login()
        for target in AFTER_LOGIN:
            if self.stop.is_set():
                return
            page, _, query = target.partition("?")
            if page not in self.session.pages or (page == self.session.page_name() and not query):
                continue  # not built yet, or already there (the login lands on borger.dk)
            params = {k: v for k, v in self.session.params.items() if k in ("lang", "mode", "v")}
            if "v" not in params:
                return  # the visit ended (an idle reset): the journey stops here
            params.update(q.split("=", 1) for q in query.split("&") if q)
            await self.step(f"{page}: open", page=page, query=params)
            await self.read()

    async def login(self) -> None:
        s = self.session
        if "welcome_next" not in s.widgets:
            await self.log_in_through_store()
            return
        await self.step("mitid_login: open", triggers=("welcome_next",))
        await self.read()
        await self.step("mitid_login: demo user ID", triggers=("mitid_use_demo",))
        await self.step("mitid_login: CONTINUE", triggers=("submit:mitid_user_id_form",))
        await self.read()
        channel = s.key_starting("mitid_channel_")
        if channel is None:
            await self.log_in_through_store()
            return
        option = s.widgets[channel][2].options[ONSCREEN]  # the wire value is the formatted label, icon included
        label = f"{option.content_icon} {option.content}" if option.content_icon else option.content
        await self.step("mitid_login: on-screen phone", set_values={channel: {"string_array_value": [label]}})
        await self.read()
        await self.step("mitid_login: approve", triggers=("mitid_onscreen_approve",))

    async def log_in_through_store(self) -> None:
        visit_id = self.session.params.get("v")
        if not (self.database_url and visit_id):
            return
        from simulators.core import visits
        from simulators.core.store import Store

        await asyncio.to_thread(visits.record_login, Store(self.database_url), visit_id,
                                visits.Login(None, "bench", time.time()))
