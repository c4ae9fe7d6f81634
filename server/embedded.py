"""Run the server inside this process (a thread) for the demo and benchmarks."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from .app import create_app
from .config import ServerSettings
from .seed import seed_base

__all__ = ["RunningServer", "start_background", "free_port"]

logger = logging.getLogger(__name__)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningServer:
    base_url: str
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def start_background(
    data_dir: Path, host: str = "127.0.0.1", port: int = 0, **settings: object
) -> RunningServer:
    """Start uvicorn in a daemon thread and wait until it accepts connections."""
    port = port or free_port(host)
    app = create_app(ServerSettings(data_dir=Path(data_dir), **settings))  # type: ignore[arg-type]
    with app.state.vanthu.db.session() as session:
        seed_base(session)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, proxy_headers=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="vanthu-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("embedded server failed to start")
        time.sleep(0.02)
    return RunningServer(f"http://{host}:{port}", server, thread)
