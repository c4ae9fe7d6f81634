"""``Workspace``: one signed-in account's operations, for the window and the CLI.

Like maestral's core class, this is the API both front ends call, so the
window and ``vanthu`` cannot drift: pulling changes replays the outbox,
signing goes through the batch signer and the outbox, validation uses the
profile's roots, watching uses the account's client.  Every method may block
(network, disk, token); the window calls them from its worker pool.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from base.audit import Access
from base.deadlines import DUE_SOON_DAYS, today_in_vietnam
from base.errors import VanThuError
from base.progress import CancelToken, Progress
from client.cache import Cursor, PullReport, pull_changes
from client.cache.alerts import Alerts, collect_alerts
from client.cache.outbox import OutboxEntry, OutboxState, RecordAccess
from client.cache.parts import Part
from client.cache.query import DocumentQuery, DocumentRow, ListPage, Sort, count, search
from client.cache.queues import (
    UPLOAD_QUEUES,
    Queue,
    QueueScope,
    by_deadline,
    queue_counts,
    queues_for,
)
from client.errors import ApiError, AuthError, NotFound, PermissionDenied, ServerUnavailable
from client.records import (
    AccessHistory,
    Colleague,
    Document,
    NextNumber,
    Organisation,
    SavedSearch,
    User,
)
from sync.queue import FileState, QueueEntry

from . import drafts, registration, saved_searches, server_search, trust, watching, workflow
from .admin import AccountAdmin, may_administer
from .audit import AuditTrail
from .session import Session

if TYPE_CHECKING:  # signing, validation, the upload engine and the writers load on first use
    from signing.backends import ActiveSigner
    from signing.profiles import Mode, SigningProfile
    from signing.tokens import CertificateInfo
    from signing.validation import SignatureReport
    from sync.engine import EngineEvent, WatchEngine
    from sync.profiles import WatchProfile

    from .exchange import Exchange
    from .records import Records
    from .signing import DocumentResult, DocumentSigning

__all__ = ["Workspace", "PullOutcome"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PullOutcome:
    report: PullReport
    documents: int
    """Documents in the cache afterwards."""
    alerts: Alerts
    replayed: tuple[OutboxEntry, ...] = ()
    """Outbox entries this pull sent or settled (done, conflict or failed)."""
    case_files: int = 0
    """Case files changed in the cache by this pull (``Workspace.records``)."""

    @property
    def conflicts(self) -> tuple[OutboxEntry, ...]:
        return tuple(e for e in self.replayed if e.state is OutboxState.CONFLICT)


class Workspace:
    def __init__(self, session: Session, due_soon_days: int = DUE_SOON_DAYS) -> None:
        self.session = session
        self.due_soon_days = due_soon_days
        self.watch_folder: Path | None = None
        """The scan folder whose upload queue the upload queues count (set by ``watch`` and
        by the window from its settings)."""
        """Working days before a deadline that count as "due soon" (a setting)."""

    @property
    def user(self) -> User:
        return self.session.user

    @property
    def online(self) -> bool:
        return self.session.online

    @cached_property
    def exchange(self) -> Exchange:
        """The inter-agency exchange (edXML) for this account, made on first use (its package
        reader loads then)."""
        from .exchange import Exchange

        return Exchange(self)

    @cached_property
    def records(self) -> Records:
        """File lists, case files and the agency archive (``services.records``)."""
        from .records import Records

        return Records(self.session)

    def account_admin(self) -> AccountAdmin | None:
        """Account administration, for an organisation or province administrator only."""
        if not may_administer(self.user):
            return None
        return AccountAdmin(self.session.client, self.user)

    def audit_trail(self) -> AuditTrail | None:
        """The audit trail and login statistics, for an administrator only."""
        return AuditTrail(self.session.client) if may_administer(self.user) else None

    # -- who read what -----------------------------------------------------------------
    def record_access(self, document: Document, kind: Access = Access.VIEW) -> None:
        """The user opened (or printed) the document: told to the server now, or queued while
        it is out of reach and sent once later, dated when it happened (III.5.a, III.6.l)."""
        key = uuid.uuid4().hex
        at = dt.datetime.now(dt.UTC)
        version = document.current_version or None
        if self.session.online:
            try:
                self.session.client.record_access(document.id, kind, key, version)
                return
            except ServerUnavailable:
                self.session.online = False
            except AuthError:  # signed out meanwhile: kept, sent once signed in again
                pass
            except ApiError as exc:  # the document went away meanwhile: nothing to record
                logger.info("access to document %d not recorded: %s", document.id, exc)
                return
        access = RecordAccess(document.id, kind.value, version, at.isoformat(), key)
        self.session.outbox.record_access(access)

    def access_history(self, document: Document) -> AccessHistory | None:
        """Who viewed, downloaded or printed it — None when this user may not see that (only
        leaders, administrators, the author and the handlers may)."""
        try:
            return self.session.client.access_history(document.id)
        except PermissionDenied:
            return None

    # -- the cache ---------------------------------------------------------------------
    def sync_now(
        self,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        today: dt.date | None = None,
    ) -> PullOutcome:
        """Send what waits in the outbox, then pull the server's changes (resumable, cancellable)."""
        session = self.session
        before = {e.id for e in session.outbox.entries(OutboxState.PENDING)}
        try:
            entries = session.outbox.replay(session.client) if before else []
            report = pull_changes(session.store, session.client, progress, cancel)
        except ServerUnavailable:
            session.online = False
            raise
        session.online = True
        pulled = self.records.pull() if report.complete else None
        self._destroy_withdrawn_files()
        self._refresh_trust()
        self._refresh_people()
        self._refresh_saved_searches()
        settled = tuple(
            e
            for e in entries
            if e.id in before
            and e.state is not OutboxState.PENDING
            and not isinstance(e.action, RecordAccess)  # bookkeeping, not the user's work
        )
        return PullOutcome(
            report,
            session.store.count(),
            collect_alerts(session.store, today or today_in_vietnam()),
            settled,
            (pulled.upserted + pulled.deleted) if pulled else 0,
        )

    def _refresh_people(self) -> None:
        """Colleagues and organisations ride along too, so a step dialog opens offline."""
        try:
            workflow.colleagues(self.session)
            workflow.organisations(self.session)
        except VanThuError as exc:
            logger.info("colleagues not refreshed (%s); the last list stays", exc)

    def _refresh_saved_searches(self) -> None:
        """The user's saved searches ride along too, so they open offline after a restart."""
        try:
            saved_searches.saved_searches(self.session)
        except VanThuError as exc:
            logger.info("saved searches not refreshed (%s); the last list stays", exc)

    def _refresh_trust(self) -> None:
        """The organisation's trust list rides along with every sync; failing to get it never
        fails the sync (the last list received stays in force)."""
        try:
            trust.refresh_from_server(self.session.client)
        except VanThuError as exc:
            logger.warning("trust list not refreshed: %s", exc.message("en"))

    # -- workflow ------------------------------------------------------------------------
    def colleagues(self) -> list[Colleague]:
        return workflow.colleagues(self.session)

    def organisations(self) -> list[Organisation]:
        return workflow.organisations(self.session)

    def take_step(self, document: Document, step: workflow.StepInput) -> workflow.StepOutcome:
        """One workflow step on ``document`` as the user saw it (see ``services.workflow``)."""
        return workflow.take_step(self.session, document, step)

    def next_number(self, document: Document) -> NextNumber:
        """The number numbering or registering ``document`` would take now (needs the server)."""
        return workflow.next_number(self.session, document)

    def may_register(self) -> bool:
        """Clerks enter incoming documents in the register."""
        return self.user.role == "clerk"

    def register_incoming(
        self, entry: registration.IncomingInput, key: str | None = None
    ) -> registration.RegistrationOutcome:
        """An incoming document entered by hand, registered at once (``services.registration``);
        the same ``key`` again (after a duplicate warning) reuses the document made the first time."""
        return registration.register_incoming(self.session, entry, key)

    def register_arrived(
        self, document: Document, entry: registration.IncomingInput
    ) -> registration.RegistrationOutcome:
        """An arrived document registered with the fields as checked (``services.registration``)."""
        return registration.register_arrived(self.session, document, entry)

    def may_draft(self) -> bool:
        """Specialists and clerks write outgoing drafts (the server checks it again)."""
        return self.user.role in ("specialist", "clerk")

    def create_draft(self, draft: drafts.DraftInput) -> drafts.DraftOutcome:
        """A new outgoing draft, checked first (see ``services.drafts``)."""
        return drafts.create_draft(self.session, draft)

    def may_replace_draft_file(self, document: Document) -> bool:
        """The author of an outgoing draft (or one sent back) may give it a corrected PDF."""
        return drafts.may_replace_file(self.user, document)

    def replace_draft_file(
        self, document: Document, file: Path, note: str = ""
    ) -> drafts.DraftFileOutcome:
        """The draft's corrected PDF as its new version, checked first (``services.drafts``)."""
        return drafts.replace_draft_file(self.session, document, file, note)

    def take_steps(
        self, documents: Sequence[Document], step: workflow.StepInput
    ) -> workflow.BatchOutcome:
        """One step on several documents (``services.workflow.take_steps``)."""
        return workflow.take_steps(self.session, documents, step)

    def pending_steps(self) -> dict[int, OutboxEntry]:
        return self.session.outbox.pending_steps()

    # -- work queues ---------------------------------------------------------------------
    def queue_scope(self, part: Part | None = None, today: dt.date | None = None) -> QueueScope:
        """The signed-in user's queues, judged on today's date in Vietnam."""
        return QueueScope(
            self.user.id,
            self.user.role,
            today or today_in_vietnam(),
            self.due_soon_days,
            part,
        )

    def queues(self) -> tuple[Queue, ...]:
        return queues_for(self.user.role)

    def queue_counts(self, today: dt.date | None = None) -> dict[Queue, int]:
        """Each of the role's queues' count: documents from the cache, scans from the watched
        folder's upload queue (``UPLOAD_QUEUES``; none while no folder is set)."""
        counts = queue_counts(self.session.store, self.queue_scope(today=today))
        if UPLOAD_QUEUES & set(self.queues()):
            files = watching.upload_counts(self.watch_folder) if self.watch_folder else {}
            counts[Queue.SCANS_WAITING] = sum(files.get(s, 0) for s in watching.WAITING)
            counts[Queue.UPLOADS_FAILED] = sum(files.get(s, 0) for s in watching.FAILED)
        return counts

    def queue_page(
        self, queue: Queue, part: Part | None = None, limit: int = 50, text: str = ""
    ) -> ListPage:
        query = DocumentQuery(
            text=text,
            queue=queue,
            scope=self.queue_scope(part),
            limit=limit,
            sort=Sort.DUE if by_deadline(queue) else Sort.NEWEST,
        )
        return search(self.session.store, query)

    def replaceable(self, limit: int = 200) -> tuple[DocumentRow, ...]:
        """The organisation's issued documents, newest first: what a new issue may replace."""
        return self.search(DocumentQuery(direction="outgoing", status="issued", limit=limit)).rows

    def _as_me(self, query: DocumentQuery) -> DocumentQuery:
        """Every list row carries the user's part and deadline (``DocumentRow.my_due``)."""
        return query if query.scope is not None else replace(query, scope=self.queue_scope())

    def search(self, query: DocumentQuery, after: Cursor | None = None) -> ListPage:
        return search(self.session.store, self._as_me(query), after)

    def count(self, query: DocumentQuery) -> int:
        return count(self.session.store, self._as_me(query))

    def document(self, document_id: int) -> Document | None:
        return self.session.store.get(document_id)

    def _destroy_withdrawn_files(self) -> None:
        """Files of incoming documents their senders withdrew leave this disk at once."""
        rows = search(
            self.session.store,
            DocumentQuery(direction="incoming", status="withdrawn", limit=10_000),
        ).rows
        for row in rows:
            document = self.session.store.get(row.id)
            if document is not None and self.session.files.destroy(document):
                logger.info("withdrawn document %d: cached file destroyed", row.id)

    def current_document(self, document_id: int) -> Document | None:
        """The document as the server has it now (cached on the way), or the cached copy while
        the server is unreachable: a command acts on what is there when it is typed, with no
        sync first (a step just taken elsewhere, a version just signed, are already in)."""
        try:
            fresh = self.session.client.get_document(document_id)
        except ServerUnavailable:
            self.session.online = False
            return self.document(document_id)
        except NotFound:
            return None
        with self.session.store.write() as conn:
            self.session.store.upsert(conn, [fresh])
        return fresh

    def open_file(self, document: Document) -> Path:
        """The document's current file, from the cache or downloaded (offline: cached files only)."""
        return self.session.files.open(
            self.session.client if self.session.online else None, document
        )

    def close_file(self, path: Path) -> None:
        """The user closed a document: a secret document's file is deleted from the disk."""
        self.session.files.release(path)

    def clear_secret_files(self) -> None:
        """The window closes: no secret document's file stays on disk."""
        self.session.files.clear_transient()

    def pending_versions(self) -> dict[int, OutboxEntry]:
        return self.session.outbox.pending_versions()

    # -- signing -----------------------------------------------------------------------
    def signing_mode(self, documents: Sequence[Document]) -> Mode:
        """The mode a signing action on ``documents`` starts in (``services.signing_defaults``):
        a clerk's seal on numbered documents, a leader's approval on drafts waiting for it."""
        from . import signing_defaults

        return signing_defaults.default_mode(self.user.role, documents)

    def signing_key_id(
        self, mode: Mode, certificates: Sequence[CertificateInfo], profile: SigningProfile
    ) -> str | None:
        """The certificate (CKA_ID) ``mode`` signs with by default: the organisation's to seal."""
        from . import signing_defaults

        return signing_defaults.default_key_id(
            mode, certificates, profile, self.user.organisation_name
        )

    def sign_documents(
        self,
        documents: Sequence[Document],
        active: ActiveSigner,
        signing: DocumentSigning,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> list[DocumentResult]:
        from . import signing as signing_service

        return signing_service.sign_documents(
            self.session, documents, active, signing, progress, cancel
        )

    def validate(
        self, document: Document, profile: SigningProfile, online: bool = False
    ) -> list[SignatureReport]:
        """Fetch the document's file, judge its signatures, let a secret file go again."""
        from . import signing as signing_service

        return signing_service.validate_document(self.session, document, profile, online)

    def validate_file(
        self, path: Path, profile: SigningProfile, online: bool = False
    ) -> list[SignatureReport]:
        """The signatures of a file already open (the document view's)."""
        from . import signing as signing_service

        return signing_service.validate_file(path, profile, online=online)

    # -- uploads -----------------------------------------------------------------------
    def watch(
        self,
        folder: Path,
        profile: WatchProfile,
        on_event: Callable[[EngineEvent], None] | None = None,
    ) -> WatchEngine:
        self.watch_folder = folder  # its upload queue is the archivist's queues
        return watching.start_watch(self.session.client, folder, profile, on_event)

    def upload_queue(
        self, states: tuple[FileState, ...] | None = None, limit: int = 300
    ) -> tuple[dict[FileState, int], list[QueueEntry]]:
        """The watched folder's upload queue on disk: counts by state and the newest files in
        ``states`` (what the upload queues of the navigation open on)."""
        if self.watch_folder is None:
            return {}, []
        return watching.read_queue(self.watch_folder, states, limit)

    def upload(
        self,
        files: Sequence[Path],
        profile: WatchProfile,
        on_event: Callable[[EngineEvent], None] | None = None,
    ) -> list[QueueEntry]:
        return watching.upload_files(self.session.client, files, profile, on_event)

    # -- saved searches, server search, list export (III.6.e, III.6.h) ------------------
    def saved_searches(self) -> list[SavedSearch]:
        """The user's saved searches (the server's; offline, the last list received)."""
        return saved_searches.saved_searches(self.session)

    def saved_search(self, name: str) -> SavedSearch | None:
        """The saved search of that name (ignoring case), or None."""
        return saved_searches.find_saved_search(self.session, name)

    def save_search(self, name: str, query: Mapping[str, Any]) -> SavedSearch:
        """Keep ``query`` (``saved_searches.query_to_saved``) under ``name`` for every machine
        (needs the server: ``SavedSearchesOffline``; a taken name is ``Conflict``)."""
        return saved_searches.save_search(self.session, name, query)

    def rename_search(self, search_id: int, name: str) -> SavedSearch:
        return saved_searches.update_search(self.session, search_id, name=name)

    def update_search(self, search_id: int, query: Mapping[str, Any]) -> SavedSearch:
        """The saved search now holds these filters (and columns)."""
        return saved_searches.update_search(self.session, search_id, query=query)

    def delete_search(self, search_id: int) -> None:
        saved_searches.delete_search(self.session, search_id)

    def saved_query(self, saved: SavedSearch, limit: int = 100) -> DocumentQuery:
        """The list query of a saved search, for this user today (Vietnam)."""
        scope = self.queue_scope()
        return saved_searches.saved_to_query(saved.query, scope.today, scope, limit)

    def unindexed_count(self, query: DocumentQuery) -> int:
        """Secret documents on this machine that ``query``'s text cannot find here (they are
        kept out of the offline index): offer ``search_server`` when this is not 0."""
        return server_search.unindexed_count(self.session, self._as_me(query))

    def search_server(self, query: DocumentQuery) -> list[DocumentRow]:
        """``query`` answered by the server's search, secret documents included."""
        return server_search.search_server(self.session, self._as_me(query))

    def export_list(
        self, rows: Sequence[DocumentRow], columns: Sequence[str], path: Path, title: str
    ) -> Path:
        """The result list as PDF, DOCX or XLSX (by ``path``'s suffix), ``columns`` by their
        keys (``client.cache.query.COLUMN_KEYS``) in the user's order."""
        from . import list_export

        return list_export.export_list(
            rows,
            columns,
            path,
            title,
            organisation=self.user.organisation_name,
            today=today_in_vietnam(),
        )

    def close(self) -> None:
        """Sign-out or exit: no secret file stays behind."""
        self.session.files.clear_transient()
        self.session.store.close()
