"""Replacing one Streamlit internal, once per process (ui/shell/event_batching.py, ui/shell/theme_message.py).

Both replace something Streamlit does on every run (issue #18); the internals are pinned by requirements.txt. If an
upgrade removes one, the app keeps Streamlit's own behaviour and the log says so.
"""
from __future__ import annotations

import importlib
import logging
import threading

_LOGGER = logging.getLogger(__name__)
_lock = threading.Lock()


def replace_once(installed: dict, module: str, owner: str | None, name: str, replacement, missing: str) -> bool:
    """Put ``replacement`` in place of ``module[.owner].name`` and keep the original in ``installed["original"]``;
    a second call changes nothing. True if the replacement is in place."""
    with _lock:
        if "original" in installed:
            return True
        try:
            target = importlib.import_module(module)
        except ImportError:
            return False
        target = getattr(target, owner, None) if owner else target
        original = getattr(target, name, None) if target is not None else None
        if original is None:
            _LOGGER.warning("Streamlit changed: %s is gone; %s", ".".join(filter(None, (module, owner, name))), missing)
            return False
        installed["original"] = original
        setattr(target, name, replacement)
        return True
