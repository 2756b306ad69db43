"""Small helpers the benchmarks share: percentiles, a fixed-width table, RSS of a process, a throwaway env."""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(headers: list[str], rows: list[list], title: str | None = None) -> str:
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    numeric = [all(_is_number(row[i]) for row in rows) and rows for i in range(len(headers))]
    line = lambda row: "  ".join(c.rjust(w) if numeric[i] else c.ljust(w)  # noqa: E731
                                 for i, (c, w) in enumerate(zip(row, widths)))
    out = [title] if title else []
    out += [line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in cells)]
    return "\n".join(out)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fmt(value) -> str:
    if isinstance(value, float):
        return "–" if value != value else (f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}")
    return str(value)


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MiB (from /proc, Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (from /proc, Linux)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> float:
    """The machine's 1-minute load average: other work competing for the same cores shows up here."""
    return os.getloadavg()[0]


def throwaway_database() -> str:
    """An SQLite URL in a fresh temp directory, so a benchmark never touches var/showcase.db."""
    return f"sqlite:///{tempfile.mkdtemp(prefix='dds-bench-')}/bench.db"


def save_json(path: str | None, payload: dict) -> None:
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")


def load_json(path: str | None) -> dict | None:
    if path and os.path.exists(path):
        return json.loads(Path(path).read_text(encoding="utf-8"))
    return None
