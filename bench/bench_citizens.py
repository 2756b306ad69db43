"""Benchmark of the synthetic population: citizens per second and peak memory for 100k, 1M and all of Denmark,
against a per-row Faker ``da_DK`` baseline that makes the same fields, measured in the same run.

Each size runs in a fresh subprocess (so its peak RSS is its own): the time is one cold call of
``generate_population`` including reading the reference tables. Wall time and the process's CPU time are both
printed: on a shared, busy machine the CPU time (and the ratio of CPU rates) is the figure that other
processes disturb least. Run: ``python bench/bench_citizens.py`` (``--sizes 100000,1000000`` to choose sizes,
``--baseline-rows`` for the Faker sample).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time

from benchlib import ROOT, table

DENMARK = 5_961_249  # population 1 Jan 2024 (Statistics Denmark FOLK1AM, data/demographics)
SIZES = (100_000, 1_000_000, DENMARK)
TARGET_RATIO, TARGET_1M_S, TARGET_DK_S, TARGET_DK_MB = 30, 5.0, 30.0, 3 * 1024


def worker(n: int) -> None:
    """In the subprocess: generate n citizens once and print seconds and peak RSS as JSON."""
    sys.path.insert(0, str(ROOT))
    import pandas  # noqa: F401  (imported before timing: the app has it loaded already)

    from simulators.population.citizens import generate_population

    started, cpu_started = time.perf_counter(), time.process_time()
    frame = generate_population(n, seed=7)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert len(frame) == n
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(json.dumps({"n": n, "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb}))


def faker_rows(count: int) -> tuple[float, float]:
    """Rows per wall second and per CPU second of a per-row Faker da_DK generator making the same fields
    (CPR by hand: Faker has none)."""
    import pandas as pd
    from faker import Faker

    fake = Faker("da_DK")
    Faker.seed(7)
    rnd = random.Random(7)
    today = dt.date(2026, 11, 28)
    started, cpu_started = time.perf_counter(), time.process_time()
    rows = []
    for person_id in range(1, count + 1):
        male = rnd.random() < 0.5
        birth = fake.date_of_birth(minimum_age=0, maximum_age=105)
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        digit7 = 4 if birth.year >= 2000 else 0
        serial = digit7 * 1000 + rnd.randrange(100) * 10 + rnd.randrange(5) * 2 + male
        flat = rnd.random() < 0.2
        rows.append({
            "person_id": person_id, "cpr": f"{birth.day + 60:02d}{birth:%m%y}-{serial:04d}",
            "first_name": fake.first_name_male() if male else fake.first_name_female(), "last_name": fake.last_name(),
            "sex": "male" if male else "female", "birth_date": birth, "age": age, "street": fake.street_name(),
            "house_number": fake.building_number(), "floor": str(rnd.randrange(1, 6)) if flat else None,
            "door": rnd.choice(["tv", "th", "mf"]) if flat else None, "postcode": fake.postcode(),
            "town": fake.city_name(), "municipality": fake.city_name(),
            "municipality_code": f"0{rnd.randrange(101, 861)}",
            "region": fake.administrative_unit(), "household_id": person_id,
            "partner_id": rnd.randrange(1, count + 1) if rnd.random() < 0.5 else None,
            "parent1_id": rnd.randrange(1, count + 1) if age < 18 else None,
            "parent2_id": rnd.randrange(1, count + 1) if age < 18 and rnd.random() < 0.8 else None,
            "civil_status": rnd.choice(["never_married", "married", "divorced", "widowed"]),
            "occupation": fake.job(), "income": int(rnd.lognormvariate(12.5, 0.5)),
            "email": f"{fake.user_name()}@example.com", "phone": fake.phone_number(),
            "mitid_user_id": fake.user_name() if age >= 13 else None,
            "digital_post_exempt": age >= 15 and rnd.random() < 0.05, "country": "DK",
        })
    pd.DataFrame(rows)
    return count / (time.perf_counter() - started), count / (time.process_time() - cpu_started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--baseline-rows", type=int, default=20_000)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    baseline, baseline_cpu = faker_rows(args.baseline_rows)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        result = subprocess.run([sys.executable, __file__, "--worker", str(n)], capture_output=True, text=True,
                                check=True, cwd=ROOT)
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        rate, cpu_rate = n / measured["seconds"], n / measured["cpu"]
        rows.append([f"{n:,}", measured["seconds"], rate, rate / baseline, measured["cpu"], cpu_rate,
                     cpu_rate / baseline_cpu, measured["peak_mb"]])
    print(table(["citizens", "wall s", "citizens/s", "x Faker", "CPU s", "citizens/CPU-s", "x Faker (CPU)",
                 "peak RSS MiB"], rows,
                title=f"Synthetic population (seed 7) vs per-row Faker da_DK baseline ({args.baseline_rows:,} rows, "
                      f"same fields): {baseline:,.0f} rows/s wall, {baseline_cpu:,.0f} rows/CPU-s"))
    print(f"targets: >= {TARGET_RATIO}x Faker; 1,000,000 in <= {TARGET_1M_S:.0f} s; "
          f"{DENMARK:,} in <= {TARGET_DK_S:.0f} s within {TARGET_DK_MB:,} MiB peak")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
