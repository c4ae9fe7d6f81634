"""Typed records of the inter-agency exchange (edXML over the national axis) as the server's
API returns them: how a document arrived, the organisation's exchange state, an import's
answer, the agencies one can send to. Frozen, parsed tolerantly like ``client.records``, and
written back to the server's JSON shape where the local cache keeps them."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from .parsing import iso, parse_datetime, pick

__all__ = [
    "Agency",
    "ExchangeAttachment",
    "FileVerdict",
    "ExchangeFile",
    "ExchangeInfo",
    "ExchangePackage",
    "RefusedPackage",
    "ExchangeStatus",
    "ExchangeCycle",
    "ImportResult",
]


@dataclass(frozen=True)
class Agency:
    """An agency the axis knows (``/exchange/agencies``): a recipient a clerk can pick."""

    code: str
    name: str
    parent_code: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Agency:
        return cls(**pick(cls, data))


@dataclass(frozen=True)
class ExchangeAttachment:
    """One file of an exchanged package (the main file is also the document's first version);
    fetched by its ``sha256`` (``ApiClient.exchange_attachment``)."""

    name: str
    content_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    description: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExchangeAttachment:
        values = pick(cls, data)
        values["name"] = str(values.get("name") or "")
        values["size"] = int(values.get("size") or 0)
        return cls(**values)


@dataclass(frozen=True)
class FileVerdict:
    """One PAdES signature of an exchanged PDF, as the server judged it at arrival."""

    signer: str = ""
    ok: bool = False
    """The signature is intact (the signed bytes did not change)."""
    trusted: bool | None = None
    timestamp: bool = False
    """A document timestamp rather than a person's signature."""
    summary_vi: str = ""
    summary_en: str = ""

    def summary(self, lang: str = "vi") -> str:
        return self.summary_en if lang == "en" else self.summary_vi

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileVerdict:
        return cls(**pick(cls, data))


@dataclass(frozen=True)
class ExchangeFile:
    """An exchanged PDF and its signatures."""

    name: str
    signatures: tuple[FileVerdict, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "signatures": [asdict(s) for s in self.signatures]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExchangeFile:
        signatures = tuple(FileVerdict.from_json(s) for s in data.get("signatures") or ())
        return cls(str(data.get("name") or ""), signatures)


@dataclass(frozen=True)
class ExchangeInfo:
    """How a document came through the exchange: its sender, the checks made at arrival (the
    envelope's XML signature, each PDF's signatures), its attachments, what was wrong."""

    sender: str
    """The sender's agency code (OrganId)."""
    sender_name: str = ""
    document_identifier: str = ""
    source: str = "axis"
    """``axis`` or ``file`` (imported by hand, the offline route)."""
    received_at: dt.datetime | None = None
    signature: str = "absent"
    """The envelope's XML signature: valid, invalid, placeholder, absent, not_checked."""
    signature_detail_vi: str = ""
    signature_detail_en: str = ""
    signer: str = ""
    signature_trusted: bool | None = None
    """The envelope's certificate chains to a trusted root (None: no certificate to check)."""
    files_ok: bool | None = None
    """Every PAdES signature of its PDFs intact (None: nothing signed, or not checked)."""
    file_signatures: tuple[ExchangeFile, ...] = ()
    attachments: tuple[ExchangeAttachment, ...] = ()
    problems: str = ""
    """What was wrong with the package that did not stop it (one line per language each)."""
    take_back_reason: str = ""
    """The sender asked for it back (edXML 13) with this reason; the clerk has not answered."""

    def signature_detail(self, lang: str = "vi") -> str:
        return self.signature_detail_en if lang == "en" else self.signature_detail_vi

    def to_json(self) -> dict[str, Any]:
        """The server's JSON shape again (for the local cache)."""
        return {
            **asdict(self),
            "received_at": iso(self.received_at),
            "file_signatures": [f.to_json() for f in self.file_signatures],
            "attachments": [asdict(a) for a in self.attachments],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExchangeInfo:
        values = pick(cls, data)
        values["received_at"] = parse_datetime(data.get("received_at"))
        values["file_signatures"] = tuple(
            ExchangeFile.from_json(f) for f in data.get("file_signatures") or ()
        )
        values["attachments"] = tuple(
            ExchangeAttachment.from_json(a) for a in data.get("attachments") or ()
        )
        return cls(**values)


@dataclass(frozen=True)
class ExchangePackage:
    """A package this organisation sends that waits after a failure, or failed for good."""

    id: int
    document_id: int | None
    kind: str
    """``edoc`` (a document) or ``status`` (an answer about one)."""
    recipient: str
    status_code: str | None
    state: str
    """queued, sent, failed, exported."""
    attempts: int = 0
    last_error: str = ""
    created_at: dt.datetime | None = None
    sent_at: dt.datetime | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExchangePackage:
        values = pick(cls, data)
        values["created_at"] = parse_datetime(data.get("created_at"))
        values["sent_at"] = parse_datetime(data.get("sent_at"))
        return cls(**values)


@dataclass(frozen=True)
class RefusedPackage:
    """A package that came in unreadable, or about nothing here, kept with the reason."""

    id: int
    sender: str
    document_identifier: str
    source: str
    problem: str
    received_at: dt.datetime | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RefusedPackage:
        values = pick(cls, data)
        values["received_at"] = parse_datetime(data.get("received_at"))
        return cls(**values)


@dataclass(frozen=True)
class ExchangeStatus:
    """An organisation's exchange (``/exchange/status``): its agency code, how it reaches the
    axis (the secret is never returned, only whether one is set), what waits and what failed."""

    organisation: str
    agency_code: str | None
    configured: bool
    url: str = ""
    system_id: str = ""
    secret_set: bool = False
    enabled: bool = False
    poll_seconds: int = 60
    last_contact_at: dt.datetime | None = None
    last_error: str = ""
    queued: int = 0
    failed: int = 0
    sent: int = 0
    received: int = 0
    rejected: int = 0
    agencies: int = 0
    """Agencies known from the axis."""
    problems: tuple[ExchangePackage, ...] = ()
    """Packages that wait after a failure, or failed for good (retry them)."""
    refused: tuple[RefusedPackage, ...] = ()
    """The latest packages that came in unreadable or about nothing here."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExchangeStatus:
        values = pick(cls, data)
        values["last_contact_at"] = parse_datetime(data.get("last_contact_at"))
        values["problems"] = tuple(ExchangePackage.from_json(p) for p in data.get("problems") or ())
        values["refused"] = tuple(RefusedPackage.from_json(r) for r in data.get("refused") or ())
        return cls(**values)


@dataclass(frozen=True)
class ExchangeCycle:
    """One round of the server's exchange agent: sent what waited, fetched what came."""

    sent: int = 0
    received: int = 0
    duplicates: int = 0
    rejected: int = 0
    failed: int = 0
    deferred: int = 0
    errors: tuple[str, ...] = ()
    ran: bool = True
    """False: another server process runs the agent now (it sends soon)."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExchangeCycle:
        values = pick(cls, data)
        values["errors"] = tuple(str(e) for e in data.get("errors") or ())
        return cls(**values)


@dataclass(frozen=True)
class ImportResult:
    """The server's answer to one imported package (``/exchange/import``)."""

    state: str
    """applied, duplicate or rejected."""
    created: bool = False
    kind: str = "edoc"
    """``edoc`` (a document envelope) or ``status`` (an answer about one of ours)."""
    document_ids: tuple[int, ...] = ()
    sender: str = ""
    sender_name: str = ""
    document_identifier: str = ""
    problem: str = ""
    """Why it was refused (or what was wrong with it): Vietnamese and English lines in turn."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportResult:
        values = pick(cls, data)
        values["document_ids"] = tuple(int(i) for i in data.get("document_ids") or ())
        return cls(**values)
