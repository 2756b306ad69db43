"""Streamlit's text cleaning of an element's body, remembered for the strings it has already cleaned (issue #18).

Every ``st.html``, ``st.markdown``, ``st.caption``, heading and alert first runs ``string_util.clean_text`` on its
body (``textwrap.dedent`` and ``strip``: two regular expressions over the whole text), and ``st.html`` then asks
``_html_only_style_tags`` (two more, ``re.DOTALL | re.IGNORECASE``) whether the body is only ``<style>``. The app
sends the same texts on every run — its CSS (3–5 kB a sheet, static/css), the banner, the labels — so each run paid
for them again: 160 µs for the shell's sheet, 270 µs for MitID's (this machine), and py-spy at 100 classroom
visitors put ``st.html``'s cleaning at ~6 % of the script threads' samples. Both are pure functions of the text;
here they are remembered per text (bounded: see below), with the same answers.

Replaces ``clean_text`` where the element modules imported it and ``streamlit.elements.html._html_only_style_tags``
(internals, pinned by requirements.txt); one that is missing is left as Streamlit has it, and the log says so.
"""
from __future__ import annotations

from simulators.core.short_texts import remembered_per_short_text
from ui.shell.streamlit_internals import replace_once

# Bounds: the app's texts that repeat (its style sheets, up to 5.3 kB; banners, labels, captions) are a few hundred
# in three languages; texts made for one visitor (a QR code's row, a name) pass through and age out. At most
# ~8 MB per function even if every remembered text were as long as the longest kept.
REMEMBERED_TEXTS = 1024  # per function
LONGEST_REMEMBERED = 8_000  # characters: a longer text is cleaned each time (and not kept)
CLEANING_MODULES = ("streamlit.elements.html", "streamlit.elements.markdown", "streamlit.elements.heading",
                    "streamlit.elements.alert", "streamlit.elements.text", "streamlit.elements.toast",
                    "streamlit.elements.metric", "streamlit.elements.progress", "streamlit.elements.spinner")

_installed: dict[str, dict[str, object]] = {}


def install() -> bool:
    """Remember both (once per process). True if every replacement is in place."""
    placed = [replace_once(_installed.setdefault(module, {}), module, None, "clean_text", clean_text,
                           "its texts are cleaned on every call") for module in CLEANING_MODULES]
    placed.append(replace_once(_installed.setdefault("style_only", {}), "streamlit.elements.html", None,
                               "_html_only_style_tags", html_only_style_tags, "style sheets are checked every call"))
    return all(placed)


@remembered_per_short_text(maxsize=REMEMBERED_TEXTS, longest=LONGEST_REMEMBERED)
def clean_text(text) -> str:
    """Streamlit's ``clean_text``: ``textwrap.dedent(str(text)).strip()``."""
    return _streamlit_clean_text()(text)


@remembered_per_short_text(maxsize=REMEMBERED_TEXTS, longest=LONGEST_REMEMBERED)
def html_only_style_tags(html_content: str) -> bool:
    """Streamlit's answer to "is this body only <style> tags (and comments)?"."""
    return _streamlit_style_only()(html_content)


def _streamlit_clean_text():
    from streamlit import string_util  # its own name is not replaced, only the element modules' imports of it

    return string_util.clean_text


def _streamlit_style_only():
    original = _installed.get("style_only", {}).get("original")
    if original is None:
        from streamlit.elements import html

        original = html._html_only_style_tags
    return original
