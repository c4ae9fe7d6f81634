"""Typed client of the document server API (see docs/api.md).

One ``requests.Session`` per client: TLS verification always on (optionally
with the organisation's CA bundle), timeouts on every call, retries with
backoff only for idempotent methods, and every failure mapped to the
``ApiError`` hierarchy with Vietnamese and English messages.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from base.progress import CancelToken, Progress

from .errors import (
    ApiError,
    AuthError,
    Conflict,
    InsecureServer,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ServerUnavailable,
    TlsError,
    TransferCancelled,
)
from .records import (
    AccessHistory,
    Account,
    Agency,
    AuditEntry,
    AuditPage,
    ChangePage,
    Colleague,
    Department,
    DepartmentLine,
    Document,
    DocumentFilter,
    DocumentPage,
    ExchangeCycle,
    ExchangePackage,
    ExchangeStatus,
    ImportResult,
    IncomingEntry,
    LoginResult,
    LoginStat,
    NextNumber,
    Organisation,
    OutgoingEntry,
    SavedSearch,
    TrustEntry,
    UploadResult,
    User,
    Version,
)
from .records_api import RecordsApi
from .snapshot import SnapshotStream
from .transfer import DeclaredUpload, declare_upload, jsonable, send_upload, stream_to

__all__ = ["ApiClient", "TransferCancelled", "is_safe_url"]

logger = logging.getLogger(__name__)


def _range(start: dt.date, end: dt.date) -> dict[str, str]:
    return {"start": start.isoformat(), "end": end.isoformat()}


_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_BY_STATUS: dict[int, type[ApiError]] = {
    400: InvalidInput,
    401: AuthError,
    403: PermissionDenied,
    404: NotFound,
    409: Conflict,
    413: InvalidInput,
    415: InvalidInput,
    422: InvalidInput,
    428: Conflict,
}


def _error_from_response(reply: requests.Response) -> ApiError:
    try:
        body = reply.json().get("error", {})
    except ValueError:
        body = {}
    cls = _BY_STATUS.get(reply.status_code)
    if cls is None:
        cls = (
            ServerUnavailable if reply.status_code >= 500 or reply.status_code == 429 else ApiError
        )
    vi, en = body.get("message_vi"), body.get("message_en")
    if cls is ServerUnavailable and reply.status_code >= 500 and not vi:
        vi, en = (
            f"Máy chủ gặp lỗi ({reply.status_code}); vui lòng thử lại sau.",
            f"Server error ({reply.status_code}); retry later.",
        )
    code = body.get("code")
    if cls is Conflict and code not in (None, "conflict"):  # a refusal, not a race: say so
        return cls(
            vi,
            en,
            status=reply.status_code,
            code=code,
            title_vi="Không thực hiện được",
            title_en="Not possible",
        )
    return cls(vi, en, status=reply.status_code, code=code)


def is_safe_url(url: str) -> bool:
    """https anywhere; plain http only to this machine (loopback), where nothing crosses a network."""
    parts = urlsplit(url.strip())
    if parts.scheme == "https":
        return True
    if parts.scheme != "http":
        return False
    host = (parts.hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ApiClient:
    """The server API as typed methods; ``base_url`` is the server root."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | None = None,
        timeout: float = 30,
        token: str | None = None,
        retries: int = 3,
        allow_insecure_http: bool = False,
    ) -> None:
        if not (allow_insecure_http or is_safe_url(base_url)):
            raise InsecureServer()  # refused before anything touches the network
        self.base_url = base_url.rstrip("/")
        self.api_url = self.base_url + "/api/v1"
        self.timeout = timeout
        self.token = token
        self.session = requests.Session()
        self.session.verify = ca_bundle or True  # never False: TLS verification stays on
        self.session.headers["User-Agent"] = "VanThuSo/1.0"
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=0.3,
            status_forcelist=(502, 503, 504),
            allowed_methods=_IDEMPOTENT,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=8)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    @cached_property
    def records(self) -> RecordsApi:
        """File lists, case files and the agency archive (``client.records_api``)."""
        return RecordsApi(self)

    # -- plumbing -----------------------------------------------------------------
    def _request(
        self, method: str, path: str, *, expect: tuple[int, ...] = (200,), **kwargs: Any
    ) -> requests.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        kwargs.setdefault("timeout", self.timeout)
        try:
            reply = self.session.request(method, self.api_url + path, headers=headers, **kwargs)
        except requests.exceptions.SSLError as exc:
            raise TlsError() from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServerUnavailable() from exc
        if reply.status_code not in expect:
            error = _error_from_response(reply)
            reply.close()
            raise error
        return reply

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._request(method, path, **kwargs).json()

    # -- auth ----------------------------------------------------------------------
    def login(self, username: str, password: str) -> LoginResult:
        result = LoginResult.from_json(
            self._json("POST", "/auth/login", json={"username": username, "password": password})
        )
        self.token = result.access_token
        return result

    def logout(self) -> None:
        if self.token:
            self._request("POST", "/auth/logout", expect=(204,))
            self.token = None

    def me(self) -> User:
        return User.from_json(self._json("GET", "/auth/me"))

    def trust_list(self) -> list[TrustEntry]:
        """The certificates the organisation's administrators want this client to trust or not."""
        return [TrustEntry.from_json(e) for e in self._json("GET", "/trust")]

    # -- administration (org and province administrators) --------------------------------
    def list_accounts(self, organisation: str | None = None) -> list[Account]:
        params = {"organisation": organisation} if organisation else None
        return [Account.from_json(a) for a in self._json("GET", "/admin/users", params=params)]

    def create_account(
        self,
        username: str,
        full_name: str,
        role: str,
        organisation: str,
        title: str = "",
        password: str = "",
        department_id: int | None = None,
    ) -> tuple[Account, str | None]:
        """The new account and its generated initial password (None when one was given)."""
        body: dict[str, Any] = {
            "username": username,
            "full_name": full_name,
            "role": role,
            "organisation": organisation,
            "title": title,
            "password": password,
        }
        if department_id is not None:
            body["department_id"] = department_id
        data = self._json("POST", "/admin/users", expect=(201,), json=body)
        return Account.from_json(data["account"]), data.get("initial_password")

    def update_account(
        self, account_id: int, *, role: str | None = None, active: bool | None = None
    ) -> Account:
        changes = {k: v for k, v in (("role", role), ("active", active)) if v is not None}
        return Account.from_json(self._json("PATCH", f"/admin/users/{account_id}", json=changes))

    def set_account_department(self, account_id: int, department_id: int | None) -> Account:
        """Put the account in a department of its organisation (None: in none)."""
        body = {"department_id": department_id}
        return Account.from_json(self._json("PATCH", f"/admin/users/{account_id}", json=body))

    def list_departments(self, organisation: str | None = None) -> list[Department]:
        """An organisation's departments (a province administrator without one: all of them)."""
        params = {"organisation": organisation} if organisation else None
        rows = self._json("GET", "/admin/departments", params=params)
        return [Department.from_json(d) for d in rows]

    def create_department(
        self, code: str, name: str, organisation: str | None = None
    ) -> Department:
        body = {"code": code, "name": name}
        if organisation:
            body["organisation"] = organisation
        return Department.from_json(
            self._json("POST", "/admin/departments", expect=(201,), json=body)
        )

    def rename_department(self, department_id: int, name: str) -> Department:
        return Department.from_json(
            self._json("PATCH", f"/admin/departments/{int(department_id)}", json={"name": name})
        )

    def reset_password(self, account_id: int, password: str) -> None:
        self._request(
            "POST",
            f"/admin/users/{account_id}/password",
            expect=(204,),
            json={"password": password},
        )

    # -- documents ---------------------------------------------------------------------
    def list_documents(
        self, filter: DocumentFilter | None = None, cursor: str | None = None, limit: int = 50
    ) -> DocumentPage:
        params = (filter or DocumentFilter()).params() | {"limit": str(limit)}
        if cursor:
            params["cursor"] = cursor
        data = self._json("GET", "/documents", params=params)
        return DocumentPage(
            tuple(Document.from_json(d) for d in data["items"]), data.get("next_cursor")
        )

    def get_document(self, document_id: int) -> Document:
        return Document.from_json(self._json("GET", f"/documents/{int(document_id)}"))

    def create_document(
        self, fields: Mapping[str, Any], idempotency_key: str | None = None
    ) -> Document:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        body = jsonable(fields)
        return Document.from_json(
            self._json("POST", "/documents", json=body, headers=headers, expect=(200, 201))
        )

    def create_document_once(
        self, fields: Mapping[str, Any], idempotency_key: str
    ) -> tuple[Document, bool]:
        """Create with an idempotency key; returns (document, created_now)."""
        body = jsonable(fields)
        reply = self._request(
            "POST",
            "/documents",
            json=body,
            headers={"Idempotency-Key": idempotency_key},
            expect=(200, 201),
        )
        return Document.from_json(reply.json()), reply.status_code == 201

    def organisations(self) -> list[Organisation]:
        return [Organisation.from_json(o) for o in self._json("GET", "/organisations")]

    def colleagues(self) -> list[Colleague]:
        """The active users of one's own organisation (to present, assign or submit to)."""
        return [Colleague.from_json(c) for c in self._json("GET", "/colleagues")]

    def incoming_register(self, start: dt.date, end: dt.date) -> list[IncomingEntry]:
        rows = self._json("GET", "/reports/incoming", params=_range(start, end))
        return [IncomingEntry.from_json(r) for r in rows]

    def outgoing_register(self, start: dt.date, end: dt.date) -> list[OutgoingEntry]:
        rows = self._json("GET", "/reports/outgoing", params=_range(start, end))
        return [OutgoingEntry.from_json(r) for r in rows]

    def processing_report(self, start: dt.date, end: dt.date) -> list[DepartmentLine]:
        rows = self._json("GET", "/reports/processing", params=_range(start, end))
        return [DepartmentLine.from_json(r) for r in rows]

    def take_step(
        self,
        document_id: int,
        action: str,
        revision: int,
        fields: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> Document:
        """One workflow step, decided on ``revision``; a retried key is applied once."""
        headers = {"If-Match": f'"{revision}"'}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        body = {"action": action, **jsonable(dict(fields or {}))}
        return Document.from_json(
            self._json("POST", f"/documents/{int(document_id)}/actions", json=body, headers=headers)
        )

    # -- who read what -------------------------------------------------------------
    def record_access(
        self,
        document_id: int,
        kind: str,
        key: str,
        version: int | None = None,
        at: dt.datetime | None = None,
    ) -> None:
        """Report a view or a print; the same ``key`` sent again is recorded once."""
        body: dict[str, Any] = {"kind": kind, "key": key, "version": version}
        if at is not None:
            body["at"] = at.isoformat()
        self._request(
            "POST", f"/documents/{int(document_id)}/accesses", json=body, expect=(204,)
        ).close()

    def access_history(self, document_id: int) -> AccessHistory:
        return AccessHistory.from_json(self._json("GET", f"/documents/{int(document_id)}/accesses"))

    def audit_events(
        self, filters: Mapping[str, Any], cursor: str | None = None, limit: int = 200
    ) -> AuditPage:
        """The audit trail, newest first (``filters``: category, action, username, document,
        since, until)."""
        params = {k: v for k, v in jsonable(dict(filters)).items() if v not in (None, "")}
        params["limit"] = limit
        if cursor:
            params["cursor"] = cursor
        data = self._json("GET", "/admin/audit", params=params)
        items = tuple(AuditEntry.from_json(e) for e in data["items"])
        return AuditPage(items, data.get("next_cursor"))

    def login_stats(self, start: dt.date, end: dt.date, by_month: bool = False) -> list[LoginStat]:
        params = {"since": start.isoformat(), "until": end.isoformat()}
        params["period"] = "month" if by_month else "day"
        return [
            LoginStat.from_json(r) for r in self._json("GET", "/admin/audit/logins", params=params)
        ]

    # -- saved searches (the user's own) ------------------------------------------------
    def saved_searches(self) -> list[SavedSearch]:
        return [SavedSearch.from_json(s) for s in self._json("GET", "/saved-searches")]

    def create_saved_search(self, name: str, query: Mapping[str, Any]) -> SavedSearch:
        """409 (``Conflict``, code ``duplicate_name`` or ``too_many``) when it cannot be kept."""
        body = {"name": name, "query": jsonable(dict(query))}
        return SavedSearch.from_json(
            self._json("POST", "/saved-searches", expect=(201,), json=body)
        )

    def update_saved_search(
        self, search_id: int, *, name: str | None = None, query: Mapping[str, Any] | None = None
    ) -> SavedSearch:
        """Rename, change the filters, or both (``None`` leaves it as it is)."""
        body: dict[str, Any] = {}
        if name is not None:
            body["name"] = name
        if query is not None:
            body["query"] = jsonable(dict(query))
        return SavedSearch.from_json(
            self._json("PUT", f"/saved-searches/{int(search_id)}", json=body)
        )

    def delete_saved_search(self, search_id: int) -> None:
        self._request("DELETE", f"/saved-searches/{int(search_id)}", expect=(204,)).close()

    def update_document(
        self, document_id: int, changes: Mapping[str, Any], revision: int
    ) -> Document:
        body = jsonable(changes)
        return Document.from_json(
            self._json(
                "PATCH",
                f"/documents/{int(document_id)}",
                json=body,
                headers={"If-Match": f'"{revision}"'},
            )
        )

    def delete_document(self, document_id: int) -> None:
        self._request("DELETE", f"/documents/{int(document_id)}", expect=(204,))

    def next_number(self, document_id: int, register_id: int | None = None) -> NextNumber:
        """The number a NUMBER (outgoing) or REGISTER (incoming) step would take now."""
        params = {"register_id": register_id} if register_id else None
        return NextNumber.from_json(
            self._json("GET", f"/documents/{int(document_id)}/next-number", params=params)
        )

    def changes(
        self,
        updated_since: int,
        limit: int = 500,
        etag: str = "",
        documents: bool = True,
    ) -> ChangePage:
        """One page of the change feed after ``updated_since``. ``etag``: the tag of the page
        that ended there — when nothing changed since, the server answers 304 and this returns
        an empty page with ``not_modified``. ``documents=False`` keeps each change's record as
        the server's JSON (``Change.record``) instead of a ``Document``."""
        reply = self._request(
            "GET",
            "/changes",
            params={"updated_since": updated_since, "limit": limit},
            headers={"If-None-Match": etag} if etag else None,
            expect=(200, 304),
        )
        tag = reply.headers.get("ETag", "")
        if reply.status_code == 304:
            return ChangePage((), updated_since, False, etag=tag or etag, not_modified=True)
        return replace(ChangePage.from_json(reply.json(), documents=documents), etag=tag)

    def snapshot(self, after: int = 0) -> SnapshotStream:
        """Every document this user may read, streamed for a first sync (``SnapshotStream``;
        close it, or use it as a context manager). ``after``: resume a cut-off one past this
        document id. A server without snapshots answers ``NotFound``."""
        reply = self._request(
            "GET",
            "/changes/snapshot",
            params={"after": after},
            headers={"Accept-Encoding": "gzip"},
            stream=True,
        )
        return SnapshotStream(reply)

    def add_version(
        self,
        document_id: int,
        sha256: str,
        filename: str,
        note: str,
        base_version: int,
        content_type: str = "application/pdf",
    ) -> Version:
        body = {"sha256": sha256, "filename": filename, "note": note, "content_type": content_type}
        return Version.from_json(
            self._json(
                "POST",
                f"/documents/{int(document_id)}/versions",
                json=body,
                headers={"If-Match": f'"{base_version}"'},
                expect=(201,),
            )
        )

    # -- files -------------------------------------------------------------------------
    def download(
        self,
        sha256: str,
        dest: Path,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """Stream a blob to ``dest`` (resuming a ``.part`` file with Range), verified by sha256."""
        from .transfer import download_to

        return download_to(self, f"/files/{sha256}", sha256, Path(dest), progress, cancel)

    def upload_file(
        self,
        path: Path,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        sha256: str | None = None,
        document: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> UploadResult:
        """Resumable upload; a re-run after a crash or network loss continues at the server's offset.

        With ``document`` (fields of ``create_document``) the server creates that
        document from the upload as soon as the bytes are complete.
        """
        return self.send_upload(
            self.declare_upload(path, sha256, document, idempotency_key), progress, cancel
        )

    def declare_upload(
        self,
        path: Path,
        sha256: str | None = None,
        document: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> DeclaredUpload:
        """The first half of ``upload_file``: tell the server what is coming (one small request),
        so a pipeline can declare the next file while this one's bytes are still on the way."""
        return declare_upload(self, Path(path), sha256, document, idempotency_key)

    def send_upload(
        self,
        declared: DeclaredUpload,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> UploadResult:
        """The second half of ``upload_file``: send the bytes from the server's offset on."""
        return send_upload(self, declared, progress, cancel)

    # -- the inter-agency exchange (edXML over the national axis) ---------------------------
    def exchange_agencies(self, q: str = "", limit: int = 50) -> list[Agency]:
        """The agencies the axis knows whose name or code holds ``q`` (diacritics optional)."""
        params = {"q": q, "limit": str(limit)}
        return [Agency.from_json(a) for a in self._json("GET", "/exchange/agencies", params=params)]

    def exchange_status(self, organisation: str | None = None) -> ExchangeStatus:
        params = {"organisation": organisation} if organisation else None
        return ExchangeStatus.from_json(self._json("GET", "/exchange/status", params=params))

    def set_exchange_connection(
        self,
        url: str,
        system_id: str,
        secret: str | None,
        *,
        enabled: bool = True,
        poll_seconds: int = 60,
        organisation: str | None = None,
    ) -> ExchangeStatus:
        """How the organisation reaches the axis; ``secret`` None keeps the one already set
        (it is write-only: the server never returns it)."""
        body: dict[str, Any] = {
            "url": url,
            "system_id": system_id,
            "enabled": enabled,
            "poll_seconds": poll_seconds,
        }
        if secret is not None:
            body["secret"] = secret
        if organisation:
            body["organisation"] = organisation
        return ExchangeStatus.from_json(self._json("PUT", "/exchange/connection", json=body))

    def set_agency_code(self, code: str, organisation: str | None = None) -> ExchangeStatus:
        body = {"code": code, **({"organisation": organisation} if organisation else {})}
        return ExchangeStatus.from_json(self._json("PUT", "/exchange/agency-code", json=body))

    def retry_exchange_package(self, package_id: int) -> ExchangePackage:
        return ExchangePackage.from_json(
            self._json("POST", f"/exchange/outbox/{int(package_id)}/retry")
        )

    def exchange_send_pending(self) -> ExchangeCycle:
        """Send what waits and fetch what came, now (not at the next poll)."""
        return ExchangeCycle.from_json(self._json("POST", "/exchange/send-pending"))

    def import_package(self, path: Path) -> ImportResult:
        """One edXML package from a file, streamed as the request body (a package can be large:
        its attachments are inside). Not retried on its own: the server finds a repeat itself."""
        with Path(path).open("rb") as fh:
            return ImportResult.from_json(
                self._json(
                    "POST",
                    "/exchange/import",
                    data=fh,
                    headers={"Content-Type": "application/xml"},
                    timeout=max(self.timeout, 300),
                )
            )

    def export_package(
        self,
        document_id: int,
        dest: Path,
        to: Sequence[str] = (),
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """The document's edXML package into ``dest`` (atomically); with ``to``, recorded on the
        server as delivered by hand to those agencies."""
        params = [("to", code) for code in to]
        return stream_to(
            self, f"/documents/{int(document_id)}/edxml", Path(dest), params, progress, cancel
        )

    def exchange_attachment(
        self,
        document_id: int,
        sha256: str,
        dest: Path,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """One attachment of an exchanged document into ``dest`` (verified by its sha256)."""
        from .transfer import download_to

        path = f"/documents/{int(document_id)}/exchange/attachments/{sha256}"
        return download_to(self, path, sha256, Path(dest), progress, cancel)
