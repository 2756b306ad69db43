"""asyncio.run in a thread of its own: Playwright's sync API keeps an event loop running in the test's thread."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run_async(coroutine):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
