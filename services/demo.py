"""The embedded demo, composed: the reference server with demo data and
letter PDFs, and a SoftHSM2 demo signing token.

This is the one place that puts the server, the letters and the signing
demo together, so neither the server nor the window has to know the other.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session as OrmSession

from server.app import create_app
from server.config import ServerSettings
from server.db import Database
from server.demo import DemoDataReport, generate_demo_data
from server.embedded import RunningServer, start_background
from server.exchange.axis import Agency as AxisAgency
from server.exchange.axis import AxisClient
from server.exchange.axis_protocol import AxisSettings
from server.exchange.demo import AXIS_AGENCIES, NEIGHBOUR_CODES, become_neighbour, connect
from server.exchange.hub.embedded import RunningHub, start_hub
from signing.demo import DemoToken, ensure_demo_token

from .letters import render_letter_pdf

__all__ = ["RunningDemo", "prepare_demo", "make_demo_data", "DEMO_ACCOUNTS"]

logger = logging.getLogger(__name__)

DEMO_ACCOUNTS = (
    ("vanthu", "VanThu@2026", "văn thư"),
    ("lanhdao", "LanhDao@2026", "lãnh đạo"),
    ("chuyenvien", "ChuyenVien@2026", "chuyên viên"),
    ("luutru", "LuuTru@2026", "lưu trữ"),
    ("quantridv", "QuanTri@2026", "quản trị đơn vị"),
    ("quantri", "QuanTri@2026", "quản trị tỉnh"),
)
"""UBND tỉnh's accounts; Sở Tài chính (``vanthu.stc``…) and Sở Nội vụ (``vanthu.snv``…) have
the same roles and passwords."""


@dataclass(frozen=True)
class RunningDemo:
    server: RunningServer
    token: DemoToken
    hub: RunningHub | None = None
    """The reference exchange hub both demo provinces are connected to."""
    neighbour: RunningServer | None = None
    """The neighbouring province's server (Nghệ An), reached through the hub."""

    def stop(self) -> None:
        for part in (self.server, self.neighbour, self.hub):
            if part is not None:
                part.stop()


def make_demo_data(
    settings: ServerSettings,
    count: int,
    pdfs: int,
    progress: Callable[[int, int], None] | None = None,
    story: bool = True,
) -> DemoDataReport:
    """Fill a server's database with ``count`` documents, ``pdfs`` of them with a letter PDF,
    and (``story``) the day's work at every stage across the demo organisations."""
    state = create_app(settings).state.vanthu
    try:
        return generate_demo_data(
            state.db,
            state.blobs,
            count,
            pdfs,
            progress=progress,
            render_letter=render_letter_pdf,
            story=story,
            data_dir=settings.data_dir,
        )
    finally:
        state.db.dispose()


def prepare_demo(home: Path, documents: int = 2000, pdfs: int = 40) -> RunningDemo:
    """Demo data and token (once, under ``home``), then the embedded server on 127.0.0.1."""
    os.environ["VANTHU_HOME"] = str(home)
    data = home / "server"
    marker = data / "demo-ready"
    if not marker.exists():
        make_demo_data(ServerSettings(data_dir=data), documents, pdfs)
        marker.write_text("ok")
    token = ensure_demo_token(home)
    hub, neighbour_dir, systems = _exchange_home(home)
    neighbour = start_background(neighbour_dir)
    with neighbour_session(neighbour_dir) as session:
        if not (neighbour_dir / "neighbour-ready").exists():
            become_neighbour(session)
            (neighbour_dir / "neighbour-ready").write_text("ok")
        connect(session, neighbour_dir, hub.url, "nghe-an.demo", systems["nghe-an.demo"])
    _wait_for_agencies(hub, systems, NEIGHBOUR_CODES["UBND-T"])
    with neighbour_session(data) as session:
        connect(session, data, hub.url, "ha-tinh.demo", systems["ha-tinh.demo"])
    return RunningDemo(start_background(data), token, hub, neighbour)


def _exchange_home(home: Path) -> tuple[RunningHub, Path, dict[str, str]]:
    """The demo's hub (systems for both provinces and for the national agencies the demo's
    letters come from), started on a free port; the neighbour's data folder."""
    hub_dir = home / "exchange-hub"
    fresh = not hub_dir.exists()
    hub = start_hub(hub_dir)
    systems = {name: _system_secret(hub_dir, name) for name in _SYSTEMS}
    for name, secret in systems.items():
        hub.hub.add_system(name, secret)
    if fresh:  # the national agencies the story's letters came from answer on the axis too
        with AxisClient(AxisSettings(hub.url, "quoc-gia.demo", systems["quoc-gia.demo"])) as axis:
            for code, name in AXIS_AGENCIES:
                if not code.endswith(".H41"):
                    axis.register_agency(AxisAgency(code=code, name=name))
    return hub, home / "province-b", systems


_SYSTEMS = ("ha-tinh.demo", "nghe-an.demo", "quoc-gia.demo")


def _wait_for_agencies(hub: RunningHub, systems: dict[str, str], code: str) -> None:
    """Until the neighbour's agent has registered its agencies (a second or so), so the
    packages waiting for it go at once."""
    settings = AxisSettings(hub.url, "quoc-gia.demo", systems["quoc-gia.demo"])
    deadline = time.monotonic() + 15
    with AxisClient(settings) as axis:
        while time.monotonic() < deadline:
            if any(a.code == code for a in axis.list_agencies()):
                return
            time.sleep(0.2)
    logger.warning("the neighbouring demo province did not register in time")


def _system_secret(hub_dir: Path, name: str) -> str:
    """One secret per demo system, made once and kept (0600) beside the hub's data."""
    path = hub_dir / f"{name}.secret"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(32))
    return path.read_text().strip()


@contextmanager
def neighbour_session(data_dir: Path) -> Iterator[OrmSession]:
    """A database session on a demo server's data folder (it is migrated already)."""
    db = Database(ServerSettings(data_dir=data_dir).resolved_database_url)
    try:
        with db.session() as session:
            yield session
    finally:
        db.dispose()
