"""A label's leading emoji is what Streamlit's own function finds, for every emoji Streamlit knows and for the app's
labels (ui/shell/emoji_lookup.py, issue #18)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies
from streamlit import string_util
from streamlit.emojis import ALL_EMOJIS

from ui.shell import emoji_lookup


@pytest.fixture
def streamlits(monkeypatch):
    """Streamlit's own function (an app test earlier in this process may have installed ours already), installed
    over afresh; put back after the test."""
    current = string_util.extract_leading_emoji
    original = emoji_lookup._installed.get("original", current) if current is emoji_lookup.extract_leading_emoji \
        else current
    monkeypatch.setattr(string_util, "extract_leading_emoji", original)
    monkeypatch.setattr(emoji_lookup, "_installed", {})
    assert emoji_lookup.install()
    assert string_util.extract_leading_emoji is emoji_lookup.extract_leading_emoji
    return original


LABELS = ["🏠 Bolig og flytning", "📝  Skat", "Übersicht", "👨‍👩‍👧 Familie og børn", "🇩🇰 Dansk", "Deutsch", "",
          "🔵 **Skattestyrelsen** · 4. März 2026", "✨-Beispiel", "⚠️ Achtung", "1️⃣ Eins", "ℹ Info", "a 🏠", "🏠"]


@pytest.mark.parametrize("label", LABELS)
def test_the_app_s_labels_split_as_streamlit_splits_them(streamlits, label):
    assert emoji_lookup.extract_leading_emoji(label) == streamlits(label)
    assert string_util.extract_leading_icon(label) == (streamlits(label) if not label.startswith(":material")
                                                        else string_util.extract_leading_icon(label))


def test_every_emoji_streamlit_knows_is_found_as_streamlit_finds_it(streamlits):
    for emoji in sorted(ALL_EMOJIS):
        label = f"{emoji} Text"
        assert emoji_lookup.extract_leading_emoji(label) == streamlits(label), emoji


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategies.text(max_size=30))
def test_any_text_splits_as_streamlit_splits_it(streamlits, text):
    assert emoji_lookup.extract_leading_emoji(text) == streamlits(text)
