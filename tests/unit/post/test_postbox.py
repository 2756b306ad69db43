"""The mailbox rules: folders, moves, delete/restore, counts, notices, views, filter/search, writing, isolation."""
import datetime as dt
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulators.post import compose as post_compose
from simulators.post import letters
from simulators.post import views as post_views
from simulators.post import postbox
from simulators.core import visits
from simulators.core.store import Store

PERSONA = {"person_id": 3, "full_name": "Mette Nørgaard", "first_name": "Mette", "last_name": "Nørgaard",
           "address_line1": "Vestergade 3", "address_line2": "5000 Odense C", "municipality": "Odense",
           "region": "Region Syddanmark"}
PDF = b"%PDF-1.4\n%fake but well-formed enough\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100


@pytest.fixture
def store():
    return Store()


@pytest.fixture
def visit_id(store):
    return visits.create(store, "en", "explore", persona_id=3).visit_id


def deliver(store, visit_id, template="life_health_card", params=None, origin="action", when="2025-01-02T08:00:00"):
    return postbox.deliver(store, visit_id, [{"template": template, "params": params or {}, "date": when}],
                           origin=origin)[0]


def test_deliver_and_list_newest_first(store, visit_id):
    old = deliver(store, visit_id, when="2024-01-01T08:00:00")
    new = deliver(store, visit_id, when="2025-01-01T08:00:00")
    assert [l["letter_id"] for l in postbox.list_letters(store, visit_id)] == [new["letter_id"], old["letter_id"]]
    assert postbox.unread_counts(postbox.list_letters(store, visit_id)) == {"inbox": 2}


def test_letters_of_one_visit_never_show_in_another(store, visit_id):
    other = visits.create(store, "en", "explore", persona_id=4).visit_id
    letter = deliver(store, visit_id)
    assert postbox.list_letters(store, other) == []
    assert postbox.get_letter(store, other, letter["letter_id"]) is None
    assert postbox.move(store, other, letter["letter_id"], "archive") == "post.error.letter_unknown"
    assert not postbox.delete(store, other, letter["letter_id"])
    assert postbox.mark_read(store, other, letter["letter_id"]) is None
    assert postbox.get_letter(store, visit_id, letter["letter_id"])["folder"] == "inbox"


def test_reset_deletes_letters_folders_and_seed_marker(store, visit_id):
    deliver(store, visit_id)
    postbox.create_folder(store, visit_id, "Skat")
    store.put("post_seed", visit_id, {"count": 1}, visit_id=visit_id)
    visits.end(store, visit_id)
    assert postbox.list_letters(store, visit_id) == []
    assert store.find(postbox.FOLDER_KIND, visit_id=visit_id) == []
    assert store.get("post_seed", visit_id) is None


def test_own_folders_are_validated(store, visit_id):
    folder, error = postbox.create_folder(store, visit_id, "  Skat   og  bolig ")
    assert error is None and folder["name"] == "Skat og bolig"
    assert postbox.create_folder(store, visit_id, "skat OG bolig") == (None, "post.error.folder_exists")
    assert postbox.create_folder(store, visit_id, "   ") == (None, "post.error.folder_name_empty")
    assert postbox.create_folder(store, visit_id, "x" * 41) == (None, "post.error.folder_name_too_long")
    for n in range(postbox.MAX_OWN_FOLDERS - 1):
        assert postbox.create_folder(store, visit_id, f"F{n}")[1] is None
    assert postbox.create_folder(store, visit_id, "one too many") == (None, "post.error.too_many_folders")
    ids = [f["id"] for f in postbox.folders(store, visit_id)]
    assert ids[:4] == list(postbox.SYSTEM_FOLDERS) and len(ids) == 4 + postbox.MAX_OWN_FOLDERS


