"""Prometheus metrics: request latency per route, the queues, the background jobs.

Latency is measured by a plain ASGI middleware and labelled with the route's template
(``/documents/{document_id}``), never the raw path, so the label set stays small and no
identifier leaks into the monitoring system. Queue sizes and job states are read from the
database when Prometheus scrapes, so every worker reports the same numbers. With several workers
(``serve --workers N``) ``prometheus_client``'s multiprocess mode sums the workers' histograms
(``PROMETHEUS_MULTIPROC_DIR``, set by ``serve``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..db import Database
from ..exchange.enums import InboxState, OutboxState
from ..exchange.models import InboxPackage, OutboxPackage
from ..models import JobLease, Upload, utcnow

__all__ = ["CONTENT_TYPE_LATEST", "RequestMetrics", "render"]

REQUEST_SECONDS = Histogram(
    "vanthu_http_request_duration_seconds",
    "Time to answer a request, by route template, method and status class.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.35, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
"""The methods a series is kept for: any other name a client sends counts as OTHER, so nobody
grows the metrics without bound by inventing methods."""


class RequestMetrics:
    """Times every HTTP request up to the end of its response body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "(không có / none)"
            method = scope["method"] if scope["method"] in _METHODS else "OTHER"
            REQUEST_SECONDS.labels(method, template, f"{status // 100}xx").observe(
                time.perf_counter() - started
            )


class StateCollector(Collector):
    """What waits and how the background jobs did, read from the database at scrape time."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        queue = GaugeMetricFamily(
            "vanthu_queue_items", "Items waiting in a server queue.", labels=["queue", "state"]
        )
        jobs_ok = GaugeMetricFamily(
            "vanthu_job_last_ok", "1 when the job's last run succeeded.", labels=["job"]
        )
        jobs_age = GaugeMetricFamily(
            "vanthu_job_last_finished_age_seconds",
            "Seconds since the job's last run finished.",
            labels=["job"],
        )
        jobs_held = GaugeMetricFamily(
            "vanthu_job_lease_held",
            "1 while a server process holds the job's lease.",
            labels=["job"],
        )
        now = utcnow()
        with self.db.session() as session:
            for state, count in session.execute(
                select(OutboxPackage.state, func.count())
                .where(OutboxPackage.state.in_([OutboxState.QUEUED, OutboxState.FAILED]))
                .group_by(OutboxPackage.state)
            ):
                queue.add_metric(["exchange_outbox", str(state)], count)
            rejected = select(func.count()).where(InboxPackage.state == InboxState.REJECTED)
            queue.add_metric(["exchange_inbox", InboxState.REJECTED], session.scalar(rejected) or 0)
            pending = select(func.count()).where(Upload.status == "pending")
            queue.add_metric(["uploads", "pending"], session.scalar(pending) or 0)
            for lease in session.scalars(select(JobLease)):
                jobs_held.add_metric([lease.name], 1.0 if lease.until > now else 0.0)
                if lease.last_ok is not None:
                    jobs_ok.add_metric([lease.name], 1.0 if lease.last_ok else 0.0)
                if lease.last_finished_at is not None:
                    jobs_age.add_metric(
                        [lease.name], (now - lease.last_finished_at).total_seconds()
                    )
        yield from (queue, jobs_ok, jobs_age, jobs_held)


def render(db: Database) -> bytes:
    """The text exposition: this process's (or every worker's) requests plus the shared state."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(_Forward(REGISTRY))
    registry.register(StateCollector(db))
    return generate_latest(registry)


class _Forward(Collector):
    """The default registry's metrics inside a per-scrape registry."""

    def __init__(self, source: CollectorRegistry) -> None:
        self.source = source

    def collect(self) -> Iterator[Metric]:
        yield from self.source.collect()
