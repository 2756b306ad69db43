"""Oversized input from a scripted client against the running app (issue #17, findings 3 and 4), over Streamlit's
WebSocket protocol (bench/stclient.py: no browser, so no ``max_chars`` in the way): a 1 MB street, library query
and Digital Post subject each get the length message every time, everything else on the step is kept, and the
stored visit stays small; a 1 MB search is cut and answered; an upload over the attachment limit is refused by
the server. The server's memory over 20 such attempts is measured by bench/bench_input_limits.py (figures, not
assertions here).

Seen failing on main before the fix: the street (the 1 MB street passed the step: no message, stored as sent),
the query (the flow's "no title matches" instead of a length message), the upload (HTTP 204 for 6 MB:
``server.maxUploadSize`` was Streamlit's 200 MB). The subject test failed on main only because
``visits.MAX_VISIT_BYTES`` did not exist: compose.send already refused the subject; the test pins that the
widget's ``max_chars`` (one more than the limit) keeps that message.
"""
from __future__ import annotations

from bench.bench_input_limits import (logged_in_session, megabyte_into_field, megabyte_into_search,
                                      megabyte_into_subject, open_flow_step, uploads)
from simulators.core import visits
from simulators.post import compose
from tests.helpers.run_async import run_async

ATTEMPTS = 3


def check(results: list[dict]) -> None:
    for result in results:
        assert not result["exceptions"], result
        assert result["message"], f"{result['field']}: no length message"
        assert result["others_kept"], f"{result['field']}: the step's other answers were lost"
        assert result["kept"] <= result["limit"], result
        assert result["visit_bytes"] < visits.MAX_VISIT_BYTES, result


def test_a_megabyte_street_gets_the_length_message_every_time(app_server):
    async def walk():
        session = await logged_in_session(app_server.url, app_server.db_url)
        try:
            await open_flow_step(session, "moving", "address")
            return [await megabyte_into_field(session, app_server.db_url, "moving", "address", "street",
                                              others={"house_number": "5", "postcode": "8000", "town": "Aarhus C"})
                    for _ in range(ATTEMPTS)]
        finally:
            await session.close()

    results = run_async(walk())
    check(results)
    assert all(r["kept"] == r["limit"] for r in results), "the draft keeps the first characters (nothing else)"


def test_a_megabyte_library_query_gets_the_length_message(app_server):
    async def walk():
        session = await logged_in_session(app_server.url, app_server.db_url)
        try:
            await open_flow_step(session, "library", "search")
            return [await megabyte_into_field(session, app_server.db_url, "library", "search", "query")
                    for _ in range(ATTEMPTS)]
        finally:
            await session.close()

    check(run_async(walk()))


def test_a_megabyte_subject_gets_the_subject_message_and_nothing_is_sent(app_server):
    async def walk():
        session = await logged_in_session(app_server.url, app_server.db_url)
        try:
            return [await megabyte_into_subject(session, app_server.db_url) for _ in range(ATTEMPTS)] + \
                [await megabyte_into_search(session, app_server.db_url)]
        finally:
            await session.close()

    check(run_async(walk()))


def test_an_upload_over_the_attachment_limit_is_refused_by_the_server(app_server):
    small, large = run_async(uploads(app_server.url, [1, compose.FILE_MAX_MB + 1]))
    assert small == 204, "a small upload (same tab, same XSRF token) is stored"
    assert large == 413
