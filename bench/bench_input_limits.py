"""Oversized input from a scripted client (issue #17, findings 2–4): does the server stay small?

Starts one app server (``streamlit run app.py`` on loopback, a throwaway SQLite database), then, over Streamlit's
own WebSocket protocol (bench/stclient.py, no browser, so no ``max_chars`` in the way), sends a 1 MB value
``--attempts`` times into each of: the moving flow's street, Digital Post's subject, the library's search query
and the borger.dk search box. After every attempt it checks the visitor's message (the length message where
there is one) and the size of the stored visit. Then it PUTs ``--uploads`` files of ``--upload-mb`` MB to
Streamlit's upload endpoint. It prints the server's RSS before, after the text attempts and after the uploads.

    .venv/bin/python bench/bench_input_limits.py [--attempts 20] [--uploads 3] [--upload-mb 100]

Exit status 1 when a message was missing, a stored visit grew past ``visits.MAX_VISIT_BYTES``, an oversized
upload was accepted, or the RSS grew by more than ``--max-growth-mb`` (50) — figures, not a test: the RSS of one
process on a shared machine moves for other reasons too.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import http.client
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchlib import ROOT, rss_mb, table, throwaway_database  # noqa: E402
from bench.stclient import Session  # noqa: E402

MEGABYTE = 1_000_000


# ---- one scripted visitor ------------------------------------------------------------------------------
async def logged_in_session(url: str, db_url: str, lang: str = "en", flow: str | None = None) -> Session:
    """A tab that pressed Start and whose visit is logged in (through the store, as the MitID tests do)."""
    from simulators.core import visits
    from simulators.core.store import Store

    session = await Session(url, locale=f"{lang}-DK", query_string=f"lang={lang}&mode=explore").open()
    await session.rerun()
    await session.rerun(triggers=("welcome_start",))
    visit_id = session.params["v"]
    await asyncio.to_thread(visits.record_login, Store(db_url), visit_id, visits.Login(None, "bench", time.time()))
    return session


def visit_bytes(db_url: str, visit_id: str) -> int:
    from simulators.core import visits
    from simulators.core.store import Store

    item = Store(db_url).get(visits.KIND, visit_id)
    return len(json.dumps(item.data, ensure_ascii=False).encode()) if item else 0


def message(lang: str, key: str, **params) -> str:
    from simulators.borger.framework import format_params
    from simulators.core import i18n

    return i18n.translate(lang, key, **format_params(params, lang))


async def open_flow_step(session: Session, flow_id: str, step_id: str) -> None:
    """Open the flow and press Continue until the step's form is on the page (pre-filled steps pass)."""
    query = {k: v for k, v in session.params.items() if k in ("lang", "mode", "v")}
    await session.rerun(page="selfservice", query={**query, "flow": flow_id})
    for _ in range(6):
        if session.key_starting(f"submit:ss_form_{flow_id}_{step_id}_"):
            return
        await session.rerun(triggers=(session.key_starting(f"submit:ss_form_{flow_id}_"),))
    raise RuntimeError(f"{flow_id}: step {step_id} not reached; the page showed {session.last_texts[:8]}")


async def megabyte_into_field(session: Session, db_url: str, flow_id: str, step_id: str, field_id: str,
                              lang: str = "en", others: dict | None = None) -> dict:
    """One attempt: the field gets 1 MB (other fields of the step ``others``), Continue. Returns what came back."""
    from simulators.borger import FLOWS
    from simulators.core import visits
    from simulators.core.store import Store

    field = next(f for s in FLOWS[flow_id].steps for f in s.fields if f.id == field_id)
    limit = getattr(field, "max_length", 0)  # 0: a version without field limits (to compare against)
    if not session.key_starting(f"ss_{flow_id}_{field_id}_"):
        raise RuntimeError(f"{flow_id}.{field_id} is not on the page (did the last 1 MB value pass the step?); "
                           f"the page showed {session.last_texts[:8]}")
    values = {session.key_starting(f"ss_{flow_id}_{field_id}_"): {"string_value": "x" * MEGABYTE}}
    for other, value in (others or {}).items():
        values[session.key_starting(f"ss_{flow_id}_{other}_")] = {"string_value": value}
    started = time.perf_counter()
    run = await session.rerun(triggers=(session.key_starting(f"submit:ss_form_{flow_id}_{step_id}_"),),
                              set_values=values)
    visit_id = session.params["v"]
    draft = visits.get(Store(db_url), visit_id).draft(flow_id) or {"answers": {}}
    return {"field": f"{flow_id}.{field_id}", "seconds": time.perf_counter() - started,
            "message": bool(limit) and message(lang, "borger.err.too_long", max=limit) in run.text,
            "kept": len(str(draft["answers"].get(field_id) or "")), "limit": limit,
            "others_kept": all(draft["answers"].get(k) == v for k, v in (others or {}).items()),
            "visit_bytes": visit_bytes(db_url, visit_id), "exceptions": run.exceptions}


