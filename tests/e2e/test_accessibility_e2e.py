"""axe-core (WCAG 2.0/2.1 A and AA rules, from axe-playwright-python, which ships axe-core: no network) on every
page of the app, logged in, at 1920x1080 and 390x844, in de, en and da (issue #17, finding 10). Prints the count of
violations per page and fails on any serious or critical one. One app server and one browser for all of it.

Seen failing before the fix (25 of 26 pages in English alone): color-contrast (serious) on every page — the
selected option of the segmented controls (language switch, dashboard filters, journeys), #44831E on its 10 %
tint, 4.1:1 — and on captions on tinted panels (Digital Post's unread rows 4.46:1, the MitID phone 4.48:1);
image-alt (critical) on the MitID QR code.
"""
from __future__ import annotations

import pytest

from simulators.core import i18n, visits
from simulators.core.store import Store
from simulators.population.persona import pick_persona
from tests.helpers.mailbox import ROWS
from tests.helpers.browser import assert_no_exception, wait_for_app
from tests.helpers.e2e_visits import logged_in_visit

SIZES = {"desktop": (1920, 1080), "phone": (390, 844)}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
# The pages of a logged-in visit, by URL (the MitID pages, the login box and an opened letter need steps: below).
PAGES = {"welcome": "", "borger": "borger", "overblik": "overblik", "selfservice (library)": "selfservice?flow=library",
         "digital post": "digital_post", "journeys": "journeys", "compare": "compare", "dashboard": "dashboard",
         "about": "about"}

LOGIN_SEEDS = {(lang, size): 400 + 10 * i + j for i, lang in enumerate(("de", "en", "da"))
               for j, size in enumerate(SIZES)}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def audit(axe, page, name: str, found: dict) -> None:
    """Run axe on what the page shows now; print the count; keep the blocking violations for the assertion."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    print(f"{name}: {len(violations)} violations ({len(blocking)} serious/critical)"
          + "".join(f"\n    {v['impact']} {v['id']} x{len(v['nodes'])}: {v['nodes'][0]['target']}" for v in violations))
    if blocking:
        found[name] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3],
                        v["nodes"][0]["failureSummary"]) for v in blocking]


def show(page, url: str, drawn: str = "h1, h2, h3") -> None:
    """Open ``url`` and wait until ``drawn`` is on the page: the script-state flag alone can read "not running"
    before the first run has even started, which would audit an empty page."""
    page.goto(url)
    page.locator(drawn).first.wait_for(timeout=30_000)
    wait_for_app(page)
    assert_no_exception(page)


def mitid_login_box(app_server, population, page, lang: str, seed: int) -> str:
    """A visit that is not logged in yet (its own persona, so no other login of its user ID waits) opens the
    MitID login."""
    persona_id = pick_persona(population, seed=seed)
    visit_id = visits.create(Store(app_server.db_url), lang, "explore", persona_id).visit_id
    show(page, f"{app_server.url}/mitid_login?lang={lang}&v={visit_id}")
    return visit_id


@pytest.mark.parametrize("lang", ["de", "en", "da"])
def test_no_serious_or_critical_violation_on_any_page(new_page, app_server, population, axe, lang):
    found: dict[str, list] = {}
    visit_id, _ = logged_in_visit(app_server, population, lang, seed=21)
    phone_address = None
    for size, (width, height) in SIZES.items():
        page = new_page(width, height, goto=False)
        where = f"{lang} {size}"
        for name, path in PAGES.items():
            show(page, f"{app_server.url}/{path}{'&' if '?' in path else '?'}lang={lang}&v={visit_id}")
            audit(axe, page, f"{where} {name}", found)
            if name == "digital post":  # and one letter opened
                page.locator(ROWS).first.click()
                wait_for_app(page)
                assert page.get_by_test_id("dds-letter").count() >= 1
                audit(axe, page, f"{where} digital post letter", found)

        # The MitID login of a visit not logged in yet: the user ID step, then the app step (QR code on a
        # desktop, the on-screen phone on a phone-sized screen), then the phone's own page.
        mitid_login_box(app_server, population, page, lang, seed=LOGIN_SEEDS[lang, size])
        audit(axe, page, f"{where} mitid login", found)
        page.locator(".st-key-mitid_use_demo button").click()
        page.wait_for_function("() => (document.querySelector('.st-key-mitid_user_id input') || {}).value")
        page.get_by_role("button", name=i18n.translate(lang, "mitid.continue")).click()
        wait_for_app(page)
        assert_no_exception(page)
        audit(axe, page, f"{where} mitid login, app step", found)
        if phone_address is None:
            phone_address = page.get_by_test_id("mitid-phone-link").inner_text().strip()
        show(page, phone_address, drawn=".st-key-mitid_app")
        audit(axe, page, f"{where} mitid phone", found)
        page.context.close()
    assert not found, "serious/critical axe violations:\n" + "\n".join(f"{k}: {v}" for k, v in found.items())
