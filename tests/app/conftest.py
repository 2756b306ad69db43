"""AppTest fixtures; the helpers the tests import are in tests/helpers/apptest.py."""
from __future__ import annotations

import pytest

from tests.helpers.apptest import make_app


@pytest.fixture(autouse=True)
def _router_on_every_run(monkeypatch):
    """AppTest resets Streamlit's old pages-folder mode before every run (see ui/shell/boot.py); a served app leaves
    it after its first run. Make every AppTest run behave like the served app: app.py runs, then the page."""
    from streamlit.runtime import pages_manager

    original = pages_manager.PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        pages_manager.PagesManager.uses_pages_directory = False

    monkeypatch.setattr(pages_manager.PagesManager, "__init__", init)


@pytest.fixture
def app_en():
    return make_app("en")
