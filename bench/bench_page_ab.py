"""One page's first opens in the served app: this checkout against a baseline revision, taking turns (ABBA).

    .venv/bin/python bench/bench_page_ab.py --base c805ee4 [--page digital_post] [--pairs 3] [--visitors 4]

Why: bench_load's per-page table sees Digital Post ~30 times in a classroom window, and this machine runs the same
code up to 1.5x slower at other hours, so a change of 1–2 ms a run needs many runs of one page and both sides
measured in the same hour. Here a few visitors (bench/stclient.py, over the WebSocket) loop for --seconds: Start,
logged in through the store, open --page (the first open of that page in a new visit, as in the journey), another
persona; ~300 opens in 40 s. Each round starts a fresh server for one side (the repo's settings, as `make run`) on a
throwaway SQLite database, and reads the script CPU of every run that ended on the page from the server's own
counters (ui/shell/runtime_tuning.py, DDS_GC_STATS_FILE). The baseline is checked out with `git worktree` into a
temporary folder and served with this checkout's Python. Sides take turns base, this, this, base, … (ABBA): on this
machine the second process of a pair is often the slower. Printed: each round's median, each side's median of the
rounds' medians, and this / base.
"""
from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_load import read_gc_stats, start_server, stop_server  # noqa: E402
from bench.benchlib import ROOT, median, percentile, table, throwaway_database  # noqa: E402
from bench.stclient import Session  # noqa: E402

PAUSE_AFTER_OPEN = 0.3  # seconds a visitor looks at the page before the next visit


async def _visitor(url: str, database_url: str, page: str, until: float, lang: str) -> int:
    from simulators.core import visits
    from simulators.core.store import Store

    store = Store(database_url)
    session = await Session(url, locale=f"{lang}-DE", query_string=f"lang={lang}&mode=explore").open()
    opened = 0
    try:
        await session.rerun()
        await session.rerun(triggers=("welcome_start",))
        while time.monotonic() < until:
            visit_id = session.params.get("v")
            await asyncio.to_thread(visits.record_login, store, visit_id, visits.Login(None, "bench", time.time()))
            params = {k: v for k, v in session.params.items() if k in ("lang", "mode", "v")}
            await session.rerun(page=page, query=params)
            opened += 1
            await asyncio.sleep(PAUSE_AFTER_OPEN)
            await session.rerun(page="welcome", query=params)
            await session.rerun(triggers=("welcome_other",))  # ends the visit, starts the next one
    finally:
        await session.close()
    return opened


def one_round(root: Path, args, port: int, log_dir: str) -> list[float]:
    """A fresh server from ``root``: the script CPU ms of each run that ended on the page in the window."""
    database_url = throwaway_database()
    stats_file = str(Path(log_dir) / f"stats-{port}-{time.monotonic_ns()}.json")
    server = start_server(port, [], {"DDS_DATABASE_URL": database_url, "DDS_GC_STATS_FILE": stats_file}, log_dir,
                          root=root)
    url = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(_drive(url, database_url, args, seconds=args.warm_seconds))  # imports, caches, population
        time.sleep(2.5)  # the counters are written every 2 s
        before = (read_gc_stats(stats_file) or {}).get("page_cpu_ms", {}).get(args.page, [])
        asyncio.run(_drive(url, database_url, args, seconds=args.seconds))
        time.sleep(2.5)
        after = (read_gc_stats(stats_file) or {}).get("page_cpu_ms", {}).get(args.page, [])
        return after[len(before):]
    finally:
        stop_server(server)


async def _drive(url: str, database_url: str, args, seconds: float) -> int:
    until = time.monotonic() + seconds
    return sum(await asyncio.gather(*(_visitor(url, database_url, args.page, until, args.lang)
                                      for _ in range(args.visitors))))


def worktree(rev: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="dds-base-")) / "checkout"
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(folder), rev], cwd=ROOT, check=True)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True, help="the baseline: any git revision (a commit, a tag, HEAD~3)")
    parser.add_argument("--page", default="digital_post", help="the page's url path (default digital_post)")
    parser.add_argument("--pairs", type=int, default=3, help="rounds of each side, taking turns ABBA (default 3)")
    parser.add_argument("--visitors", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--warm-seconds", type=float, default=8)
    parser.add_argument("--lang", default="de", choices=("de", "en", "da"))
    parser.add_argument("--port", type=int, default=8541)
    args = parser.parse_args()
    base = worktree(args.base)
    log_dir = tempfile.mkdtemp(prefix="dds-ab-")
    order = [("base", "this") if i % 2 == 0 else ("this", "base") for i in range(args.pairs)]
    medians: dict[str, list[float]] = {"base": [], "this": []}
    rows = []
    try:
        for pair, sides in enumerate(order, start=1):
            for side in sides:
                runs = one_round(base if side == "base" else ROOT, args, args.port, log_dir)
                if not runs:
                    print(f"{side}: no run ended on {args.page!r} (see the logs in {log_dir})", file=sys.stderr)
                    return 1
                medians[side].append(median(runs))
                rows.append([pair, side, len(runs), median(runs), percentile(runs, 95)])
                print(f"  pair {pair} {side}: {len(runs)} opens, median {median(runs):.2f} ms", flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)
    print(table(["pair", "side", "opens", "CPU ms median", "CPU ms p95"], rows,
                title=f"\n{args.page}: script CPU of first opens, served ({args.visitors} visitors, "
                      f"base = {args.base}, this = the working tree)"))
    this, base_ms = median(medians["this"]), median(medians["base"])
    print(f"\nmedian of the rounds' medians: base {base_ms:.2f} ms, this {this:.2f} ms, this / base {this / base_ms:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
