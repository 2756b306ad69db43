"""The theme part of Streamlit's per-run "new session" message, built once per process (issue #18).

Streamlit sends a NewSession message at the start of every script run and fills its theme from the config on each
one: ``_populate_theme_msg`` for six sections, each walking all ~370 config options (``get_options_for_section``).
That was ~0.75 ms of every run (py-spy at 200 classroom sessions on two replicas: 4.9 % of the servers' GIL
time). The theme cannot change while the server runs (.streamlit/config.toml, no file watcher), so each section's
message is built once and merged into every later one: the same bytes reach the browser.

Replaces ``streamlit.runtime.app_session._populate_theme_msg`` (a Streamlit internal, pinned by requirements.txt);
if it is missing, ``install()`` changes nothing.
"""
from __future__ import annotations

from ui.shell.streamlit_internals import replace_once

_installed: dict[str, object] = {}


def install() -> bool:
    """Serve each theme section from its first build (once per process). True if active."""
    return replace_once(_installed, "streamlit.runtime.app_session", None, "_populate_theme_msg", populate,
                        "the theme is built on every run")


_built: dict[str, object] = {}


def populate(msg, section: str = "theme") -> None:
    """What ``_populate_theme_msg(msg, section)`` writes, from the section's first build. ``msg`` is a fresh
    message part (Streamlit makes a new NewSession message for every run)."""
    built = _built.get(section)
    if built is None:
        built = type(msg)()
        _installed["original"](built, section)
        _built[section] = built
    if built.ListFields():  # an empty section stays unset, as Streamlit leaves it (set-but-empty reads otherwise)
        msg.MergeFrom(built)
