"""Soak: scripted visits for a long time (30 minutes by default) with idle resets; memory and store size over time.

    .venv/bin/python bench/soak.py [--minutes 30] [--kiosks 4] [--explorers 2] [--port 8519]   (make soak)

Starts the app on 127.0.0.1 with a short kiosk idle time. Kiosk visitors walk the journey and then walk away:
the kiosk's idle watchdog resets the visit (its data is deleted) and the attract screen returns for the next
one. Explorers close their tab in the middle of a visit, which leaves the visit for the stale-visit purge.
Every --report-every seconds a line: visits so far, server RSS, items in the store by kind, booth events,
database file size. At the end, after one stale period, the store must hold no more items than at the start
(plus the visits still open): its size must not grow with the number of visits once they are reset.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_load import start_server, stop_server  # noqa: E402
from bench.benchlib import rss_mb, table, throwaway_database  # noqa: E402
from bench.ws_journey import Recorder, Visitor  # noqa: E402
from simulators.core.store import Store  # noqa: E402

IDLE, COUNTDOWN, STALE, PURGE = 6.0, 3.0, 60.0, 10.0


def store_size(database_url: str) -> dict:
    store = Store(database_url)
    path = Path(database_url.split("///", 1)[-1])
    main_file = path.stat().st_size if path.exists() else 0
    wal = Path(str(path) + "-wal")
    kinds = {}
    for kind in ("visit", "letter", "auth_request", "auth_token", "mitid_account", "submission"):
        kinds[kind] = store.count(kind)
    return {"items": store.count(), "kinds": kinds, "events": len(store.events()), "bytes": main_file,
            "wal_bytes": wal.stat().st_size if wal.exists() else 0}


async def kiosk(visitor: Visitor, counts: dict) -> None:
    """One kiosk screen: a visitor walks the journey, walks away, the idle reset brings the attract screen back."""
    await visitor.open()
    try:
        await visitor.step("attract: load")
        while not visitor.stop.is_set():
            await visitor.step("welcome: Start", triggers=("welcome_start",))
            await visitor.read()
            await visitor.journey()
            counts["journeys"] += 1
            deadline = time.monotonic() + IDLE + COUNTDOWN + 15
            while "v" in visitor.session.params and time.monotonic() < deadline and not visitor.stop.is_set():
                await visitor.read(1.0)  # nobody touches the screen; the watchdog's timer ticks
            if not visitor.stop.is_set():  # the soak's end cuts the last wait short: count only finished waits
                counts["resets" if "v" not in visitor.session.params else "no_reset"] += 1
            if "welcome_start" not in visitor.session.widgets:
                await visitor.step("attract: load", page="welcome", query={"lang": visitor.lang, "mode": "kiosk"})
    finally:
        await visitor.session.close()


async def explorer(visitor: Visitor, counts: dict) -> None:
    """A student in a browser tab who closes it half way: the visit is left for the stale purge."""
    while not visitor.stop.is_set():
        await visitor.open()
        try:
            await visitor.step("welcome: load")
            await visitor.step("welcome: Start", triggers=("welcome_start",))
            await visitor.read()
            await visitor.login()
            counts["abandoned"] += 1
        finally:
            await visitor.session.close()
        await asyncio.sleep(visitor.rng.uniform(*visitor.think))


async def soak(url: str, pid: int, database_url: str, args) -> None:
    recorder, counts = Recorder(), {"journeys": 0, "resets": 0, "no_reset": 0, "abandoned": 0}
    warm = Visitor(url, Recorder(), think=(0.2, 0.4), database_url=database_url)
    await warm.run(journeys=1)
    start = {"rss": rss_mb(pid), **store_size(database_url)}
    visitors = [Visitor(url, recorder, think=args.think, database_url=database_url, mode="kiosk")
                for _ in range(args.kiosks)]
    explorers = [Visitor(url, recorder, think=args.think, database_url=database_url) for _ in range(args.explorers)]
    tasks = [asyncio.create_task(kiosk(v, counts)) for v in visitors]
    tasks += [asyncio.create_task(explorer(v, counts)) for v in explorers]
    rows, began = [], time.monotonic()
    end = began + args.minutes * 60
    while time.monotonic() < end:
        await asyncio.sleep(min(args.report_every, max(end - time.monotonic(), 0)))
        size = store_size(database_url)
        rows.append([f"{(time.monotonic() - began) / 60:.1f}", counts["journeys"], counts["resets"],
                     counts["abandoned"], rss_mb(pid), size["items"], size["kinds"]["visit"], size["events"],
                     size["bytes"] / 1024, size["wal_bytes"] / 1024])
        print("  ".join(str(round(c, 1)) if isinstance(c, float) else str(c) for c in rows[-1]), flush=True)
        if any(t.done() and t.exception() for t in tasks):
            break
    for visitor in visitors + explorers:
        visitor.stop.set()
    await asyncio.wait(tasks, timeout=60)
    await asyncio.sleep(STALE + PURGE + 2)  # abandoned visits become stale …
    last = Visitor(url, Recorder())  # … and the next full script run purges them
    await last.open()
    await last.step("welcome: load")
    await last.session.close()
    final = {"rss": rss_mb(pid), **store_size(database_url)}
    report(start, final, rows, counts, recorder, tasks)


def report(start: dict, final: dict, rows: list, counts: dict, recorder: Recorder, tasks: list) -> None:
    print(table(["minute", "journeys", "idle resets", "abandoned", "RSS MB", "items", "visits", "events", "DB KiB",
                 "WAL KiB"],
                rows, title="\nSoak over time"))
    print(table(["", "RSS MB", "items", "visits", "letters", "events", "DB KiB", "WAL KiB"], [
        ["start (warm)", start["rss"], start["items"], start["kinds"]["visit"], start["kinds"]["letter"],
         start["events"], start["bytes"] / 1024, start["wal_bytes"] / 1024],
        ["end (after a stale period)", final["rss"], final["items"], final["kinds"]["visit"],
         final["kinds"]["letter"], final["events"], final["bytes"] / 1024, final["wal_bytes"] / 1024]],
        title="\nStart and end"))
    visits_done = counts["journeys"] + counts["abandoned"]
    print(f"\n{visits_done} visits ({counts['journeys']} kiosk journeys with {counts['resets']} idle resets, "
          f"{counts['no_reset']} without; {counts['abandoned']} abandoned tabs). Store items: {start['items']} → "
          f"{final['items']} ({'does not grow' if final['items'] <= start['items'] else 'GREW'} with the visits); "
          f"booth events (anonymous, kept by design): {start['events']} → {final['events']}.")
    crashed = [repr(t.exception())[:200] for t in tasks if t.done() and not t.cancelled() and t.exception()]
    if recorder.errors or recorder.exceptions or crashed:
        print(f"errors: {recorder.errors}\nexceptions: {recorder.exceptions}\ncrashed: {crashed}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--kiosks", type=int, default=4)
    parser.add_argument("--explorers", type=int, default=2)
    parser.add_argument("--think", default="1,3", type=lambda s: tuple(float(x) for x in s.split(",")))
    parser.add_argument("--report-every", type=float, default=60)
    parser.add_argument("--port", type=int, default=8519)
    args = parser.parse_args(argv)
    database_url = throwaway_database()
    env = {"DDS_DATABASE_URL": database_url, "DDS_KIOSK_IDLE_SECONDS": str(IDLE),
           "DDS_KIOSK_COUNTDOWN_SECONDS": str(COUNTDOWN), "DDS_STALE_VISIT_SECONDS": str(STALE),
           "DDS_PURGE_INTERVAL_SECONDS": str(PURGE)}
    server = start_server(args.port, [], env, tempfile.mkdtemp(prefix="dds-soak-"))
    print(f"soak: {args.minutes:g} min, {args.kiosks} kiosks, {args.explorers} explorers, server pid {server.pid} "
          f"on 127.0.0.1:{args.port}, idle reset after {IDLE + COUNTDOWN:g} s, stale after {STALE:g} s\n"
          "minute  journeys  resets  abandoned  RSS MB  items  visits  events  DB KiB  WAL KiB", flush=True)
    try:
        asyncio.run(soak(f"http://127.0.0.1:{args.port}", server.pid, database_url, args))
    finally:
        stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
