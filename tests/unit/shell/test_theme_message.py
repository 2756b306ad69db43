"""The theme part of every run's NewSession message is the same with the once-built copy as with Streamlit's own
build from the config (ui/shell/theme_message.py, issue #18)."""
from __future__ import annotations

import pytest
from streamlit import config
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime import app_session

from ui.shell import theme_message

SECTIONS = ["theme", "theme.light", "theme.dark", "theme.sidebar", "theme.light.sidebar", "theme.dark.sidebar"]


@pytest.fixture
def installed(monkeypatch):
    """Installed afresh over Streamlit's own function (an app test earlier in this process may have installed it
    already: then the module holds ``populate``, and Streamlit's function is the one kept in ``_installed``)."""
    current = app_session._populate_theme_msg
    streamlits = theme_message._installed.get("original", current) if current is theme_message.populate else current
    monkeypatch.setattr(app_session, "_populate_theme_msg", streamlits)  # put back as it was after the test
    monkeypatch.setattr(theme_message, "_installed", {})
    monkeypatch.setattr(theme_message, "_built", {})
    assert theme_message.install()
    yield streamlits


def part(msg: ForwardMsg, section: str):
    theme = msg.new_session.custom_theme
    for name in section.split(".")[1:]:
        theme = getattr(theme, name)
    return theme


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_is_what_streamlit_builds(installed, section):
    config.get_config_options()  # the repository's .streamlit/config.toml (the tests run from its root)
    for _ in range(3):  # the first build, then the kept one
        own, streamlits = ForwardMsg(), ForwardMsg()
        app_session._populate_theme_msg(part(own, section), section)
        installed(part(streamlits, section), section)
        assert own.SerializeToString() == streamlits.SerializeToString()


def test_the_app_theme_arrives_and_is_not_shared_between_messages(installed):
    first, second = ForwardMsg(), ForwardMsg()
    app_session._populate_theme_msg(first.new_session.custom_theme)
    app_session._populate_theme_msg(second.new_session.custom_theme)
    assert first.new_session.custom_theme.primary_color.upper() == config.get_option("theme.primaryColor").upper()
    assert first.new_session.custom_theme.font_faces  # the IBM Plex faces of config.toml
    first.new_session.custom_theme.primary_color = "#000000"  # a run's message is its own
    assert second.new_session.custom_theme.primary_color != "#000000"
    third = ForwardMsg()
    app_session._populate_theme_msg(third.new_session.custom_theme)
    assert third.new_session.custom_theme.primary_color != "#000000"


def test_installing_twice_keeps_streamlits_original(installed):
    assert theme_message.install()
    assert theme_message._installed["original"] is installed
    assert app_session._populate_theme_msg is theme_message.populate
