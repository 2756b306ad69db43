"""Server-side rerun time in AppTest: from the script's start to its last stop, read from the ScriptRunner's own
events (so AppTest's parsing of the element tree is not counted), including reruns the script asks for; and the
CPU time of each of those runs on its own (the script thread's ``time.thread_time``), which is what issue #18's
"CPU per rerun" means: wall time also counts waits that cost no CPU (``st.switch_page`` sleeps 10 ms so that the
browser gets the new query string first) and adds the runs of a two-run step together."""
from __future__ import annotations

import threading
import time

from streamlit.runtime import pages_manager
from streamlit.runtime.scriptrunner import ScriptRunnerEvent
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import app_test, local_script_runner

_last: dict = {}
_STOPS = {ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS, ScriptRunnerEvent.SCRIPT_STOPPED_WITH_COMPILE_ERROR,
          ScriptRunnerEvent.SCRIPT_STOPPED_FOR_RERUN}
_original_init = local_script_runner.LocalScriptRunner.__init__


def _init(self, *args, **kwargs):
    _original_init(self, *args, **kwargs)
    marks = {"start": None, "stop": None, "cpu": [], "run": None}
    _last["marks"] = marks

    def on_event(sender, event, **_kwargs):
        now = time.perf_counter()
        if event == ScriptRunnerEvent.SCRIPT_STARTED:
            marks["start"] = now if marks["start"] is None else marks["start"]
            marks["run"] = (threading.get_ident(), time.thread_time())
        elif event in _STOPS:
            marks["stop"] = now
            started, marks["run"] = marks["run"], None
            if started and started[0] == threading.get_ident():  # both events come from the script thread
                marks["cpu"].append(time.thread_time() - started[1])

    self.on_event.connect(on_event, weak=False)


local_script_runner.LocalScriptRunner.__init__ = _init

_original_pages_init = pages_manager.PagesManager.__init__


def _pages_init(self, *args, **kwargs):
    """AppTest resets Streamlit's old pages-folder mode before every run; a served app leaves it after its first
    run (ui/shell/boot.py). Measure what the server does: app.py, then the page."""
    _original_pages_init(self, *args, **kwargs)
    pages_manager.PagesManager.uses_pages_directory = False


pages_manager.PagesManager.__init__ = _pages_init

# AppTest compiles app.py and the page anew on every run (a new ScriptCache each time, with Streamlit's "magic"
# AST rewrite: ~15 ms a run); a served app compiles each script once per process. Share one cache, as it does.
_SHARED_SCRIPT_CACHE = ScriptCache()
app_test.ScriptCache = lambda: _SHARED_SCRIPT_CACHE
local_script_runner.ScriptCache = lambda: _SHARED_SCRIPT_CACHE


def timed(action) -> tuple[float, object]:
    """Run ``action()`` (which ends in ``.run()``) and return (script seconds, its result)."""
    seconds, _cpu, result = timed_runs(action)
    return seconds, result


def timed_runs(action) -> tuple[float, list[float], object]:
    """Run ``action()`` (which ends in ``.run()``): (script seconds from first start to last stop, the CPU seconds
    of each script run it took, its result)."""
    _last.pop("marks", None)
    wall = time.perf_counter()
    result = action()
    wall = time.perf_counter() - wall
    marks = _last.get("marks") or {}
    if marks.get("start") is None or marks.get("stop") is None:
        return wall, [], result  # no script events (should not happen): fall back to the wall time
    return marks["stop"] - marks["start"], list(marks["cpu"]), result
