"""Signing and validation as the window and the command line both use them.

Local files go through the batch signer; server documents are fetched,
signed through the same batch signer (so a hand-placed signature gets the
same certificate checks as an automatic one) and uploaded as a new version
based on the version that was signed.  While the server is unreachable the
signed file waits in the outbox and is sent by the next pull; a document
changed meanwhile ends as a conflict, never an overwrite.  Validation always
uses the profile's trust roots, so every front end gives the same verdict.
"""

from __future__ import annotations

import logging
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from asn1crypto import x509 as asn1_x509

from base.errors import VanThuError
from base.progress import CancelToken, Progress, is_cancelled
from base.steps import Step
from base.workflow import FROZEN
from client.errors import Conflict
from client.records import Document
from signing.backends import ActiveSigner, Pkcs12Backend, TokenBackend
from signing.batch import BatchRequest, FileResult, check_certificate, sign_batch
from signing.errors import Remedy, SigningCancelled, SigningError, TokenRemoved
from signing.fill import IssueFill
from signing.placement import Placement
from signing.profiles import Mode, SigningProfile
from signing.tokens import CertificateInfo, TokenFlags, TokenSession, list_tokens, token_flags
from signing.trust import load_certificates, profile_roots
from signing.validation import SignatureReport, validate_pdf

from .session import Session
from .versions import add_file_version

__all__ = [
    "SignOutcome",
    "DocumentResult",
    "DocumentSigning",
    "TokenCertificate",
    "PinTries",
    "pin_tries",
    "token_pin_tries",
    "backend_for",
    "token_certificates",
    "sign_files",
    "sign_documents",
    "trust_roots",
    "validate_file",
    "validate_document",
]

logger = logging.getLogger(__name__)


class SignOutcome(StrEnum):
    SIGNED = "signed"
    """Signed and uploaded as a new version."""
    QUEUED = "queued"
    """Signed; the server was unreachable, so the new version waits in the outbox."""
    CONFLICT = "conflict"
    """The document changed on the server since the signed version: reload and sign again."""
    FAILED = "failed"


@dataclass(frozen=True)
class DocumentResult:
    document_id: int
    outcome: SignOutcome
    message_vi: str
    message_en: str
    version: int | None = None
    remedy: Remedy | None = None
    """What the user could do about a failed file (repair it, give its password)."""

    @property
    def ok(self) -> bool:
        return self.outcome in (SignOutcome.SIGNED, SignOutcome.QUEUED)

    @property
    def conflict(self) -> bool:
        return self.outcome is SignOutcome.CONFLICT


@dataclass(frozen=True)
class DocumentSigning:
    """What to do to every document of one signing action."""

    mode: Mode
    profile: SigningProfile
    placement: Placement | None = None
    """A hand-placed signature (one document), checked like an automatic one."""
    allow_expired: bool = False
    repair: bool = False
    """Rewrite structurally damaged, unsigned files once and sign the repaired copies."""
    pdf_password: str | None = None
    """The open password of password-protected files (kept in memory for this action only)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", Mode(self.mode))


@dataclass(frozen=True)
class TokenCertificate:
    """A signing certificate on a plugged-in token, with the token's PIN state."""

    token_label: str
    certificate: CertificateInfo
    flags: TokenFlags


class PinTries(StrEnum):
    """How many PIN tries the token says are left (PKCS#11 gives flags, never a number)."""

    NORMAL = "normal"
    LOW = "low"
    """CKF_USER_PIN_COUNT_LOW: a wrong PIN was entered; few tries remain."""
    FINAL = "final"
    """CKF_USER_PIN_FINAL_TRY: one more wrong PIN locks the token."""
    LOCKED = "locked"
    """CKF_USER_PIN_LOCKED."""


def pin_tries(flags: TokenFlags) -> PinTries:
    if flags.pin_locked:
        return PinTries.LOCKED
    if flags.pin_final_try:
        return PinTries.FINAL
    return PinTries.LOW if flags.pin_count_low else PinTries.NORMAL


def token_pin_tries(module: str, token_label: str) -> PinTries | None:
    """The token's PIN counter as it is now (it changes with each login); ``None`` if the token
    is gone. Slow tokens: call off the GUI thread."""
    flags = token_flags(module, token_label)
    return pin_tries(flags) if flags is not None else None


