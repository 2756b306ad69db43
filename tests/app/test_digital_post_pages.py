"""Digital Post in AppTest: inbox, open, move, delete and restore, reply and new message, in all three languages."""
import pytest

from simulators.core import clock
from simulators.core import i18n
from simulators.post import letters
from simulators.post import postbox
from simulators.core.store import Store
from tests.helpers.apptest import LANGS, log_in, make_app, no_exception, start_visit, visit_of
from tests.helpers.mailbox import folder_labels, open_folder, open_row, row_ids
from tests.helpers.visits import write_persona
from ui.post import mailbox_list as post_list

PAGE = "pages/digital_post.py"
XSS = "<script>alert(1)</script>"


def mailbox(lang: str):
    at = make_app(lang)
    start_visit(at)
    log_in(at)
    at.switch_page(PAGE).run()
    no_exception(at)
    return at


def html_text(at) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def letters_of(at, folder=None):
    return postbox.list_letters(Store(), visit_of(at).visit_id, folder)


def persona_of(at) -> dict:
    from simulators.population.persona import persona_record
    from ui.shell.resources import population

    return persona_record(population(), int(visit_of(at).persona_id))


def keys(at) -> set[str]:
    return {w.key for kind in ("text_input", "button") for w in at.get(kind) if w.key}


def open_new_folder(at):
    at.session_state["post_new_folder"] = True  # what a tap on "New folder" sends
    at.run()
    no_exception(at)
    return at


def click(at, key):
    at.button(key=key).click().run()
    no_exception(at)
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_inbox_shows_the_life_in_letters_with_unread_count(lang):
    at = mailbox(lang)
    assert at.title[0].value == i18n.translate(lang, "post.title")
    inbox = letters_of(at, "inbox")
    assert len(inbox) >= 3
    unread = sum(not letter["read"] for letter in inbox)
    assert unread >= 1
    label = folder_labels(at)["inbox"]
    assert i18n.translate(lang, "post.folder.inbox") in label and f"({unread})" in label
    assert len(row_ids(at)) == min(len(inbox), post_list.PAGE_SIZE)
    assert row_ids(at)[0] == inbox[0]["letter_id"]  # newest first


@pytest.mark.parametrize("lang", LANGS)
def test_open_a_letter_marks_it_read_and_shows_sender_date_text(lang):
    at = mailbox(lang)
    newest = letters_of(at, "inbox")[0]
    open_row(at, newest["letter_id"])
    assert postbox.get_letter(Store(), visit_of(at).visit_id, newest["letter_id"])["read"] is True
    assert 'data-testid="dds-letter"' in html_text(at)
    assert any(i18n.translate(lang, "post.letter.from") in md.value for md in at.markdown)
    if lang != "da":  # a German or English letter offers its Danish original beside it
        at.toggle(key="post_show_danish").set_value(True).run()
    assert html_text(at).count('data-testid="dds-letter"') == (1 if lang == "da" else 2)
    assert (i18n.translate(lang, "post.letter.danish_original") in html_text(at)) is (lang != "da")
    click(at, "post_back")
    assert row_ids(at)


@pytest.mark.parametrize("lang", LANGS)
def test_move_delete_and_restore(lang):
    at = mailbox(lang)
    letter = letters_of(at, "inbox")[0]
    open_row(at, letter["letter_id"])
    at.selectbox(key="post_move_target").set_value("archive")
    click(at, "post_move_do")
    assert at.success[0].value == i18n.translate(lang, "post.flash.moved")
    assert [l["letter_id"] for l in letters_of(at, "archive")] == [letter["letter_id"]]
    open_folder(at, "archive")
    open_row(at, letter["letter_id"])
    click(at, "post_delete")
    assert at.success[0].value == i18n.translate(lang, "post.flash.deleted")
    open_folder(at, "deleted")
    assert row_ids(at) == [letter["letter_id"]]
    open_row(at, letter["letter_id"])
    click(at, "post_restore")
    assert [l["letter_id"] for l in letters_of(at, "archive")] == [letter["letter_id"]]
    assert letters_of(at, "deleted") == []


