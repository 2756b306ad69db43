"""CSS on top of the Streamlit theme (.streamlit/config.toml): DKFDS colours, the banner, big touch targets."""
from __future__ import annotations

import streamlit as st

_CSS = """
<style>
.dds-banner {background: repeating-linear-gradient(135deg,#FEBB30 0 18px,#1A1A1A 18px 36px);
  padding: 4px; border-radius: 4px; margin: 0 0 .4rem 0;}
.dds-banner-inner {background:#FFEECC; color:#1A1A1A; padding:.35rem .8rem; border-radius:2px;
  display:flex; flex-wrap:wrap; gap:.2rem 1rem; align-items:baseline;}
.dds-banner-title {font-weight:700; letter-spacing:.12em;}
.dds-banner-note {font-size:.92rem;}
.dds-mode {font-size:.8rem; background:#1A1A1A; color:#fff; padding:1px 8px; border-radius:10px; margin-left:auto;}
/* touch targets of at least 48 px everywhere (booth screens) */
div.stButton > button, div.stDownloadButton > button, div.stFormSubmitButton > button,
a[data-testid="stPageLink-NavLink"] {min-height: 48px;}
.dds-kiosk div.stButton > button {min-height: 64px; font-size: 1.15rem;}
.dds-card {border:1px solid #DCDCDC; border-radius:4px; padding:1rem; background:#fff;}
.dds-fictitious {background:#FFE0E0; color:#CC0000; font-weight:700; font-size:.75rem; padding:1px 6px;
  border-radius:3px; margin-left:.4rem; text-transform:uppercase; letter-spacing:.05em;}
.dds-source {font-size:.8rem; color:#454545;}
</style>
"""


def apply() -> None:
    st.html(_CSS)
