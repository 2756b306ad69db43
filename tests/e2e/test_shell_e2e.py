"""The shell in a real browser: every page in de, en and da shows the banner, no error, and stays offline."""
import pytest

from simulators.core import i18n
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app
from tests.helpers.e2e_visits import app_population
from tests.helpers.e2e_visits import logged_in_visit as shared_logged_in_visit
from ui.shell.navigation import PAGES

SIZES = {"desktop": (1920, 1080), "phone": (390, 844)}


def logged_in_visit(app_server, lang: str) -> str:
    """A visit with a persona that is logged in, made directly in the app's store."""
    return shared_logged_in_visit(app_server, app_population(), lang, seed=1)[0]


@pytest.mark.parametrize("lang", ["de", "en", "da"])
def test_every_page_has_banner_no_error_and_no_foreign_requests(new_page, app_server, lang):
    visit_id = logged_in_visit(app_server, lang)
    for size_name, (width, height) in SIZES.items():
        page = new_page(width, height, f"/?lang={lang}&v={visit_id}")
        for spec in PAGES:
            if spec.path == "pages/mitid_phone.py":
                continue
            path = "" if spec.default else spec.url_path  # the default page lives at "/"
            page.goto(f"{app_server.url}/{path}?lang={lang}&v={visit_id}")
            wait_for_app(page)
            assert_no_exception(page)
            assert page.get_by_test_id("stDialog").count() == 0, f"{spec.url_path}: a dialog (page not found?)"
            banner = page.get_by_test_id("dds-simulation-banner")
            assert banner.is_visible(), spec.url_path
            assert i18n.translate(lang, "banner.simulation") in banner.inner_text()
            screenshot(page, f"shell-{spec.url_path}-{lang}-{size_name}")
        page.context.close()


def test_start_button_gives_a_persona_card(new_page):
    page = new_page(1920, 1080, "/?lang=en")
    page.get_by_role("button", name=i18n.translate("en", "welcome.start")).click()
    wait_for_app(page)
    assert_no_exception(page)
    assert page.get_by_text(i18n.translate("en", "persona.fictitious")).first.is_visible()
    screenshot(page, "welcome-persona-en-desktop")


def test_language_switch_and_mode_survive_page_changes(new_page, app_server):
    page = new_page(1920, 1080, "/?lang=de&mode=presenter")
    page.locator(".st-key-header_lang_choice").get_by_role("radio", name="Dansk").click()
    wait_for_app(page)
    assert "lang=da" in page.url
    page.get_by_test_id("stTopNavLinkContainer").filter(has_text=i18n.translate("da", "nav.about")).first.click()
    wait_for_app(page)
    assert page.get_by_role("heading", name=i18n.translate("da", "about.title")).is_visible()
    assert "lang=da" in page.url and "mode=presenter" in page.url  # kept in the URL, so a reload keeps them
    page.reload()
    wait_for_app(page)
    assert page.get_by_role("heading", name=i18n.translate("da", "about.title")).is_visible()
    assert i18n.translate("da", "mode.presenter") in page.get_by_test_id("dds-simulation-banner").inner_text()


def test_browser_language_is_the_default(new_page, app_server):
    page = new_page(1920, 1080, "/", locale="da-DK")
    assert page.get_by_role("heading", name=i18n.translate("da", "welcome.title")).is_visible()
