"""Server tuning the load benchmark measured (bench/bench_load.py): ``gc.freeze()`` once the process is warm.

Streamlit runs a full ``gc.collect(2)`` after every script run (``runner.postScriptGC``). Its cost grows with
every object the process holds for good — modules, plotly, pandas, the population and the caches — although
those never become garbage. ``gc.freeze()`` moves everything alive at that moment out of the collector's
sight, so later collections only walk what the visitors' runs create. Freezing happens once, after
``DDS_GC_FREEZE_AFTER_RUNS`` script runs (0 turns it off), when the imports and caches are loaded.
"""
from __future__ import annotations

import gc
import os
import threading

DEFAULT_RUNS = 0
_lock = threading.Lock()
_state = {"runs": 0, "frozen": False}


def freeze_after_runs() -> int:
    try:
        return max(int(os.environ.get("DDS_GC_FREEZE_AFTER_RUNS", DEFAULT_RUNS)), 0)
    except ValueError:
        return DEFAULT_RUNS


def count_run() -> bool:
    """Call once per script run (app.py). Returns True on the run that froze the heap."""
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
