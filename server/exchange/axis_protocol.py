"""The axis's wire contract, shared by our client (``axis``) and the reference hub (``hub``).

One vocabulary for both sides of the wire, so the client and the hub cannot drift: the message
types, the delivery states, the operations, the request authentication and the reply objects.
Nothing here imports ``requests``: the hub runs on the server's base install.

The format is the one of VNPT's public Java SDK for the national axis (SDKVXP, package
``com.vpcp.services``), as far as it is known.

**Operations** are paths named as the SDK's methods under the axis's base URL
(``Operation``): ``registerAgency``, ``getAgenciesList``, ``deleteAgency``, ``sendEdoc``,
``getReceivedEdocList``, ``getEdoc``, ``updateStatus``, ``getSentEdocList``.  Their parameters
are not in the URL or a form but in headers, as in the SDK.

**Authentication** (the SDK's ``VnptService.addXroadVnptHashHeader``).  A request has *logical
headers*: ``timestamp`` (``ddMMyyyy'T'HHmmss+SSSS``, Java ``SimpleDateFormat``: ``SSSS`` is the
milliseconds padded to four digits; Vietnam time), ``systemid``, ``Content-Type`` and the
operation's parameters (the SDK's per-operation JSON "header", e.g. sendEdoc ``{"from": ...,
"servicetype": "eDoc", "messagetype": "edoc"}``).  Each ``name: value`` is sent as the header
``XroadVnpt-<name>: value``; then

- ``XroadVnpt-sign-header-key``: the names joined with ``;``;
- ``XroadVnpt-sign-header``: the compact JSON object ``{"XroadVnpt-<name>": value, ...}`` in
  the order of the sign-header-key;
- ``XroadVnpt-hash-header``: the lowercase hex HMAC-SHA256 of the exact UTF-8 bytes of that JSON
  text, keyed with the system's secret (UTF-8);
- ``XroadVnpt-version: 3.0.201608`` and a ``User-Agent``, not signed (as in the SDK); the
  ``Content-Type`` is also sent as itself.

The receiver (``check_request``) recomputes the HMAC over the sign-header text *as received*
with the secret of its ``XroadVnpt-systemid`` (constant-time compare; an unknown system and a
wrong secret get the same answer), requires every signed name to be present as its own header
with the very value signed, refuses any other ``XroadVnpt-`` header (nothing unsigned is acted
on), requires the real ``Content-Type`` to be the signed one, and the timestamp within
``MAX_SKEW`` (five minutes) of its clock.

**Our additions** to the SDK's format, all ordinary signed logical headers, so a receiver that
does not know them still verifies the request:

- ``nonce``: random per request; the hub accepts a signature once (no replay within the window);
- ``operation``: the operation the request is for (its path), so a captured request cannot be
  pointed at another operation;
- ``sha256`` of the body (and ``size`` for a package), so the HMAC covers the content too (the
  SDK's own ``hash-file``, the sha256 with each byte in unpadded hex, is sent as well on
  ``sendEdoc`` but not relied on);
- ``to`` on ``updateStatus`` (the recipient agency whose copy is acknowledged: one package has
  one id for all its recipients here) and ``from`` on ``getSentEdocList`` (one sending agency);
- **non-ASCII values**: header values are latin-1 on the wire, so a value holding anything but
  printable ASCII, or a ``%``, is sent percent-encoded UTF-8 (RFC 3986 ``%XX``) and the receiver
  percent-decodes every value; the signed JSON holds the encoded text.  Free text (an agency's
  Vietnamese name) travels in a JSON body covered by ``sha256`` instead.

**Replies** are the SDK's result objects (``ok``, ``failure``): ``{"status": "OK", "ErrorCode":
"0", "ErrorDesc": "Success", ...data}`` or ``{"status": "FAIL", "ErrorCode": <our stable code>,
"ErrorDesc": <English>, "message_vi", "message_en"}`` (the two messages are ours), with a
meaningful HTTP status besides (401 authentication, 403, 404, 409, 4xx input, 5xx).  A package
(``getEdoc``) comes back as the raw bytes, streamed, its ``XroadVnpt-size`` and
``XroadVnpt-sha256`` in reply headers (ours too: the SDK's ``getEdoc`` answers base64 in JSON,
which cannot be streamed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import quote, unquote

from base.errors import VanThuError

__all__ = [
    "AXIS_TZ",
    "AxisAuthError",
    "AxisError",
    "AxisRefused",
    "AxisSettings",
    "AxisUnavailable",
    "DeliveryState",
    "HASH_HEADER",
    "HEADER_PREFIX",
    "MAX_SKEW",
    "MessageType",
    "Operation",
    "SDK_VERSION",
    "SERVICE_TYPE",
    "SHA256_HEADER",
    "SIGN_HEADER",
    "SIGN_HEADER_KEY",
    "SIZE_HEADER",
    "SignedRequest",
    "USER_AGENT",
    "VERSION_HEADER",
    "check_request",
    "decode_value",
    "encode_value",
    "failure",
    "format_timestamp",
    "hmac_hex",
    "ok",
    "parse_timestamp",
    "sign_header_text",
    "sign_request",
]

HEADER_PREFIX = "XroadVnpt-"
SIGN_HEADER_KEY = "XroadVnpt-sign-header-key"
SIGN_HEADER = "XroadVnpt-sign-header"
HASH_HEADER = "XroadVnpt-hash-header"
VERSION_HEADER = "XroadVnpt-version"
SDK_VERSION = "3.0.201608"
USER_AGENT = "VanThuSo/1.0 XRoad/VPCP"
SERVICE_TYPE = "eDoc"
SIZE_HEADER = "XroadVnpt-size"
SHA256_HEADER = "XroadVnpt-sha256"
MAX_SKEW = dt.timedelta(seconds=300)
AXIS_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
"""The timestamp carries no zone: like the national axis, it is Vietnam time (UTC+7, no DST)."""

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,63}$")  # a header token; no "_" (proxies drop it)
_RESERVED = frozenset({"sign-header-key", "sign-header", "hash-header", "version"})
_UNSIGNED = frozenset(HEADER_PREFIX.lower() + name for name in _RESERVED)
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_TIMESTAMP = re.compile(r"^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})\+(\d{4})$")
_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "%")
"""Sent as they are: printable ASCII but ``%`` (and the space, which edges would lose)."""


@dataclass(frozen=True)
class AxisSettings:
    """Where the axis is and who this system is on it."""

    url: str
    """The axis's base URL, e.g. ``https://lienthong.example.gov.vn/vxp`` (the operations'
    names are appended: ``<url>/sendEdoc``)."""
    system_id: str
    """This system's id on the axis (the SDK's ``systemId``)."""
    secret: str = field(repr=False)
    """The HMAC key the axis issued to this system: never printed, logged or put in a message."""
    timeout: float = 30.0
    """Seconds to wait to connect and between bytes of an answer."""
    verify: bool | str = True
    """TLS verification, always on: ``True`` (system CAs) or the path of a CA bundle."""

    def __post_init__(self) -> None:
        if self.verify is False:
            raise ValueError("TLS verification cannot be turned off; give a CA bundle instead")


class Operation(StrEnum):
    """The axis's operations, named (and routed) as the SDK's methods."""

    REGISTER_AGENCY = "registerAgency"
    GET_AGENCIES_LIST = "getAgenciesList"
    DELETE_AGENCY = "deleteAgency"
    SEND_EDOC = "sendEdoc"
    GET_RECEIVED_EDOC_LIST = "getReceivedEdocList"
    GET_EDOC = "getEdoc"
    UPDATE_STATUS = "updateStatus"
    GET_SENT_EDOC_LIST = "getSentEdocList"


class MessageType(StrEnum):
    """What a package carries: a document (edXML) or a status report about one."""

    EDOC = "edoc"
    STATUS = "status"


class DeliveryState(StrEnum):
    """One recipient agency's state for one package; the receiver moves it on."""

    PENDING = "pending"
    PROCESSING = "processing"
    DONE = "done"
    FAIL = "fail"


