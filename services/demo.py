"""The embedded demo, composed: the reference server with demo data and
letter PDFs, and a SoftHSM2 demo signing token.

This is the one place that puts the server, the letters and the signing
demo together, so neither the server nor the window has to know the other.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from server.app import create_app
from server.config import ServerSettings
from server.demo import DemoDataReport, generate_demo_data
from server.embedded import RunningServer, start_background
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
    return RunningDemo(start_background(data), token)
