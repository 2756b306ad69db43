"""Make every page run through app.py, even when a page URL is the first request a fresh server sees.

Streamlit treats a ``pages/`` folder next to the entry script as an old-style multipage app until the first
``st.navigation`` call of the process; until then a deep link (``/mitid_phone?token=…`` from a phone's QR code,
say) would run the page file alone — no banner, no language, no guards. AppTest resets that switch before each
run and so shows the same. A page calls ``ensure_router()`` first: in that old mode it turns it off and reruns,
and the rerun goes through app.py with the same URL.
"""
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_router() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
