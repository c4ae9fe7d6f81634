"""Workflow steps for the window and the command line (``server.workflow`` has the rules).

A step is decided on the revision the user saw and carries an idempotency key, so a retry
after a lost answer is applied once; the document the server returns goes straight into the
local cache, so lists and the timeline show the step before the next sync.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from base.errors import VanThuError
from base.steps import Step
from base.workflow import undo_step
from client.errors import ApiError, Conflict, ServerUnavailable
from client.records import Colleague, Document, NextNumber, Organisation

from .session import Session

__all__ = [
    "Step",
    "StepInput",
    "StepOutcome",
    "BatchOutcome",
    "take_step",
    "take_steps",
    "colleagues",
    "find_colleague",
    "next_number",
    "undo_step",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StepInput:
    step: Step
    comment: str = ""
    to: Sequence[int] = ()
    lead: int | None = None
    co: Sequence[int] = ()
    info: Sequence[int] = ()
    deadline: dt.date | None = None
    organisations: Sequence[str] = field(default_factory=tuple)
    agencies: tuple[str, ...] = ()
    """ISSUE: recipient agencies outside this server (their codes on the exchange axis); the
    server sends each an edXML package."""
    stamp: bool = False
    """REGISTER: put the ĐẾN stamp on the file."""
    replaces: int | None = None
    """ISSUE: the earlier issued document this one replaces (its recipients are told)."""
    duplicate_ok: bool = False
    """REGISTER: register even what the server finds registered already (III.1.h)."""
    corrections: Mapping[str, Any] = field(default_factory=dict)
    """CORRECT: registered fields and their corrected values (``base.workflow.CORRECTABLE``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "step", Step(self.step))
        object.__setattr__(self, "agencies", tuple(a.strip() for a in self.agencies if a.strip()))

    def fields(self) -> dict[str, Any]:
        """The request body beyond the action, without what the step does not use."""
        values: dict[str, Any] = {
            "comment": self.comment,
            "to": list(self.to),
            "co": list(self.co),
            "info": list(self.info),
            "organisations": list(self.organisations),
            "agencies": list(self.agencies) if self.step is Step.ISSUE else [],
        }
        if self.lead is not None:
            values["lead"] = self.lead
        if self.deadline is not None:
            values["deadline"] = self.deadline
        if self.stamp:
            values["stamp"] = True
        if self.replaces is not None:
            values["replaces"] = self.replaces
        if self.duplicate_ok:
            values["duplicate_ok"] = True
        if self.corrections:
            values["corrections"] = {
                name: value.isoformat() if isinstance(value, dt.date) else value
                for name, value in self.corrections.items()
            }
        return {k: v for k, v in values.items() if v not in ("", [])}


@dataclass(frozen=True)
class StepOutcome:
    document: Document
    """The document after the step, or as it was while the step waits in the outbox."""
    queued: bool = False
    """The server was unreachable: the step waits in the outbox ("chờ gửi")."""


def take_step(
    session: Session, document: Document, step: StepInput, key: str | None = None
) -> StepOutcome:
    """Apply ``step`` to ``document`` as the user saw it; the result is cached at once.

    Offline, the step goes to the outbox with the revision it was decided on and its key:
    the next sync sends it once, and a document changed meanwhile comes back as a conflict
    to resolve, never overwritten."""
    key = key or uuid.uuid4().hex
    try:
        try:
            updated = session.client.take_step(
                document.id, step.step.value, document.revision, step.fields(), key
            )
        except Conflict as conflict:
            moved_on = _only_recipients_moved(session, document, conflict)
            if moved_on is None:
                raise
            # What the user decided on still holds: only the recipients' copies moved on.
            updated = session.client.take_step(
                document.id, step.step.value, moved_on.revision, step.fields(), key
            )
    except ServerUnavailable:
        session.online = False
        session.outbox.take_step(
            document.id, step.step.value, document.revision, step.fields(), key
        )
        logger.info("step %s on document %d queued (offline)", step.step, document.id)
        return StepOutcome(document, queued=True)
    with session.store.write() as conn:
        session.store.upsert(conn, [updated])
    logger.info("step %s on document %d", step.step, document.id)
    return StepOutcome(updated)


