"""Concurrent visitors over Streamlit's own WebSocket protocol: throughput, latency and memory per session.

    .venv/bin/python bench/bench_load.py                      # starts the app itself, compares GC settings
    .venv/bin/python bench/bench_load.py --levels 10,50,100 --seconds 45 --think 2,8
    .venv/bin/python bench/bench_load.py --url http://127.0.0.1:8601 --url http://127.0.0.1:8602 \
        [--database-url postgresql+psycopg://…] [--pid 1234]   # servers that already run (e.g. behind nginx)

Each visitor is one browser tab (bench/stclient.py, bench/ws_journey.py): it walks the journey with a think
time between clicks and sends the fragment timer ticks a browser sends. Levels are held one after the other
on the same server (10, then 50, then 100 sessions connected at once); each level is measured for --seconds
after its visitors have started. Printed per level: reruns per second, latency percentiles of the journey
interactions (send → script_finished, as the visitor feels it), fragment ticks, RSS of the server and memory
per session, and the server's garbage collections in the window (full collections, ms each, share of the
time spent collecting; ui/runtime_tuning.py writes them when DDS_GC_STATS_FILE is set, as this benchmark
does for the servers it starts). Server settings compared in the same run (--configs):
  postgc      Streamlit's default: a full gc.collect(2) after every script run (runner.postScriptGC = true)
  nopostgc    runner.postScriptGC = false (Python's own generational GC only)
  freeze      postgc, plus gc.freeze() once the process is warm (DDS_GC_FREEZE_AFTER_RUNS, ui/runtime_tuning.py)
  nopostgc_freeze  both: no collection after each run, and gc.freeze() once warm
  repo        whatever .streamlit/config.toml and the environment say (what `make run` does)
  switch20    repo, with sys.setswitchinterval(0.02) (DDS_GIL_SWITCH_SECONDS, ui/shell/runtime_tuning.py)
  unbatched   repo, but each message of a run handed to the event loop on its own (DDS_BATCH_SCRIPT_EVENTS=0,
              ui/shell/event_batching.py)
Scenarios (--scenario, both by default, printed side by side):
  steady      visitors join one by one over a think time and keep walking; levels held one after the other
  classroom   a lecturer says "open the link now": N visitors start within --spread seconds of each other and
              walk the journey (same think times); each level starts from no sessions, and the window (--seconds)
              begins with the first visitor, so the burst of first page loads and logins is in the figures
Server-side CPU (servers the benchmark starts): CPU ms per rerun is the server process's CPU over all reruns and
ticks; "script ms/run" and "script ms/tick" are the script thread's CPU per full run and per fragment tick
(ui/shell/runtime_tuning.py counts them when DDS_GC_STATS_FILE is set).
Only loopback addresses are contacted when the benchmark starts the app; --url is used as given.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.benchlib import (ROOT, cpu_seconds, load_average, median, percentile, rss_mb, save_json,  # noqa: E402
                            table, throwaway_database)
from bench.ws_journey import Recorder, Visitor  # noqa: E402
from deploy.replicas import wait_healthy  # noqa: E402

CONFIGS = {
    "postgc": (["--runner.postScriptGC", "true"], {"DDS_GC_FREEZE_AFTER_RUNS": "0"}),
    "nopostgc": (["--runner.postScriptGC", "false"], {"DDS_GC_FREEZE_AFTER_RUNS": "0"}),
    "freeze": (["--runner.postScriptGC", "true"], {"DDS_GC_FREEZE_AFTER_RUNS": "40"}),
    "nopostgc_freeze": (["--runner.postScriptGC", "false"], {"DDS_GC_FREEZE_AFTER_RUNS": "40"}),
    "repo": ([], {}),
    "switch20": ([], {"DDS_GIL_SWITCH_SECONDS": "0.02"}),  # the GIL held up to 20 ms (Python: 5 ms)
    "unbatched": ([], {"DDS_BATCH_SCRIPT_EVENTS": "0"}),  # one event-loop hand-over per message (Streamlit's way)
}
TARGET_P95_MS = 500.0
CLASSROOM_TARGET_P95_MS = 300.0  # issue #18: journey interactions and fragment ticks, 100 students at once
SCENARIOS = ("steady", "classroom")


def start_server(port: int, flags: list[str], env_extra: dict, log_dir: str, root: Path = ROOT) -> subprocess.Popen:
    """The app of the checkout at ``root`` (bench_page_ab.py serves a baseline's worktree with this Python)."""
    env = {**os.environ, **env_extra}
    log = open(Path(log_dir) / f"server-{port}.log", "a")  # appended: one log keeps every run's server (tracebacks)
    log.write(f"==== {time.strftime('%H:%M:%S')} server from {root} ====\n")
    log.flush()
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                                "--server.port", str(port), "--server.headless", "true", *flags],
                               cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", timeout=90)
    except RuntimeError:
        process.kill()
        raise RuntimeError(f"the app did not start on port {port}; see {log.name}") from None
    return process


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()