class AxisError(VanThuError):
    """Any failure talking to the axis; ``code`` is the hub's stable code when it sent one."""

    title_vi = "Trục liên thông văn bản"
    title_en = "Document exchange axis"
    message_vi = "Trao đổi với trục liên thông văn bản không thành công."
    message_en = "The exchange with the document axis failed."

    def __init__(
        self,
        message_vi: str | None = None,
        message_en: str | None = None,
        *,
        code: str = "axis_error",
        status: int | None = None,
    ) -> None:
        super().__init__(message_vi, message_en)
        self.code = code
        self.status = status


class AxisUnavailable(AxisError):
    """The axis cannot be reached now (refused, timed out, 5xx): try again later, backing off."""

    message_vi = "Trục liên thông văn bản tạm thời không truy cập được; sẽ thử lại sau."
    message_en = "The document axis cannot be reached for now; will try again later."


class AxisRefused(AxisError):
    """The axis answered 4xx: retrying the same request will not help; its message says why."""

    message_vi = "Trục liên thông văn bản từ chối yêu cầu."
    message_en = "The document axis refused the request."


class AxisAuthError(AxisRefused):
    """401/403: wrong system id or secret, a clock off by minutes, or not this system's to do."""

    message_vi = "Trục liên thông không xác thực được hệ thống này (mã hệ thống, khoá bí mật, giờ)."
    message_en = "The axis cannot authenticate this system (system id, secret or clock)."


# -- replies ----------------------------------------------------------------------------------


