"""20 visits at once never see each other: persona, login, letters.

Two ways: 20 threads driving the simulators directly (visit → MitID login approved on the phone → mailbox seeded →
a message written), and 20 browser sessions at once over the WebSocket against a running app (Start → logged
in → welcome card → Digital Post → a message written → the Sent folder once all have written); AppTest is not used here because it is not thread-safe (one global Runtime). Every visit must hold only its own persona's data; no other visitor's CPR
number, MitID user ID or message may show up in its store items or on its screens.

Known to bite (seen failing locally, not committed): ``postbox.list_letters`` without its ``visit_id`` filter,
and ``ui.shell.session.persona`` served from a process-wide "last persona" instead of the session's visit.
"""
from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor

from bench.stclient import Session
from simulators.post import life_letters
from simulators.post import compose as post_compose
from simulators.post import postbox
from simulators.core import visits
from simulators.mitid.service import MitIDService
from simulators.population.persona import persona_record, pick_persona
from simulators.core.store import Store
from tests.helpers.run_async import run_async
from tests.helpers.visits import log_visit_in

VISITORS = 20


def population():
    from ui.shell.resources import population as cached

    return cached()


def distinct_personas(n: int) -> list[dict]:
    """n personas with a MitID, distinct CPR numbers and user IDs."""
    people, seen, seed = [], set(), 0
    while len(people) < n:
        record = persona_record(population(), pick_persona(population(), seed=seed))
        seed += 1
        if record["mitid_user_id"] and record["cpr"] not in seen and record["mitid_user_id"] not in seen:
            seen |= {record["cpr"], record["mitid_user_id"]}
            people.append(record)
    return people


def marker(persona: dict) -> str:
    return f"isolation{persona['person_id']}z"  # no Markdown characters: pages show subjects escaped


def visit_through_simulators(store: Store, persona: dict, barrier: threading.Barrier) -> str:
    barrier.wait()  # all 20 start together
    visit_id = visits.create(store, "en", "kiosk", persona_id=persona["person_id"]).visit_id
    svc = MitIDService(store)
    started = svc.start(visit_id, persona["mitid_user_id"], persona["mitid_user_id"])
    assert started.ok, started
    assert svc.phone(started.token, started.request_id, "swipe").ok
    life_letters.seed_mailbox(store, visit_id, persona, population())
    errors, _, _ = post_compose.send(store, visit_id, post_compose.recipients()[0], marker(persona),
                                     f"{marker(persona)} {persona['cpr']}")
    assert not errors, errors
    return visit_id


def test_twenty_visits_through_the_simulators_stay_apart():
    store = Store()
    people = distinct_personas(VISITORS)
    barrier = threading.Barrier(VISITORS)
    with ThreadPoolExecutor(VISITORS) as pool:
        visit_ids = list(pool.map(lambda p: visit_through_simulators(store, p, barrier), people))
    assert len(set(visit_ids)) == VISITORS
    for persona, visit_id in zip(people, visit_ids):
        visit = visits.get(store, visit_id)
        assert visit.persona_id == persona["person_id"]
        assert visit.login.user_id == persona["mitid_user_id"]
        own = postbox.list_letters(store, visit_id)
        assert len([x for x in own if x.get("subject_text") == marker(persona)]) == 1
        stored_ids = {i.id for i in store.find(postbox.KIND, visit_id=visit_id)}
        assert {x["letter_id"] for x in own} <= stored_ids, "the mailbox lists letters of other visits"
        dump = json.dumps([i.data for kind in ("visit", "letter", "auth_request", "mitid_account", "submission")
                           for i in store.find(kind, visit_id=visit_id)] + [visit.to_dict()], ensure_ascii=False)
        for other in people:
            if other is not persona:
                for secret in (other["cpr"], other["mitid_user_id"], marker(other)):
                    assert secret not in dump, f"visit of {persona['person_id']} holds {secret!r}"


async def visit_through_the_server(url: str, db_url: str, gate: asyncio.Event, sent: asyncio.Barrier) -> dict:
    """One browser tab over the WebSocket: Start, logged in, welcome card, a message written in Digital Post;
    once all tabs have sent theirs, the Sent folder again."""
    session = await Session(url, locale="en-US", query_string="lang=en&mode=explore").open()
    try:
        await session.rerun()
        await gate.wait()  # all 20 press Start together
        await session.rerun(triggers=("welcome_start",))
        store = Store(db_url)
        visit = visits.get(store, session.params["v"])
        persona = persona_record(population(), int(visit.persona_id))
        await asyncio.to_thread(log_visit_in, store, visit.visit_id, persona["mitid_user_id"])
        welcome = await session.rerun()
        query = {"lang": "en", "mode": "explore", "v": visit.visit_id}
        post = await session.rerun(page="digital_post", query=query)
        await session.rerun(triggers=("post_write_new",))
        recipient = session.widgets["post_compose_recipient"][2].options[0]
        await session.rerun(triggers=("submit:post_compose_form",), set_values={
            "post_compose_recipient": {"string_value": recipient},
            "post_compose_subject": {"string_value": marker(persona)},
            "post_compose_body": {"string_value": persona["cpr"]}})
        await sent.wait()  # every tab has written before anyone looks again
        sent_folder = await session.rerun()
        return {"visit_id": visit.visit_id, "persona": persona, "welcome": welcome.text,
                "post": post.text + sent_folder.text, "sent": sent_folder.text, "page": sent_folder.page,
                "exceptions": welcome.exceptions + post.exceptions + sent_folder.exceptions}
    finally:
        await session.close()


async def twenty_tabs(url: str, db_url: str) -> list[dict]:
    gate, sent = asyncio.Event(), asyncio.Barrier(VISITORS)
    tasks = [asyncio.create_task(visit_through_the_server(url, db_url, gate, sent)) for _ in range(VISITORS)]
    await asyncio.sleep(1.0)
    gate.set()
    return await asyncio.gather(*tasks)


def test_twenty_browser_sessions_at_once_see_only_their_own_persona(app_server):
    db_url = app_server.db_url
    sessions = run_async(twenty_tabs(app_server.url, db_url))
    assert len({s["visit_id"] for s in sessions}) == VISITORS
    for session in sessions:
        assert not session["exceptions"], session["exceptions"]
        assert session["page"] == "digital_post"
        own = session["persona"]
        assert own["cpr"] in session["welcome"] and own["full_name"] in session["welcome"]
        assert marker(own) in session["sent"], "the visitor's own message is in Sent"
        for other in sessions:
            if other["persona"]["person_id"] != own["person_id"]:
                for screen in ("welcome", "post"):
                    assert other["persona"]["cpr"] not in session[screen], screen
                    assert other["persona"]["mitid_user_id"] not in session[screen], screen
                    assert marker(other["persona"]) not in session[screen], screen
        assert postbox.list_letters(Store(db_url), session["visit_id"]), "Digital Post seeds the mailbox"