def read_gc_stats(path: str | None) -> dict | None:
    """The server's collector counts (ui/runtime_tuning.py writes them every 2 s when DDS_GC_STATS_FILE is set)."""
    try:
        with open(path) as source:
            return json.load(source)
    except (TypeError, OSError, ValueError):
        return None


def gc_window(before: dict | None, after: dict | None, elapsed: float) -> dict:
    if not before or not after:
        return {}
    full = after["collections"][2] - before["collections"][2]
    seconds = [after["seconds"][g] - before["seconds"][g] for g in range(3)]
    runs = after.get("full_runs", 0) - before.get("full_runs", 0)
    ticks = after.get("fragment_runs", 0) - before.get("fragment_runs", 0)
    run_cpu = after.get("full_cpu_s", 0.0) - before.get("full_cpu_s", 0.0)
    tick_cpu = after.get("fragment_cpu_s", 0.0) - before.get("fragment_cpu_s", 0.0)
    return {"full_gcs": full, "full_gc_ms_each": 1000 * seconds[2] / full if full else 0.0,
            "gc_pct": 100 * sum(seconds) / elapsed, "tracked_objects": after["tracked_objects"],
            "frozen_objects": after["frozen_objects"],
            "script_ms_per_run": 1000 * run_cpu / runs if runs else float("nan"),
            "script_ms_per_tick": 1000 * tick_cpu / ticks if ticks else float("nan"),
            "script_cpu_pct_ticks": 100 * tick_cpu / elapsed,
            "page_cpu": page_cpu_window(before.get("page_cpu_ms", {}), after.get("page_cpu_ms", {}))}


CHART_PAGES = {"journeys", "compare", "dashboard"}  # pages with charts: no 10 ms target (bench_interactions too)
TARGET_PAGE_CPU_MS = 10.0  # issue #18: CPU per rerun on the journey pages


def page_cpu_window(before: dict, after: dict) -> dict:
    """Per page, the served full runs of the window: count, median and p95 script CPU ms (ui/runtime_tuning.py)."""
    found = {}
    for page, runs in after.items():
        window = sorted(runs[len(before.get(page, [])):])
        if window:
            found[page] = {"runs": len(window), "median": median(window), "p95": percentile(window, 95)}
    return found


async def _warm_up(urls: list[str], database_url: str | None) -> None:
    """Two visitors per server walk one journey first: imports, caches and the population are made before any
    figure. ``urls`` are the servers themselves (behind a proxy, its sticky routing could leave one cold)."""
    warm = Recorder()
    await asyncio.gather(*(Visitor(url, warm, think=(0.2, 0.5), database_url=database_url).run(journeys=1)
                           for url in urls for _ in range(2)))


class _LoopLag:
    """How late the visitors' own event loop wakes up (a 10 ms ticker): every visitor shares it, so a busy client
    delays reading the servers' answers, and that delay is in every latency the window prints."""

    TICK = 0.01

    def __init__(self):
        self.lags: list[float] = []
        self.task = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            due = time.perf_counter() + self.TICK
            await asyncio.sleep(self.TICK)
            self.lags.append(max(time.perf_counter() - due, 0.0))

    def stop(self) -> dict:
        self.task.cancel()
        return {"client_lag_p95": percentile(self.lags, 95) * 1000 if self.lags else float("nan"),
                "client_lag_max": max(self.lags) * 1000 if self.lags else float("nan")}


