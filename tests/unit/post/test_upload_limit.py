"""The attachment limit holds on the server, not only in the browser (issue #17, finding 3): Streamlit's
``server.maxUploadSize`` (MB, .streamlit/config.toml) equals ``simulators.post.compose.FILE_MAX_MB``, and the
message's subject and text limits are enforced by ``compose.send`` whatever the widget let through.

Seen failing on main before the fix: ``test_server_upload_limit_is_the_attachment_limit`` (no maxUploadSize:
Streamlit's default of 200 MB). ``test_send_refuses_oversized_text_and_stores_nothing`` passed on main already
(the compose rules were server-side); it pins them.
"""
from __future__ import annotations

import tomllib
import uuid

from simulators.core.paths import ROOT
from simulators.core.store import Store
from simulators.post import compose, postbox


def test_server_upload_limit_is_the_attachment_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == compose.FILE_MAX_MB


def test_send_refuses_oversized_text_and_stores_nothing(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/compose.db")
    visit_id = uuid.uuid4().hex
    recipient = compose.recipients()[0]
    errors, sent, ack = compose.send(store, visit_id, recipient, "x" * 1_000_000, "y" * 1_000_000)
    assert [key for key, _ in errors] == ["post.error.subject_too_long", "post.error.body_too_long"]
    assert (sent, ack) == (None, None)
    assert postbox.list_letters(store, visit_id) == []
    big = b"%PDF-" + b"0" * (compose.FILE_MAX_BYTES + 1)
    errors, sent, _ = compose.send(store, visit_id, recipient, "Hej", "Hej", ("a.pdf", big))
    assert [key for key, _ in errors] == ["post.error.file_too_large"] and sent is None
