"""Server-side rerun time of every registered page and every journey step, beside a trivial page, with AppTest.

    .venv/bin/python bench/bench_interactions.py [--repeats 30] [--journeys 30] [--lang de] [--json out.json]
                                                 [--compare before.json] [--gc-freeze]

For each interaction: median and 95th percentile of the script's own run time (ScriptRunner events: start to
last stop, reruns the script asks for included; AppTest's tree parsing excluded), the ratio to a one-line
``st.write`` page measured in the same run, and the target: p95 <= 50 ms for pages without charts, <= 150 ms
for pages with charts. Beside it, the CPU time of each interaction (the script thread's time over all the script
runs it took: a step that navigates runs two; wall time also counts ``st.switch_page``'s 10 ms sleep, which costs
no CPU), against issue #18's 10 ms per rerun on the journey pages (those without charts). An interaction is what
the issue calls a rerun (bench_load divides the server's CPU by interactions too). Python's own full collections
(~100 ms with the app's ~200k objects) land in a run now and then, here as in the server; they show as p95
outliers beside a low median. Streamlit's default full collection after every run (``runner.postScriptGC``, off
in this app) is printed below the table.
Pages and flows come from the registries (ui.shell.navigation.PAGES, simulators.borger.FLOWS), so new ones are
measured without editing this file. It uses a throwaway database and the app's real population size.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.benchlib import (ROOT, load_average, load_json, median, percentile, save_json, table,  # noqa: E402
                            throwaway_database)

os.environ.setdefault("DDS_DATABASE_URL", throwaway_database())
os.environ.setdefault("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "full")  # the notes name the real error
os.chdir(ROOT)

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench import apptest_journey  # noqa: E402
from bench.apptest_timing import timed  # noqa: E402

TARGET_PLAIN_MS, TARGET_CHART_MS = 50.0, 150.0
TARGET_CPU_MS = 10.0  # issue #18, journey pages (no charts): median CPU per interaction, all its runs
TRIVIAL = "import streamlit as st\nst.write('hello')\n"


def trivial_times(repeats: int) -> list[float]:
    at = AppTest.from_string(TRIVIAL, default_timeout=60)
    at.run()
    return [timed(at.run)[0] for _ in range(repeats)]


def full_gc_ms(repeats: int = 10) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        gc.collect(2)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(args) -> dict:
    samples: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[tuple[float, int]]] = defaultdict(list)
    charts: dict[str, bool] = {}
    notes: list[str] = []
    warm = apptest_journey.Walk(args.lang, samples, charts, notes, record=False)
    warm.run_all(repeats=1)  # loads the population and every cache once, like a server after its first visitor
    samples.clear()
    notes.clear()
    if args.gc_freeze:  # what DDS_GC_FREEZE_AFTER_RUNS does in the server (ui/runtime_tuning.py)
        gc.collect()
        gc.freeze()
    trivial = []
    for round_ in range(args.journeys):
        trivial += trivial_times(max(args.repeats // args.journeys, 2))
        apptest_journey.Walk(args.lang, samples, charts, notes, cpu=cpu).run_all(repeats=max(args.repeats // args.journeys, 1))
    return {"trivial": trivial, "samples": dict(samples), "cpu": dict(cpu), "charts": charts, "notes": sorted(set(notes)),
            "gc_ms": full_gc_ms(), "objects": len(gc.get_objects())}


def report(result: dict, before: dict | None) -> str:
    trivial_p95 = percentile(result["trivial"], 95) * 1000
    headers = ["interaction", "charts", "n", "median ms", "p95 ms", "x trivial", "target", "ok", "runs/step",
               "CPU ms", "CPU ok"]
    if before:
        headers += ["p95 before", "change"]
    rows = [["trivial page (one st.write)", "", len(result["trivial"]), median(result["trivial"]) * 1000,
             trivial_p95, 1.0, "", "", "", "", ""] + (["", ""] if before else [])]
    misses, cpu_misses = [], []
    for name, values in result["samples"].items():
        chart = result["charts"].get(name, False)
        target = TARGET_CHART_MS if chart else TARGET_PLAIN_MS
        p95 = percentile(values, 95) * 1000
        ok = p95 <= target
        if not ok:
            misses.append(name)
        cpu = result.get("cpu", {}).get(name) or []
        cpu_ms = median([seconds for seconds, _runs in cpu]) * 1000 if cpu else float("nan")
        cpu_ok = "" if chart or not cpu else ("ok" if cpu_ms <= TARGET_CPU_MS else "MISS")
        if cpu_ok == "MISS":
            cpu_misses.append(f"{name} ({cpu_ms:.1f})")
        row = [name, "yes" if chart else "", len(values), median(values) * 1000, p95, p95 / trivial_p95,
               f"<= {target:.0f}", "ok" if ok else "MISS", f"{sum(runs for _s, runs in cpu) / len(cpu):.1f}" if cpu else "", cpu_ms,
               cpu_ok]
        if before:
            old = before["samples"].get(name)
            old_p95 = percentile(old, 95) * 1000 if old else float("nan")
            row += [old_p95, f"{p95 / old_p95:.2f}x" if old else ""]
        rows.append(row)
    lines = [table(headers, rows, title="Server-side rerun time per interaction (AppTest, this machine)")]
    gc_ms = result["gc_ms"]
    lines.append(f"\nA full garbage collection (what runner.postScriptGC would add to every run; off here), in this "
                 f"process ({result['objects']:,} tracked objects): median {median(gc_ms):.1f} ms, p95 "
                 f"{percentile(gc_ms, 95):.1f} ms. See bench_load for the server.")
    lines.append(f"Targets missed: {', '.join(misses) if misses else 'none'}")
    lines.append(f"CPU per interaction above {TARGET_CPU_MS:.0f} ms (median, pages without charts): "
                 f"{', '.join(cpu_misses) if cpu_misses else 'none'}")
    for note in result["notes"]:
        lines.append(f"note: {note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=30, help="samples per interaction (default 30)")
    parser.add_argument("--journeys", type=int, default=30, help="fresh visits the samples are spread over")
    parser.add_argument("--lang", default="de", choices=("de", "en", "da"))
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after the warm-up visit")
    parser.add_argument("--json", help="save the raw samples here (for --compare later)")
    parser.add_argument("--compare", help="a --json file of an earlier run: print its p95 beside")
    args = parser.parse_args(argv)
    started = time.time()
    result = measure(args)
    save_json(args.json, result)
    print(report(result, load_json(args.compare)))
    print(f"\n({time.time() - started:.0f} s; population {os.environ.get('DDS_POPULATION_SIZE', 'app default')}, "
          f"database {os.environ['DDS_DATABASE_URL']}; load average {load_average():.1f} on "
          f"{os.cpu_count()} cores — other work on the machine inflates the p95)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