class _Window:
    """One measurement window: client and server CPU, RSS and the server's collector counts from its start."""

    def __init__(self, pids: list[int], gc_file: str | None):
        self.pids, self.gc_file = pids, gc_file
        self.client0, self.started = _client_cpu(), time.monotonic()
        self.server0 = sum(cpu_seconds(pid) for pid in pids) if pids else float("nan")
        self.gc0 = read_gc_stats(gc_file)
        self.lag = _LoopLag()

    async def close(self, level: int, recorder: Recorder, tasks: list, rss_base: float,
                    then=lambda: None) -> dict:
        """End the window (``then()`` runs right after the figures are read) and return its figures."""
        elapsed = time.monotonic() - self.started
        recorder.active = False
        rss = sum(rss_mb(pid) for pid in self.pids) if self.pids else float("nan")
        server_cpu = (sum(cpu_seconds(pid) for pid in self.pids) - self.server0) if self.pids else float("nan")
        crashed = [t for t in tasks if t.done() and t.exception()]
        result = summarise(level, recorder, elapsed, rss, rss_base, _client_cpu() - self.client0, crashed)
        result.update(server_cpu_pct=100 * server_cpu / elapsed, load_average=load_average(),
                      cpu_ms_per_rerun=1000 * server_cpu / max(recorder.count(), 1), **self.lag.stop())
        then()
        await asyncio.sleep(2.1)  # the stats file is rewritten every 2 s
        result.update(gc_window(self.gc0, read_gc_stats(self.gc_file), elapsed))
        return result


async def hold_levels(urls: list[str], pids: list[int], args, database_url: str | None,
                      gc_file: str | None = None) -> list[dict]:
    """Warm up, then add visitors level by level and measure each level while all of them keep walking."""
    await _warm_up(getattr(args, "warm_urls", None) or urls, database_url)
    rss_warm = sum(rss_mb(pid) for pid in pids) if pids else float("nan")
    recorder = Recorder(active=False)
    visitors, tasks, results = [], [], []
    for level in args.levels:
        for i in range(len(visitors), level):
            visitor = Visitor(urls[i % len(urls)], recorder, think=args.think, database_url=database_url)
            visitors.append(visitor)
            tasks.append(asyncio.create_task(_staggered(visitor, i, args.think[1])))
        await asyncio.sleep(args.think[1] + 2)  # every new visitor has started
        recorder.runs.clear(), recorder.ticks.clear(), recorder.errors.clear(), recorder.exceptions.clear()
        recorder.journeys, recorder.active = 0, True
        window = _Window(pids, gc_file)
        await asyncio.sleep(args.seconds)
        results.append(await window.close(level, recorder, tasks, rss_warm))
    for visitor in visitors:
        visitor.stop.set()
    await asyncio.wait(tasks, timeout=60)
    return results


async def classroom_levels(urls: list[str], pids: list[int], args, database_url: str | None,
                           gc_file: str | None = None) -> list[dict]:
    """Per level: N visitors start within ``args.spread`` seconds, all measured from the first start."""
    await _warm_up(getattr(args, "warm_urls", None) or urls, database_url)
    results = []
    for level in args.levels:
        rss_before = sum(rss_mb(pid) for pid in pids) if pids else float("nan")
        recorder = Recorder(active=True)
        window = _Window(pids, gc_file)
        visitors = [Visitor(urls[i % len(urls)], recorder, think=args.think, database_url=database_url)
                    for i in range(level)]
        tasks = [asyncio.create_task(_staggered(v, i, args.spread)) for i, v in enumerate(visitors)]
        await asyncio.sleep(args.seconds)
        stop_all = lambda: [v.stop.set() for v in visitors]  # noqa: E731
        results.append(await window.close(level, recorder, tasks, rss_before, then=stop_all))
        await asyncio.wait(tasks, timeout=60)
        await asyncio.sleep(3)  # closed sessions leave the server before the next level
    return results


