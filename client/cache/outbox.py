"""Actions taken offline, stored durably and replayed when the server is back.

A signed version carries the version it was based on, so if someone else
changed the document meanwhile the replay ends in a visible ``conflict``
entry to resolve — never a silent overwrite.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..api import ApiClient
from ..errors import ApiError, Conflict, ServerUnavailable
from .store import CacheStore

__all__ = ["Outbox", "OutboxEntry"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    kind: str
    """``add_version`` or ``create_document``."""
    payload: dict
    state: str
    """``pending``, ``done``, ``conflict`` or ``failed``."""
    error: str


class Outbox:
    def __init__(self, store: CacheStore, folder: Path) -> None:
        self.store = store
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _add(self, kind: str, payload: dict) -> int:
        with self.store.write() as conn:
            result = conn.exec_driver_sql("INSERT INTO outbox(kind, payload, created_at) VALUES (?, ?, ?)",
                                          (kind, json.dumps(payload, ensure_ascii=False), time.time()))
            return int(result.lastrowid)

    def add_version(self, document_id: int, file: Path, note: str, base_version: int) -> int:
        """Queue a new version (e.g. a signed PDF); the file is copied so the user may move the original."""
        stored = self.folder / f"{int(time.time() * 1000)}-{file.name}"
        shutil.copyfile(file, stored)
        return self._add("add_version", {"document_id": document_id, "file": str(stored), "filename": file.name,
                                         "note": note, "base_version": base_version})

    def create_document(self, fields: dict, idempotency_key: str) -> int:
        return self._add("create_document", {"fields": fields, "idempotency_key": idempotency_key})

    def entries(self, state: str | None = None) -> list[OutboxEntry]:
        sql = "SELECT id, kind, payload, state, error FROM outbox"
        args: tuple = ()
        if state:
            sql, args = sql + " WHERE state = ?", (state,)
        with self.store.read() as conn:
            return [OutboxEntry(i, k, json.loads(p), s, e) for i, k, p, s, e in conn.exec_driver_sql(sql + " ORDER BY id",
                                                                                                   args)]

    def _mark(self, entry_id: int, state: str, error: str = "") -> None:
        with self.store.write() as conn:
            conn.exec_driver_sql("UPDATE outbox SET state = ?, error = ? WHERE id = ?", (state, error, entry_id))

    def _run(self, client: ApiClient, entry: OutboxEntry) -> None:
        data = entry.payload
        if entry.kind == "add_version":
            upload = client.upload_file(Path(data["file"]))
            client.add_version(data["document_id"], upload.sha256, data["filename"], data["note"],
                               data["base_version"])
            Path(data["file"]).unlink(missing_ok=True)
        elif entry.kind == "create_document":
            client.create_document(data["fields"], idempotency_key=data["idempotency_key"])

    def replay(self, client: ApiClient) -> list[OutboxEntry]:
        """Send pending actions in order; stops quietly while the server is unreachable."""
        for entry in self.entries("pending"):
            try:
                self._run(client, entry)
            except ServerUnavailable:
                break
            except Conflict as exc:
                self._mark(entry.id, "conflict", exc.message())
                continue
            except ApiError as exc:
                self._mark(entry.id, "failed", exc.message())
                continue
            self._mark(entry.id, "done")
        return self.entries()