async def megabyte_into_subject(session: Session, db_url: str, lang: str = "en") -> dict:
    """Digital Post: a new message whose subject is 1 MB; the subject message, nothing sent."""
    from simulators.post import compose, postbox
    from simulators.core.store import Store

    query = {k: v for k, v in session.params.items() if k in ("lang", "mode", "v")}
    if session.page_name() != "digital_post" or "post_compose_subject" not in session.widgets:
        await session.rerun(page="digital_post", query=query)
        await session.rerun(triggers=("post_write_new",))
    recipient = session.widgets["post_compose_recipient"][2].options[0]
    started = time.perf_counter()
    run = await session.rerun(triggers=("submit:post_compose_form",), set_values={
        "post_compose_recipient": {"string_value": recipient},
        "post_compose_subject": {"string_value": "x" * MEGABYTE},
        "post_compose_body": {"string_value": "Hej"}})
    visit_id = session.params["v"]
    sent = [x for x in postbox.list_letters(Store(db_url), visit_id) if x.get("origin") == "visitor"]
    wanted = [message(lang, "post.error.subject_too_long", max=compose.SUBJECT_MAX, length=length)
              for length in (compose.SUBJECT_MAX + 1, MEGABYTE)]  # the widget's max_chars cuts to one more
    return {"field": "post.subject", "seconds": time.perf_counter() - started,
            "message": any(text in run.text for text in wanted),
            "kept": -1, "limit": compose.SUBJECT_MAX, "others_kept": not sent,
            "visit_bytes": visit_bytes(db_url, visit_id), "exceptions": run.exceptions}


async def megabyte_into_search(session: Session, db_url: str, lang: str = "en") -> dict:
    """borger.dk's search box: 1 MB is cut before searching (no message needed: nothing is kept)."""
    query = {k: v for k, v in session.params.items() if k in ("lang", "mode", "v")}
    if session.page_name() != "borger" or "bdk_search" not in session.widgets:
        await session.rerun(page="borger", query=query)
    started = time.perf_counter()
    run = await session.rerun(set_values={"bdk_search": {"string_value": "flytning " + "x" * MEGABYTE}})
    return {"field": "borger.search", "seconds": time.perf_counter() - started,
            "message": message(lang, "borger.search_none") in run.text or "bdk_hit_service_moving" in session.widgets,
            "kept": -1, "limit": 200, "others_kept": True, "visit_bytes": visit_bytes(db_url, session.params["v"]),
            "exceptions": run.exceptions}


