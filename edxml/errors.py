"""Errors of the edXML package: what is wrong with a file, and where, in both languages.

An :class:`EdxmlError` stops reading a package (strict about meaning); something that does not
stop it is a :class:`~edxml.records.Problem` on the record instead (forgiving about form). Every
message names its place — ``dòng 12, DocumentId`` / ``line 12, DocumentId`` — when it has one.
"""

from __future__ import annotations

import logging

from base.errors import VanThuError

__all__ = [
    "EdxmlError",
    "NotXml",
    "UndeclaredPrefix",
    "WrongNamespace",
    "MissingElement",
    "BadValue",
    "AttachmentMismatch",
    "EntityAttack",
    "TooLarge",
    "KeyFileError",
    "WrongPassword",
    "NotPkcs12",
    "where",
]

logger = logging.getLogger(__name__)


def where(lang: str, line: int | None, element: str) -> str:
    """``dòng 12, DocumentId`` (vi) or ``line 12, DocumentId`` (en); empty when nothing is known."""
    parts = []
    if line is not None:
        parts.append(f"{'line' if lang == 'en' else 'dòng'} {line}")
    if element:
        parts.append(element)
    return ", ".join(parts)


class EdxmlError(VanThuError):
    """A package that cannot be read; ``line`` and ``element`` say where, when known."""

    title_vi = "Gói edXML không đọc được"
    title_en = "Unreadable edXML package"

    def __init__(
        self, message_vi: str, message_en: str, *, line: int | None = None, element: str = ""
    ) -> None:
        self.line = line
        self.element = element
        self.reason_vi = message_vi
        self.reason_en = message_en
        place_vi, place_en = where("vi", line, element), where("en", line, element)
        super().__init__(
            f"{message_vi} ({place_vi})" if place_vi else message_vi,
            f"{message_en} ({place_en})" if place_en else message_en,
        )


class NotXml(EdxmlError):
    """Empty, binary, truncated or otherwise not well-formed XML."""


class UndeclaredPrefix(NotXml):
    """An element uses a namespace prefix that is never declared (other than ``edXML:``)."""


class WrongNamespace(EdxmlError):
    """The root element is not ``edXML`` in the QCVN 102 namespace."""


class MissingElement(EdxmlError):
    """An element the package's meaning depends on is absent or empty."""


class BadValue(EdxmlError):
    """A date, number, code or identifier that cannot be read."""


class AttachmentMismatch(EdxmlError):
    """An attachment's declared size or hash differs from its decoded content."""


class EntityAttack(EdxmlError):
    """A DOCTYPE or ENTITY declaration: refused before parsing, never expanded."""

    title_vi = "Gói edXML bị từ chối vì không an toàn"
    title_en = "edXML package refused as unsafe"


class TooLarge(EdxmlError):
    """A package, header field or element count beyond what a real package needs."""


class KeyFileError(EdxmlError):
    """A signing key file (PKCS#12) that cannot be opened."""

    title_vi = "Không mở được tệp khóa ký"
    title_en = "Cannot open the signing key file"


class WrongPassword(KeyFileError):
    """The PKCS#12 file is one, but the password does not open it."""


class NotPkcs12(KeyFileError):
    """The file is not a PKCS#12 (.p12/.pfx) key file, or holds no key."""