@pytest.mark.parametrize("lang", LANGS)
def test_own_folder_and_mark_unread(lang):
    at = mailbox(lang)
    assert "post_new_folder_name" not in keys(at)
    open_new_folder(at)  # its name box is drawn only while the popover is open (issue #18)
    at.text_input(key="post_new_folder_name").set_value("Skat & bolig")
    click(at, "post_new_folder_create")
    own = [f for f in postbox.folders(Store(), visit_of(at).visit_id) if not f["system"]]
    assert [f["name"] for f in own] == ["Skat & bolig"]
    assert at.pills(key=post_list.FOLDERS_KEY).value == own[0]["id"]  # we are in it now (chosen in the bar)
    assert at.session_state["post_new_folder"] is False and "post_new_folder_name" not in keys(at)  # closed
    open_folder(at, "inbox")
    letter = letters_of(at, "inbox")[0]
    open_row(at, letter["letter_id"])
    click(at, "post_mark_unread")
    assert postbox.get_letter(Store(), visit_of(at).visit_id, letter["letter_id"])["read"] is False


def deliver_offer(at):
    return postbox.deliver(Store(), visit_of(at).visit_id, [{
        "template": "life_daycare_offer", "params": {"child_name": "Ida", "start_date": "2027-02-01"}}])[0]