async def _staggered(visitor: Visitor, index: int, spread: float) -> None:
    await asyncio.sleep(visitor.rng.uniform(0, spread))  # browsers of a class do not click in the same ms
    await visitor.run()


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def summarise(level: int, rec: Recorder, elapsed: float, rss: float, rss_warm: float, client_cpu: float,
              crashed: list) -> dict:
    journey = [s for values in rec.runs.values() for s in values]
    steps = {name: {"n": len(v), "p50": percentile(v, 50) * 1000, "p95": percentile(v, 95) * 1000,
                    "max": max(v) * 1000} for name, v in sorted(rec.runs.items())}
    return {"sessions": level, "seconds": elapsed, "reruns_per_s": (len(journey) + len(rec.ticks)) / elapsed,
            "interactions": len(journey), "ticks": len(rec.ticks), "journeys": rec.journeys,
            "p50": percentile(journey, 50) * 1000, "p95": percentile(journey, 95) * 1000,
            "p99": percentile(journey, 99) * 1000, "tick_p95": percentile(rec.ticks, 95) * 1000,
            "rss_mb": rss, "mb_per_session": rss / level, "marginal_mb_per_session": (rss - rss_warm) / level,
            "client_cpu_pct": 100 * client_cpu / elapsed, "steps": steps, "errors": dict(rec.errors),
            "exceptions": dict(rec.exceptions), "crashed": [repr(t.exception())[:200] for t in crashed]}


def verdict(name: str, r: dict) -> str:
    """Steady: journey p95 under 500 ms. Classroom (issue #18): journey p95 and tick p95 both at most 300 ms."""
    if "classroom" in name.split():  # "repo classroom" or "repo classroom #2"
        ticks_ok = r["tick_p95"] != r["tick_p95"] or r["tick_p95"] <= CLASSROOM_TARGET_P95_MS  # NaN: no ticks
        return "ok" if r["p95"] <= CLASSROOM_TARGET_P95_MS and ticks_ok else "MISS"
    return "ok" if r["p95"] < TARGET_P95_MS else "MISS"


def print_results(all_results: dict[str, list[dict]]) -> None:
    headers = ["config", "sessions", "reruns/s", "p50 ms", "p95 ms", "p99 ms", "tick p95", "journeys",
               "RSS MB", "+MB/session", "server CPU %", "CPU ms/rerun", "script ms/run", "script ms/tick",
               "client CPU %", "client lag p95/max", "load avg", "full GCs", "GC %", "target"]
    rows = []
    for config, results in all_results.items():
        for r in results:
            rows.append([config, r["sessions"], r["reruns_per_s"], r["p50"], r["p95"], r["p99"], r["tick_p95"],
                         r["journeys"], r["rss_mb"], r["marginal_mb_per_session"],
                         r["server_cpu_pct"], r["cpu_ms_per_rerun"], r.get("script_ms_per_run", float("nan")),
                         r.get("script_ms_per_tick", float("nan")), r["client_cpu_pct"],
                         f"{r.get('client_lag_p95', float('nan')):.0f}/{r.get('client_lag_max', float('nan')):.0f}",
                         r["load_average"],
                         r.get("full_gcs", ""), r.get("gc_pct", ""), verdict(config, r)])
    print(table(headers, rows, title="\nConcurrent sessions over the WebSocket (journey interactions; ticks = "
                                     "fragment timers; load avg = the machine's, 2 cores; target: steady p95 < "
                                     f"{TARGET_P95_MS:.0f} ms, classroom p95 and tick p95 <= "
                                     f"{CLASSROOM_TARGET_P95_MS:.0f} ms)"))
    for config, results in all_results.items():
        print_steps(config, results[-1])


