"""Our client of the national document exchange axis (the operations of VNPT's SDKVXP).

Register, delete and list agencies; send a package; list, fetch and acknowledge what waits for
this system; follow what it sent.  Packages are opaque files of up to hundreds of MB: they are
streamed from and to disk, never held in memory, and their sha256 is checked both ways.
Every failure is an ``AxisError``: ``AxisUnavailable`` means "try again later" (the agent backs
off), ``AxisRefused`` carries the hub's reason, ``AxisAuthError`` is a credentials problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, TypeVar
from urllib.parse import quote

import requests
from requests.adapters import HTTPAdapter

from .axis_protocol import (
    API_PREFIX,
    AxisAuthError,
    AxisError,
    AxisRefused,
    AxisSettings,
    AxisUnavailable,
    DeliveryState,
    MessageType,
    sign_request,
)

__all__ = [
    "Agency",
    "AxisAuthError",
    "AxisClient",
    "AxisError",
    "AxisRefused",
    "AxisSettings",
    "AxisUnavailable",
    "DeliveryState",
    "MessageType",
    "Received",
    "Sent",
    "file_sha256",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK = 1024 * 1024
JSON = "application/json"
PACKAGE = "application/octet-stream"


@dataclass(frozen=True)
class Agency:
    """An agency (cơ quan) on the axis; ``system_id`` is the system that registered it."""

    code: str
    name: str
    parent_code: str = ""
    email: str = ""
    phone: str = ""
    fax: str = ""
    system_id: str = ""


@dataclass(frozen=True)
class Received:
    """A package waiting for one agency of this system (``to``): one row per recipient agency."""

    remote_id: str
    sender: str
    to: str
    message_type: MessageType
    sent_at: dt.datetime
    size: int
    sha256: str


@dataclass(frozen=True)
class Sent:
    """A package this system sent, with each recipient agency's delivery state."""

    remote_id: str
    sender: str
    message_type: MessageType
    sent_at: dt.datetime
    states: dict[str, DeliveryState] = field(default_factory=dict)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class AxisClient:
    """One system's connection to the axis; a context manager closing its connection pool.

    No automatic retries: a failed call raises, and the caller (the exchange agent) decides
    when to try again.
    """

    def __init__(self, settings: AxisSettings, *, pool_size: int = 4) -> None:
        self.settings = settings
        self._base = settings.url.rstrip("/") + API_PREFIX + "/"
        self._session = requests.Session()
        self._session.verify = settings.verify
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=pool_size, max_retries=0)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    def __repr__(self) -> str:
        return f"AxisClient({self.settings.url!r}, system_id={self.settings.system_id!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> AxisClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- agencies ---------------------------------------------------------------------------

    def register_agency(self, agency: Agency) -> None:
        """Register (or update) an agency as this system's: only this system may send from it."""
        fields = {
            "code": agency.code,
            "name": agency.name,
            "parent_code": agency.parent_code,
            "email": agency.email,
            "phone": agency.phone,
            "fax": agency.fax,
        }
        body = _json_bytes(fields)
        params = {"sha256": hashlib.sha256(body).hexdigest()}
        self._call("POST", "agencies", params, content_type=JSON, data=body).close()

    def delete_agency(self, code: str) -> None:
        self._call("DELETE", f"agencies/{_segment(code)}", {}).close()

    def list_agencies(self) -> list[Agency]:
        """Every agency on the axis (the directory the recipients are chosen from)."""
        items = self._items(self._call("GET", "agencies", {}))
        return _parse(lambda: [_agency(item) for item in items])

    # -- packages ---------------------------------------------------------------------------

    def send(
        self, package: Path, *, sender: str, to: Sequence[str], message_type: MessageType
    ) -> str:
        """Upload ``package`` from agency ``sender`` to the ``to`` agencies; the axis's id.

        The file is read twice, never held: once for its sha256 (a signed parameter, so the
        signature covers the content), once streamed as the body.
        """
        recipients = list(dict.fromkeys(to))
        if not recipients or any("," in code or not code for code in recipients):
            raise ValueError("recipients must be non-empty agency codes without commas")
        size = package.stat().st_size
        params = {
            "from": sender,
            "to": ",".join(recipients),
            "messagetype": MessageType(message_type).value,
            "sha256": file_sha256(package),
            "size": str(size),
        }
        with package.open("rb") as body:
            reply = self._call("POST", "edocs", params, content_type=PACKAGE, data=body)
        remote_id = _parse(lambda: str(_json(reply)["doc_id"]))
        logger.info("sent package %s from %s to %d agencies", remote_id, sender, len(recipients))
        return remote_id

    def list_received(self, message_type: MessageType | None = None) -> list[Received]:
        """Packages addressed to this system's agencies not yet acknowledged done or fail."""
        params = {"messagetype": MessageType(message_type).value} if message_type else {}
        items = self._items(self._call("GET", "edocs/received", params))
        return _parse(lambda: [_received(item) for item in items])

    def fetch(self, remote_id: str, dest: Path) -> Path:
        """Download a package to ``dest``: streamed into a temporary file beside it, checked
        against the axis's size and sha256, then renamed, so ``dest`` is whole or absent."""
        with self._streamed("GET", f"edocs/{_segment(remote_id)}") as reply:
            try:
                want_size = int(reply.headers["X-Axis-Size"])
                want_sha = reply.headers["X-Axis-Sha256"].lower()
            except (KeyError, ValueError) as exc:
                raise _malformed() from exc
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(
                prefix=f".{dest.name}.", suffix=".part", dir=dest.parent
            )
            tmp = Path(tmp_name)
            try:
                with os.fdopen(fd, "wb") as out:
                    size, sha = _copy(reply, out)
                    out.flush()
                    os.fsync(out.fileno())
                if size != want_size or sha != want_sha:
                    raise AxisError(
                        f"Gói tin {remote_id} tải về bị hỏng ({size} byte, sha256 {sha[:12]}…).",
                        f"Package {remote_id} arrived corrupted ({size} bytes, sha256 {sha[:12]}…).",
                        code="digest_mismatch",
                    )
                os.replace(tmp, dest)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        return dest

    def update_state(self, remote_id: str, agency: str, state: DeliveryState) -> None:
        """Acknowledge a package received for ``agency``: processing, done or fail."""
        params = {"agency": agency, "status": DeliveryState(state).value}
        self._call("PUT", f"edocs/{_segment(remote_id)}/status", params).close()

    def list_sent(self, agency: str | None = None) -> list[Sent]:
        """What this system sent (from ``agency`` only, if given), newest first."""
        params = {"agency": agency} if agency else {}
        items = self._items(self._call("GET", "edocs/sent", params))
        return _parse(lambda: [_sent(item) for item in items])

    # -- transport --------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        route: str,
        params: Mapping[str, str],
        *,
        content_type: str = "",
        data: bytes | BinaryIO | None = None,
        stream: bool = False,
    ) -> requests.Response:
        signed = {**params, "op": f"{method} {route}", "nonce": secrets.token_hex(8)}
        headers = sign_request(self.settings, content_type, signed)
        url = self._base + quote(route, safe="/")
        try:
            reply = self._session.request(
                method,
                url,
                headers=headers,
                data=data,
                stream=stream,
                timeout=self.settings.timeout,
                verify=self.settings.verify,  # per request: an env CA bundle must not replace it
                allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            raise AxisError(
                "Không xác minh được chứng thư TLS của trục liên thông.",
                "The axis's TLS certificate cannot be verified.",
                code="tls",
            ) from exc
        except requests.RequestException as exc:
            raise AxisUnavailable(code="unavailable") from exc
        if reply.status_code >= 300:
            try:
                raise _refusal(reply)
            finally:
                reply.close()
        return reply

    @contextmanager
    def _streamed(self, method: str, route: str) -> Iterator[requests.Response]:
        reply = self._call(method, route, {}, stream=True)
        try:
            yield reply
        finally:
            reply.close()

    def _items(self, reply: requests.Response) -> list[Any]:
        items = _parse(lambda: _json(reply)["items"])
        if not isinstance(items, list):
            raise _malformed()
        return items


def _segment(value: str) -> str:
    """A code or id placed in a route: one path segment, never a dot segment."""
    if value in ("", ".", "..") or "/" in value:
        raise ValueError(f"{value!r} cannot be an id on the axis")
    return value


def _copy(reply: requests.Response, out: BinaryIO) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    try:
        for chunk in reply.iter_content(CHUNK):
            out.write(chunk)
            digest.update(chunk)
            size += len(chunk)
    except requests.RequestException as exc:
        raise AxisUnavailable(code="unavailable") from exc
    return size, digest.hexdigest()


def _refusal(reply: requests.Response) -> AxisError:
    """The hub's JSON error as an exception of the right kind, keeping its two messages."""
    status = reply.status_code
    vi = en = None
    code = "axis_error"
    try:
        error = reply.json()["error"]
        code, vi, en = str(error["code"]), str(error["message_vi"]), str(error["message_en"])
    except (ValueError, KeyError, TypeError):
        pass
    if status >= 500 or status in (408, 429):
        return AxisUnavailable(vi, en, code=code, status=status)
    if status in (401, 403):
        return AxisAuthError(vi, en, code=code, status=status)
    if 400 <= status < 500:
        return AxisRefused(vi, en, code=code, status=status)
    return AxisError(vi, en, code=code, status=status)  # a redirect: a misconfigured url


def _json_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _json(reply: requests.Response) -> Any:
    try:
        return reply.json()
    except ValueError as exc:  # also requests' JSONDecodeError
        raise _malformed() from exc
    finally:
        reply.close()


def _malformed() -> AxisError:
    return AxisError(
        "Trục liên thông trả lời không đúng định dạng.",
        "The axis sent a reply in an unexpected format.",
        code="malformed_reply",
    )


def _parse(build: Callable[[], T]) -> T:
    """Run a reply-decoding step; any shape error becomes one ``AxisError``."""
    try:
        return build()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed() from exc


def _instant(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _agency(item: Mapping[str, Any]) -> Agency:
    return Agency(
        code=str(item["code"]),
        name=str(item["name"]),
        parent_code=str(item.get("parent_code") or ""),
        email=str(item.get("email") or ""),
        phone=str(item.get("phone") or ""),
        fax=str(item.get("fax") or ""),
        system_id=str(item.get("system_id") or ""),
    )


def _received(item: Mapping[str, Any]) -> Received:
    return Received(
        remote_id=str(item["doc_id"]),
        sender=str(item["from"]),
        to=str(item["to"]),
        message_type=MessageType(item["messagetype"]),
        sent_at=_instant(item["sent_at"]),
        size=int(item["size"]),
        sha256=str(item["sha256"]),
    )


def _sent(item: Mapping[str, Any]) -> Sent:
    return Sent(
        remote_id=str(item["doc_id"]),
        sender=str(item["from"]),
        message_type=MessageType(item["messagetype"]),
        sent_at=_instant(item["sent_at"]),
        states={str(k): DeliveryState(v) for k, v in dict(item["states"]).items()},
    )