@pytest.mark.parametrize("lang", LANGS)
def test_reply_lands_in_sent_shows_typed_markup_as_text_and_is_acknowledged(lang):
    at = mailbox(lang)
    offer = deliver_offer(at)
    at.run()
    open_row(at, offer["letter_id"])
    click(at, "post_reply")
    assert at.text_input(key="post_compose_subject").value.startswith(post_reply_prefix(lang))
    at.text_area(key="post_compose_body").set_value(f"Tak. {XSS}")
    at.button(key="post_compose_send").click().run()
    no_exception(at)
    assert at.success[0].value == i18n.translate(lang, "post.flash.sent")
    sent = letters_of(at, "sent")
    assert len(sent) == 1 and sent[0]["body_text"] == f"Tak. {XSS}" and sent[0]["in_reply_to"] == offer["letter_id"]
    assert letters_of(at, "inbox")[0]["template"] == "post_ack"
    open_row(at, sent[0]["letter_id"])
    page = html_text(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and XSS not in page


def post_reply_prefix(lang):
    return {"da": "Sv:", "de": "AW:", "en": "Re:"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_new_message_with_attachment_and_validation_in_the_visitors_language(lang):
    at = mailbox(lang)
    click(at, "post_write_new")
    at.text_input(key="post_compose_subject").set_value("x" * 101)
    at.text_area(key="post_compose_body").set_value("Hej")
    at.button(key="post_compose_send").click().run()
    errors = [e.value for e in at.error]
    assert i18n.translate(lang, "post.error.recipient_missing") in errors
    assert i18n.translate(lang, "post.error.subject_too_long", length="101", max="100") in errors
    assert letters_of(at, "sent") == []
    at.selectbox(key="post_compose_recipient").set_value("skattestyrelsen")
    at.text_input(key="post_compose_subject").set_value("Spørgsmål om årsopgørelsen")
    at.file_uploader(key="post_compose_file").upload("bilag.pdf", b"%PDF-1.4\nbilag\n")
    at.button(key="post_compose_send").click().run()
    no_exception(at)
    sent = letters_of(at, "sent")
    assert [(s["recipient"], s["subject_text"], s["upload"]["name"]) for s in sent] == \
        [("skattestyrelsen", "Spørgsmål om årsopgørelsen", "bilag.pdf")]
    ack = letters_of(at, "inbox")[0]
    assert ack["template"] == "post_ack" and ack["sender"] == "skattestyrelsen"


def test_a_fake_pdf_is_refused_with_a_clear_message():
    at = mailbox("de")
    click(at, "post_write_new")
    at.selectbox(key="post_compose_recipient").set_value("kommune")
    at.text_input(key="post_compose_subject").set_value("Anlage")
    at.text_area(key="post_compose_body").set_value("Siehe Anlage")
    at.file_uploader(key="post_compose_file").upload("scan.pdf", b"<html>not a pdf</html>")
    at.button(key="post_compose_send").click().run()
    assert i18n.translate("de", "post.error.file_content", ext="PDF") in [e.value for e in at.error]
    assert letters_of(at, "sent") == []


@pytest.mark.parametrize("lang", LANGS)
def test_new_action_letter_is_announced_once(lang):
    at = mailbox(lang)
    offer = deliver_offer(at)
    at.run()
    sender = letters.sender_name("kommune", lang, {"municipality": persona_of(at)["municipality"]})
    assert [t.value for t in at.toast] == [i18n.translate(lang, "post.notice.toast", sender=sender)]
    assert postbox.get_letter(Store(), visit_of(at).visit_id, offer["letter_id"])["notified"] is True
    at.run()
    assert not at.toast


def test_letters_and_their_state_survive_a_reload_and_stay_in_their_visit():
    at = mailbox("en")
    letter = letters_of(at, "inbox")[0]
    open_row(at, letter["letter_id"])
    visit_id = visit_of(at).visit_id
    again = make_app("en", v=visit_id)
    again.switch_page(PAGE).run()
    no_exception(again)
    assert letter["letter_id"] in row_ids(again)
    assert postbox.get_letter(Store(), visit_id, letter["letter_id"])["read"] is True
    other = mailbox("en")
    assert letter["letter_id"] not in row_ids(other)


def test_exempt_persona_is_told_that_post_comes_on_paper():
    from simulators.population.persona import persona_record
    from ui.shell.resources import population

    people = population()
    exempt_id = int(people.loc[people["digital_post_exempt"] & (people["age"] >= 20), "person_id"].iloc[0])
    at = make_app("en")
    start_visit(at)
    write_persona(Store(), visit_of(at).visit_id, exempt_id)
    log_in(at)
    at.switch_page(PAGE).run()
    no_exception(at)
    name = letters.escape_markdown(persona_record(people, exempt_id)["full_name"])
    assert any(name in w.value and "exempt" in w.value for w in at.warning)
    letter = letters_of(at, "inbox")[0]
    open_row(at, letter["letter_id"])
    assert i18n.translate("en", "post.letter.paper_copy") in [i.value for i in at.info]


@pytest.mark.parametrize("mode", ["kiosk", "presenter"])
def test_mailbox_works_in_the_other_modes(mode):
    at = make_app("da", mode)
    start_visit(at)
    log_in(at)
    at.switch_page(PAGE).run()
    no_exception(at)
    assert row_ids(at)
    open_row(at, row_ids(at)[0])
    assert 'data-testid="dds-letter"' in html_text(at)


def test_without_login_the_mailbox_asks_to_log_in():
    at = make_app("en")
    start_visit(at)
    at.switch_page(PAGE).run()
    no_exception(at)
    assert i18n.translate("en", "guard.login_first") in [i.value for i in at.info]
    assert not row_ids(at)


def test_a_run_of_the_mailbox_reads_the_visit_s_letters_once(monkeypatch):
    """The notice reads them and hands them to the list (issue #18): one store read a run, not two."""
    at = mailbox("de")
    reads = []
    original = postbox.list_letters
    monkeypatch.setattr(postbox, "list_letters", lambda *args, **kwargs: reads.append(args) or original(*args, **kwargs))
    at.run()
    no_exception(at)
    assert len(reads) == 1
    assert len(row_ids(at)) == min(len(letters_of(at, "inbox")), post_list.PAGE_SIZE)


def test_the_receipt_s_link_opens_its_letter_and_the_inbox_count_drops_in_the_same_run():
    """?letter=<id> marks the letter read after the notice read the letters: the folder bar counts it as read."""
    at = mailbox("en")
    inbox = letters_of(at, "inbox")
    unread = [letter for letter in inbox if not letter["read"]]
    assert unread
    at.query_params["letter"] = unread[0]["letter_id"]
    at.run()
    no_exception(at)
    assert postbox.get_letter(Store(), visit_of(at).visit_id, unread[0]["letter_id"])["read"] is True
    label = folder_labels(at)["inbox"]
    assert (f"({len(unread) - 1})" in label) if len(unread) > 1 else "(" not in label


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_word_only_the_letter_s_text_has(lang):
    """The list shows headlines (subject, no text: issue #18); a search still reads every letter's text."""
    from simulators.post import views as post_views

    at = mailbox(lang)
    inbox = letters_of(at, "inbox")
    full = [post_views.render(letter, lang, persona_of(at)) for letter in inbox]
    headings = " ".join(f"{v['subject']} {v['party_name']}" for v in full).casefold()
    def having(word: str) -> list[str]:
        return [v["letter_id"] for v in full if word.casefold() in v["body"].casefold()]

    words = {w for v in full for w in v["body"].split() if len(w) > 6 and w.isalpha() and w.casefold() not in headings}
    word = min(sorted(words), key=lambda w: len(having(w)))  # the rarest: its letters fit on one page
    at.text_input(key="post_search").set_value(word).run()
    no_exception(at)
    assert 1 <= len(having(word)) <= post_list.PAGE_SIZE
    assert sorted(row_ids(at)) == sorted(having(word))
    at.text_input(key="post_search").set_value("").run()
    assert len(row_ids(at)) == min(len(inbox), post_list.PAGE_SIZE)


def test_the_list_pages_through_the_folder_newest_first():
    """PAGE_SIZE rows a page; the pager's next and previous show every letter once, in date order."""
    at = mailbox("de")
    size = post_list.PAGE_SIZE
    for day in range(1, 2 * size + 2 - len(letters_of(at, "inbox"))):  # at least two pages and a bit, any persona
        postbox.deliver(Store(), visit_of(at).visit_id, [{"template": "life_health_card", "params": {},
                                                          "date": f"2020-01-{day:02d}T08:00:00"}], origin="life")
    at.run()
    inbox = letters_of(at, "inbox")  # newest first
    pages = -(-len(inbox) // size)
    seen = []
    for number in range(1, pages + 1):
        assert i18n.translate("de", "post.list.page", page=number, pages=pages) in [c.value for c in at.caption]
        seen += row_ids(at)
        assert at.button(key="post_page_next").disabled is (number == pages)
        if number < pages:
            click(at, "post_page_next")
    assert seen == [letter["letter_id"] for letter in inbox]
    click(at, "post_page_prev")
    assert row_ids(at) == seen[(pages - 2) * size:(pages - 1) * size]


def test_a_visit_begun_without_its_letters_gets_them_at_the_first_open_and_the_store_is_asked_once(monkeypatch):
    """A visit stored without its life letters (as another replica or an older version left it) is seeded on its
    first mailbox run; after that, runs of the same visit do not ask the store again (issue #18)."""
    from simulators.post import life_letters

    at = make_app("de")
    start_visit(at)
    log_in(at)
    visit_id = visit_of(at).visit_id
    store = Store()
    for letter in postbox.list_letters(store, visit_id):
        store.delete(postbox.KIND, letter["letter_id"])
    store.delete(life_letters.SEED_KIND, visit_id)
    asked = []
    original = life_letters.is_seeded
    monkeypatch.setattr(life_letters, "is_seeded", lambda *args: asked.append(args) or original(*args))
    at.switch_page(PAGE).run()
    no_exception(at)
    assert life_letters.is_seeded(store, visit_id) and len(letters_of(at, "inbox")) >= 3
    assert row_ids(at)
    asked.clear()
    at.run()
    at.run()
    no_exception(at)
    assert asked == []
    assert row_ids(at)


def test_the_list_does_not_read_an_open_letter_when_none_is_open(monkeypatch):
    at = mailbox("en")
    reads = []
    original = postbox.get_letter
    monkeypatch.setattr(postbox, "get_letter", lambda *args: reads.append(args) or original(*args))
    at.run()
    no_exception(at)
    assert reads == [] and row_ids(at)
    newest = letters_of(at, "inbox")[0]
    open_row(at, newest["letter_id"])
    assert {args[2] for args in reads} == {newest["letter_id"]}  # the callback marks it read, the page shows it
    assert 'data-testid="dds-letter"' in html_text(at)


def test_two_equal_messages_sent_the_same_minute_are_two_rows_each_opening_its_own():
    """The rows are one button group, which tells its options apart by their labels (issue #18): a label that
    repeats gets its number, so a tap on either row opens that message and not the other."""
    from simulators.post import compose
    from ui.post import state as post_state

    at = mailbox("de")
    visit_id = visit_of(at).visit_id
    now = clock.now().replace(second=0, microsecond=0)
    sent = [compose.send(Store(), visit_id, "skattestyrelsen", "Spørgsmål", "Hej", now=now)[1] for _ in range(2)]
    open_folder(at, "sent")
    shown = row_ids(at)
    assert sorted(shown) == sorted(letter["letter_id"] for letter in sent)
    labels = at.pills(key=post_list.LETTERS_KEY).options
    assert len(set(labels)) == 2 and labels[1] == f"{labels[0]} (2)"
    for letter_id in shown:
        open_row(at, letter_id)
        assert at.session_state[post_state.OPEN] == letter_id
        click(at, "post_back")
    assert at.pills(key=post_list.LETTERS_KEY).value is None  # the list shows no row chosen when one comes back
