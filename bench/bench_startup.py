"""Cold start to first paint: from `streamlit run app.py` to the SIMULATION banner on screen in Chromium.

    .venv/bin/python bench/bench_startup.py [--runs 3]

Prints, per run: seconds until /_stcore/health answers, until the first page shows the banner, and until the
persona card shows after pressing Start (which builds the synthetic population on first use), beside the
same browser loading a static page of the server (`/app/static/fonts/OFL-IBM-Plex.txt`) as a baseline for the
browser's own start-up. Only loopback addresses are used.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from deploy.replicas import free_port, wait_healthy  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def one_run(browser) -> dict:
    port = free_port()
    tmp = tempfile.mkdtemp(prefix="dds-startup-")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                                "--server.port", str(port), "--server.headless", "true"], cwd=ROOT,
                               env={**__import__("os").environ, "DDS_DATABASE_URL": f"sqlite:///{tmp}/s.db"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, timeout=120, poll=0.05)  # polled often: the time to healthy is a figure here
        healthy = time.perf_counter() - started
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        t0 = time.perf_counter()
        page.goto(f"{url}/app/static/fonts/OFL-IBM-Plex.txt")
        static = time.perf_counter() - t0
        page.goto(f"{url}/?lang=de")
        page.get_by_test_id("dds-simulation-banner").wait_for(state="visible", timeout=60_000)
        painted = time.perf_counter() - started
        page.locator(".st-key-welcome_start button").click()
        page.locator(".st-key-persona_card").wait_for(state="visible", timeout=60_000)
        persona = time.perf_counter() - started
        page.close()
        return {"health": healthy, "first_paint": painted, "persona": persona, "static_page": static}
    finally:
        process.terminate()
        process.wait(15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        runs = [one_run(browser) for _ in range(args.runs)]
        browser.close()
    print(f"{'run':>4} {'health s':>9} {'first paint s':>14} {'persona card s':>15} {'static page s':>14}")
    for i, r in enumerate(runs, 1):
        print(f"{i:>4} {r['health']:>9.2f} {r['first_paint']:>14.2f} {r['persona']:>15.2f} {r['static_page']:>14.3f}")
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"{'med':>4} {med['health']:>9.2f} {med['first_paint']:>14.2f} {med['persona']:>15.2f} "
          f"{med['static_page']:>14.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
