"""The exchange agent: inside each document server, it sends what the outbox holds and takes in
what the axis holds for this server's agencies, on a schedule.

- **Durable**: a package stays in the outbox (and in the blob store) until the axis took it; a
  received one is acknowledged ``done`` only after it was committed here, so a crash between the
  two re-delivers it — and the inbox's key makes the re-delivery a no-op (at least once, never
  twice).
- **Patient**: an axis that is down is tried again with the product's backoff; a refusal (an
  unknown agency, a refused signature) waits, marked failed, for an administrator's retry.
- **Once per deployment**: a lease row in the database decides which server process runs it.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.backoff import backoff

from ..db import Database
from ..filestore import BlobStore, file_sha256
from ..leases import Lease
from ..models import Blob, Organisation, utcnow
from ..text import fold
from .axis import Agency as AxisAgency
from .axis import AxisClient
from .axis_protocol import (
    AxisAuthError,
    AxisError,
    AxisRefused,
    AxisSettings,
    AxisUnavailable,
    DeliveryState,
    MessageType,
)
from .enums import InboxState, OutboxState, PackageKind, Source
from .models import Agency, ExchangeConnection, InboxPackage, OutboxPackage
from .receive import Received, receive
from .secrets import load_secret

__all__ = ["ExchangeAgent", "CycleReport", "LEASE_SECONDS"]

logger = logging.getLogger(__name__)

LEASE_SECONDS = 30.0
AGENCIES_EVERY = 300.0
"""How often the agency list is refreshed from the axis (seconds; ``send-pending`` at once)."""
BATCH = 50
PATIENCE = 8
"""Tries for a package the axis refuses because its recipient is not registered (yet)."""

ClientFactory = Callable[[AxisSettings], AxisClient]


class _LeaseLost(Exception):
    """Another process took the agent's lease: this one stops its cycle at once."""


@dataclass
class CycleReport:
    sent: int = 0
    received: int = 0
    duplicates: int = 0
    rejected: int = 0
    failed: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)
    ran: bool = False
    """False: another server process holds the agent's lease (it sends soon)."""


def _message(exc: AxisError) -> str:
    return f"{exc.message('vi')}\n{exc.message('en')}"


