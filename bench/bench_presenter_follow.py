"""How fast the audience window follows the presenter view: from the notes window's publish (a tour jump written
to the store) to the audience window's new URL, in Chromium against `streamlit run app.py` on loopback.

    .venv/bin/python bench/bench_presenter_follow.py [--rounds 2]

Baseline, same run and browser: the audience window's own page change (a click on its top navigation to the next
step's page until its URL changes) — what a page switch costs without the store in between. The difference is
the price of following through the store (the fragment's poll interval, ui.booth.tour_panel.FOLLOW_SECONDS,
plus one read). Only loopback addresses are used.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from deploy.replicas import free_port, wait_healthy  # noqa: E402
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, wait_for_app  # noqa: E402

STEPS = (("tour_jump_mitid", "mitid_login", "nav.login"), ("tour_jump_borger", "selfservice", None),
         ("tour_jump_digital_post", "digital_post", "nav.digital_post"),
         ("tour_jump_germany", "journeys", "nav.journeys"), ("tour_jump_indicators", "compare", "nav.compare"),
         ("tour_jump_welcome", "", "nav.welcome"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="times through the six steps")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from simulators.booth import presentation
    from simulators.core import i18n
    from simulators.core.store import Store

    port, tmp = free_port(), tempfile.mkdtemp(prefix="dds-follow-")
    db_url = f"sqlite:///{tmp}/f.db"
    env = {**os.environ, "DDS_DATABASE_URL": db_url, "DDS_TODAY": os.environ.get("DDS_TODAY", "2026-11-28")}
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                                "--server.port", str(port), "--server.headless", "true"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url, store = f"http://127.0.0.1:{port}", Store(db_url)
    follow, own = [], []
    try:
        wait_healthy(url, timeout=120)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            notes = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="de-DE")
            notes.goto(f"{url}/?mode=presenter&view=notes&lang=de")
            notes.wait_for_url(re.compile(r"[?&]p="), timeout=60_000)
            wait_for_app(notes)
            code = re.search(r"[?&]p=([\w-]+)", notes.url).group(1)
            audience = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="de-DE")
            audience.goto(f"{url}/?{presentation.audience_query(code, 'de')}")
            audience.wait_for_url(re.compile(r"[?&]v="), timeout=60_000)
            wait_for_app(audience)
            for _round in range(args.rounds):
                for key, path, nav_key in STEPS:
                    notes.locator(f".st-key-{key} button").first.click()
                    audience.wait_for_url(re.compile(rf"127\.0\.0\.1:{port}/{path}(\?|$)"), timeout=30_000)
                    follow.append(time.time() - presentation.get(store, code).published_at)
                    wait_for_app(notes)
                    wait_for_app(audience)
                # the baseline: the audience window's own page changes, by its top navigation
                for _key, path, nav_key in STEPS:
                    if nav_key is None:
                        continue
                    link = audience.get_by_role("link", name=i18n.translate("de", nav_key)).first
                    started = time.time()
                    link.click()
                    audience.wait_for_url(re.compile(rf"127\.0\.0\.1:{port}/{path}(\?|$)"), timeout=30_000)
                    own.append(time.time() - started)
                    wait_for_app(audience)
            browser.close()
    finally:
        process.terminate()
        process.wait(15)
    load = os.getloadavg()[0]
    print(f"audience window follows the presenter view: p50 {statistics.median(follow):.2f} s, "
          f"max {max(follow):.2f} s over {len(follow)} jumps")
    print(f"baseline, its own page change by a click: p50 {statistics.median(own):.2f} s, "
          f"max {max(own):.2f} s over {len(own)} clicks")
    print(f"ratio of medians {statistics.median(follow) / statistics.median(own):.1f}; load average at the end "
          f"{load:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
