"""What each part of the Digital Post mailbox costs a rerun: paired, in one process, alternating every run.

    .venv/bin/python bench/bench_page_parts.py [--runs 300] [--lang de]

A served page's CPU per run drifts by more than a part's cost within seconds on this machine (bench_page_ab's rounds
differed by 1 ms with the same code), so a part's cost cannot be read off two separate measurements. Here one
AppTest session (a logged-in visitor with the persona's life letters, the inbox showing) reruns the mailbox
``--runs`` pairs of runs, one with the part as it is and one with it replaced by nothing (their order alternating:
the second run of a pair tended to be cheaper); the median of those paired differences is the part's cost, and the
"control" part (one caption) shows the noise floor. Script CPU is the script thread's ``thread_time``
(bench/apptest_timing.py), so AppTest's own work is not counted. A served run under a class of 100 costs more
(bench_load.py's per-page table): contention, not more code.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.benchlib import load_average, table, throwaway_database  # noqa: E402

os.environ.setdefault("DDS_DATABASE_URL", throwaway_database())
os.environ.setdefault("DDS_TODAY", "2026-11-28")

from bench import apptest_timing  # noqa: E402  (patches AppTest to time script runs; after the environment)
from simulators.core.store import Store  # noqa: E402
from simulators.post import life_letters  # noqa: E402
from simulators.population.persona import persona_record  # noqa: E402
from tests.helpers.borger_app import logged_in_app, persona_for  # noqa: E402
from ui.post import duty, mailbox_list  # noqa: E402
from ui.shell.resources import population  # noqa: E402

PARTS = {  # name: (module, function, what replaces it)
    "letter rows (one group)": (mailbox_list, "letter_rows", lambda views: None),
    "folder bar": (mailbox_list, "folder_bar", lambda *args: None),
    "folder tools": (mailbox_list, "tools", lambda *args: None),
    "duty explanation (closed)": (duty, "explanation", lambda *args: None),
    "control: one caption": (duty, "assumptions", lambda *args: None),
}


def script_cpu(at) -> float:
    _seconds, cpu, _result = apptest_timing.timed_runs(lambda: at.run())
    return cpu[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=300, help="pairs of runs per part (default 300)")
    parser.add_argument("--lang", default="de", choices=("de", "en", "da"))
    args = parser.parse_args()
    person_id = persona_for("tax")
    at, visit_id = logged_in_app(args.lang, person_id)
    life_letters.seed_mailbox(Store(), visit_id, persona_record(population(), person_id), population())
    at.switch_page("pages/digital_post.py").run()
    assert not at.exception, at.exception
    for _ in range(150):  # warm: caches, memos, the collector's first rounds
        at.run()
    rows = []
    for name, (module, function, stub) in PARTS.items():
        original = getattr(module, function)
        whole, saved = [], []
        try:
            for pair in range(args.runs):
                cpu = {}
                for variant in (("with", "without") if pair % 2 == 0 else ("without", "with")):  # no order bias
                    setattr(module, function, original if variant == "with" else stub)
                    cpu[variant] = script_cpu(at)
                saved.append(cpu["with"] - cpu["without"])
                whole.append(cpu["with"])
        finally:
            setattr(module, function, original)
        rows.append([name, f"{1000 * statistics.median(whole):.2f}", f"{1000 * statistics.median(saved):.3f}"])
    print(f"Digital Post inbox, {args.runs} paired reruns per part ({args.lang}; load average {load_average():.1f})")
    print(table(["part", "page ms (median)", "part ms (median of paired differences)"], rows))


if __name__ == "__main__":
    main()
