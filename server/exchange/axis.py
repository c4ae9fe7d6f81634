"""Our client of the national document exchange axis, speaking VNPT's SDKVXP operations.

Register, delete and list agencies; send a package; list, fetch and acknowledge what waits for
this system; follow what it sent.  On the wire each is the SDK's: a POST (GET for the
download) to ``<base URL>/<operation>`` with its parameters in ``XroadVnpt-`` headers, signed
as the SDK signs them, answered by the SDK's result object (``axis_protocol`` has the details
and our additions).  Packages are opaque files of up to hundreds of MB: they are
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

import requests
from requests.adapters import HTTPAdapter

from .axis_protocol import (
    SERVICE_TYPE,
    SHA256_HEADER,
    SIZE_HEADER,
    AxisAuthError,
    AxisError,
    AxisRefused,
    AxisSettings,
    AxisUnavailable,
    DeliveryState,
    MessageType,
    Operation,
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
        self._base = settings.url.rstrip("/") + "/"
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
        """Register (or update) an agency as this system's: only this system may send from it.

        The agency travels as the SDK's JSON body (a Vietnamese name stays UTF-8 there), its
        sha256 a signed header."""
        body = _json_bytes(
            {
                "id": agency.code,
                "pcode": agency.parent_code,
                "code": agency.code,
                "name": agency.name,
                "mail": agency.email,
                "mobile": agency.phone,
                "fax": agency.fax,
            }
        )
        params = {"sha256": hashlib.sha256(body).hexdigest()}
        self._result(self._call(Operation.REGISTER_AGENCY, params, data=body))

    def delete_agency(self, code: str) -> None:
        self._result(self._call(Operation.DELETE_AGENCY, {"AgencyCode": _value(code)}))

    def list_agencies(self) -> list[Agency]:
        """Every agency on the axis (the directory the recipients are chosen from)."""
        result = self._result(self._call(Operation.GET_AGENCIES_LIST, {}))
        items = _list(result.get("data", result.get("agencies")))
        return _parse(lambda: [_agency(item) for item in items])

    # -- packages ---------------------------------------------------------------------------

    def send(
        self, package: Path, *, sender: str, to: Sequence[str], message_type: MessageType
    ) -> str:
        """Upload ``package`` from agency ``sender`` to the ``to`` agencies; the axis's id.

        The file is read twice, never held: once for its sha256 (a signed header, so the
        signature covers the content), once streamed as the body.
        """
        recipients = list(dict.fromkeys(to))
        if not recipients or not all(code and code.strip() == code for code in recipients):
            raise ValueError("recipients must be non-empty agency codes")
        size = package.stat().st_size
        sha256 = file_sha256(package)
        params = {
            "from": _value(sender),
            "to": json.dumps(recipients, separators=(",", ":"), ensure_ascii=False),
            "servicetype": SERVICE_TYPE,
            "messagetype": MessageType(message_type).value,
            "hash-file": _sdk_hash_file(sha256),
            "sha256": sha256,
            "size": str(size),
        }
        with package.open("rb") as body:
            reply = self._call(Operation.SEND_EDOC, params, content_type=PACKAGE, data=body)
        result = self._result(reply)
        remote_id = _parse(lambda: _text(result["DocId"]))
        logger.info("sent package %s from %s to %d agencies", remote_id, sender, len(recipients))
        return remote_id

    def list_received(self, message_type: MessageType | None = None) -> list[Received]:
        """Packages addressed to this system's agencies not yet acknowledged done or fail."""
        params = {"servicetype": SERVICE_TYPE}
        if message_type:
            params["messagetype"] = MessageType(message_type).value
        result = self._result(self._call(Operation.GET_RECEIVED_EDOC_LIST, params))
        items = _list(result.get("data"))
        return _parse(lambda: [_received(item) for item in items])

    def fetch(self, remote_id: str, dest: Path) -> Path:
        """Download a package to ``dest``: streamed into a temporary file beside it, checked
        against the axis's size and sha256, then renamed, so ``dest`` is whole or absent."""
        params = {"docId": _value(remote_id)}
        with self._streamed(Operation.GET_EDOC, params) as reply:
            try:
                want_size = int(reply.headers[SIZE_HEADER])
                want_sha = reply.headers[SHA256_HEADER].lower()
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
        params = {
            "status": DeliveryState(state).value,
            "docId": _value(remote_id),
            "to": _value(agency),
        }
        self._result(self._call(Operation.UPDATE_STATUS, params))

    def list_sent(self, agency: str | None = None) -> list[Sent]:
        """What this system sent (from ``agency`` only, if given), newest first."""
        params = {"servicetype": SERVICE_TYPE}
        if agency:
            params["from"] = agency
        result = self._result(self._call(Operation.GET_SENT_EDOC_LIST, params))
        items = _list(result.get("data"))
        return _parse(lambda: _sent(items))

    # -- transport --------------------------------------------------------------------------

    def _call(
        self,
        operation: Operation,
        params: Mapping[str, str],
        *,
        method: str = "POST",
        content_type: str = JSON,
        data: bytes | BinaryIO | None = None,
        stream: bool = False,
    ) -> requests.Response:
        """One operation: its logical headers (``Content-Type`` first, as the SDK's), then the
        parameters, then ours (the ``operation`` and a ``nonce``), signed."""
        logical = {
            "Content-Type": content_type,
            **params,
            "operation": operation.value,
            "nonce": secrets.token_hex(16),
        }
        headers = sign_request(self.settings, logical)
        try:
            reply = self._session.request(
                method,
                self._base + operation.value,
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
    def _streamed(
        self, operation: Operation, params: Mapping[str, str]
    ) -> Iterator[requests.Response]:
        reply = self._call(operation, params, method="GET", stream=True)
        try:
            if _is_json(reply):  # a result object where bytes were expected: a refusal
                self._result(reply)
                raise _malformed()
            yield reply
        finally:
            reply.close()

    def _result(self, reply: requests.Response) -> dict[str, Any]:
        """The SDK's result object of a reply; a ``FAIL`` (even with HTTP 200) is a refusal."""
        result = _json(reply)
        if not isinstance(result, dict):
            raise _malformed()
        if result.get("status") != "OK":
            raise _failure(result, reply.status_code)
        return result


def _value(text: str) -> str:
    """An id or a code placed in a header: non-empty, no outer spaces."""
    if not text or text.strip() != text:
        raise ValueError(f"{text!r} cannot be an id on the axis")
    return text


def _sdk_hash_file(sha256_hex: str) -> str:
    """The SDK's ``hash-file`` of a package: its sha256 with each byte in *unpadded* hex
    (``Integer.toHexString``), sent as the SDK sends it; the hub relies on ``sha256``."""
    return "".join(f"{byte:x}" for byte in bytes.fromhex(sha256_hex))


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise _malformed()
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


def _is_json(reply: requests.Response) -> bool:
    media = reply.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return media == "application/json"


def _failure(result: Mapping[str, Any], status: int | None) -> AxisError:
    """A ``FAIL`` result object as an exception of the right kind, keeping its two messages
    (ours) or the SDK's ``ErrorDesc`` for both."""
    code = str(result.get("ErrorCode") or "axis_error")
    desc = result.get("ErrorDesc")
    vi, en = result.get("message_vi", desc), result.get("message_en", desc)
    message_vi = str(vi) if isinstance(vi, str) and vi else None
    message_en = str(en) if isinstance(en, str) and en else None
    if status is not None and (status >= 500 or status in (408, 429)):
        return AxisUnavailable(message_vi, message_en, code=code, status=status)
    if status in (401, 403):
        return AxisAuthError(message_vi, message_en, code=code, status=status)
    if (status is not None and status >= 400) or result.get("status") == "FAIL":
        return AxisRefused(message_vi, message_en, code=code, status=status)
    return AxisError(message_vi, message_en, code=code, status=status)  # a redirect


def _refusal(reply: requests.Response) -> AxisError:
    """An HTTP error as an exception of the right kind, with the result object's reason."""
    try:
        result = reply.json()
    except ValueError:
        result = None
    return _failure(result if isinstance(result, dict) else {}, reply.status_code)


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


def _text(value: object) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool) or value == "":
        raise ValueError("not an id")
    return str(value)


