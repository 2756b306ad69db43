"""One visitor's journey in AppTest, step by step, for bench_interactions (each step timed by apptest_timing).

Welcome → Start → MitID login (demo user ID, CONTINUE, the visitor's phone, the on-screen phone, approve) →
every other registered page (open, then a rerun as any widget click causes) with page extras: each
self-service flow (open, Continue), Digital Post (open a letter). A step whose widget is not there (a page
not built yet, a changed key) is skipped with a note instead of failing the whole benchmark.
"""
from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest

from bench.apptest_timing import timed_runs
from bench.benchlib import ROOT
from tests.helpers.mailbox import open_row, row_ids

APP = ROOT / "app.py"

CHART_ELEMENTS = ("plotly_chart", "arrow_vega_lite_chart", "vega_lite_chart", "deck_gl_json_chart", "map",
                  "graphviz_chart", "pyplot")
JOURNEY_DONE = {"pages/welcome.py", "pages/mitid_login.py", "pages/mitid_phone.py"}


def pages():
    from ui.shell.navigation import PAGES

    return list(PAGES)


def registered(path: str) -> bool:
    return any(spec.path == path for spec in pages())


def submit_button(at: AppTest, form_prefix: str):
    for button in at.button:
        if button.proto.is_form_submitter and button.proto.form_id.startswith(form_prefix):
            return button
    raise KeyError(f"no submit button of a form {form_prefix!r}*")


def keyed(elements, prefix: str):
    for element in elements:
        if (element.key or "").startswith(prefix):
            return element
    raise KeyError(f"no widget with a key {prefix!r}*")


class Walk:
    def __init__(self, lang: str, samples: dict, charts: dict, notes: list, record: bool = True,
                 cpu: dict | None = None):
        self.lang, self.samples, self.charts, self.notes, self.record = lang, samples, charts, notes, record
        self.cpu = cpu if cpu is not None else {}  # name -> (CPU seconds, script runs) of each step
        self.at: AppTest | None = None

    def sample(self, name: str, action, at: AppTest | None = None) -> bool:
        at = at or self.at
        try:
            seconds, cpu, _ = timed_runs(action)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            self.notes.append(f"{name}: skipped ({type(exc).__name__}: {exc})")
            return False
        if at.exception:
            self.notes.append(f"{name}: the page raised {at.exception[0].value[:120]!r}")
        if self.record:
            self.samples.setdefault(name, []).append(seconds)
            if cpu:
                self.cpu.setdefault(name, []).append((sum(cpu), len(cpu)))
            self.charts[name] = self.charts.get(name, False) or any(len(at.get(k)) for k in CHART_ELEMENTS)
        return True

    def run_all(self, repeats: int) -> None:
        at = self.at = AppTest.from_file(str(APP), default_timeout=180)
        at.query_params["lang"] = self.lang
        at.query_params["mode"] = "explore"
        self.sample("welcome: first load", at.run)
        self.sample("welcome: Start (visit + persona)", lambda: at.button(key="welcome_start").click().run())
        for _ in range(repeats):
            self.sample("welcome: rerun with persona card", at.run)
        if registered("pages/mitid_login.py"):
            self.login(repeats)
        if not at.session_state["visit_id"] or not self.logged_in():
            self.log_in_through_store()
        for spec in pages():
            if spec.path in JOURNEY_DONE:
                continue
            if spec.path == "pages/selfservice.py":
                self.selfservice(repeats)
                continue
            name = spec.url_path
            for _ in range(repeats):
                self.sample(f"{name}: open", lambda: at.switch_page(spec.path).run())
            for _ in range(repeats):
                self.sample(f"{name}: rerun", at.run)
            if spec.path == "pages/digital_post.py":
                self.sample("digital_post: open a letter", lambda: open_row(at, row_ids(at)[0]))
                for _ in range(repeats):
                    self.sample("digital_post: rerun with a letter open", at.run)

    def logged_in(self) -> bool:
        from simulators.core import visits
        from simulators.core.store import Store

        visit = visits.get(Store(), self.at.session_state["visit_id"])
        return bool(visit and visit.logged_in)

    def login(self, repeats: int) -> None:
        at = self.at
        if not self.sample("mitid_login: open (Next on welcome)", lambda: at.button(key="welcome_next").click().run()):
            return
        self.sample("mitid_login: fill the demo user ID", lambda: at.button(key="mitid_use_demo").click().run())
        if not self.sample("mitid_login: CONTINUE (request + QR code)",
                           lambda: submit_button(at, "mitid_user_id_form").click().run()):
            return
        for _ in range(repeats):
            self.sample("mitid_login: rerun while waiting (QR)", at.run)
        tokens = at.session_state["mitid_tokens"] if "mitid_tokens" in at.session_state else {}
        if tokens:
            self.phone(next(iter(tokens.values())), repeats)
        self.sample("mitid_login: choose the on-screen phone",
                    lambda: keyed(at.segmented_control, "mitid_channel_").set_value("onscreen").run())
        for _ in range(repeats):
            self.sample("mitid_login: rerun while waiting (on-screen phone)", at.run)
        self.sample("mitid_login: approve → borger.dk", lambda: at.button(key="mitid_onscreen_approve").click().run())

    def phone(self, token: str, repeats: int) -> None:
        phone = AppTest.from_file(str(APP), default_timeout=180)
        phone.query_params["lang"] = self.lang
        phone.query_params["token"] = token
        phone.run()
        for _ in range(repeats):
            self.sample("mitid_phone: open with the QR token",
                        lambda: phone.switch_page("pages/mitid_phone.py").run(), at=phone)

    def selfservice(self, repeats: int) -> None:
        from simulators.borger import FLOWS

        at = self.at
        for flow_id in FLOWS:
            def open_flow():
                at.query_params["flow"] = flow_id
                return at.switch_page("pages/selfservice.py").run()

            for _ in range(max(repeats // 3, 1)):
                self.sample(f"selfservice {flow_id}: open", open_flow)
            if any(button.key == "ss_other_persona" for button in at.button):
                # This visit's random persona may not use the flow (no child for daycare, not married for
                # divorce, …): the page explains and offers another persona; there is no form to continue.
                self.notes.append(f"selfservice {flow_id}: Continue measured only for visits whose persona "
                                  "is eligible (the others get the page that offers another persona)")
            else:
                self.sample(f"selfservice {flow_id}: Continue", lambda: submit_button(at, "ss_form_").click().run())
            for _ in range(max(repeats // 3, 1)):
                self.sample(f"selfservice {flow_id}: rerun", at.run)
        at.query_params.pop("flow", None)

    def log_in_through_store(self) -> None:
        """No MitID page yet (or its login failed): log the visit in as tests/helpers/apptest.py's log_in does."""
        from simulators.core import visits
        from simulators.core.store import Store

        visit_id = self.at.session_state["visit_id"]
        visits.record_login(Store(), visit_id, visits.Login(None, "bench", time.time()))
        self.notes.append("logged in through the store (the MitID login was not driven to the end)")
        self.at.run()
