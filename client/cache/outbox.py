"""Actions taken offline, stored durably and replayed when the server is back.

A signed version carries the version it was based on, so if someone else
changed the document meanwhile the replay ends in a visible ``conflict``
entry to resolve — never a silent overwrite.  The user's own queued actions on
one document chain: a note then a finish, or a signature then its approval, were
all decided on the revision the user saw, and each is sent on the revision the
one before it produced (``_Chain``) — only someone else's change is a conflict.
States and kinds are stable keys; an error is kept in both languages, so the
entry reads right in either.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import time
import unicodedata
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from base.errors import VanThuError, current_language

from ..api import ApiClient
from ..errors import ApiError, AuthError, Conflict, ServerUnavailable
from ..transfer import jsonable
from .store import CacheStore

__all__ = [
    "Outbox",
    "OutboxEntry",
    "OutboxState",
    "OutboxKind",
    "NewVersion",
    "NewDocument",
    "TakeStep",
    "RecordAccess",
    "CaseFileDocumentChange",
]

logger = logging.getLogger(__name__)


class OutboxState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    CONFLICT = "conflict"
    FAILED = "failed"


class OutboxKind(StrEnum):
    ADD_VERSION = "add_version"
    CREATE_DOCUMENT = "create_document"
    TAKE_STEP = "take_step"
    RECORD_ACCESS = "record_access"
    CASE_FILE_DOCUMENT = "case_file_document"


@dataclass(frozen=True)
class NewVersion:
    """A new file version (e.g. a signed PDF) for a document, based on ``base_version``."""

    document_id: int
    file: str
    """The outbox's own copy of the file."""
    filename: str
    note: str
    base_version: int
    revision: int = 0
    """The document's revision when it was signed (0: not known, queued by an older version)."""


@dataclass(frozen=True)
class NewDocument:
    fields: dict[str, Any]
    idempotency_key: str
    file: str = ""
    """The outbox's own copy of the document's first file ("" for none)."""
    filename: str = ""


@dataclass(frozen=True)
class TakeStep:
    """A workflow step taken offline, decided on ``revision`` (the server refuses it with a
    conflict if the document changed meanwhile) and sent under one idempotency key, so a
    replay after a lost answer is applied once."""

    document_id: int
    action: str
    revision: int
    fields: dict[str, Any]
    idempotency_key: str


@dataclass(frozen=True)
class RecordAccess:
    """The user opened (or printed) a document while the server was out of reach: the access
    history gets it later, once (the key), dated when it happened."""

    document_id: int
    kind: str
    version: int | None
    at: str
    """ISO time, UTC."""
    key: str


@dataclass(frozen=True)
class CaseFileDocumentChange:
    """A document put into (``add``) or taken out of one's own open case file while offline,
    sent later under one idempotency key: a replay after a lost answer is applied once."""

    case_file_id: int
    document_id: int
    add: bool
    idempotency_key: str
    code: str = ""
    """The file's code, to show the entry without the server."""


Action = NewVersion | NewDocument | TakeStep | RecordAccess | CaseFileDocumentChange
_KINDS: dict[OutboxKind, type[Action]] = {
    OutboxKind.ADD_VERSION: NewVersion,
    OutboxKind.CREATE_DOCUMENT: NewDocument,
    OutboxKind.TAKE_STEP: TakeStep,
    OutboxKind.RECORD_ACCESS: RecordAccess,
    OutboxKind.CASE_FILE_DOCUMENT: CaseFileDocumentChange,
}


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    kind: OutboxKind
    action: Action
    state: OutboxState
    error_vi: str = ""
    error_en: str = ""

    @property
    def error(self) -> str:
        return self.error_en if current_language() == "en" else self.error_vi


