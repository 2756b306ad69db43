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
/* welcome page (explore and presenter): the lead and the four steps of the journey */
.dds-lead {font-size:1.3rem; line-height:1.45; margin:0 0 .4rem 0; max-width:60rem;}
.dds-steps-title {font-size:1.25rem; font-weight:700; margin:.6rem 0 .5rem 0; padding:0;}
ol.dds-steps {list-style:none; margin:0 !important; padding:0 !important; display:grid; grid-template-columns:repeat(4, 1fr); gap:.8rem;}
.dds-step {border:1px solid #D0D0D0; border-top:4px solid #44831E; border-radius:4px; padding:.7rem .85rem;
  display:flex; flex-direction:column; gap:.25rem; background:#FFFFFF; margin:0;}
.dds-step-icon {font-size:1.6rem; line-height:1;}
@media (max-width: 1100px) {ol.dds-steps {grid-template-columns:repeat(2, 1fr);}}
@media (max-width: 520px) {ol.dds-steps {grid-template-columns:1fr;} .dds-lead {font-size:1.1rem;}}
/* phones: the banner stays, but takes less of the first screen */
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] {padding-top: 3.6rem; padding-left: .8rem; padding-right: .8rem;}
  .dds-banner {padding: 3px; margin-bottom: .2rem;}
  .dds-banner-inner {padding: .2rem .5rem; gap: 0 .6rem;}
  .dds-banner-title {font-size: .85rem; letter-spacing: .06em;}
  .dds-banner-note {font-size: .78rem; line-height: 1.25;}
  h1 {font-size: 2rem !important;}
}
</style>
"""


def apply() -> None:
    st.html(_CSS)