def backend_for(profile: SigningProfile) -> TokenBackend | Pkcs12Backend:
    """The token or PKCS#12 file the profile names."""
    if profile.pkcs12_path:
        return Pkcs12Backend(profile.pkcs12_path)
    if not (profile.module_path and profile.token_label and profile.key_id):
        raise SigningError(
            "Cần chọn token và chứng thư: --module, --token, --key-id (xem lệnh tokens).",
            "Choose a token and certificate: --module, --token, --key-id (see the tokens command).",
        )
    return TokenBackend(profile.module_path, profile.token_label, profile.key_id)


def token_certificates(module: str, *, include_ca: bool = False) -> list[TokenCertificate]:
    """Every signing certificate on every unlocked token of ``module`` (slow tokens: call off the GUI thread)."""
    found = []
    for token in list_tokens(module):
        if token.flags.pin_locked:
            continue
        with TokenSession(module, token.label, None, login=False) as session:
            found += [
                TokenCertificate(token.label, cert, token.flags)
                for cert in session.certificates()
                if include_ca or not cert.is_ca
            ]
    return found


def sign_files(
    request: BatchRequest,
    active: ActiveSigner,
    profile: SigningProfile,
    progress: Callable[[int, int, FileResult], None] | None = None,
    cancel: CancelToken | None = None,
) -> list[FileResult]:
    """Local files, one login: the batch signer with its certificate checks."""
    return sign_batch(request, active, profile, progress, cancel)


def _assigned(document: Document, mode: Mode, profile: SigningProfile) -> IssueFill | None:
    """The number and date the clerk registered on the server, for the seal to write in."""
    if mode != Mode.ISSUE or not profile.fill_number_and_date:
        return None
    if not (document.code_number and document.issued_date):
        return None
    return IssueFill(document.code_number, document.issued_date)


def sign_documents(
    session: Session,
    documents: Sequence[Document],
    active: ActiveSigner,
    signing: DocumentSigning,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[DocumentResult]:
    """Fetch, sign and upload each document; offline the signed files wait in the outbox."""
    check_certificate(
        active, signing.profile, allow_expired=signing.allow_expired
    )  # once, before any file
    results: list[DocumentResult] = []
    with tempfile.TemporaryDirectory(prefix="vanthu-sign-") as tmp:
        for index, document in enumerate(documents, start=1):
            if is_cancelled(cancel):
                break
            results.append(_sign_document(session, document, active, signing, Path(tmp)))
            if progress:
                progress(index, len(documents))
    return results


def _sign_document(
    session: Session,
    document: Document,
    active: ActiveSigner,
    signing: DocumentSigning,
    folder: Path,
) -> DocumentResult:
    if document.status in FROZEN:  # refused before the token signs anything
        return DocumentResult(
            document.id,
            SignOutcome.FAILED,
            "Văn bản đã phát hành (hoặc đã thu hồi, thay thế) là hồ sơ chính thức: không ký thêm, "
            "không thêm tệp.",
            "An issued (or withdrawn, replaced) document is the official record: nothing more is "
            "signed onto it.",
        )
    try:
        source = session.files.open(session.client if session.online else None, document)
        local = folder / str(document.id) / _file_name(document)  # messages name the real file
        local.parent.mkdir(parents=True, exist_ok=True)
        local.write_bytes(source.read_bytes())
        session.files.release(source)  # a secret document's download leaves the disk at once
        request = BatchRequest(
            (local,),
            signing.mode,
            out_dir=local.parent / "signed",
            number_symbol=document.number_symbol,
            allow_expired=signing.allow_expired,
            check_revocation=False,
            fill=_assigned(document, signing.mode, signing.profile),
            placement=signing.placement,
            pdf_password=signing.pdf_password,
            repair=signing.repair,
        )
        [result] = sign_batch(request, active, signing.profile)
        if not result.ok or result.output is None:
            return DocumentResult(
                document.id,
                SignOutcome.FAILED,
                result.message_vi,
                result.message_en,
                remedy=result.remedy,
            )
        return _upload(
            session,
            document,
            result.output,
            f"ký số bởi {active.certificate.subject_cn}",
            approves=_approves(session, document, signing.mode),
        )
    except (SigningCancelled, TokenRemoved):
        raise  # every remaining document would fail the same way
    except Conflict as exc:
        # Only someone else's newer version is a conflict to reload; a refusal (frozen…) is final.
        outcome = SignOutcome.CONFLICT if exc.code in (None, "conflict") else SignOutcome.FAILED
        return DocumentResult(document.id, outcome, exc.message("vi"), exc.message("en"))
    except VanThuError as exc:
        return DocumentResult(document.id, SignOutcome.FAILED, exc.message("vi"), exc.message("en"))


def _file_name(document: Document) -> str:
    """The name the user knows the file by (its latest version's), safe as a local name."""
    name = document.latest_version.filename if document.latest_version else ""
    name = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name).strip()
    if not name or name in (".", "..") or not name.lower().endswith(".pdf"):
        return f"{document.id}.pdf"
    return name