def print_steps(name: str, result: dict) -> None:
    """The per-step latencies of one level's result, and its errors if any."""
    step_rows = [[step, v["n"], v["p50"], v["p95"], v["max"]] for step, v in result["steps"].items()]
    print(table(["step", "n", "p50 ms", "p95 ms", "max ms"], step_rows,
                title=f"\n{name}: per step at {result['sessions']} sessions"))
    pages = result.get("page_cpu") or {}
    if pages:
        rows = [[page, v["runs"], v["median"], v["p95"],
                 "" if page in CHART_PAGES else ("ok" if v["median"] <= TARGET_PAGE_CPU_MS else "MISS")]
                for page, v in sorted(pages.items(), key=lambda item: -item[1]["runs"])]
        print(table(["page (a run ending there)", "full runs", "CPU ms median", "CPU ms p95",
                     f"<= {TARGET_PAGE_CPU_MS:.0f} ms"], rows,
                    title=f"\n{name}: script CPU per full run, by page, in the server at {result['sessions']} "
                          "sessions"))
    for key in ("errors", "exceptions", "crashed"):
        if result[key]:
            print(f"  {key}: {result[key]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="10,50,100", type=lambda s: [int(x) for x in s.split(",")])
    parser.add_argument("--seconds", type=float, default=45, help="measurement window per level")
    parser.add_argument("--think", default="2,8", type=lambda s: tuple(float(x) for x in s.split(",")),
                        help="think time between clicks, uniform min,max seconds")
    parser.add_argument("--configs", default="repo", type=lambda s: [c for c in s.split(",") if c],
                        help=f"server settings, comma-separated: {', '.join(CONFIGS)}")
    parser.add_argument("--scenario", default="steady,classroom", type=lambda s: [c for c in s.split(",") if c],
                        help="steady, classroom or both (comma-separated)")
    parser.add_argument("--spread", type=float, default=5.0, help="classroom: seconds over which the class starts")
    parser.add_argument("--repeat", type=int, default=1, help="run each scenario this many times in a row")
    parser.add_argument("--port", type=int, default=8518)
    parser.add_argument("--url", action="append", default=[], help="measure running servers instead")
    parser.add_argument("--pid", action="append", type=int, default=[], help="server pids for RSS (with --url)")
    parser.add_argument("--database-url", help="the servers' DDS_DATABASE_URL (with --url), for store logins")
    parser.add_argument("--json", help="save all figures here")
    args = parser.parse_args(argv)
    unknown = [s for s in args.scenario if s not in SCENARIOS] + [c for c in args.configs if c not in CONFIGS]
    if unknown:
        parser.error(f"unknown scenario or config: {', '.join(unknown)}")
    all_results: dict[str, list[dict]] = {}
    runs = [(scenario, n) for scenario in args.scenario for n in range(1, args.repeat + 1)]
    if args.url:
        for scenario, n in runs:
            measure = classroom_levels if scenario == "classroom" else hold_levels
            all_results[_name("given URLs", scenario, n, args.repeat)] = asyncio.run(
                measure(args.url, args.pid, args, args.database_url))
    else:
        log_dir = tempfile.mkdtemp(prefix="dds-load-")
        for scenario, n in runs:  # configs take turns (the machine's drift hits each alike); a fresh server and
            for config in args.configs:  # database for each run: no run inherits another's state
                name = _name(config, scenario, n, args.repeat)
                all_results[name] = run_one_server(config, scenario, args, log_dir)
                for r in all_results[name]:
                    print(f"[{name}] {r['sessions']:>4} sessions: {r['reruns_per_s']:.1f} reruns/s, p95 {r['p95']:.0f} ms, "
                          f"tick p95 {r['tick_p95']:.0f} ms, CPU {r['cpu_ms_per_rerun']:.1f} ms/rerun", flush=True)
    print_results(all_results)
    save_json(args.json, {"args": {k: v for k, v in vars(args).items()}, "results": all_results})
    return 0


def _name(config: str, scenario: str, n: int, repeat: int) -> str:
    return f"{config} {scenario}" + (f" #{n}" if repeat > 1 else "")


def run_one_server(config: str, scenario: str, args, log_dir: str) -> list[dict]:
    flags, env = CONFIGS[config]
    database_url = throwaway_database()
    gc_file = str(Path(log_dir) / f"gc-{config}-{scenario}-{time.monotonic_ns()}.json")
    server = start_server(args.port, flags, {"DDS_DATABASE_URL": database_url, "DDS_GC_STATS_FILE": gc_file, **env},
                          log_dir)
    try:
        print(f"[{config} {scenario}] server pid {server.pid} on 127.0.0.1:{args.port} (logs in {log_dir})", flush=True)
        measure = classroom_levels if scenario == "classroom" else hold_levels
        return asyncio.run(measure([f"http://127.0.0.1:{args.port}"], [server.pid], args, database_url, gc_file))
    finally:
        stop_server(server)


if __name__ == "__main__":
    raise SystemExit(main())
