"""The axis's wire contract, shared by our client (``axis``) and the reference hub (``hub``).

One vocabulary for both sides of the wire: the message types, the delivery states, the header
names, the timestamp format and the request signature, so the client and the hub cannot drift.
Nothing here imports ``requests``: the hub runs on the server's base install.

A request is authenticated by ``X-Axis-System-Id``, ``X-Axis-Timestamp`` and
``X-Axis-Signature``: the lowercase hex HMAC-SHA256, keyed with the system's secret, of
``system id \\n timestamp \\n content type \\n canonical parameters``.  Every parameter travels in
its own ``X-Axis-Param-<name>`` header (percent-encoded UTF-8), so the signature covers everything
the hub acts on: the operation (``op``, "METHOD route"), a ``nonce`` against replays, and for a
body its ``sha256``, so the HMAC covers the content too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import quote, unquote

from base.errors import VanThuError

__all__ = [
    "API_PREFIX",
    "AXIS_TZ",
    "AxisAuthError",
    "AxisError",
    "AxisRefused",
    "AxisSettings",
    "AxisUnavailable",
    "DeliveryState",
    "HEADER_SIGNATURE",
    "HEADER_SYSTEM",
    "HEADER_TIMESTAMP",
    "MAX_SKEW",
    "MessageType",
    "PARAM_PREFIX",
    "check_request",
    "format_timestamp",
    "params_from_headers",
    "parse_timestamp",
    "sign_request",
]

API_PREFIX = "/axis/v1"
HEADER_SYSTEM = "X-Axis-System-Id"
HEADER_TIMESTAMP = "X-Axis-Timestamp"
HEADER_SIGNATURE = "X-Axis-Signature"
PARAM_PREFIX = "X-Axis-Param-"
MAX_SKEW = dt.timedelta(seconds=300)
AXIS_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
"""The timestamp carries no zone: like the national axis, it is Vietnam time (UTC+7, no DST)."""

_PARAM_NAME = re.compile(r"^[a-z][a-z0-9]{0,31}$")  # header-safe: no "_" (proxies drop those)
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_TIMESTAMP = re.compile(r"^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})\+(\d{4})$")


@dataclass(frozen=True)
class AxisSettings:
    """Where the axis is and who this system is on it."""

    url: str
    """The axis's base address, e.g. ``https://lienthong.example.gov.vn`` (routes are appended)."""
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


def format_timestamp(now: dt.datetime) -> str:
    """``ddMMyyyyTHHmmss+SSSS`` in Vietnam time; SSSS is the epoch milliseconds mod 10000.

    A naive ``now`` is taken as UTC.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    local = now.astimezone(AXIS_TZ)
    millis = (local.second * 1000 + local.microsecond // 1000) % 10000
    return f"{local:%d%m%Y}T{local:%H%M%S}+{millis:04d}"


def parse_timestamp(text: str) -> dt.datetime:
    """The aware instant of a ``format_timestamp`` text; ``ValueError`` when it is not one."""
    match = _TIMESTAMP.match(text)
    if match is None:
        raise ValueError("not an axis timestamp")
    day, month, year, hour, minute, second, millis = (int(g) for g in match.groups())
    if millis // 1000 != second % 10:  # SSSS repeats the last digit of the seconds
        raise ValueError("inconsistent milliseconds")
    return dt.datetime(
        year, month, day, hour, minute, second, (millis % 1000) * 1000, tzinfo=AXIS_TZ
    )


def _canonical(params: Mapping[str, str]) -> str:
    for name in params:
        if not _PARAM_NAME.match(name):
            raise ValueError(f"parameter name {name!r} is not lowercase letters and digits")
    return "&".join(f"{name}={quote(params[name], safe='')}" for name in sorted(params))


def _digest(secret: str, system_id: str, timestamp: str, content_type: str, canon: str) -> str:
    message = "\n".join((system_id, timestamp, content_type.strip().lower(), canon))
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def sign_request(
    settings: AxisSettings,
    content_type: str,
    params: Mapping[str, str],
    now: dt.datetime | None = None,
) -> dict[str, str]:
    """The headers that authenticate one request: identity, timestamp, signature, parameters
    (and ``Content-Type`` when there is a body).  Pure but for the clock, which ``now`` fixes."""
    if not _IDENTIFIER.match(settings.system_id):
        raise ValueError("the system id must be letters, digits, '.', '_' or '-'")
    canon = _canonical(params)
    timestamp = format_timestamp(now or dt.datetime.now(dt.UTC))
    headers = {
        HEADER_SYSTEM: settings.system_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_SIGNATURE: _digest(
            settings.secret, settings.system_id, timestamp, content_type, canon
        ),
    }
    for name, value in params.items():
        headers[PARAM_PREFIX + name] = quote(value, safe="")
    if content_type:
        headers["Content-Type"] = content_type
    return headers


def params_from_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The signed parameters a request carries, decoded (the hub acts on these only)."""
    prefix = PARAM_PREFIX.lower()
    return {
        name.lower().removeprefix(prefix): unquote(value)
        for name, value in headers.items()
        if name.lower().startswith(prefix)
    }


