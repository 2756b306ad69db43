"""borger.dk in a real browser: a logged-in visitor reports a move through the portal, sees the new address in
Mit Overblik, and the moving letters are stored for Digital Post. Screenshots at desktop and phone size."""
import datetime as dt

import pytest

from simulators.core import clock, i18n
from simulators.post import postbox
from simulators.borger import addresses, cases
from simulators.core.store import Store
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app
from tests.helpers.e2e_visits import logged_in_visit as shared_logged_in_visit


def logged_in_visit(app_server, population, lang: str) -> tuple[str, dict]:
    return shared_logged_in_visit(app_server, population, lang, seed=21, min_age=30, max_age=55)


def click(page, key_prefix: str, expect: str | None = None) -> None:
    """Click a keyed button; with ``expect``, wait until that text shows (a click may rerun the page twice)."""
    page.locator(f'[class*="st-key-{key_prefix}"] button').first.click()
    wait_for_app(page)
    if expect:
        page.get_by_text(expect, exact=False).first.wait_for(timeout=20_000)
        wait_for_app(page)
    assert_no_exception(page)


def fill(page, key_prefix: str, value: str) -> None:
    page.locator(f'[class*="st-key-{key_prefix}"] input').first.fill(value)


@pytest.mark.parametrize("lang, size", [("en", (1920, 1080)), ("da", (390, 844))])
def test_report_a_move_and_see_it_in_mit_overblik(new_page, app_server, population, lang, size):
    visit_id, persona = logged_in_visit(app_server, population, lang)
    new_postcode, new_town = ("8000", "Aarhus C") if persona["postcode"] != "8000" else ("5000", "Odense C")
    page = new_page(*size, f"/?lang={lang}&v={visit_id}")
    page.goto(f"{app_server.url}/borger?lang={lang}&v={visit_id}")
    wait_for_app(page)
    assert_no_exception(page)
    screenshot(page, f"borger-portal-{lang}-{size[0]}")

    page.locator(".st-key-bdk_services button", has_text=i18n.translate(lang, "flow.moving.title")).click()
    page.get_by_text(i18n.translate(lang, "borger.shortcuts")).first.wait_for(timeout=20_000)  # its article page
    wait_for_app(page)
    page.get_by_role("link", name=i18n.translate(lang, "borger.start_flow",
                                                 title=i18n.translate(lang, "flow.moving.title"))).click()
    wait_for_app(page)
    assert i18n.translate(lang, "borger.step_x_of_y", step=1, total=5) in page.inner_text("body")
    click(page, "ss_next_", expect=i18n.translate(lang, "borger.step_x_of_y", step=2, total=5))  # 1 overview
    click(page, "ss_next_", expect=i18n.translate(lang, "borger.step_x_of_y", step=3, total=5))  # 2 persons (CPR)
    fill(page, "ss_moving_street_", "Nørregade")
    fill(page, "ss_moving_house_number_", "5")
    fill(page, "ss_moving_postcode_", new_postcode)
    fill(page, "ss_moving_town_", "Somewhere")                       # wrong town: the message shows at the field
    click(page, "ss_next_", expect=i18n.translate(lang, "flow.moving.err.town_mismatch", postcode=new_postcode,
                                                  town=new_town))
    screenshot(page, f"borger-moving-error-{lang}-{size[0]}")
    fill(page, "ss_moving_town_", new_town)
    click(page, "ss_next_", expect=i18n.translate(lang, "borger.step_x_of_y", step=4, total=5))  # 3 address
    moving_date = clock.today() + dt.timedelta(days=2)  # the app server's day (DDS_TODAY)
    date_field = page.locator('[class*="st-key-ss_moving_moving_date_"]').first
    date_field.locator('[data-type="day"]').click()                 # a segmented date field: dd, mm, yyyy
    page.keyboard.type(moving_date.strftime("%d%m%Y"))
    page.keyboard.press("Escape")
    click(page, "ss_next_", expect=i18n.translate(lang, "borger.step_x_of_y", step=5, total=5))  # 4 date
    doctor = addresses.doctors_near(new_postcode)[0]
    page.get_by_text(f"{doctor['name']} — {doctor['address']}", exact=True).click()
    click(page, "ss_next_", expect=i18n.translate(lang, "borger.check_answers_hint"))  # 5 doctor
    screenshot(page, f"borger-moving-check-{lang}-{size[0]}")
    click(page, "ss_send", expect=i18n.translate(lang, "borger.receipt_title"))
    body = page.inner_text("body")
    stored = cases.submissions(Store(app_server.db_url), visit_id, "moving")
    assert len(stored) == 1 and stored[0]["receipt_no"] in body
    screenshot(page, f"borger-moving-receipt-{lang}-{size[0]}")

    letters = postbox.list_letters(Store(app_server.db_url), visit_id)
    assert {"moving_confirmation", "moving_health_card"} <= {letter["template"] for letter in letters}
    confirmation = next(letter for letter in letters if letter["template"] == "moving_confirmation")
    assert confirmation["params"]["new_address"] == f"Nørregade 5, {new_postcode} {new_town}"
    assert confirmation["params"]["moving_date"] == moving_date.isoformat()

    page.goto(f"{app_server.url}/overblik?lang={lang}&v={visit_id}")
    wait_for_app(page)
    assert_no_exception(page)
    body = page.inner_text("body")
    assert f"Nørregade 5, {new_postcode} {new_town}" in body and doctor["name"] in body
    assert persona["address_line1"] not in body or persona["address_line1"].startswith("Nørregade 5")
    screenshot(page, f"borger-overblik-after-move-{lang}-{size[0]}")