def test_move_delete_restore_and_purge(store, visit_id):
    letter = deliver(store, visit_id)
    folder, _ = postbox.create_folder(store, visit_id, "Sundhed")
    lid = letter["letter_id"]
    assert postbox.move(store, visit_id, lid, "sent") == "post.error.move_not_allowed"
    assert postbox.move(store, visit_id, lid, "deleted") == "post.error.move_not_allowed"
    assert postbox.move(store, visit_id, lid, "nowhere") == "post.error.move_not_allowed"
    assert postbox.move(store, visit_id, lid, folder["id"]) is None
    assert postbox.purge(store, visit_id, lid) is False  # only from Deleted
    assert postbox.delete(store, visit_id, lid)
    assert postbox.get_letter(store, visit_id, lid)["folder"] == "deleted"
    assert postbox.restore(store, visit_id, lid) == folder["id"]  # back where it was
    assert postbox.delete(store, visit_id, lid)
    assert postbox.delete_folder(store, visit_id, folder["id"])
    assert postbox.restore(store, visit_id, lid) == "inbox"  # its folder is gone
    assert postbox.restore(store, visit_id, lid) is None  # not in Deleted any more
    assert postbox.delete(store, visit_id, lid) and postbox.purge(store, visit_id, lid)
    assert postbox.get_letter(store, visit_id, lid) is None


def test_deleting_a_folder_returns_its_letters_home(store, visit_id):
    letter = deliver(store, visit_id)
    folder, _ = postbox.create_folder(store, visit_id, "Old")
    postbox.move(store, visit_id, letter["letter_id"], folder["id"])
    other = visits.create(store, "en", "explore").visit_id
    assert not postbox.delete_folder(store, other, folder["id"])
    assert postbox.delete_folder(store, visit_id, folder["id"])
    assert postbox.get_letter(store, visit_id, letter["letter_id"])["folder"] == "inbox"


def test_read_state_and_counts(store, visit_id):
    a, b = deliver(store, visit_id), deliver(store, visit_id)
    postbox.mark_read(store, visit_id, a["letter_id"])
    postbox.move(store, visit_id, b["letter_id"], "archive")
    assert postbox.unread_counts(postbox.list_letters(store, visit_id)) == {"archive": 1}
    postbox.mark_read(store, visit_id, a["letter_id"], False)
    assert postbox.unread_counts(postbox.list_letters(store, visit_id)) == {"archive": 1, "inbox": 1}


def test_notices_announce_each_new_action_letter_once(store, visit_id):
    deliver(store, visit_id, origin="life")
    first = deliver(store, visit_id, when="2025-02-01T08:00:00")
    read = deliver(store, visit_id)
    postbox.mark_read(store, visit_id, read["letter_id"])
    pending = postbox.pending_notices(store, visit_id)
    assert [l["letter_id"] for l in pending] == [first["letter_id"]]
    postbox.mark_notified(store, visit_id, [first["letter_id"]])
    assert postbox.pending_notices(store, visit_id) == []
    later = deliver(store, visit_id)
    assert [l["letter_id"] for l in postbox.pending_notices(store, visit_id)] == [later["letter_id"]]


def test_views_render_in_each_language_with_the_persona(store, visit_id):
    letter = deliver(store, visit_id, "life_daycare_offer", {"child_name": "Ida", "start_date": "2025-08-01"})
    da = post_views.render(letter, "da", PERSONA)
    de = post_views.render(letter, "de", PERSONA)
    assert da["party_name"] == "Odense Kommune" and de["party_name"] == "Kommune Odense"
    assert "Ida" in da["subject"] and "1. august 2025" in da["body"] and "Mette Nørgaard" in da["body"]
    assert da["replyable"] and da["attachment"] and da["attachment_file"].endswith("2025-01-02.pdf")


def _views(*specs):
    return [{"letter_id": str(i), "subject": s, "body": b, "party_name": p, "date": dt.datetime(2025, 1, 1 + i)}
            for i, (s, b, p) in enumerate(specs)]


def test_filter_by_sender_and_search_all_words():
    views = _views(("Årsopgørelse 2024", "Din indkomst", "Skattestyrelsen"),
                   ("Indkaldelse", "Ortopædkirurgisk ambulatorium", "Region Syddanmark – hospitalet"),
                   ("Din årsoversigt", "renter", "Eksempelbanken A/S (fiktiv)"))
    assert post_views.party_options(views)[0] == "Eksempelbanken A/S (fiktiv)"
    assert [v["letter_id"] for v in post_views.filter_views(views, "Skattestyrelsen")] == ["0"]
    assert [v["letter_id"] for v in post_views.filter_views(views, query="ÅRSOPGØRELSE")] == ["0"]
    assert [v["letter_id"] for v in post_views.filter_views(views, query="din")] == ["2", "0"]
    assert post_views.filter_views(views, query="din ambulatorium") == []
    assert post_views.filter_views(views, "Skattestyrelsen", "renter") == []