def _refused(code: str, vi: str, en: str) -> AxisAuthError:
    return AxisAuthError(vi, en, code=code, status=401)


def check_request(
    headers: Mapping[str, str],
    content_type: str,
    params: Mapping[str, str],
    secret_for: Callable[[str], str | None],
    now: dt.datetime | None = None,
    max_skew: dt.timedelta = MAX_SKEW,
) -> str:
    """The authenticated system id of a request, or ``AxisAuthError``.

    The signature is compared in constant time; an unknown system and a wrong secret get the
    same answer, so neither can be told apart by a caller.  Timestamps outside ``max_skew`` are
    refused (a captured request cannot be replayed later).  No secret ever reaches a message.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    system_id = lowered.get(HEADER_SYSTEM.lower(), "")
    timestamp = lowered.get(HEADER_TIMESTAMP.lower(), "")
    signature = lowered.get(HEADER_SIGNATURE.lower(), "")
    if not (system_id and timestamp and signature):
        raise _refused(
            "unauthorized",
            "Thiếu mã hệ thống, thời điểm hoặc chữ ký của yêu cầu.",
            "The request lacks its system id, timestamp or signature.",
        )
    try:
        canon = _canonical(params)
    except ValueError as exc:
        raise _refused(
            "unauthorized", "Tham số yêu cầu không hợp lệ.", "Invalid request parameters."
        ) from exc
    secret = secret_for(system_id)
    expected = _digest(secret or "\0unknown", system_id, timestamp, content_type, canon)
    if not hmac.compare_digest(expected.encode(), signature.encode()) or secret is None:
        raise _refused(
            "bad_signature",
            "Sai mã hệ thống hoặc chữ ký (khoá bí mật) của yêu cầu.",
            "Wrong system id or request signature (secret).",
        )
    try:
        sent = parse_timestamp(timestamp)
    except ValueError as exc:
        raise _refused(
            "bad_timestamp",
            "Thời điểm của yêu cầu không đúng định dạng ddMMyyyyTHHmmss+SSSS.",
            "The request timestamp is not ddMMyyyyTHHmmss+SSSS.",
        ) from exc
    current = now or dt.datetime.now(dt.UTC)
    if current.tzinfo is None:
        current = current.replace(tzinfo=dt.UTC)
    if abs(current - sent) > max_skew:
        minutes = int(max_skew.total_seconds() // 60)
        raise _refused(
            "stale_timestamp",
            f"Thời điểm của yêu cầu lệch quá {minutes} phút so với trục; hãy chỉnh đồng hồ máy.",
            f"The request time is more than {minutes} minutes off the axis clock; fix the clock.",
        )
    return system_id
