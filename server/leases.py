"""Background jobs that run once per deployment, however many workers and machines serve it.

A job (the blob scrub, the exchange agent) runs in a thread of every ``serve`` process; before each
unit of work the thread takes or extends the job's row in ``job_leases`` with one conditional
UPDATE. Only the holder works; when it dies its lease runs out and another process carries on.
The row also tells the administrator and ``/metrics`` how the job's last run ended.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid

from sqlalchemy import ColumnElement, DateTime, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import JobLease, utcnow

__all__ = ["Lease", "holder_name"]


def holder_name() -> str:
    """Host, process and a random part: unique across machines and restarts."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{uuid.uuid4().hex[:12]}"


def _clock(session: Session) -> dt.datetime | ColumnElement[dt.datetime]:
    """Now, by the clock every machine shares: the database's on PostgreSQL (two servers whose
    clocks drift apart by more than a lease would otherwise both hold it); SQLite serves one
    machine, whose clock it is."""
    if session.get_bind().dialect.name == "postgresql":
        return func.timezone("UTC", func.statement_timestamp(), type_=DateTime)
    return utcnow()


class Lease:
    """One process's claim on a named job."""

    def __init__(self, name: str, seconds: float, holder: str | None = None) -> None:
        self.name = name
        self.seconds = seconds
        self.holder = holder or holder_name()

    def hold(self, session: Session) -> bool:
        """Take or extend the lease and commit; True when this process runs the job now."""
        now = _clock(session)
        until = now + dt.timedelta(seconds=self.seconds)
        taken = (
            session.connection()
            .execute(
                update(JobLease)
                .where(
                    JobLease.name == self.name,
                    or_(JobLease.holder == self.holder, JobLease.until < now),
                )
                .values(holder=self.holder, until=until)
            )
            .rowcount
        )
        if not taken and session.get(JobLease, self.name) is None:
            session.add(
                JobLease(
                    name=self.name,
                    holder=self.holder,
                    until=until,
                    last_result="",
                    runs=0,
                )
            )
            try:
                session.flush()
                taken = 1
            except IntegrityError:  # another process inserted it first
                session.rollback()
                return False
        session.commit()
        return bool(taken)

    def release(self, session: Session) -> None:
        """Hand the job on at once (a clean shutdown), instead of after the lease runs out."""
        session.execute(
            update(JobLease)
            .where(JobLease.name == self.name, JobLease.holder == self.holder)
            .values(until=_clock(session) - dt.timedelta(seconds=1))
        )
        session.commit()

    def started(self, session: Session) -> None:
        self._record(session, last_started_at=utcnow(), runs=JobLease.runs + 1)

    def finished(self, session: Session, ok: bool, result: str) -> None:
        self._record(session, last_finished_at=utcnow(), last_ok=ok, last_result=result[:400])

    def last_finished(self, session: Session) -> dt.datetime | None:
        row = session.get(JobLease, self.name, populate_existing=True)
        return row.last_finished_at if row else None

    def _record(self, session: Session, **values: object) -> None:
        session.execute(
            update(JobLease)
            .where(JobLease.name == self.name, JobLease.holder == self.holder)
            .values(**values)
        )
        session.commit()
