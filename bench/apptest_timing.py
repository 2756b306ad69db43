"""Server-side rerun time in AppTest: from the script's start to its last stop, read from the ScriptRunner's own
events (so AppTest's parsing of the element tree is not counted), including reruns the script asks for."""
from __future__ import annotations

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
    marks = {"start": None, "stop": None}
    _last["marks"] = marks

    def on_event(sender, event, **_kwargs):
        now = time.perf_counter()
        if event == ScriptRunnerEvent.SCRIPT_STARTED and marks["start"] is None:
            marks["start"] = now
        elif event in _STOPS:
            marks["stop"] = now

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
    _last.pop("marks", None)
    wall = time.perf_counter()
    result = action()
    wall = time.perf_counter() - wall
    marks = _last.get("marks") or {}
    if marks.get("start") is None or marks.get("stop") is None:
        return wall, result  # no script events (should not happen): fall back to the wall time
    return marks["stop"] - marks["start"], result
