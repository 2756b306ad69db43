"""The CSS files as st.html receives them (ui/shell/theme.py): Streamlit's HTML sanitiser (DOMPurify) drops a whole
style element whose text has "<" before a letter or "/" — one such character in a comment or in an @property
syntax ("<integer>") silently took every rule of mitid.css off the page while #18 was built."""
import re

import pytest

from ui.shell.theme import CSS_DIR, style_tag

CSS_FILES = sorted(p.stem for p in CSS_DIR.glob("*.css"))


@pytest.mark.parametrize("name", CSS_FILES)
def test_no_css_file_has_text_the_sanitiser_reads_as_a_tag(name):
    body = style_tag(name).removeprefix("<style>").removesuffix("</style>")
    assert not re.search(r"<[A-Za-z/!?]", body), re.search(r".{0,40}<[A-Za-z/!?].{0,40}", body).group(0)


def test_the_guard_sees_the_trap():
    assert re.search(r"<[A-Za-z/!?]", '@property --x {syntax:"<integer>";}')
    assert not re.search(r"<[A-Za-z/!?]", '@property --x {syntax:"\\3c integer>";}')
