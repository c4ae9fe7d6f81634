"""The inter-agency exchange (edXML packages, QCVN 102:2016) for one signed-in account, as the
window and the command line both call it (``Workspace.exchange``).

The server does the exchange itself — its agent sends and fetches packages over the national
axis; this is the desk's side of it: packages carried by hand (import a file, export one), a
package read here without the server (``inspect``), and the organisation's connection and
state for its administrators. Importing never stops at one bad file: each file gets its own
outcome, and the documents it made are pulled into the cache before the answer returns.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from base.errors import VanThuError, current_language
from client.api import ApiClient
from client.cache.folding import fold
from client.errors import ApiError, AuthError, PermissionDenied, ServerUnavailable
from client.records import Agency, Document, ExchangeCycle, ExchangeStatus, ImportResult

from .exchange_messages import failed_message, result_message

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = [
    "Exchange",
    "AgencyChoice",
    "ExchangeStatus",
    "CycleResult",
    "ImportState",
    "ImportOutcome",
    "Inspection",
    "ExchangeSettingsError",
    "inspect_package",
    "EXCHANGE_ROLES",
    "ADMIN_ROLES",
]

logger = logging.getLogger(__name__)

AgencyChoice = Agency
"""An agency the axis knows: ``code``, ``name``, ``parent_code``."""
CycleResult = ExchangeCycle
"""What one round of the server's exchange agent did (sent, received, …, errors)."""

EXCHANGE_ROLES = frozenset({"clerk", "org_admin", "province_admin"})
"""Who works the exchange: the clerk sends and receives, administrators look after it."""
ADMIN_ROLES = frozenset({"org_admin", "province_admin"})
_AGENCIES_KEY = "exchange.agencies"
_URL = re.compile(r"^https?://\S+$")


class ImportState(StrEnum):
    """What became of one imported file (a stable key; the message says it in words)."""

    APPLIED = "applied"
    """A new incoming document, or a change the sender made to one, or a recipient's answer."""
    DUPLICATE = "duplicate"
    """The same package came before: nothing new was made."""
    REJECTED = "rejected"
    """The server read it and refused it (unreadable, addressed elsewhere, about nothing here)."""
    FAILED = "failed"
    """It never reached the server's judgement (not a readable file here, server unreachable)."""


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    state: ImportState
    document_ids: tuple[int, ...] = ()
    sender: str = ""
    sender_name: str = ""
    identifier: str = ""
    """The document's identifier (mã định danh) as the package gives it."""
    message_vi: str = ""
    message_en: str = ""

    @property
    def ok(self) -> bool:
        return self.state in (ImportState.APPLIED, ImportState.DUPLICATE)

    def message(self, lang: str | None = None) -> str:
        return self.message_en if (lang or current_language()) == "en" else self.message_vi


@dataclass(frozen=True)
class Inspection:
    """A package read on this machine: its summary as labelled lines, everything it holds as
    plain data (``edxml.summary.as_json``), and what was wrong with it that did not stop it."""

    lines: list[tuple[str, str]] = field(hash=False)
    data: dict[str, Any] = field(hash=False)
    problems: list[str] = field(hash=False)


class ExchangeSettingsError(VanThuError):
    title_vi = "Kết nối trục liên thông"
    title_en = "Exchange axis connection"


def inspect_package(path: Path, lang: str = "vi") -> Inspection:
    """Read a package here, without the server (attachments decoded into a temporary folder
    removed afterwards). An unreadable package raises its ``EdxmlError``, saying where."""
    from edxml.reader import read_package
    from edxml.summary import as_json, summarise

    path = Path(path)
    problem = failed_message(path)
    if problem is not None:
        raise VanThuError(*problem, title_vi="Gói edXML", title_en="edXML package")
    spool = Path(tempfile.mkdtemp(prefix="vanthu-edxml-"))
    try:
        package = read_package(path, spool)
        return Inspection(
            lines=[(str(k), str(v)) for k, v in summarise(package, lang)],
            data=json.loads(json.dumps(as_json(package), ensure_ascii=False, default=str)),
            problems=[p.message(lang) for p in package.problems],
        )
    finally:
        shutil.rmtree(spool, ignore_errors=True)