def _decode_error(text: str) -> tuple[str, str]:
    """Errors are stored as ``{"vi": …, "en": …}``; an older plain sentence serves both."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return text, text
    if not isinstance(data, dict):
        return text, text
    return str(data.get("vi", "")), str(data.get("en", ""))


def _already_there(action: Action, exc: Conflict) -> bool:
    """A document put into a file where it already is (added from another machine meanwhile):
    what the user wanted holds."""
    return isinstance(action, CaseFileDocumentChange) and action.add and exc.code == "duplicate"


class _Chain:
    """Revisions produced by this replay's own actions, by document: an action decided on the
    revision the previous one was decided on is sent on the revision that one produced."""

    def __init__(self) -> None:
        self._moved: dict[int, tuple[int, int]] = {}

    def revision(self, document_id: int, decided_on: int) -> int:
        seen, produced = self._moved.get(document_id, (None, decided_on))
        return produced if seen == decided_on else decided_on

    def advanced(self, document_id: int, decided_on: int, produced: int) -> None:
        self._moved[document_id] = (decided_on, produced)


class Outbox:
    def __init__(self, store: CacheStore, folder: Path) -> None:
        self.store = store
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _add(self, kind: OutboxKind, action: Action) -> int:
        with self.store.write() as conn:
            result = conn.exec_driver_sql(
                "INSERT INTO outbox(kind, payload, created_at) VALUES (?, ?, ?)",
                (kind, json.dumps(asdict(action), ensure_ascii=False), time.time()),
            )
            return int(result.lastrowid)

    def add_version(
        self,
        document_id: int,
        file: Path,
        note: str,
        base_version: int,
        filename: str | None = None,
        revision: int = 0,
    ) -> int:
        """Queue a new version (e.g. a signed PDF); the file is copied so the user may move the
        original. ``revision``: the document's, so a step queued after it chains on it."""
        name = unicodedata.normalize("NFC", filename or file.name)
        stored = self.folder / f"{time.time_ns()}-{document_id}.pdf"
        shutil.copyfile(file, stored)
        return self._add(
            OutboxKind.ADD_VERSION,
            NewVersion(document_id, str(stored), name, note, base_version, revision),
        )

    def create_document(
        self, fields: dict[str, Any], idempotency_key: str, file: Path | None = None
    ) -> int:
        """Queue a new document, with its first file copied into the outbox when it has one."""
        if file is None:
            return self._add(OutboxKind.CREATE_DOCUMENT, NewDocument(fields, idempotency_key))
        stored = self.folder / f"{time.time_ns()}-new.pdf"
        shutil.copyfile(file, stored)
        name = unicodedata.normalize("NFC", file.name)
        return self._add(
            OutboxKind.CREATE_DOCUMENT, NewDocument(fields, idempotency_key, str(stored), name)
        )

    def take_step(
        self,
        document_id: int,
        action: str,
        revision: int,
        fields: dict[str, Any],
        idempotency_key: str,
    ) -> int:
        return self._add(
            OutboxKind.TAKE_STEP,
            TakeStep(document_id, action, revision, jsonable(fields), idempotency_key),
        )

    def record_access(self, access: RecordAccess) -> int:
        return self._add(OutboxKind.RECORD_ACCESS, access)

    def case_file_document(self, change: CaseFileDocumentChange) -> int:
        return self._add(OutboxKind.CASE_FILE_DOCUMENT, change)

    def pending_case_file_documents(self, case_file_id: int | None = None) -> list[OutboxEntry]:
        """Documents waiting to join or leave case files (one file's, or all), oldest first."""
        return [
            e
            for e in self.entries(OutboxState.PENDING)
            if isinstance(e.action, CaseFileDocumentChange)
            and (case_file_id is None or e.action.case_file_id == case_file_id)
        ]

    def pending_steps(self) -> dict[int, OutboxEntry]:
        """Steps waiting to be sent, by document (shown as "chờ gửi")."""
        return {
            e.action.document_id: e
            for e in self.entries(OutboxState.PENDING)
            if isinstance(e.action, TakeStep)
        }

    def entries(self, state: OutboxState | None = None) -> list[OutboxEntry]:
        sql = "SELECT id, kind, payload, state, error FROM outbox"
        args: tuple[str, ...] = ()
        if state:
            sql, args = sql + " WHERE state = ?", (state,)
        with self.store.read() as conn:
            rows = list(conn.exec_driver_sql(sql + " ORDER BY id", args))
        entries = []
        for entry_id, kind, payload, entry_state, error in rows:
            kind = OutboxKind(kind)
            entries.append(
                OutboxEntry(
                    entry_id,
                    kind,
                    _KINDS[kind](**json.loads(payload)),
                    OutboxState(entry_state),
                    *_decode_error(error),
                )
            )
        return entries

    def pending_versions(self) -> dict[int, OutboxEntry]:
        """Signed versions waiting to be sent, by document (the window marks them "chờ gửi")."""
        return {
            e.action.document_id: e
            for e in self.entries(OutboxState.PENDING)
            if isinstance(e.action, NewVersion)
        }

    def _mark(self, entry_id: int, state: OutboxState, error: VanThuError | None = None) -> None:
        text = (
            json.dumps({"vi": error.message("vi"), "en": error.message("en")}, ensure_ascii=False)
            if error
            else ""
        )
        with self.store.write() as conn:
            conn.exec_driver_sql(
                "UPDATE outbox SET state = ?, error = ? WHERE id = ?", (state, text, entry_id)
            )

    @staticmethod
    def _run(client: ApiClient, action: Action, chain: _Chain) -> None:
        if isinstance(action, NewVersion):
            upload = client.upload_file(Path(action.file))
            client.add_version(
                action.document_id, upload.sha256, action.filename, action.note, action.base_version
            )
            Path(action.file).unlink(missing_ok=True)
            if action.revision:  # what a step queued after this signature must now be based on
                now = client.get_document(action.document_id).revision
                chain.advanced(action.document_id, action.revision, now)
        elif isinstance(action, CaseFileDocumentChange):
            if action.add:
                client.records.add_case_file_document(
                    action.case_file_id, action.document_id, action.idempotency_key
                )
            else:
                client.records.remove_case_file_document(
                    action.case_file_id, action.document_id, action.idempotency_key
                )
        elif isinstance(action, RecordAccess):
            at = dt.datetime.fromisoformat(action.at)
            client.record_access(action.document_id, action.kind, action.key, action.version, at)
        elif isinstance(action, TakeStep):
            updated = client.take_step(
                action.document_id,
                action.action,
                chain.revision(action.document_id, action.revision),
                action.fields,
                action.idempotency_key,
            )
            chain.advanced(action.document_id, action.revision, updated.revision)
        elif action.file:  # the server creates the document once the bytes are complete
            client.upload_file(
                Path(action.file),
                document={**action.fields, "filename": action.filename},
                idempotency_key=action.idempotency_key,
            )
            Path(action.file).unlink(missing_ok=True)
        else:
            client.create_document(action.fields, idempotency_key=action.idempotency_key)

    def replay(self, client: ApiClient) -> list[OutboxEntry]:
        """Send pending actions in order; stops quietly while the server is unreachable."""
        chain = _Chain()
        for entry in self.entries(OutboxState.PENDING):
            try:
                self._run(client, entry.action, chain)
            except (ServerUnavailable, AuthError):  # later, once signed in again: kept
                break
            except Conflict as exc:
                if _already_there(entry.action, exc):
                    self._mark(entry.id, OutboxState.DONE)
                    continue
                # Someone else's change is a conflict to resolve; a refusal (frozen…) is final.
                raced = exc.code in (None, "conflict")
                self._mark(entry.id, OutboxState.CONFLICT if raced else OutboxState.FAILED, exc)
                continue
            except ApiError as exc:
                if isinstance(entry.action, RecordAccess):  # the document is gone since, or no
                    logger.info("access record %d not kept: %s", entry.id, exc)  # longer his
                    self._mark(entry.id, OutboxState.DONE)
                    continue
                self._mark(entry.id, OutboxState.FAILED, exc)
                continue
            self._mark(entry.id, OutboxState.DONE)
        return self.entries()
