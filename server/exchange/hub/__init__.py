"""The reference exchange hub: a small stand-in for the national document exchange axis.

It speaks the axis operations our client uses (``server.exchange.axis``) in the wire format of
VNPT's SDK (``server.exchange.axis_protocol``: operations as paths at the root of its URL,
``XroadVnpt-`` signed headers, the SDK's result objects), keeps its own SQLite
database and package files in one folder and survives restarts, so two of our document servers
(two provinces) exchange through it on loopback, in tests and in the demo.  Start it with
``vanthu serve --exchange-hub``; allow a system with ``vanthu exchange-hub-system add``.
"""

from __future__ import annotations

from .app import Hub, create_hub_app
from .embedded import RunningHub, start_hub
from .systems import add_system, remove_system, system_ids

__all__ = [
    "Hub",
    "RunningHub",
    "add_system",
    "create_hub_app",
    "remove_system",
    "start_hub",
    "system_ids",
]
