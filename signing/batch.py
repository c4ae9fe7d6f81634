"""Batch signing: many files, one login and one PIN, per-file results.

A file that fails (bad PDF, placement not found…) is reported and the batch
goes on; a token that disappears stops the batch, since every remaining
file would fail the same way.  Inputs are never modified unless the caller
asks for in-place output.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from base.progress import CancelToken, is_cancelled

from .backends import ActiveSigner
from .errors import CertificateNotUsable, Remedy, SigningCancelled, SigningError, TokenRemoved
from .fill import IssueFill
from .pades import SignJob, sign_file
from .placement import Placement
from .profiles import Mode, SigningProfile
from .revocation import Revocation, check_revocation

__all__ = ["FileResult", "BatchRequest", "sign_batch", "output_path", "check_certificate"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileResult:
    source: Path
    output: Path | None
    ok: bool
    message_vi: str = ""
    message_en: str = ""
    seconds: float = 0.0
    remedy: Remedy | None = None
    """What the user could do about a failure (repair the file, give its password)."""


@dataclass(frozen=True)
class BatchRequest:
    files: tuple[Path, ...]
    mode: Mode
    out_dir: Path | None = None
    suffix: str = "_ky-so"
    in_place: bool = False
    number_symbol: str = ""
    allow_expired: bool = False
    fill: IssueFill | None = None
    """Issue mode: number and date to write into the document's blanks."""
    check_revocation: bool = True
    """Ask the certificate's OCSP/CRL first (a revoked certificate is refused; offline goes on)."""
    placement: Placement | None = None
    """Where the signature goes when the user placed it by hand (the same checks apply)."""
    pdf_password: str | None = None
    """The open (or owner) password of password-protected files; never stored or logged."""
    repair: bool = False
    """Rewrite structurally damaged, unsigned files once and sign the rewritten copies."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", Mode(self.mode))


def output_path(source: Path, out_dir: Path | None, suffix: str, in_place: bool) -> Path:
    if in_place:
        return source
    name = unicodedata.normalize("NFC", source.name)
    if out_dir is not None:
        return out_dir / name
    return source.with_name(f"{Path(name).stem}{suffix}{source.suffix}")


def check_certificate(
    active: ActiveSigner,
    profile: SigningProfile,
    *,
    allow_expired: bool = False,
    revocation: bool = True,
) -> None:
    """Refuse an expired, not yet valid or revoked certificate before anything is signed."""
    problem = active.certificate.validity_problem(dt.datetime.now(dt.UTC))
    if problem and not (allow_expired or profile.allow_expired_certificate):
        raise CertificateNotUsable(problem[0] + " Không thể ký.", problem[1] + " Signing refused.")
    if revocation:
        check = check_revocation(active.certificate.der, profile, active.signer.cert_registry)
        if check.status is Revocation.REVOKED:
            raise CertificateNotUsable(check.message_vi, check.message_en)
        if check.status is Revocation.UNKNOWN:
            logger.warning(
                "signing with certificate %s: %s", active.certificate.serial, check.message_en
            )


def sign_batch(
    request: BatchRequest,
    active: ActiveSigner,
    profile: SigningProfile,
    progress: Callable[[int, int, FileResult], None] | None = None,
    cancel: CancelToken | None = None,
) -> list[FileResult]:
    """Sign every file of ``request`` with the already-opened signer."""
    check_certificate(
        active, profile, allow_expired=request.allow_expired, revocation=request.check_revocation
    )
    results: list[FileResult] = []
    files: Sequence[Path] = request.files
    for index, source in enumerate(files, start=1):
        if is_cancelled(cancel):
            raise SigningCancelled()
        started = time.perf_counter()
        job = SignJob(
            source,
            output_path(source, request.out_dir, request.suffix, request.in_place),
            request.mode,
            request.number_symbol,
            manual=request.placement,
            pdf_password=request.pdf_password,
            fill=request.fill,
            repair=request.repair,
        )
        try:
            sign_file(job, active, profile)
            result = FileResult(source, job.output, True, seconds=time.perf_counter() - started)
        except TokenRemoved:
            raise
        except SigningError as exc:
            result = FileResult(
                source,
                None,
                False,
                exc.message("vi"),
                exc.message("en"),
                time.perf_counter() - started,
                exc.remedy,
            )
        except Exception as exc:
            logger.exception("unexpected error signing %s", source.name)
            result = FileResult(
                source,
                None,
                False,
                f"Lỗi không mong đợi: {exc}",
                f"Unexpected error: {exc}",
                time.perf_counter() - started,
            )
        results.append(result)
        if progress:
            progress(index, len(files), result)
    return results
