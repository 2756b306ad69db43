"""A deep link as the very first request of a freshly started server (a phone scanning the QR code right after
the booth laptop restarted) must still run the router (app.py): SIMULATION banner, language from the URL.

Streamlit 1.67 decides once per process whether the app is a "pages/ directory" app (MPA v1): the flag starts
as "yes" because ``pages/`` exists and only turns "no" when ``st.navigation`` runs. Until then a deep link
(``/mitid_phone?token=…``) would run ``pages/mitid_phone.py`` on its own — without app.py. ui/shell/boot.py fixes it:
every page calls ``ensure_router()`` first, which turns the flag off and reruns through app.py. This test
breaks when that call goes missing.
"""
from __future__ import annotations

from bench.stclient import Session
from simulators.core import i18n
from tests.helpers.run_async import run_async
from tests.helpers.browser import start_app, stop_app


async def first_run(url: str, page: str, query: dict) -> str:
    session = await Session(url, locale="de-DE").open()
    try:
        return (await session.rerun(page=page, query=query)).text
    finally:
        await session.close()


def test_first_request_of_a_fresh_server_as_deep_link_shows_the_banner(tmp_path):
    server = start_app({"DDS_DATABASE_URL": f"sqlite:///{tmp_path}/deep.db"})
    try:
        text = run_async(first_run(server.url, "mitid_phone", {"lang": "en", "token": "x"}))
    finally:
        stop_app(server)
    assert i18n.translate("en", "banner.simulation") in text
