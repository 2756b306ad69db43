"""One replica against two replicas behind nginx, measured in the same run on one PostgreSQL database.

    .venv/bin/python bench/bench_replicas.py --database-url postgresql+psycopg://dds:dds@127.0.0.1:5432/dds_test
    .venv/bin/python bench/bench_replicas.py --levels 50,100,200 --seconds 40
    .venv/bin/python bench/bench_replicas.py --scenario classroom --levels 200 --seconds 40   # issue #18
    .venv/bin/python bench/bench_replicas.py --scenario classroom --levels 200 --only 2 --client-nice 10

Both setups use the same database engine (PostgreSQL: SQLite cannot be shared by several replicas), the same
visitors (bench/ws_journey.py over Streamlit's WebSocket protocol) and the same levels, one after the other.
The baseline is the single replica measured here, not a figure from another run. On a 2-core machine the
visitors' own client and PostgreSQL share the cores with the replicas, so the gain of a second replica here is a
lower bound of what two machines would give; ``--client-nice`` lets the servers have the cores first (the client
then waits, and its waiting is in the figures). Only loopback addresses are used.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_load import (CLASSROOM_TARGET_P95_MS, TARGET_P95_MS, classroom_levels, hold_levels,  # noqa: E402
                              print_steps)
from bench.benchlib import table  # noqa: E402
from deploy import replicas  # noqa: E402
from simulators.core.store import Store  # noqa: E402


def measure(name: str, count: int, proxy: bool, args) -> list[dict]:
    Store(args.database_url).clear()
    cluster = replicas.start(count, args.database_url, proxy=proxy)
    try:
        urls = [cluster.proxy_url] if proxy else cluster.replica_urls
        pids = [p.pid for p in cluster.processes[:count]]
        print(f"{name}: {count} replica(s) {cluster.replica_urls}" + (f" behind {cluster.proxy_url}" if proxy else ""),
              flush=True)
        measure_levels = classroom_levels if args.scenario == "classroom" else hold_levels
        args.warm_urls = cluster.replica_urls  # each replica warmed directly, whatever nginx's routing
        os.setpriority(os.PRIO_PROCESS, 0, args.client_nice)  # this thread: the visitors' client, not the servers
        try:
            return asyncio.run(measure_levels(urls, pids, args, args.database_url))
        finally:
            os.setpriority(os.PRIO_PROCESS, 0, 0)
    finally:
        cluster.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DDS_TEST_POSTGRES_URL"))
    parser.add_argument("--levels", default="50,100", type=lambda s: [int(x) for x in s.split(",")])
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--think", default="2,8", type=lambda s: tuple(float(x) for x in s.split(",")))
    parser.add_argument("--scenario", default="steady", choices=("steady", "classroom"),
                        help="steady: visitors join over a think time; classroom: all start within --spread s")
    parser.add_argument("--spread", type=float, default=5.0)
    parser.add_argument("--only", choices=("1", "2"), help="measure one setup only (1 replica, or 2 + nginx)")
    parser.add_argument("--client-nice", type=int, default=0,
                        help="run the visitors' client at this niceness (e.g. 10): the servers get the cores first, "
                             "as they would with the class's browsers on other machines; the client's own delays "
                             "still count in every latency")
    args = parser.parse_args()
    if not args.database_url or args.database_url.startswith("sqlite"):
        sys.exit("needs a PostgreSQL URL (--database-url or DDS_TEST_POSTGRES_URL)")
    if not replicas.nginx_available():
        sys.exit("needs nginx (apt-get install nginx-light)")
    results = {}
    if args.only != "2":
        results["1 replica"] = measure("1 replica", 1, False, args)
    if args.only != "1":
        results["2 replicas + nginx"] = measure("2 replicas + nginx", 2, True, args)
    target = CLASSROOM_TARGET_P95_MS if args.scenario == "classroom" else TARGET_P95_MS
    base = {r["sessions"]: r for r in results.get("1 replica", [])}
    rows = []
    for name, levels in results.items():
        for r in levels:
            b = base.get(r["sessions"], r)
            ok = r["p95"] <= target and not (r["tick_p95"] > target)  # no ticks: NaN, not a miss
            rows.append([name, r["sessions"], r["reruns_per_s"], r["reruns_per_s"] / b["reruns_per_s"], r["p50"],
                         r["p95"], r["p95"] / b["p95"], r["tick_p95"], r["rss_mb"], r["server_cpu_pct"],
                         f"{r['client_cpu_pct']:.0f}", f"{r['client_lag_p95']:.0f}/{r['client_lag_max']:.0f}",
                         "ok" if ok else "MISS", sum(r["errors"].values()) + sum(r["exceptions"].values())])
    print(table(["setup", "sessions", "reruns/s", "x 1 replica", "p50 ms", "p95 ms", "p95 / 1 replica", "tick p95",
                 "RSS MB (all)", "server CPU %", "client CPU %", "client lag p95/max ms", f"p95<={target:.0f}",
                 "errors"], rows,
                title=f"\nOne replica vs two behind nginx ({args.scenario}; same run, same PostgreSQL, journey "
                      f"interactions; client niceness {args.client_nice})"))
    for name, levels in results.items():
        print_steps(name, levels[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
