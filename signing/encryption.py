"""Encrypted PDFs: open them the way their author allowed, never by rewriting them.

Government PDFs often carry only an owner (permissions) password: anyone may
open them with the empty user password, and the permissions say what else is
allowed. They are signed as an incremental update encrypted with the file's
own keys, so earlier signatures stay valid, and only when the permissions
allow adding a signature field. A file with a user password needs that
password (or the owner's) for signing and verifying alike.
"""

from __future__ import annotations

import logging

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.crypt import AuthResult, AuthStatus, StandardSecurityHandler
from pyhanko.pdf_utils.crypt.permissions import StandardPermissions
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from base.pdf import BadPdf, PdfProblem

from .errors import PdfInputError, Remedy

__all__ = [
    "unlock_reader",
    "unlock_writer",
    "PasswordNeeded",
    "SigningForbidden",
    "UnsupportedEncryption",
]

logger = logging.getLogger(__name__)


class PasswordNeeded(PdfInputError):
    title_vi = "Cần mật khẩu tệp PDF"
    title_en = "PDF password needed"
    remedy = Remedy.PASSWORD

    def __init__(self, name: str, given: bool) -> None:
        if given:
            super().__init__(
                f"Mật khẩu của tệp {name} không đúng. Hãy nhập lại mật khẩu mở tệp.",
                f"The password for {name} is wrong. Enter the file's open password again.",
            )
        else:
            super().__init__(
                f"Tệp {name} được đặt mật khẩu mở tệp. Hãy nhập mật khẩu để tiếp tục.",
                f"{name} has an open password. Enter the password to continue.",
            )


class SigningForbidden(PdfInputError):
    title_vi = "Tệp PDF không cho phép ký"
    title_en = "The PDF does not allow signing"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Quyền hạn của tệp {name} (đặt bởi người tạo tệp) cấm thêm chữ ký hoặc chú thích. "
            "Hãy xin nơi phát hành bản PDF cho phép ký, hoặc nhập mật khẩu chủ sở hữu "
            "(owner password) của tệp.",
            f"The permissions of {name} (set by its author) forbid adding signatures or "
            "annotations. Ask the issuer for a PDF that allows signing, or enter the file's "
            "owner password.",
        )


class UnsupportedEncryption(PdfInputError):
    title_vi = "Kiểu mã hoá PDF không được hỗ trợ"
    title_en = "Unsupported PDF encryption"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Tệp {name} mở được không cần mật khẩu nhưng dùng kiểu mã hoá AES-256 cũ (R5, "
            "Acrobat 9), đã bị bỏ khỏi chuẩn PDF; chữ ký không ghi tiếp vào tệp như vậy được. "
            "Hãy xin nơi phát hành bản PDF không mã hoá, hoặc lưu lại tệp bằng trình đọc PDF "
            "(In ra PDF) rồi ký bản đó.",
            f"{name} opens without a password but uses the obsolete AES-256 encryption (R5, "
            "Acrobat 9) that the PDF standard dropped; a signature cannot be appended to such a "
            "file. Ask the issuer for an unencrypted PDF, or save the file again from a PDF "
            "reader (Print to PDF) and sign that copy.",
        )


def _revision(reader: PdfFileReader) -> int:
    encrypt = reader.trailer.raw_get("/Encrypt")
    value = encrypt.get_object().get("/R") if encrypt is not None else None
    return int(value) if value is not None else 0


def _decrypt(reader: PdfFileReader, password: str | None, name: str) -> AuthResult:
    """The given password (an owner password grants the most), else the empty open password
    that every reader tries first; R5, which pyHanko cannot decrypt, said so plainly."""
    result = reader.decrypt(password) if password else None
    if result is None or result.status is AuthStatus.FAILED:
        result = reader.decrypt("")
    if result.status is AuthStatus.FAILED and _revision(reader) == 5:
        raise UnsupportedEncryption(name)
    return result


def _check(status: AuthStatus, flags: StandardPermissions | None, name: str, given: bool) -> None:
    if status is AuthStatus.FAILED:
        raise PasswordNeeded(name, given)
    if status is AuthStatus.USER and flags is not None:
        # Signing adds a signature field with its widget: permission bit 6 (ISO 32000-2, 7.6.4.2).
        if StandardPermissions.ALLOW_ANNOTS_FORM_FILLING not in flags:
            raise SigningForbidden(name)


def _password_based(handler: object, name: str) -> None:
    """A file encrypted for a recipient's certificate cannot be opened with any password."""
    if not isinstance(handler, StandardSecurityHandler):
        problem = BadPdf(PdfProblem.CERTIFICATE_ENCRYPTED, name)
        raise PdfInputError(problem.message_vi, problem.message_en)


def unlock_reader(reader: PdfFileReader, password: str | None, name: str) -> None:
    """Decrypt ``reader`` for reading (empty user password first); permissions don't matter."""
    if not reader.encrypted:
        return
    _password_based(reader.security_handler, name)
    result = _decrypt(reader, password, name)
    if result.status is AuthStatus.FAILED:
        raise PasswordNeeded(name, bool(password))


def unlock_writer(writer: IncrementalPdfFileWriter, password: str | None, name: str) -> None:
    """Let ``writer`` append to an encrypted file with its own keys, if its permissions allow."""
    if not writer.prev.encrypted:
        return
    _password_based(writer.prev.security_handler, name)
    result = _decrypt(writer.prev, password, name)
    writer._encrypt = writer.prev.trailer.raw_get("/Encrypt")  # what ``writer.encrypt`` sets
    flags = getattr(result, "permission_flags", None)
    _check(result.status, flags, name, bool(password))
    if isinstance(writer._encrypt, generic.DictionaryObject):
        # MuPDF (and others) write /Encrypt as a direct dictionary; pyHanko's writer needs an
        # object number to leave it unencrypted. The same dictionary as a new object in the
        # update keeps the file's keys (they derive from its values and /ID, not its number).
        writer._encrypt = writer.add_object(writer._encrypt)
    logger.info("%s is encrypted; signing it as an encrypted incremental update", name)
