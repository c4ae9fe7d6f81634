"""Run the hub inside this process (a uvicorn thread on loopback), for the demo and the tests."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from .app import Hub, create_hub_app

__all__ = ["RunningHub", "start_hub"]

logger = logging.getLogger(__name__)


def _free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningHub:
    """A started hub; ``stop()`` ends it (its state stays in ``data_dir`` for a restart)."""

    url: str
    port: int
    app: FastAPI = field(repr=False)
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    @property
    def hub(self) -> Hub:
        hub: Hub = self.app.state.hub
        return hub

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def start_hub(
    data_dir: Path, *, host: str = "127.0.0.1", port: int = 0, **options: Any
) -> RunningHub:
    """Start the hub on ``data_dir`` in a daemon thread; returns once it accepts connections.

    ``options`` go to ``create_hub_app`` (``max_body``, ``max_skew``).
    """
    port = port or _free_port(host)
    app = create_hub_app(Path(data_dir), **options)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, proxy_headers=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"exchange-hub-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the exchange hub failed to start")
        time.sleep(0.01)
    return RunningHub(f"http://{host}:{port}", port, app, server, thread)
