"""Server tuning the load benchmark measured (bench/bench_load.py): the garbage collector.

Streamlit runs a full ``gc.collect(2)`` after every script run (``runner.postScriptGC``, off in this app's
config). Python's own generational collector still runs full collections now and then; each walks every
object the process holds for good — modules, plotly, pandas, the population and the caches — although those
never become garbage. ``gc.freeze()`` moves everything alive at that moment out of the collector's sight.
Freezing happens once, after ``DDS_GC_FREEZE_AFTER_RUNS`` script runs (0 turns it off).

``DDS_GC_STATS_FILE``: where to write the collector's counts and pause times (JSON, rewritten every two
seconds), so the load benchmark can print them beside its latencies. With it, the script thread's CPU time is
counted per run, apart for full runs and for fragment runs (a timer tick), since the benchmark's server-wide
CPU figure cannot tell the two apart (issue #18).
"""
from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time

DEFAULT_RUNS = 0
_lock = threading.Lock()
_state = {"runs": 0, "frozen": False}
_gc_stats = {"collections": [0, 0, 0], "seconds": [0.0, 0.0, 0.0], "max_seconds": [0.0, 0.0, 0.0]}
_gc_started: dict[str, float] = {}
_run_stats = {"full_runs": 0, "full_cpu_s": 0.0, "fragment_runs": 0, "fragment_cpu_s": 0.0}
PAGE_RUNS_KEPT = 20000  # per page: the CPU ms of each full run, for the load benchmark's per-page medians
_page_cpu_ms: dict[str, list[float]] = {}


def freeze_after_runs() -> int:
    try:
        return max(int(os.environ.get("DDS_GC_FREEZE_AFTER_RUNS", DEFAULT_RUNS)), 0)
    except ValueError:
        return DEFAULT_RUNS


def apply_switch_interval() -> float:
    """``DDS_GIL_SWITCH_SECONDS``: how long a thread may hold the GIL before another may take it (Python's default
    0.005 s). Measured by bench/bench_load.py (configs ``switch20``); unset keeps Python's default."""
    try:
        seconds = float(os.environ.get("DDS_GIL_SWITCH_SECONDS", "0"))
    except ValueError:
        seconds = 0.0
    if seconds > 0 and abs(sys.getswitchinterval() - seconds) > 1e-9:
        sys.setswitchinterval(seconds)
    return sys.getswitchinterval()


def count_run() -> bool:
    """Call once per script run (app.py). Returns True on the run that froze the heap."""
    if not _state.get("switch"):
        _state["switch"] = apply_switch_interval()
    limit = freeze_after_runs()
    if not limit or _state["frozen"]:
        return False
    with _lock:
        _state["runs"] += 1
        if _state["frozen"] or _state["runs"] < limit:
            return False
        _state["frozen"] = True
    gc.collect()
    gc.freeze()
    return True


def _on_gc(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_started["t"] = time.perf_counter()
        return
    started = _gc_started.pop("t", None)
    if started is None:
        return
    generation, seconds = info["generation"], time.perf_counter() - started
    _gc_stats["collections"][generation] += 1
    _gc_stats["seconds"][generation] += seconds
    _gc_stats["max_seconds"][generation] = max(_gc_stats["max_seconds"][generation], seconds)


def gc_stats() -> dict:
    return {**{k: list(v) for k, v in _gc_stats.items()}, "tracked_objects": len(gc.get_objects()),
            "frozen_objects": gc.get_freeze_count(), **_run_stats,
            "page_cpu_ms": {page: list(runs) for page, runs in _page_cpu_ms.items()}}


def _count_script_cpu() -> None:
    """Wrap Streamlit's script run so each run's thread CPU is added up by kind (full run / fragment run).
    A run that ends in st.rerun() or st.switch_page continues inside the same call and counts as what it started
    as; a full run is also counted for the page it ended on (what the visitor's tap led to), so the benchmark can
    print the CPU per page in the served app (issue #18: <= 10 ms a rerun on the journey pages)."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    original = ScriptRunner._run_script

    def counted(self, rerun_data):
        kind = "fragment" if rerun_data.fragment_id_queue else "full"
        started = time.thread_time()
        try:
            return original(self, rerun_data)
        finally:
            spent = time.thread_time() - started
            page = _page_name(get_script_run_ctx(suppress_warning=True)) if kind == "full" else None
            with _lock:
                _run_stats[f"{kind}_runs"] += 1
                _run_stats[f"{kind}_cpu_s"] += spent
                if page is not None:
                    runs = _page_cpu_ms.setdefault(page, [])
                    if len(runs) < PAGE_RUNS_KEPT:
                        runs.append(round(spent * 1000, 3))

    ScriptRunner._run_script = counted


def _page_name(ctx) -> str | None:
    """The url path of the page the run ended on ("welcome", "mitid_login", …), or None."""
    try:
        manager = ctx.pages_manager
        return manager.get_pages()[manager.current_page_script_hash]["url_pathname"] or None
    except (AttributeError, KeyError, TypeError):
        return None


def _write_stats_forever(path: str) -> None:
    while True:
        time.sleep(2)
        tmp = f"{path}.tmp"
        with open(tmp, "w") as out:
            json.dump(gc_stats(), out)
        os.replace(tmp, path)


def start_gc_stats() -> bool:
    """Once per process, when DDS_GC_STATS_FILE is set: time every collection and keep the file current."""
    path = os.environ.get("DDS_GC_STATS_FILE")
    with _lock:
        if not path or _state.get("stats"):
            return False
        _state["stats"] = True
    gc.callbacks.append(_on_gc)
    _count_script_cpu()
    threading.Thread(target=_write_stats_forever, args=(path,), daemon=True, name="dds-gc-stats").start()
    return True
