"""The whole journey by keyboard alone (issue #17, accessibility): welcome → Start → MitID login with the
on-screen phone → the library flow → Send → Digital Post → a letter opened. Only key presses — Tab, Shift+Tab,
Enter, Space, typing into the focused field, and inside a radio group its arrow keys — never a click or
element.click(). Every stop the journey lands on must show where the focus is. Prints the number of presses.

The arrow keys: Streamlit's segmented control (the MitID channel: QR code / 4-digit code / on-screen phone) is a
WAI-ARIA radio group, as a native radio group is — Tab enters it at the chosen option and leaves it, the arrows
move between options (react-aria manages that focus; the app cannot change it). Choosing the on-screen phone
takes two ArrowRight presses; they are counted apart. borger.dk's service tiles are such a group too (one st.pills,
issue #18): the library is reached with the arrows.

Seen failing before the fix (the keys reached every control, 100 presses): the top navigation, the page links
("Open Digital Post"), the page itself, text fields, the select box, the checkboxes and the swipe slider took the
focus with no visible indicator, and heading anchors took it while invisible.
"""
from __future__ import annotations

from simulators.core import i18n
from tests.helpers.mailbox import ROWS
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app

MAX_TABS = 60  # per target: more means the control cannot be reached in any reasonable way
# Whether the focused element shows its focus: an outline or a ring of its own; a checkbox its label's outline,
# a text field, select box or slider its box's outline (both from static/css/shell.css).
FOCUS_SHOWN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'body';
  const visible = el => { const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
    return cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0.5 && r.width > 0 && r.height > 0; };
  const ring = el => { const cs = getComputedStyle(el);
    return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none'; };
  if (e.tagName === 'INPUT' && (e.type === 'checkbox' || e.type === 'radio')) {
    const label = e.closest('label'); return !!label && ring(label) && visible(label); }
  if (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') return visible(e.parentElement) && ring(e.parentElement);
  return visible(e) && ring(e);
}"""
DESCRIBE = """() => { const e = document.activeElement;
  const keyed = e.closest('[class*="st-key-"]'); const key = keyed ? (keyed.className.match(/st-key-\\S+/) || [''])[0] : '';
  return `${e.tagName} ${e.getAttribute('data-testid') || ''} ${key} «${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40)}»`; }"""


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.presses = 0
        self.arrows = 0
        self.unseen: list[str] = []  # stops whose focus did not show

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1

    def focused(self, selector: str) -> bool:
        return self.page.evaluate("s => !!document.activeElement && !!document.activeElement.closest(s) && "
                                  "document.activeElement.matches(s + ', ' + s + ' *')", selector)

    def focused_text(self) -> str:
        return " ".join(self.page.evaluate("() => document.activeElement.innerText").split())

    def tab_to(self, selector: str, backwards: bool = False) -> None:
        """Tab (or Shift+Tab) until the focus is on ``selector``; checks that each stop shows its focus."""
        path = []
        for _ in range(MAX_TABS):
            self.press("Shift+Tab" if backwards else "Tab")
            where = self.page.evaluate(DESCRIBE)
            path.append(where)
            if self.page.evaluate(FOCUS_SHOWN) is False:
                self.unseen.append(where)
            if self.focused(selector):
                return
        raise AssertionError(f"{selector} not reached by keyboard; the focus went: {path}")

    def activate(self, key: str = "Enter") -> None:
        self.press(key)
        self.page.wait_for_timeout(200)
        wait_for_app(self.page)
        assert_no_exception(self.page)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.presses += len(text)


def test_the_whole_journey_by_keyboard(new_page):
    lang = "en"
    page = new_page(1920, 1080, f"/?lang={lang}")
    keys = Keyboard(page)

    keys.tab_to(".st-key-welcome_start button")
    keys.activate()
    page.locator(".st-key-welcome_next button").wait_for()
    keys.tab_to(".st-key-welcome_next button")
    keys.activate()
    page.wait_for_url("**/mitid_login**")

    keys.tab_to(".st-key-mitid_use_demo button")
    keys.activate()
    page.wait_for_function("() => (document.querySelector('.st-key-mitid_user_id input') || {}).value")
    keys.tab_to('[class*="st-key-FormSubmitter-mitid_user_id_form"] button')
    keys.activate()
    channel = '[class*="st-key-mitid_channel_"] [role="radio"]'
    page.locator(channel).first.wait_for()
    keys.tab_to(channel)
    onscreen = i18n.translate(lang, "mitid.channel.onscreen")
    for _ in range(3):  # the radio group's own keys (see the module docstring)
        if keys.focused_text() == onscreen:
            break
        keys.press("ArrowRight")
        keys.arrows += 1
    assert keys.focused_text() == onscreen
    keys.activate("Space")
    page.locator(".st-key-mitid_onscreen_approve button").wait_for()
    screenshot(page, "keyboard-onscreen-phone")
    keys.tab_to(".st-key-mitid_onscreen_approve button")
    keys.activate()
    page.wait_for_url("**/borger**", timeout=15_000)
    wait_for_app(page)

    keys.tab_to(".st-key-bdk_services button")  # the tiles are one group: Tab enters it, the arrows move on
    library = i18n.translate(lang, "flow.library.title")
    for _ in range(8):
        if keys.focused_text() == library:
            break
        keys.press("ArrowRight")
        keys.arrows += 1
    assert keys.focused_text() == library
    keys.activate()
    keys.tab_to(".st-key-bdk_shortcuts_library a")
    keys.activate()
    page.wait_for_url("**/selfservice**")
    wait_for_app(page)
    keys.tab_to('[class*="st-key-ss_library_query_"] input')
    keys.type("Andersen")
    keys.activate()  # Enter in the form's field submits the step
    first_title = '[class*="st-key-ss_library_titles_"] input[type="checkbox"]'
    page.locator(first_title).first.wait_for()
    wait_for_app(page)  # the search's run has finished: Space must not land on a box that is about to be redrawn
    keys.tab_to(first_title)
    wait_for_app(page)  # a run that began meanwhile (the store's wake-up) redraws the list: the key would go nowhere
    if not keys.focused(first_title):  # it did, and took the focus with the old box (seen once in a full run)
        keys.tab_to(first_title)
    keys.activate("Space")
    from playwright.sync_api import expect

    expect(page.locator(first_title).first).to_be_checked(timeout=5000)
    keys.tab_to('[class*="st-key-ss_next_"] button')
    keys.activate()  # on to the pickup library (the persona's own, already chosen)
    page.locator('[class*="st-key-ss_library_pickup_library_"]').wait_for()
    keys.tab_to('[class*="st-key-ss_next_"] button')
    keys.activate()
    keys.tab_to(".st-key-ss_send button")
    keys.activate()
    page.get_by_text(i18n.translate(lang, "borger.receipt_title")).first.wait_for()
    screenshot(page, "keyboard-receipt")

    keys.tab_to('a[data-testid="stPageLink-NavLink"][href*="digital_post"]')
    keys.activate()
    page.wait_for_url("**/digital_post**")
    wait_for_app(page)
    keys.tab_to(ROWS)
    keys.activate()
    letter = page.get_by_test_id("dds-letter")
    letter.first.wait_for()
    screenshot(page, "keyboard-letter")

    print(f"keyboard-only journey: {keys.presses} key presses ({keys.arrows} of them arrow keys in the MitID "
          f"channel's and the service tiles' radio groups), 0 clicks")
    assert keys.unseen == [], f"focus not visible at: {keys.unseen}"