@given(st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=15), st.integers(-3, 10))
@settings(max_examples=60, deadline=None)
def test_paging_covers_every_item_once(total, size, number):
    items = list(range(total))
    shown, pages = post_views.page(items, number, size)
    assert pages == max(1, -(-total // size))
    assert shown == items[(min(max(1, number), pages) - 1) * size:][:size]
    assert sum((post_views.page(items, n, size)[0] for n in range(1, pages + 1)), []) == items


def test_validation_returns_keys_for_every_rule():
    ok = post_compose.validate("skattestyrelsen", "Spørgsmål", "Hej")
    assert ok == []
    keys = [k for k, _ in post_compose.validate(None, "  ", "")]
    assert keys == ["post.error.recipient_missing", "post.error.subject_empty", "post.error.body_empty"]
    assert post_compose.validate("bank", "a", "b")[0][0] == "post.error.recipient_missing"  # private: not here
    long = post_compose.validate("kommune", "x" * 101, "y" * 5001)
    assert long == [("post.error.subject_too_long", {"max": 100, "length": 101}),
                    ("post.error.body_too_long", {"max": 5000, "length": 5001})]
    assert post_compose.validate("kommune", "x" * 100, "y" * 5000) == []


@pytest.mark.parametrize("name,data,key", [
    ("brev.pdf", PDF, None), ("foto.PNG", PNG, None), ("scan.jpg", b"\xff\xd8\xff\xe0rest", None),
    ("virus.exe", b"MZ", "post.error.file_type"), ("noext", PDF, "post.error.file_type"),
    ("empty.pdf", b"", "post.error.file_empty"), ("fake.pdf", b"<html>", "post.error.file_content"),
    ("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "post.error.file_too_large"),
])
def test_attachments_are_checked_by_type_content_and_size(name, data, key):
    errors = post_compose.validate_attachment(name, data)
    assert (errors[0][0] if errors else None) == key


def test_send_puts_the_message_in_sent_and_an_acknowledgement_in_the_inbox(store, visit_id):
    errors, sent, ack = post_compose.send(store, visit_id, "region", " Min tid ", "<script>alert(1)</script>",
                                          ("brev.pdf", PDF), now=dt.datetime(2025, 3, 1, 10, 0))
    assert errors == []
    assert sent["folder"] == "sent" and sent["read"] and sent["upload"] == {"name": "brev.pdf",
                                                                            "type": "application/pdf",
                                                                            "size": len(PDF)}
    assert ack["folder"] == "inbox" and ack["sender"] == "region" and ack["thread_id"] == sent["thread_id"]
    view = post_views.render(sent, "en", PERSONA)
    assert view["outgoing"] and view["body"] == "<script>alert(1)</script>" and view["subject"] == "Min tid"
    assert view["party_name"] == "Region Syddanmark – hospital"
    ack_view = post_views.render(ack, "da", PERSONA)
    assert ack_view["subject"] == "Vi har modtaget din besked" and "»Min tid«" in ack_view["body"]
    assert postbox.move(store, visit_id, sent["letter_id"], "inbox") == "post.error.move_not_allowed"
    assert postbox.move(store, visit_id, sent["letter_id"], "archive") is None
    assert postbox.delete(store, visit_id, sent["letter_id"])
    assert postbox.restore(store, visit_id, sent["letter_id"]) == "archive"


def test_invalid_messages_store_nothing(store, visit_id):
    errors, sent, ack = post_compose.send(store, visit_id, "kommune", "", "text")
    assert [k for k, _ in errors] == ["post.error.subject_empty"] and sent is None and ack is None
    assert postbox.list_letters(store, visit_id) == []


def test_reply_goes_to_the_sender_and_only_where_allowed(store, visit_id):
    offer = deliver(store, visit_id, "life_daycare_offer",
                    {"child_name": "Ida", "start_date": "2025-08-01", "municipality": "Vejle"})
    errors, sent, ack = post_compose.send(store, visit_id, None, "Sv: Tilbud", "Ja tak", reply_to=offer["letter_id"])
    assert errors == [] and sent["recipient"] == "kommune" and sent["in_reply_to"] == offer["letter_id"]
    assert post_views.render(ack, "da", PERSONA)["party_name"] == "Vejle Kommune"  # the letter's, not the persona's
    welcome = deliver(store, visit_id, "life_mitid_switch")
    errors, sent, _ = post_compose.send(store, visit_id, None, "Re", "x", reply_to=welcome["letter_id"])
    assert errors == [("post.error.not_replyable", {})] and sent is None
    other = visits.create(store, "en", "explore").visit_id
    assert post_compose.send(store, other, None, "Re", "x", reply_to=offer["letter_id"])[0][0][0] == \
        "post.error.not_replyable"


def test_reply_subject_has_one_prefix_and_fits():
    assert post_compose.reply_subject("Tilbud", "da") == "Sv: Tilbud"
    assert post_compose.reply_subject("Sv: Tilbud", "da") == "Sv: Tilbud"
    assert post_compose.reply_subject("x" * 100, "de").startswith("AW: ")
    assert len(post_compose.reply_subject("x" * 100, "en")) == post_compose.SUBJECT_MAX


def test_recipients_are_public_authorities_grouped_like_borger_dk():
    found = post_compose.recipients()
    assert "bank" not in found and "forsikring" not in found
    groups = [post_compose.group_key(a) for a in found]
    assert groups == sorted(groups, key=list(post_compose.GROUP_KEYS.values()).index)
    assert {"skattestyrelsen", "kommune", "region"} <= set(found)


def test_every_stored_letter_survives_a_new_store_object(visit_id):
    letter = deliver(Store(), visit_id)
    postbox.mark_read(Store(), visit_id, letter["letter_id"])
    assert postbox.get_letter(Store(), visit_id, letter["letter_id"])["read"] is True
    assert uuid.UUID(letter["letter_id"])


def test_one_notice_per_sender():
    """Issue #15: the moving flow's two letters from the municipality gave two identical "simulated SMS" toasts
    stacked over the banner; the service notifies once per sender (seen failing before the fix: one per letter)."""
    pending = [{"sender": "kommune", "id": 1}, {"sender": "region", "id": 2}, {"sender": "kommune", "id": 3}]
    assert postbox.notices_by_sender(pending, lambda letter: letter["sender"].title()) == [("Kommune", 2),
                                                                                          ("Region", 1)]
    assert postbox.notices_by_sender([], str) == []


def test_a_remembered_view_follows_the_letter_the_language_and_the_persona(store, visit_id):
    """The mailbox's views are remembered (issue #18); what changes a view still shows at once."""
    letter = deliver(store, visit_id, "life_daycare_offer",
                     {"child_name": "Ida", "start_date": "2025-08-01", "municipality": "Vejle"})
    first = post_views.render(letter, "da", PERSONA)
    first["subject"] = "changed by a caller"  # a caller's change stays with the caller
    again = post_views.render(letter, "da", PERSONA)
    assert again["subject"] != "changed by a caller" and again == post_views._render(
        letter, "da", post_views.letter_values(letter, PERSONA))
    assert post_views.render({**letter, "read": True}, "da", PERSONA)["read"] is True
    assert post_views.render(letter, "de", PERSONA)["subject"] != again["subject"]
    moved = {**PERSONA, "municipality": "Aarhus"}
    assert post_views.render({**letter, "params": {"child_name": "Ida", "start_date": "2025-08-01"}}, "da",
                             moved)["party_name"] == "Aarhus Kommune"


@pytest.mark.parametrize("template_id", sorted(letters.templates()))
def test_a_headline_is_the_full_view_without_its_text(template_id):
    """The mailbox list renders headlines (issue #18): the same view, body None, in every language."""
    from tests.unit.post.test_letters import sample_params

    letter = {"letter_id": "x1", "template": template_id, "params": sample_params(template_id),
              "sender": letters.templates()[template_id].get("sender", ""), "date": "2025-03-04T10:00:00",
              "folder": "inbox", "read": False, "replyable": False, "attachment": False, "origin": "life"}
    for lang in ("da", "de", "en"):
        full, headline = post_views.render(letter, lang, PERSONA), post_views.render(letter, lang, PERSONA, body=False)
        assert headline["body"] is None and full["body"]
        assert {**full, "body": None} == headline


def test_a_search_needs_the_bodies_and_a_headline_says_so():
    headline = {**_views(("Årsopgørelse", "Din indkomst", "Skattestyrelsen"))[0], "body": None}
    assert post_views.needs_body("  indkomst ") and not post_views.needs_body("   ") and not post_views.needs_body(None)
    assert post_views.filter_views([headline], query=" ") == [headline]
    with pytest.raises(ValueError):
        post_views.filter_views([headline], query="indkomst")
