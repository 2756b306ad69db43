"""Where the project's files are: one root, so a module that moves between packages keeps finding them."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
STATIC_DIR = ROOT / "static"
LOCALES_DIR = ROOT / "locales"