def ok(**data: Any) -> dict[str, Any]:
    """The SDK's result object of a success, with the operation's data (``DocId``, ``data``)."""
    return {"status": "OK", "ErrorCode": "0", "ErrorDesc": "Success", **data}


def failure(code: str, message_vi: str, message_en: str) -> dict[str, Any]:
    """The SDK's result object of a failure: our stable code, the English reason as
    ``ErrorDesc`` and both languages besides."""
    return {
        "status": "FAIL",
        "ErrorCode": code,
        "ErrorDesc": message_en,
        "message_vi": message_vi,
        "message_en": message_en,
    }


# -- timestamps -------------------------------------------------------------------------------


def format_timestamp(now: dt.datetime) -> str:
    """``ddMMyyyy'T'HHmmss+SSSS`` in Vietnam time; SSSS is the milliseconds, four digits
    (``SimpleDateFormat``: 45 ms is ``0045``).  A naive ``now`` is taken as UTC."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    local = now.astimezone(AXIS_TZ)
    return f"{local:%d%m%Y}T{local:%H%M%S}+{local.microsecond // 1000:04d}"


def parse_timestamp(text: str) -> dt.datetime:
    """The aware instant of a ``format_timestamp`` text; ``ValueError`` when it is not one."""
    match = _TIMESTAMP.match(text)
    if match is None:
        raise ValueError("not an axis timestamp")
    day, month, year, hour, minute, second, millis = (int(g) for g in match.groups())
    if millis > 999:
        raise ValueError("milliseconds out of range")
    return dt.datetime(year, month, day, hour, minute, second, millis * 1000, tzinfo=AXIS_TZ)


# -- signing ----------------------------------------------------------------------------------


def encode_value(value: str) -> str:
    """A logical header's value as sent: as is when printable ASCII without ``%``, otherwise
    percent-encoded UTF-8 (headers are latin-1 on the wire).  ``decode_value`` undoes it."""
    return quote(value, safe=_SAFE)


def decode_value(text: str) -> str:
    """A received value, percent-decoded; ``ValueError`` when it is not valid UTF-8."""
    return unquote(text, errors="strict")


def sign_header_text(signed: Mapping[str, str]) -> str:
    """The ``XroadVnpt-sign-header`` text: compact JSON, in the given order."""
    return json.dumps(dict(signed), separators=(",", ":"), ensure_ascii=False)


def hmac_hex(secret: str, data: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), data, hashlib.sha256).hexdigest()


def sign_request(
    settings: AxisSettings, params: Mapping[str, str], now: dt.datetime | None = None
) -> dict[str, str]:
    """The headers of one request: its logical headers (``timestamp``, ``systemid``, then
    ``params`` in order, ``Content-Type`` among them when there is a body) signed as the SDK
    signs them.  Pure but for the clock, which ``now`` fixes."""
    if not _IDENTIFIER.match(settings.system_id):
        raise ValueError("the system id must be letters, digits, '.', '_' or '-'")
    logical = {
        "timestamp": format_timestamp(now or dt.datetime.now(dt.UTC)),
        "systemid": settings.system_id,
    }
    seen = {name.lower() for name in logical}
    for name, value in params.items():
        lowered = name.lower()
        if not _NAME.match(name) or lowered in _RESERVED or lowered in seen:
            raise ValueError(f"{name!r} cannot be a logical header name")
        seen.add(lowered)
        logical[name] = encode_value(value)
    signed = {HEADER_PREFIX + name: value for name, value in logical.items()}
    text = sign_header_text(signed)
    headers = dict(signed)
    for name, value in logical.items():
        if name.lower() == "content-type":
            headers["Content-Type"] = value
    headers[SIGN_HEADER_KEY] = ";".join(logical)
    headers[SIGN_HEADER] = text
    headers[HASH_HEADER] = hmac_hex(settings.secret, text.encode("utf-8"))
    headers["User-Agent"] = USER_AGENT
    headers[VERSION_HEADER] = SDK_VERSION
    return headers


@dataclass(frozen=True)
class SignedRequest:
    """What a verified request says: its system and its signed logical headers."""

    system_id: str
    sent_at: dt.datetime
    signature: str
    """The ``XroadVnpt-hash-header``: unique per signed header set (the hub's replay key)."""
    params: dict[str, str]
    """Every signed logical header, decoded, by its lowercased name (``docid``, ``from``…)."""


def _refused(code: str, vi: str, en: str) -> AxisAuthError:
    return AxisAuthError(vi, en, code=code, status=401)


def _wire_bytes(text: str) -> bytes:
    """The bytes a header arrived as (servers hand them over decoded as latin-1)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:  # not from the wire: a str built in this process
        return text.encode("utf-8")


def _wire_text(text: str) -> str:
    raw = _wire_bytes(text)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def _signed_pairs(raw: bytes) -> list[tuple[str, str]] | None:
    try:
        pairs = json.loads(raw.decode("utf-8"), object_pairs_hook=list)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(pairs, list) or not all(
        isinstance(k, str) and isinstance(v, str) and k.startswith(HEADER_PREFIX) for k, v in pairs
    ):
        return None
    return pairs


def _mismatch(vi: str, en: str) -> AxisAuthError:
    return _refused("header_mismatch", vi, en)


def check_request(
    headers: Mapping[str, str],
    secret_for: Callable[[str], str | None],
    now: dt.datetime | None = None,
    max_skew: dt.timedelta = MAX_SKEW,
) -> SignedRequest:
    """The verified request, or ``AxisAuthError`` saying why not (no secret ever in it).

    The HMAC is recomputed over the sign-header as received and compared in constant time; an
    unknown system and a wrong secret get the same answer.  Every signed name must be present
    as its own header with the signed value; any other ``XroadVnpt-`` header is refused; a
    signed ``Content-Type`` must be the request's; the timestamp must be within ``max_skew``.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    key_text = lowered.get(SIGN_HEADER_KEY.lower(), "")
    sign_text = lowered.get(SIGN_HEADER.lower(), "")
    signature = lowered.get(HASH_HEADER.lower(), "")
    if not (key_text and sign_text and signature):
        raise _refused(
            "unauthorized",
            "Yêu cầu thiếu phần xác thực (XroadVnpt-sign-header, XroadVnpt-hash-header).",
            "The request lacks its authentication (XroadVnpt-sign-header, -hash-header).",
        )
    raw = _wire_bytes(sign_text)
    pairs = _signed_pairs(raw)
    signed = dict(pairs or [])
    system_id = signed.get(HEADER_PREFIX + "systemid", "")
    secret = secret_for(system_id) if system_id else None
    expected = hmac_hex(secret or "\0unknown", raw)
    if (
        not hmac.compare_digest(expected.encode(), signature.encode())
        or secret is None
        or pairs is None
    ):
        raise _refused(
            "bad_signature",
            "Sai mã hệ thống hoặc chữ ký (khoá bí mật) của yêu cầu.",
            "Wrong system id or request signature (secret).",
        )
    names = [key[len(HEADER_PREFIX) :] for key, _ in pairs]
    if key_text.split(";") != names or len({n.lower() for n in names}) != len(names):
        raise _mismatch(
            "Danh sách tiêu đề được ký (sign-header-key) không khớp nội dung đã ký.",
            "The signed header names (sign-header-key) do not match the signed header.",
        )
    for key, value in pairs:
        sent = lowered.get(key.lower())
        if sent is None or _wire_text(sent) != value:
            raise _mismatch(
                f"Tiêu đề {key} không có hoặc khác giá trị đã ký.",
                f"Header {key} is missing or differs from its signed value.",
            )
    signed_keys = {key.lower() for key, _ in pairs}
    prefix = HEADER_PREFIX.lower()
    for name in lowered:
        if name.startswith(prefix) and name not in signed_keys and name not in _UNSIGNED:
            raise _refused(
                "unsigned_header",
                f"Tiêu đề {name} không nằm trong phần được ký.",
                f"Header {name} is not among the signed headers.",
            )
    try:
        params = {key[len(HEADER_PREFIX) :].lower(): decode_value(value) for key, value in pairs}
    except ValueError as exc:
        raise _mismatch(
            "Giá trị tiêu đề mã hoá sai (phải là UTF-8 mã hoá %XX).",
            "A header value is wrongly encoded (percent-encoded UTF-8 expected).",
        ) from exc
    content_type = params.get("content-type")
    if content_type is not None and lowered.get("content-type", "").strip() != content_type:
        raise _mismatch(
            "Content-Type của yêu cầu khác giá trị đã ký.",
            "The request's Content-Type differs from the signed one.",
        )
    try:
        sent_at = parse_timestamp(params.get("timestamp", ""))
    except ValueError as exc:
        raise _refused(
            "bad_timestamp",
            "Thời điểm của yêu cầu không đúng định dạng ddMMyyyy'T'HHmmss+SSSS.",
            "The request timestamp is not ddMMyyyy'T'HHmmss+SSSS.",
        ) from exc
    current = now or dt.datetime.now(dt.UTC)
    if current.tzinfo is None:
        current = current.replace(tzinfo=dt.UTC)
    if abs(current - sent_at) > max_skew:
        minutes = int(max_skew.total_seconds() // 60)
        raise _refused(
            "stale_timestamp",
            f"Thời điểm của yêu cầu lệch quá {minutes} phút so với trục; hãy chỉnh đồng hồ máy.",
            f"The request time is more than {minutes} minutes off the axis clock; fix the clock.",
        )
    return SignedRequest(system_id, sent_at, signature, params)
