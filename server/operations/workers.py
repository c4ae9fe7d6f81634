"""``serve --workers N``: the same app in N processes behind one listening socket.

uvicorn starts each worker by importing :func:`worker_app`; the parent has already migrated the
database and seeded it, and hands its settings over in an environment variable. Everything the
workers share lives in the database — the numbering and the change feed (row locks), upload
claims, idempotency keys, the login throttle, the background jobs' leases — so N processes (or N
machines on PostgreSQL) behave as one.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

from fastapi import FastAPI

from ..config import ServerSettings

__all__ = ["SETTINGS_VARIABLE", "WORKER_APP", "hand_over", "worker_app"]

SETTINGS_VARIABLE = "VANTHU_SERVER_SETTINGS"
WORKER_APP = "server.operations.workers:worker_app"
METRICS_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


def hand_over(settings: ServerSettings) -> None:
    """Before uvicorn starts the workers: their settings, and a fresh folder in which
    ``prometheus_client`` sums their metrics (files left by a previous run would be counted)."""
    os.environ[SETTINGS_VARIABLE] = settings.to_json()
    # per machine: on several machines the data dir is shared, their workers' files must not be
    metrics_dir = Path(settings.data_dir) / f"metrics-{socket.gethostname()}"
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir(mode=0o700, parents=True)
    os.environ[METRICS_VARIABLE] = str(metrics_dir)


def worker_app() -> FastAPI:
    """One worker's app (uvicorn's ``factory``); the schema is already at its newest."""
    from ..app import create_app

    return create_app(ServerSettings.from_json(os.environ[SETTINGS_VARIABLE]), migrate=False)