def _approves(session: Session, document: Document, mode: Mode) -> bool:
    """A leader's signature in approve mode on a draft waiting for it is the approval itself:
    the document moves on to be numbered, never left in "Chờ ký" for a second click."""
    return (
        mode is Mode.APPROVE
        and document.direction == "outgoing"
        and document.status == "pending_signature"
        and session.user.role == "leader"
    )


def _upload(
    session: Session, document: Document, signed: Path, note: str, *, approves: bool = False
) -> DocumentResult:
    name = document.latest_version.filename if document.latest_version else f"{document.id}.pdf"
    version = add_file_version(session, document, signed, name, note)
    if version is None:
        if approves:  # sent after the signature, on the revision the signature produced
            session.outbox.take_step(document.id, Step.APPROVE, document.revision, {}, _key())
        return DocumentResult(
            document.id,
            SignOutcome.QUEUED,
            "Đã ký; chờ gửi lên máy chủ khi có mạng" + (", rồi duyệt." if approves else "."),
            "Signed; waiting to be sent when the server is back"
            + (", then approved." if approves else "."),
        )
    if not approves:
        return DocumentResult(
            document.id,
            SignOutcome.SIGNED,
            "Đã ký và tải lên.",
            "Signed and uploaded.",
            version.number,
        )
    return _approve(session, document.id, version.number)


def _approve(session: Session, document_id: int, version: int) -> DocumentResult:
    """Take the APPROVE step on the revision the new signed version produced."""
    try:
        current = session.client.get_document(document_id)
        approved = session.client.take_step(document_id, Step.APPROVE, current.revision, {}, _key())
    except VanThuError as exc:  # signed and uploaded all the same: say what is left to do
        return DocumentResult(
            document_id,
            SignOutcome.SIGNED,
            f"Đã ký và tải lên; chưa duyệt được: {exc.message('vi')}",
            f"Signed and uploaded; not approved: {exc.message('en')}",
            version,
        )
    with session.store.write() as conn:
        session.store.upsert(conn, [approved])
    return DocumentResult(
        document_id,
        SignOutcome.SIGNED,
        "Đã ký và duyệt: văn bản chờ cấp số, phát hành.",
        "Signed and approved: the document now waits to be numbered and issued.",
        version,
    )


def _key() -> str:
    return uuid.uuid4().hex


def trust_roots(profile: SigningProfile, extra: Iterable[str] = ()) -> list[asn1_x509.Certificate]:
    """The profile's trusted roots plus any named for this one check."""
    return profile_roots(profile) + [cert for path in extra for cert in load_certificates(path)]


def validate_file(
    path: Path,
    profile: SigningProfile,
    *,
    extra_roots: Iterable[str] = (),
    online: bool = False,
    password: str | None = None,
) -> list[SignatureReport]:
    """Every signature of a local PDF, judged against the trust store and the profile's roots."""
    return validate_pdf(path, trust_roots(profile, extra_roots), online=online, password=password)


def validate_document(
    session: Session, document: Document, profile: SigningProfile, online: bool = False
) -> list[SignatureReport]:
    """The signatures of a document's current file (downloaded when not cached and online)."""
    path = session.files.open(session.client if session.online else None, document)
    try:
        return validate_file(path, profile, online=online)
    finally:
        session.files.release(path)  # a secret document's download leaves the disk