class Exchange:
    """One signed-in workspace's exchange operations. Every method but ``inspect`` and the
    role checks needs the server (errors come as ``client.errors``, in both languages)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def _client(self) -> ApiClient:
        return self.workspace.session.client

    # -- who -------------------------------------------------------------------------------
    def may_exchange(self) -> bool:
        """Clerks and administrators import, export and look at the exchange's state."""
        return self.workspace.user.role in EXCHANGE_ROLES

    def may_administer(self) -> bool:
        """Administrators set the connection to the axis and the agency code."""
        return self.workspace.user.role in ADMIN_ROLES

    # -- recipients ------------------------------------------------------------------------
    def agencies(self, text: str = "", limit: int = 50) -> list[AgencyChoice]:
        """Agencies whose name or code holds ``text`` (diacritics optional). The full list is
        kept in the cache, so an issue decided offline can still name its recipients."""
        session = self.workspace.session
        try:
            found = self._client.exchange_agencies(text, limit)
        except ServerUnavailable:
            session.online = False
            saved = session.store.meta(_AGENCIES_KEY)
            if saved is None:
                raise
            known = [Agency(**item) for item in json.loads(saved)]
            words = fold(text).split()
            return [a for a in known if all(w in fold(f"{a.code} {a.name}") for w in words)][:limit]
        if not text:  # the picker opened: the whole directory (up to 500) kept for offline use
            everyone = found if len(found) < limit else self._client.exchange_agencies("", 500)
            with session.store.write() as conn:
                session.store.set_meta(
                    conn,
                    _AGENCIES_KEY,
                    json.dumps([asdict(a) for a in everyone], ensure_ascii=False),
                )
        return found

    # -- packages by hand (the offline route) ------------------------------------------------
    def import_files(
        self, paths: Sequence[Path], progress: Callable[[int, int], None] | None = None
    ) -> list[ImportOutcome]:
        """Each package file through the server's one door for packages, in order; a file that
        cannot be read here, or that the server refuses, is reported and the others go on."""
        if not self.may_exchange():
            raise PermissionDenied(
                "Chỉ văn thư và quản trị viên được nhận gói liên thông.",
                "Only clerks and administrators import exchange packages.",
            )
        answers: list[ImportResult | tuple[str, str]] = []
        unreachable: tuple[str, str] | None = None
        for done, path in enumerate(paths, 1):
            answers.append(unreachable or self._import_one(Path(path)))
            if isinstance(answers[-1], tuple) and not self.workspace.session.online:
                unreachable = answers[-1]  # no point knocking again for every file
            if progress:
                progress(done, len(paths))
        if any(isinstance(a, ImportResult) and a.document_ids for a in answers):
            self._pull()
        store = self.workspace.session.store
        return [
            _outcome(Path(path), answer, store.get)
            for path, answer in zip(paths, answers, strict=True)
        ]

    def _import_one(self, path: Path) -> ImportResult | tuple[str, str]:
        problem = failed_message(path)
        if problem is not None:
            return problem
        try:
            return self._client.import_package(path)
        except ServerUnavailable as exc:
            self.workspace.session.online = False
            return exc.message("vi"), exc.message("en")
        except (AuthError, PermissionDenied):
            raise  # about the account, not the file: nothing else would go either
        except ApiError as exc:
            return exc.message("vi"), exc.message("en")
        except OSError as exc:  # vanished or became unreadable meanwhile
            return failed_message(path, exc) or (str(exc), str(exc))

    def _pull(self) -> None:
        """The new documents into the cache, the way every sync brings them."""
        try:
            self.workspace.sync_now()
        except VanThuError as exc:
            logger.info("imported, but the cache was not refreshed: %s", exc.message("en"))

    def export(self, document: Document, dest: Path, to: Sequence[str] = ()) -> Path:
        """The document's package as a file (written whole or not at all); with ``to``, the
        server records it as delivered by hand to those agencies."""
        codes = [c.strip() for c in to if c.strip()]
        path = self._client.export_package(document.id, Path(dest), codes)
        if codes:
            try:  # its deliveries and marks changed: the cached copy follows
                self.workspace.current_document(document.id)
            except VanThuError as exc:
                logger.info("document %d not refreshed: %s", document.id, exc.message("en"))
        return path

    def inspect(self, path: Path, lang: str = "vi") -> Inspection:
        """A package read on this machine only (``inspect_package``)."""
        return inspect_package(path, lang)

    def attachment(self, document: Document, sha256: str, dest: Path) -> Path:
        """One attachment of an exchanged document saved as ``dest`` (checked by its hash)."""
        return self._client.exchange_attachment(document.id, sha256, Path(dest))

    # -- the organisation's exchange ---------------------------------------------------------
    def status(self, organisation: str | None = None) -> ExchangeStatus:
        return self._client.exchange_status(organisation)

    def send_pending(self) -> CycleResult:
        """Send what waits and fetch what came, now rather than at the next poll."""
        return self._client.exchange_send_pending()

    def retry(self, package_id: int) -> None:
        """A package that failed goes back in the queue (after its cause was fixed)."""
        self._client.retry_exchange_package(package_id)

    def connect(
        self,
        url: str,
        system_id: str,
        secret: str | None,
        *,
        enabled: bool = True,
        poll_seconds: int = 60,
        organisation: str | None = None,
    ) -> ExchangeStatus:
        """How the organisation reaches the axis. ``secret`` None keeps the one set before; the
        server keeps it write-only and never returns it."""
        url, system_id = url.strip(), system_id.strip()
        if not _URL.match(url):
            raise ExchangeSettingsError(
                f"Địa chỉ trục liên thông “{url}” phải bắt đầu bằng https://.",
                f"The exchange axis address “{url}” must start with https://.",
            )
        if not system_id:
            raise ExchangeSettingsError("Cần mã hệ thống.", "The system ID is required.")
        if secret is not None and len(secret) < 8:
            raise ExchangeSettingsError(
                "Khóa bí mật phải có ít nhất 8 ký tự.", "The secret must be at least 8 characters."
            )
        if not 1 <= poll_seconds <= 3600:
            raise ExchangeSettingsError(
                "Chu kỳ hỏi trục phải từ 1 đến 3600 giây.",
                "The polling interval must be 1 to 3600 seconds.",
            )
        return self._client.set_exchange_connection(
            url,
            system_id,
            secret,
            enabled=enabled,
            poll_seconds=poll_seconds,
            organisation=organisation,
        )

    def set_agency_code(self, code: str, organisation: str | None = None) -> ExchangeStatus:
        """The organisation's national agency code (mã định danh, Decision 20/2020/QĐ-TTg)."""
        return self._client.set_agency_code(code.strip(), organisation)


def _outcome(
    path: Path,
    answer: ImportResult | tuple[str, str],
    cached: Callable[[int], Document | None],
) -> ImportOutcome:
    if isinstance(answer, tuple):
        return ImportOutcome(path, ImportState.FAILED, message_vi=answer[0], message_en=answer[1])
    state = ImportState(answer.state)
    if state is ImportState.DUPLICATE and not answer.document_ids and answer.problem:
        state = ImportState.REJECTED  # refused the first time: still refused
    documents = [d for d in (cached(i) for i in answer.document_ids) if d is not None]
    vi, en = result_message(state, answer, documents)
    return ImportOutcome(
        path,
        state,
        answer.document_ids,
        answer.sender,
        answer.sender_name,
        answer.document_identifier,
        vi,
        en,
    )
