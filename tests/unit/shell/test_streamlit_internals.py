"""Replacing a Streamlit internal once (ui/shell/streamlit_internals.py): in place, kept, and nothing changed when
an upgrade removed it."""
from __future__ import annotations

import logging
import types

from ui.shell import streamlit_internals
from ui.shell.streamlit_internals import replace_once


def test_replaces_once_and_keeps_the_original(monkeypatch):
    fake = types.ModuleType("fake_streamlit_module")
    fake.Owner = type("Owner", (), {"method": lambda self: "original"})
    original = fake.Owner.method
    monkeypatch.setattr(streamlit_internals.importlib, "import_module", lambda name: fake)
    installed: dict = {}
    assert replace_once(installed, "fake_streamlit_module", "Owner", "method", lambda self: "ours", "-")
    assert fake.Owner().method() == "ours" and installed["original"] is original
    assert replace_once(installed, "fake_streamlit_module", "Owner", "method", lambda self: "again", "-")
    assert fake.Owner().method() == "ours"  # the second call changed nothing


def test_a_missing_internal_changes_nothing_and_says_so(monkeypatch, caplog):
    fake = types.ModuleType("fake_streamlit_module")
    fake.other = lambda: "original"
    monkeypatch.setattr(streamlit_internals.importlib, "import_module", lambda name: fake)
    installed: dict = {}
    with caplog.at_level(logging.WARNING):
        assert not replace_once(installed, "fake_streamlit_module", None, "gone", lambda: "ours", "kept as it was")
        assert not replace_once(installed, "fake_streamlit_module", "NoSuchClass", "gone", lambda: "ours", "-")
    assert installed == {} and not hasattr(fake, "gone") and fake.other() == "original"
    assert "fake_streamlit_module.gone is gone; kept as it was" in caplog.text


def test_a_missing_module_changes_nothing(monkeypatch):
    def refuse(name):
        raise ImportError(name)

    monkeypatch.setattr(streamlit_internals.importlib, "import_module", refuse)
    installed: dict = {}
    assert not replace_once(installed, "streamlit.no_such_module", None, "anything", lambda: None, "-")
    assert installed == {}
