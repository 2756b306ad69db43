"""The store under stress: many writers and readers at once, racing updates, and a writer killed mid-write.

Known to bite (each was seen failing against a deliberately broken store, not committed):
- writers/readers: ``put`` writing the JSON document in two statements (a half-written row was read → torn);
- racing counter: ``update`` without the ``expected_version`` condition (increments were lost);
- SIGKILL: ``PRAGMA journal_mode=OFF`` + ``synchronous=OFF`` instead of WAL ("database disk image is malformed"),
  and a write-behind ``put`` that commits every 20 calls (reported commits missing after the kill).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from simulators.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
WRITERS, ITEMS_PER_WRITER, READERS = 8, 500, 3
MANY = 200  # rows per big transaction of the killed writer


def document(writer: int, seq: int, round_: int = 0) -> dict:
    """An item whose parts check each other, so a reader can tell a torn (half-written) document."""
    body = f"w{writer}-s{seq}-r{round_}-" + "æøå🙂" * (seq % 40)
    return {"writer": writer, "seq": seq, "round": round_, "body": body,
            "digest": hashlib.sha256(body.encode()).hexdigest()}


def is_whole(data: dict) -> bool:
    return hashlib.sha256(data["body"].encode()).hexdigest() == data["digest"] and \
        data["body"].startswith(f"w{data['writer']}-s{data['seq']}-r{data['round']}-")


def test_eight_writers_and_readers_lose_and_tear_nothing(any_store):
    store, kind = any_store, "stress" + uuid.uuid4().hex[:8]
    errors: list[str] = []
    done = threading.Event()
    reads = [0]

    def writer(w: int) -> None:
        try:
            for seq in range(ITEMS_PER_WRITER):
                store.put(kind, f"{w}-{seq}", document(w, seq), visit_id=f"{kind}-w{w}")
                if seq % 10 == 0:  # rewrite an earlier item too, so readers meet updates in flight
                    store.put(kind, f"{w}-{seq // 2}", document(w, seq // 2, round_=seq), visit_id=f"{kind}-w{w}")
        except Exception as exc:  # noqa: BLE001 — a failing writer must fail the test, not vanish in a thread
            errors.append(f"writer {w}: {exc!r}")

    def reader(r: int) -> None:
        seen_counts: dict[int, int] = {}
        while not done.is_set():
            w = (reads[0] + r) % WRITERS
            try:
                found = store.find(kind, visit_id=f"{kind}-w{w}")
                single = store.get(kind, f"{w}-0")
            except Exception as exc:  # noqa: BLE001 — e.g. a half-written JSON document
                errors.append(f"reader {r}: {exc!r}")
                continue
            reads[0] += 1
            torn = [i.id for i in found if not is_whole(i.data)]
            if torn:
                errors.append(f"reader {r}: torn documents {torn[:3]}")
            if len(found) < seen_counts.get(w, 0):
                errors.append(f"reader {r}: writer {w} went from {seen_counts[w]} to {len(found)} items")
            seen_counts[w] = len(found)
            if single is not None and not is_whole(single.data):
                errors.append(f"reader {r}: torn get {single.id}")
            time.sleep(0.01)  # readers sample; they must not starve the writers of the GIL

    writers = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    readers = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join(120)
    done.set()
    for thread in readers:
        thread.join(30)

    assert not errors, errors[:5]
    assert reads[0] > WRITERS, "the readers did not run while the writers wrote"
    assert store.count(kind) == WRITERS * ITEMS_PER_WRITER
    for w in range(WRITERS):
        items = {i.id: i.data for i in store.find(kind, visit_id=f"{kind}-w{w}")}
        assert len(items) == ITEMS_PER_WRITER
        for seq in range(ITEMS_PER_WRITER):
            data = items[f"{w}-{seq}"]
            assert is_whole(data) and data["writer"] == w and data["seq"] == seq


def test_racing_conditional_updates_lose_no_increment(any_store):
    """8 threads increment one counter by read → update(expected_version); every increment must land."""
    store, kind = any_store, "counter" + uuid.uuid4().hex[:8]
    store.put(kind, "c", {"n": 0, "by": []})
    per_thread, threads_n = 25, 8
    lost_races = [0]

    def bump(t: int) -> None:
        for i in range(per_thread):
            while True:
                item = store.get(kind, "c")
                time.sleep(0)  # give the other threads a chance to read the same version
                data = {"n": item.data["n"] + 1, "by": item.data["by"] + [f"{t}-{i}"]}
                if store.update(kind, "c", data, expected_version=item.version) is not None:
                    break
                lost_races[0] += 1

    threads = [threading.Thread(target=bump, args=(t,)) for t in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    final = store.get(kind, "c")
    assert final.data["n"] == per_thread * threads_n
    assert sorted(final.data["by"]) == sorted(f"{t}-{i}" for t in range(threads_n) for i in range(per_thread))
    assert final.version == per_thread * threads_n + 1


WRITER_SCRIPT = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
from simulators.core.store import Store
store = Store(sys.argv[1])
run = sys.argv[3]
MANY = int(sys.argv[4])
seq = 0
while True:
    if seq % 2:  # big transactions (~100 pages), so the kill often lands inside one
        store.put_many("crash", [(f"{run}m{seq}-{j}", {"seq": seq, "j": j, "pad": "x" * 2000}) for j in range(MANY)],
                       visit_id="crash")
        print(json.dumps({"many": seq}), flush=True)
    else:
        store.put("crash", f"{run}s{seq}", {"seq": seq, "pad": "y" * 2000}, visit_id="crash")
        print(json.dumps({"one": seq}), flush=True)
    seq += 1
"""


def test_writer_killed_with_sigkill_leaves_an_intact_database(tmp_path):
    """A writer process reports every commit on stdout; after SIGKILL mid-write the file passes
    PRAGMA integrity_check and holds every reported commit (five kills at different moments)."""
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    Store(url)  # schema first, so the writer starts writing at once
    reported_one, reported_many = set(), set()
    rng = random.Random(20260501)
    for round_, commits_before_kill in enumerate((5, 20, 40, 60, 80)):
        proc = subprocess.Popen([sys.executable, "-c", WRITER_SCRIPT, url, str(ROOT), f"r{round_}", str(MANY)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        seen = 0
        for line in proc.stdout:
            entry = json.loads(line)
            if "one" in entry:
                reported_one.add((round_, entry["one"]))
            else:
                reported_many.add((round_, entry["many"]))
            seen += 1
            if seen >= commits_before_kill:
                break
        time.sleep(rng.random() * 0.03)  # somewhere inside the next transactions
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()[-2000:]

        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {i.id for i in Store(url).find("crash", visit_id="crash")}  # every round so far
        missing = [f"r{r}s{seq}" for r, seq in reported_one if f"r{r}s{seq}" not in present]
        missing += [f"r{r}m{seq}-{j}" for r, seq in reported_many for j in range(MANY)
                    if f"r{r}m{seq}-{j}" not in present]
        assert not missing, f"round {round_}: committed items missing after SIGKILL: {missing[:5]}"