def xsrf_cookie(url: str) -> str:
    """The XSRF cookie the app sets with its health check (the upload endpoint wants it back, also as a header)."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name.strip() == "_streamlit_xsrf":
                return rest.split(";", 1)[0]
    return ""


def upload(url: str, session_id: str, megabytes: int) -> int:
    """PUT a file to Streamlit's upload endpoint, as the browser's file_uploader does (with the XSRF cookie and
    header), for the tab ``session_id``; the HTTP status. A server that refuses by the Content-Length answers before
    the body is sent and may close the connection meanwhile: the answer is read all the same."""
    boundary = "ddsbenchboundary"
    token = xsrf_cookie(url)
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode()
    body = head + b"%PDF-" + b"0" * (megabytes * 1024 * 1024) + f"\r\n--{boundary}--\r\n".encode()
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        connection.putrequest("PUT", f"/_stcore/upload_file/{session_id}/bench-file")
        for name, value in {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": url,
                            "Cookie": f"_streamlit_xsrf={token}", "X-Xsrftoken": token,
                            "Content-Length": str(len(body))}.items():
            connection.putheader(name, value)
        connection.endheaders()
        try:
            for start in range(0, len(body), 1 << 20):
                connection.send(body[start:start + (1 << 20)])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered early and closed; its answer is waiting
        return connection.getresponse().status
    except (ConnectionError, http.client.HTTPException):
        return -1
    finally:
        connection.close()


async def attempts(url: str, db_url: str, count: int) -> list[dict]:
    results = []
    street = await logged_in_session(url, db_url)
    await open_flow_step(street, "moving", "address")
    for _ in range(count):
        results.append(await megabyte_into_field(street, db_url, "moving", "address", "street",
                                                 others={"house_number": "5", "postcode": "8000",
                                                         "town": "Aarhus C"}))
    library = await logged_in_session(url, db_url)
    await open_flow_step(library, "library", "search")
    for _ in range(count):
        results.append(await megabyte_into_field(library, db_url, "library", "search", "query"))
    post = await logged_in_session(url, db_url)
    for _ in range(count):
        results.append(await megabyte_into_subject(post, db_url))
    search = await logged_in_session(url, db_url)
    for _ in range(count):
        results.append(await megabyte_into_search(search, db_url))
    for session in (street, library, post, search):
        await session.close()
    return results


# ---- the measurement -----------------------------------------------------------------------------------
def start_server(db_url: str) -> tuple[subprocess.Popen, str]:
    from deploy.replicas import free_port, wait_healthy

    port = free_port()
    log = open(Path(tempfile.mkdtemp(prefix="dds-bench-limits-")) / "server.log", "w")
    env = {**os.environ, "DDS_DATABASE_URL": db_url}
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                                "--server.port", str(port), "--server.headless", "true"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, timeout=90)
    return process, url


async def uploads(url: str, sizes_mb: list[int]) -> list[int]:
    """PUT files of the given sizes (MB) while a tab is open (the endpoint takes uploads for active sessions
    only); their HTTP statuses (204: stored, 413: refused as too large)."""
    session = await Session(url, query_string="lang=en&mode=explore").open()
    try:
        await session.rerun()
        return [await asyncio.to_thread(upload, url, session.session_id, size) for size in sizes_mb]
    finally:
        await session.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attempts", type=int, default=20, help="1 MB values per field (default 20)")
    parser.add_argument("--uploads", type=int, default=3, help="oversized uploads (default 3)")
    parser.add_argument("--upload-mb", type=int, default=100, help="size of each upload in MB (default 100)")
    parser.add_argument("--max-growth-mb", type=float, default=50.0, help="allowed RSS growth (default 50)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DDS_POPULATION_SIZE", "20000")
    os.environ.setdefault("DDS_POPULATION_SEED", "7")
    db_url = throwaway_database()
    process, url = start_server(db_url)
    try:
        warm = asyncio.run(attempts(url, db_url, 1))  # every page once: caches and imports are warm
        time.sleep(1.0)
        before = rss_mb(process.pid)
        results = asyncio.run(attempts(url, db_url, args.attempts))
        time.sleep(1.0)
        after_text = rss_mb(process.pid)
        statuses = asyncio.run(uploads(url, [args.upload_mb] * args.uploads))
        time.sleep(1.0)
        after_uploads = rss_mb(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    from simulators.core import visits

    by_field: dict[str, list[dict]] = {}
    for result in warm + results:
        by_field.setdefault(result["field"], []).append(result)
    rows = [[name, len(rs), sum(r["message"] for r in rs), max(r["kept"] for r in rs), rs[0]["limit"],
             all(r["others_kept"] for r in rs), max(r["visit_bytes"] for r in rs),
             1000 * max(r["seconds"] for r in rs), sum(len(r["exceptions"]) for r in rs)]
            for name, rs in by_field.items()]
    print(table(["field (1 MB each)", "attempts", "message shown", "max kept chars", "limit", "rest kept",
                 "max visit bytes", "max ms", "exceptions"], rows,
                title=f"1 MB values over the WebSocket ({url}, {args.attempts} attempts per field + 1 warm-up)"))
    print()
    print(table(["", "RSS MB"], [["after warm-up", before], [f"after {len(results)} text attempts", after_text],
                                 [f"after {args.uploads} uploads of {args.upload_mb} MB", after_uploads]],
                title="server memory"))
    print(f"\nupload statuses: {statuses} (413: refused by server.maxUploadSize)")
    growth = after_uploads - before
    print(f"RSS growth: {growth:+.1f} MB (allowed {args.max_growth_mb:.0f} MB)")
    problems = [r for r in warm + results if not r["message"] or r["exceptions"]
                or r["visit_bytes"] > visits.MAX_VISIT_BYTES or not r["others_kept"]]
    problems += [s for s in statuses if s != 413]
    if problems or growth > args.max_growth_mb:
        print(f"FAILED: {len(problems)} problem(s){', RSS grew too much' if growth > args.max_growth_mb else ''}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
