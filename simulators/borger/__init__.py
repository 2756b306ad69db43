"""The simulated borger.dk: topics, search, Mit Overblik and the self-service flows (see ``flows.py``).

``FLOW_MODULES`` is the one list of flow modules; importing this package imports each of them, and each
registers its ``Flow`` in ``simulators.borger.flows.FLOWS``. To add a flow: write ``simulators/borger/<name>.py``
(import from ``simulators.borger.flows``, never from this package, to avoid an import cycle) and add its name here.
"""
from __future__ import annotations

import importlib

from simulators.borger.flows import FLOWS, Flow, register  # noqa: F401  (re-exported)

FLOW_MODULES: list[str] = [
    "moving", "passport", "pension", "tax",  # flows_a
    # flows_b adds: "police", "library", "divorce", "daycare"
]


def load_flows() -> dict[str, Flow]:
    for name in FLOW_MODULES:
        importlib.import_module(f"simulators.borger.{name}")
    return FLOWS


load_flows()