def _first(item: Mapping[str, Any], *names: str) -> Any:
    """The first of ``names`` the item has (the SDK's key, then the names seen elsewhere)."""
    for name in names:
        if name in item:
            return item[name]
    raise KeyError(names[0])


def _instant(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _agency(item: Mapping[str, Any]) -> Agency:
    return Agency(
        code=str(item["code"]),
        name=str(item["name"]),
        parent_code=str(item.get("pcode") or item.get("pid") or ""),
        email=str(item.get("mail") or ""),
        phone=str(item.get("mobile") or ""),
        fax=str(item.get("fax") or ""),
        system_id=str(item.get("systemid") or ""),
    )


def _received(item: Mapping[str, Any]) -> Received:
    return Received(
        remote_id=_text(_first(item, "docId", "id")),
        sender=str(item["from"]),
        to=str(item["to"]),
        message_type=MessageType(str(_first(item, "messageType", "messagetype")).lower()),
        sent_at=_instant(item["created_time"]),
        size=int(item["size"]),
        sha256=str(item["sha256"]).lower(),
    )


def _sent(items: list[Any]) -> list[Sent]:
    """The SDK's sent list has one item per recipient: grouped back into one ``Sent`` per
    package, in the order they came (newest first)."""
    sent: dict[str, Sent] = {}
    for item in items:
        remote_id = _text(_first(item, "senderDocId", "docId", "id"))
        if remote_id not in sent:
            sent[remote_id] = Sent(
                remote_id=remote_id,
                sender=str(_first(item, "fromCode", "from")),
                message_type=MessageType(str(_first(item, "messageType", "messagetype")).lower()),
                sent_at=_instant(_first(item, "sentTime", "created_time")),
            )
        agency = str(_first(item, "toCode", "to"))
        sent[remote_id].states[agency] = DeliveryState(str(item["receiveStatus"]).lower())
    return list(sent.values())