_NOT_THE_DECISION = frozenset({"revision", "updated_at", "deliveries", "trace"})
"""What changes on an issued document when a recipient takes a step on its copy (here), or an
agency outside answers through the exchange (its status, and a line in the timeline)."""


def _only_recipients_moved(session: Session, seen: Document, conflict: Conflict) -> Document | None:
    """The document as it is now, when all that changed since ``seen`` is how far the
    recipients have got (an issued document's ``deliveries``, and the exchange's answers added
    to its timeline); else None — someone else's change is a conflict for the user to look at,
    never stepped over."""
    if conflict.code not in (None, "conflict"):
        return None
    try:
        current = session.client.get_document(seen.id)
    except ApiError:
        return None
    before, now = seen.to_json(), current.to_json()
    same = all(before[k] == now[k] for k in before.keys() - _NOT_THE_DECISION)
    kept, added = now["trace"][: len(seen.trace)], now["trace"][len(seen.trace) :]
    answers_only = kept == before["trace"] and all(t["action"] == Step.EXCHANGE for t in added)
    moved = before["deliveries"] != now["deliveries"] or bool(added)
    return current if same and answers_only and moved else None


@dataclass(frozen=True)
class BatchOutcome:
    """One step taken on several documents: each succeeds, waits offline or fails alone."""

    done: tuple[Document, ...] = ()
    queued: tuple[Document, ...] = ()
    failed: tuple[tuple[Document, VanThuError], ...] = ()


def take_steps(session: Session, documents: Sequence[Document], step: StepInput) -> BatchOutcome:
    """The same step on each of ``documents`` (assign several, finish several…), each under
    its own idempotency key: a refusal of one (changed meanwhile, wrong status) is reported
    with its reason and the others go on."""
    done: list[Document] = []
    queued: list[Document] = []
    failed: list[tuple[Document, VanThuError]] = []
    for document in documents:
        try:
            outcome = take_step(session, document, step)
        except VanThuError as error:
            failed.append((document, error))
            continue
        (queued if outcome.queued else done).append(outcome.document)
    return BatchOutcome(tuple(done), tuple(queued), tuple(failed))


def next_number(session: Session, document: Document) -> NextNumber:
    """The number numbering (a signed outgoing document) or registering (an arrived incoming
    one) would take now: shown before the clerk takes it. Needs the server (the register is
    there); offline the step still queues, and its number is known when it is sent."""
    return session.client.next_number(document.id)


T = TypeVar("T", Colleague, Organisation)
_COLLEAGUES, _ORGANISATIONS = "colleagues", "organisations"


def _remembered(session: Session, key: str, fetch: Callable[[], list[T]], kind: type[T]) -> list[T]:
    """The server's list, kept in the cache so the step dialogs still offer it offline."""
    try:
        found = fetch()
    except ServerUnavailable:
        saved = session.store.meta(key)
        if saved is None:
            raise
        return [kind(**item) for item in json.loads(saved)]
    with session.store.write() as conn:
        session.store.set_meta(
            conn,
            key,
            json.dumps([asdict(item) for item in found], ensure_ascii=False),
        )
    return found


def colleagues(session: Session) -> list[Colleague]:
    """The people of the user's organisation (the last list known, while offline)."""
    return _remembered(session, _COLLEAGUES, session.client.colleagues, Colleague)


def organisations(session: Session) -> list[Organisation]:
    """The organisations on the server, recipients of an issued document (kept for offline)."""
    return _remembered(session, _ORGANISATIONS, session.client.organisations, Organisation)


def find_colleague(people: Sequence[Colleague], wanted: str) -> Colleague:
    """A colleague by id or user name (as typed on the command line)."""
    for person in people:
        if wanted == str(person.id) or wanted.casefold() == person.username.casefold():
            return person
    raise VanThuError(
        f"Không có đồng nghiệp “{wanted}” trong đơn vị.",
        f"No colleague “{wanted}” in your organisation.",
    )
