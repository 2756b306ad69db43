"""An element's text is cleaned as Streamlit cleans it, whether remembered or not (ui/shell/text_cleaning.py, #18)."""
from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies
from streamlit import string_util
from streamlit.elements import html as st_html

from ui.shell import text_cleaning
from ui.shell import theme

STREAMLIT_CLEAN_TEXT = string_util.clean_text  # never replaced: only the element modules' imports of it are
STREAMLIT_STYLE_ONLY = text_cleaning._streamlit_style_only()
SHEETS = sorted(path.stem for path in theme.CSS_DIR.glob("*.css"))
BODIES = ["", "   ", "\n    indented\n      more\n", "<style>a{b:c}</style>", "  <STYLE media='x'>p{}</STYLE>  ",
          "<!-- c --><style>a{}</style>", "<style>a{}</style><p>text</p>", "<div>🇩🇰 **x**</div>",
          "<style>a{}</style>\n<!-- only a comment -->", "\tTab\n\tTab", "<style>a{}"]


@pytest.mark.parametrize("body", BODIES + [theme.style_tag(name) for name in SHEETS])
def test_the_same_answers_as_streamlit_first_and_again(body):
    for _ in range(2):  # the second answer comes from the memory
        assert text_cleaning.clean_text(body) == STREAMLIT_CLEAN_TEXT(body)
        assert text_cleaning.html_only_style_tags(body) is STREAMLIT_STYLE_ONLY(body)


@settings(max_examples=300, deadline=None)
@given(strategies.text(alphabet=strategies.sampled_from(list(" \t\n<>/!-styleSTYLE{}a😀")), max_size=60))
def test_any_text_is_cleaned_and_checked_as_streamlit_does(body):
    assert text_cleaning.clean_text(body) == STREAMLIT_CLEAN_TEXT(body)
    assert text_cleaning.html_only_style_tags(body) is STREAMLIT_STYLE_ONLY(body)


def test_a_long_text_and_a_non_string_are_cleaned_but_not_kept():
    text_cleaning.clean_text.cache_clear()
    long_text = "  x\n" * (text_cleaning.LONGEST_REMEMBERED // 4 + 1)
    assert text_cleaning.clean_text(long_text) == STREAMLIT_CLEAN_TEXT(long_text)
    assert text_cleaning.clean_text(12.5) == "12.5"

    class Body:
        def __str__(self):
            return "  shown  "

    assert text_cleaning.clean_text(Body()) == "shown"
    assert text_cleaning.clean_text.cache_info().currsize == 0


def test_the_memory_is_bounded():
    text_cleaning.clean_text.cache_clear()
    for index in range(text_cleaning.REMEMBERED_TEXTS + 50):
        text_cleaning.clean_text(f"  text {index}  ")
    assert text_cleaning.clean_text.cache_info().currsize == text_cleaning.REMEMBERED_TEXTS


def test_installed_in_every_element_module_that_cleans_text():
    assert text_cleaning.install()
    for module in text_cleaning.CLEANING_MODULES:
        assert importlib.import_module(module).clean_text is text_cleaning.clean_text, module
    assert st_html._html_only_style_tags is text_cleaning.html_only_style_tags
    assert string_util.clean_text is STREAMLIT_CLEAN_TEXT
    assert text_cleaning.install()  # a second call changes nothing


def test_every_element_module_that_imports_clean_text_is_covered():
    """A Streamlit upgrade that adds an element cleaning its text shows up here, not as a silent slow path."""
    import pkgutil

    import streamlit.elements

    importers = set()
    for info in pkgutil.walk_packages(streamlit.elements.__path__, "streamlit.elements."):
        try:
            module = importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 — an optional dependency missing: not an element the app uses
            continue
        if getattr(module, "clean_text", None) in (STREAMLIT_CLEAN_TEXT, text_cleaning.clean_text):
            importers.add(info.name)
    assert importers == set(text_cleaning.CLEANING_MODULES)


def test_every_style_sheet_of_the_app_is_short_enough_to_be_remembered():
    """They are what every run sends again; a sheet that outgrew the bound would quietly be cleaned every run."""
    longest = max(SHEETS, key=lambda name: len(theme.style_tag(name)))
    assert len(theme.style_tag(longest)) <= text_cleaning.LONGEST_REMEMBERED, longest
