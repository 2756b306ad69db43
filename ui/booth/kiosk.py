"""Kiosk look: touch targets well above 48 px, no accidental text selection or double-tap zoom, and the
idle countdown as a full-screen overlay. Layouts adapt from a 1920×1080 landscape screen to a portrait tablet."""
from __future__ import annotations

from ui.shell import theme


def apply_style() -> None:
    theme.inject("booth-kiosk")
