"""Kiosk look: touch targets well above 48 px, no accidental text selection or double-tap zoom, and the
idle countdown as a full-screen overlay. Layouts adapt from a 1920×1080 landscape screen to a portrait tablet."""
from __future__ import annotations

import streamlit as st

_CSS = """
<style>
html, body {touch-action: manipulation; -webkit-user-select: none; user-select: none;}
input, textarea {-webkit-user-select: text; user-select: text;}
div.stButton > button, div.stDownloadButton > button, div.stFormSubmitButton > button,
a[data-testid="stPageLink-NavLink"] {min-height: 64px; font-size: 1.2rem; padding: .6rem 1.4rem;}
div.stButton > button p, div.stFormSubmitButton > button p {font-size: 1.2rem;}
[data-testid="stSegmentedControl"] button, [data-testid="stButtonGroup"] button {min-height: 56px;
  min-width: 56px; font-size: 1.1rem;}
[data-testid="stRadio"] label, [data-testid="stCheckbox"] label {min-height: 56px; align-items: center;
  font-size: 1.15rem;}
[data-testid="stRadio"] label > div:first-child, [data-testid="stCheckbox"] label > span:first-child {
  transform: scale(1.35); margin-right: .5rem;}
[data-testid="stTextInput"] input, [data-testid="stNumberInput"] input, [data-baseweb="select"] > div,
[data-testid="stDateInput"] input {min-height: 56px; font-size: 1.15rem;}
header[data-testid="stHeader"] a, header[data-testid="stHeader"] [role="tab"],
[data-testid="stTopNavLink"], [data-testid="stNavSectionHeader"] {min-height: 56px; font-size: 1.1rem;}
.st-key-booth_idle_overlay {position: fixed !important; inset: 0; z-index: 1000100; background: rgba(26,26,26,.78) !important;
  display: flex !important; flex-direction: column; align-items: center !important; justify-content: center !important;
  padding: 1.5rem; width: 100vw !important; height: 100vh !important; max-width: none !important;}
.st-key-booth_idle_card {background: #fff; border-radius: 12px; border-top: 10px solid #FEBB30;
  width: min(760px, 92vw) !important; flex: 0 0 auto !important; padding: 2rem 2.5rem 2.2rem; margin: 0 auto !important;
  box-shadow: 0 20px 60px rgba(0,0,0,.45);}
.st-key-booth_idle_card div.stButton > button {min-height: 96px; font-size: 1.7rem;}
.st-key-booth_idle_card div.stButton > button p {font-size: 1.7rem; font-weight: 700;}
.booth-idle {text-align: center;}
.booth-idle-title {font-size: 2.3rem; font-weight: 700; line-height: 1.2;}
.booth-idle-count {font-size: 7rem; font-weight: 700; color: #CC0000; line-height: 1.1; margin: .4rem 0;
  font-variant-numeric: tabular-nums;}
.booth-idle-text {font-size: 1.3rem; margin-bottom: 1rem;}
.booth-idle-bar {height: 14px; background: #EEE; border-radius: 7px; overflow: hidden; margin-bottom: 1.4rem;}
.booth-idle-bar span {display: block; height: 100%; background: #CC0000; animation-name: booth-drain;
  animation-timing-function: linear; animation-fill-mode: forwards;}
@keyframes booth-drain {to {width: 0%;}}
@media (max-width: 900px) {
  .booth-idle-title {font-size: 1.8rem;} .booth-idle-count {font-size: 5rem;}
}
</style>
"""


def apply_style() -> None:
    st.html(_CSS)
