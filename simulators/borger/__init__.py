"""The simulated borger.dk: topics, search, Mit Overblik and the self-service flows (see ``flows.py``).

``FLOW_MODULES`` is the one list of flow modules; importing this package imports each of them, and each
registers its ``Flow`` in ``simulators.borger.framework.FLOWS``. To add a flow: write ``simulators/borger/<name>.py``
(import from ``simulators.borger.framework``, never from this package, to avoid an import cycle) and add its name here.
"""
from __future__ import annotations

import importlib

from simulators.borger.framework import FLOWS, Flow, register  # noqa: F401  (re-exported)

FLOW_MODULES: list[str] = [
    "moving", "passport", "pension", "tax",
    "police", "library", "divorce", "daycare",
]


def load_flows() -> dict[str, Flow]:
    """Import every flow module; FLOWS is then ordered like FLOW_MODULES (the portal lists them so)."""
    for name in FLOW_MODULES:
        importlib.import_module(f"simulators.borger.flows.{name}")
    rank = {f"simulators.borger.flows.{name}": i for i, name in enumerate(FLOW_MODULES)}
    ordered = sorted(FLOWS.values(), key=lambda f: rank.get(f.outcome.__module__, len(rank)))
    FLOWS.clear()
    FLOWS.update((f.id, f) for f in ordered)
    return FLOWS


load_flows()