class ExchangeAgent:
    """Runs in a thread of ``serve``; ``run_once`` is also what ``exchange send-pending`` calls."""

    def __init__(
        self,
        db: Database,
        blobs: BlobStore,
        data_dir: Path,
        *,
        tick_seconds: float = 1.0,
        client_factory: ClientFactory = AxisClient,
    ) -> None:
        self.db, self.blobs, self.data_dir = db, blobs, data_dir
        self.tick = tick_seconds
        self.client_factory = client_factory
        self.lease = Lease("exchange-agent", LEASE_SECONDS)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._polled: dict[int, float] = {}
        self._agencies_at: dict[int, float] = {}
        self._registered: set[tuple[int, str]] = set()
        self._lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="exchange-agent", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        with self.db.session() as session:
            self.lease.release(session)

    def wake(self) -> None:
        """Look now (a clerk just issued to an outside agency, an administrator retried)."""
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:
                logger.error(
                    "exchange agent cycle failed", exc_info=logger.isEnabledFor(logging.DEBUG)
                )
            self._wake.wait(self.tick)
            self._wake.clear()

    # -- the lease ---------------------------------------------------------------------------

    def holds_lease(self, session: Session) -> bool:
        """Take or extend the lease; True when this process runs the agent now."""
        return self.lease.hold(session)

    # -- one cycle ---------------------------------------------------------------------------

    def run_once(self, organisation_id: int | None = None, *, force: bool = False) -> CycleReport:
        """Send what is due and fetch what waits, for every enabled connection (or one)."""
        report = CycleReport()
        with self._lock, self.db.session() as session:
            if not self.holds_lease(session):
                return report
            report.ran = True
            query = select(ExchangeConnection).where(ExchangeConnection.enabled.is_(True))
            if organisation_id is not None:
                query = query.where(ExchangeConnection.organisation_id == organisation_id)
            connections = list(session.scalars(query))
            for connection in connections:
                try:
                    self._serve(session, connection, report, force)
                except _LeaseLost:
                    logger.info("exchange agent: the lease went to another process")
                    break
                except Exception as exc:
                    session.rollback()
                    logger.error(
                        "exchange for organisation %s failed: %r", connection.organisation_id, exc
                    )
                    logger.debug("the failure in full", exc_info=True)
                    report.errors.append(type(exc).__name__)
                    connection = session.get_one(ExchangeConnection, connection.organisation_id)
                    connection.last_error = (
                        f"Lỗi nội bộ khi liên thông ({type(exc).__name__}); xem nhật ký máy chủ.\n"
                        f"Internal error while exchanging ({type(exc).__name__}); see the server log."
                    )
                    session.commit()
        return report

    def _renew(self, session: Session) -> None:
        """Before each package: still ours? (a long upload must not outlive the lease unseen)."""
        if not self.holds_lease(session):
            raise _LeaseLost

    def _serve(
        self, session: Session, connection: ExchangeConnection, report: CycleReport, force: bool
    ) -> None:
        org = session.get_one(Organisation, connection.organisation_id)
        secret = load_secret(self.data_dir, org.id, "axis")
        if secret is None:
            connection.last_error = (
                "Chưa đặt khoá bí mật kết nối trục liên thông.\n"
                "The exchange axis secret is not set."
            )
            session.commit()
            return
        settings = AxisSettings(
            url=connection.url, system_id=connection.system_id, secret=secret.decode()
        )
        now = dt.datetime.now(dt.UTC).timestamp()
        poll_due = force or now - self._polled.get(org.id, 0.0) >= connection.poll_seconds
        due = self._due(session, org.id)
        if not due and not poll_due:
            return
        if not org.agency_code:
            connection.last_error = (
                "Đơn vị chưa có mã định danh trên trục liên thông; quản trị cần đặt mã.\n"
                "The organisation has no agency code on the exchange axis; an administrator must "
                "set it."
            )
            session.commit()
            return
        code = org.agency_code
        with self.client_factory(settings) as client:
            try:
                self._register(client, org, code)
                if poll_due:
                    self._refresh_agencies(session, client, org.id, now, force)
                for row in due:
                    if not self._send(session, client, code, row, report):
                        break
                if poll_due:
                    self._refused_by_recipients(session, client, org.id, code)
                    received = report.received
                    self._fetch(session, client, org, code, report)
                    self._polled[org.id] = now
                    if report.received > received:  # the 01s just queued go at once
                        for row in self._due(session, org.id):
                            if not self._send(session, client, code, row, report):
                                break
                connection.last_contact_at, connection.last_error = utcnow(), ""
            except AxisError as exc:  # down, refused credentials, a clock off: packages wait
                connection.last_error = _message(exc)
                report.errors.append(exc.message("en"))
                logger.warning("exchange axis for organisation %s: %s", org.id, exc.message("en"))
            session.commit()

    def _due(self, session: Session, organisation_id: int) -> list[OutboxPackage]:
        return list(
            session.scalars(
                select(OutboxPackage)
                .where(
                    OutboxPackage.organisation_id == organisation_id,
                    OutboxPackage.state == OutboxState.QUEUED,
                    OutboxPackage.next_attempt_at <= utcnow(),
                )
                .order_by(OutboxPackage.id)
                .limit(BATCH)
            )
        )

    def _register(self, client: AxisClient, org: Organisation, code: str) -> None:
        if (org.id, code) in self._registered:
            return
        client.register_agency(AxisAgency(code=code, name=org.name))
        self._registered.add((org.id, code))

    def _refresh_agencies(
        self, session: Session, client: AxisClient, organisation_id: int, now: float, force: bool
    ) -> None:
        if not force and now - self._agencies_at.get(organisation_id, 0.0) < AGENCIES_EVERY:
            return
        for agency in client.list_agencies():
            row = session.get(Agency, agency.code)
            if row is None:
                row = Agency(code=agency.code)
                session.add(row)
            row.name, row.parent_code = agency.name, agency.parent_code
            row.folded, row.updated_at = fold(f"{agency.code} {agency.name}")[:400], utcnow()
        session.commit()
        self._agencies_at[organisation_id] = now

    def _send(
        self,
        session: Session,
        client: AxisClient,
        code: str,
        row: OutboxPackage,
        report: CycleReport,
    ) -> bool:
        """One package out; False when the axis is down (the rest wait for the next cycle)."""
        kind = MessageType.STATUS if row.kind == PackageKind.STATUS else MessageType.EDOC
        self._renew(session)
        try:
            with self.blobs.local_copy(row.sha256) as package:  # a download from S3
                row.remote_id = client.send(
                    package, sender=code, to=[row.recipient], message_type=kind
                )
        except AxisAuthError:
            raise  # the connection's credentials or clock: every package waits, none fails
        except AxisUnavailable as exc:
            row.attempts += 1
            row.next_attempt_at = utcnow() + dt.timedelta(seconds=backoff(row.attempts, 600.0))
            row.last_error = _message(exc)
            report.deferred += 1
            session.commit()
            raise
        except AxisRefused as exc:
            row.attempts += 1
            row.last_error = _message(exc)
            if getattr(exc, "code", "") == "unknown_agency" and row.attempts < PATIENCE:
                # an agency being set up on the axis: tried again for a while, then failed
                row.next_attempt_at = utcnow() + dt.timedelta(seconds=backoff(row.attempts, 600.0))
                report.deferred += 1
            else:
                row.state = OutboxState.FAILED
                report.failed += 1
            session.commit()
            return True
        except AxisError as exc:  # TLS, a malformed answer: tried again later, not failed
            row.attempts += 1
            row.next_attempt_at = utcnow() + dt.timedelta(seconds=backoff(row.attempts, 600.0))
            row.last_error = _message(exc)
            report.deferred += 1
            session.commit()
            raise
        row.state, row.sent_at, row.last_error = OutboxState.SENT, utcnow(), ""
        report.sent += 1
        session.commit()
        return True

    def _refused_by_recipients(
        self, session: Session, client: AxisClient, organisation_id: int, code: str
    ) -> None:
        """A recipient that could not take a package in says ``fail`` on the axis: the package
        is marked failed here, with that reason, for the clerk to see and an administrator to
        send again (Decree 30 III.1.k: the sender knows how its letter fared)."""
        failed = {
            (sent.remote_id, recipient)
            for sent in client.list_sent(code)
            for recipient, state in sent.states.items()
            if state == DeliveryState.FAIL
        }
        if not failed:
            return
        for row in session.scalars(
            select(OutboxPackage).where(
                OutboxPackage.organisation_id == organisation_id,
                OutboxPackage.state == OutboxState.SENT,
                OutboxPackage.remote_id.in_([remote for remote, _ in failed]),
            )
        ):
            if (row.remote_id, row.recipient) in failed:
                row.state = OutboxState.FAILED
                row.last_error = (
                    "Bên nhận báo không nhận được gói (xem lý do ở bên nhận).\n"
                    "The recipient reports it could not take the package in."
                )
        session.commit()

    def _fetch(
        self,
        session: Session,
        client: AxisClient,
        org: Organisation,
        code: str,
        report: CycleReport,
    ) -> None:
        for item in client.list_received():
            if item.to != code:
                continue  # another agency of the same system: its own connection fetches it
            self._renew(session)
            target = self.blobs.scratch / f".axis-{uuid.uuid4().hex}.edxml"
            try:
                try:
                    client.fetch(item.remote_id, target)
                except AxisUnavailable:
                    raise
                except AxisError as exc:  # this one package (a digest mismatch): the next
                    report.errors.append(exc.message("en"))
                    logger.warning("package %s not fetched: %s", item.remote_id, exc.message("en"))
                    continue
                try:
                    received = receive(
                        session,
                        self.blobs,
                        org,
                        target,
                        source=Source.AXIS,
                        remote_id=item.remote_id,
                        axis_sender=item.sender,
                    )
                    session.commit()
                except Exception as exc:  # noqa: BLE001 — kept and shown, never retried forever
                    session.rollback()
                    logger.error("package %s could not be taken in: %r", item.remote_id, exc)
                    received = self._broken(session, org, target, item.remote_id, item.sender, exc)
            finally:
                target.unlink(missing_ok=True)
            if not received.created:
                report.duplicates += 1
            elif received.inbox.state == InboxState.REJECTED:
                report.rejected += 1
            else:
                report.received += 1
            rejected = received.inbox.state == InboxState.REJECTED
            client.update_state(
                item.remote_id, code, DeliveryState.FAIL if rejected else DeliveryState.DONE
            )

    def _broken(
        self,
        session: Session,
        org: Organisation,
        path: Path,
        remote_id: str,
        sender: str,
        exc: Exception,
    ) -> Received:
        """A package this server failed on (not the package's fault we know of): kept as it came,
        with the reason, for an administrator; acknowledged as failed so the sender knows."""
        sha = file_sha256(path)
        if not self.blobs.exists(sha):
            copy = path.with_suffix(".keep")
            shutil.copyfile(path, copy)
            self.blobs.adopt(copy, sha)
        if session.get(Blob, sha) is None:
            session.add(Blob(sha256=sha, size=path.stat().st_size))
        row = InboxPackage(
            organisation_id=org.id,
            dedup_key=f"error|{remote_id}"[:300],
            kind=PackageKind.EDOC,
            source=Source.AXIS,
            remote_id=remote_id,
            sender=sender[:35],
            state=InboxState.REJECTED,
            problem=(
                f"Máy chủ không nhận được gói này ({type(exc).__name__}); xem nhật ký máy chủ.\n"
                f"This server failed to take the package in ({type(exc).__name__}); see its log."
            ),
            verdicts={},
            attachments=[],
            sha256=sha,
        )
        session.add(row)
        session.commit()
        return Received(row, created=True)
