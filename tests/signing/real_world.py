"""Run the real-world corpus: every mode on every file, then every independent check.

Shared by ``tests/signing/test_corpus.py`` (assertions) and ``bench/corpus.py``
(timings). A file either signs — and then our verify, bare pyHanko, poppler
and qpdf all agree, the new stamp lies inside the visible page and earlier
signatures are exactly as they were — or it is refused with a message that
names the file's problem in both languages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pymupdf
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from signing.backends import ActiveSigner
from signing.errors import Remedy, SigningError
from signing.pades import SignJob, sign_file
from signing.placement import Anchor, Placement
from signing.profiles import Mode, SigningProfile
from signing.validation import SignatureReport, validate_pdf

__all__ = ["CORPUS", "corpus_files", "Outcome", "run_file", "LIBRARY_WORDS"]

CORPUS = Path(__file__).with_name("corpus")
MOMENT = dt.datetime(2026, 11, 24, 3, 15, tzinfo=dt.UTC)
LIBRARY_WORDS = (
    "Traceback",
    "EOF marker",
    "idnum",
    "codec",
    "invalid literal",
    "Unexpected error",
    "không mong đợi",
    "PdfReadError",
)


def corpus_files() -> list[tuple[Path, str | None]]:
    manifest = json.loads((CORPUS / "corpus.json").read_text("utf-8"))
    return [(CORPUS / e["file"], e["password"]) for e in manifest["files"]]


@dataclass
class Outcome:
    file: str
    mode: Mode
    signed: bool
    seconds: float = 0.0
    verify_seconds: float = 0.0
    message_vi: str = ""
    message_en: str = ""
    problems: list[str] = field(default_factory=list)
    """Checks that failed after signing (empty: every tool agreed)."""
    repaired: bool = False
    """Signed only after "repair and sign the repaired copy"."""


def _pdfsig_blocks(path: Path, password: str | None) -> list[str]:
    tool = shutil.which("pdfsig")
    assert tool, "pdfsig (poppler-utils) is required"
    args = [tool, *(["-upw", password] if password else []), str(path)]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
    return re.split(r"\nSignature #\d+:", out)[1:]


def _qpdf_ok(path: Path, password: str | None) -> bool:
    tool = shutil.which("qpdf")
    assert tool, "qpdf is required"
    run = subprocess.run(
        [tool, f"--password={password or ''}", "--check", str(path)],
        capture_output=True,
        timeout=120,
    )
    return run.returncode in (0, 3)


def _bare_pyhanko(path: Path, password: str | None, roots: list[Any]) -> list[tuple[bool, bool]]:
    """(intact, valid) of every signature pyHanko itself can read, with no policy of ours."""
    verdicts = []
    with path.open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        if reader.encrypted:
            reader.decrypt(password or "")
        for sig in reader.embedded_signatures:
            if sig.sig_object_type == "/DocTimeStamp":
                continue
            status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots))
            verdicts.append((status.intact, status.valid))
    return verdicts


def _visible_stamps(
    path: Path, password: str | None
) -> list[tuple[str, pymupdf.Rect, pymupdf.Rect]]:
    with pymupdf.open(path) as doc:
        if doc.needs_pass:
            doc.authenticate(password or "")
        return [
            (w.field_name, w.rect * page.rotation_matrix, pymupdf.Rect(page.rect))
            for page in doc
            for w in page.widgets() or ()
            if w.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE
        ]


def _reports(path: Path, roots: list[Any], password: str | None) -> list[SignatureReport]:
    return validate_pdf(path, roots, password=password, anchors=[])


def check_signed(
    source: Path, signed: Path, password: str | None, roots: list[Any]
) -> tuple[list[str], float]:
    """Every independent check on a freshly signed file; the problems found and verify's time."""
    problems: list[str] = []
    before = _reports(source, roots, password) if _has_signatures(source, password) else []
    started = time.perf_counter()
    after = _reports(signed, roots, password)
    verify_seconds = time.perf_counter() - started
    if len(after) != len(before) + 1:
        problems.append(f"{len(after)} signatures after signing, {len(before)} before")
        return problems, verify_seconds
    new = after[-1]
    if not (new.intact and new.valid and new.modification != "other" and new.trusted):
        problems.append(f"new signature not valid: {new.summary_en} {new.details_en}")
    for old, now in zip(before, after[:-1], strict=True):
        if (old.field_name, old.intact, old.valid) != (now.field_name, now.intact, now.valid):
            problems.append(f"earlier signature {old.field_name} changed: {now.summary_en}")
    bare = _bare_pyhanko(signed, password, roots)
    ours = [(r.intact, r.valid) for r in after if not r.is_document_timestamp and r.level]
    if bare[-1:] != ours[-1:]:
        problems.append(f"pyHanko disagrees: {bare} vs ours {ours}")
    blocks = _pdfsig_blocks(signed, password)
    if not blocks or "Signature is Valid." not in blocks[-1]:
        problems.append("pdfsig does not find the new signature valid")
    if _qpdf_ok(source, password) and not _qpdf_ok(signed, password):
        problems.append("qpdf --check fails on the signed file but not on the original")
    for name, rect, page in _visible_stamps(signed, password):
        if name.startswith("Sig_") and not page.contains(rect):
            problems.append(f"stamp {name} {tuple(rect)} outside the visible page {tuple(page)}")
    return problems, verify_seconds


def _has_signatures(path: Path, password: str | None) -> bool:
    try:
        with pymupdf.open(path) as doc:
            if doc.needs_pass:
                doc.authenticate(password or "")
            return any(
                w.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE
                for page in doc
                for w in page.widgets() or ()
            )
    except (RuntimeError, ValueError):
        return False


def run_file(
    source: Path,
    password: str | None,
    signers: dict[Mode, ActiveSigner],
    profile: SigningProfile,
    roots: list[Any],
    folder: Path,
) -> list[Outcome]:
    """Approve (at the fixed spot: these files have no Vietnamese signature block), issue on
    top of it, copy and attachment on the original; each one checked everywhere."""
    outcomes: list[Outcome] = []
    approved: Path | None = None
    for mode in (Mode.APPROVE, Mode.ISSUE, Mode.COPY, Mode.ATTACHMENT):
        base = approved if mode is Mode.ISSUE else source
        if base is None:
            continue
        out = folder / f"{source.stem}-{mode}.pdf"
        manual = Placement.at(Anchor.LAST_PAGE_BOTTOM_RIGHT) if mode is Mode.APPROVE else None
        job = SignJob(base, out, mode, "125/QĐ-UBND", manual=manual, pdf_password=password)
        started = time.perf_counter()
        repaired = False
        try:
            try:
                sign_file(job, signers[mode], profile, MOMENT)
            except SigningError as exc:
                if exc.remedy is not Remedy.REPAIR:
                    raise
                # What the window offers ("repair and sign the repaired copy") must then work.
                sign_file(replace(job, repair=True), signers[mode], profile, MOMENT)
                repaired = True
        except SigningError as exc:
            outcomes.append(
                Outcome(
                    source.name,
                    mode,
                    False,
                    time.perf_counter() - started,
                    message_vi=exc.message("vi"),
                    message_en=exc.message("en"),
                )
            )
            continue
        seconds = time.perf_counter() - started
        problems, verify_seconds = check_signed(base, out, password, roots)
        outcomes.append(
            Outcome(
                source.name,
                mode,
                True,
                seconds,
                verify_seconds,
                problems=problems,
                repaired=repaired,
            )
        )
        if mode is Mode.APPROVE:
            approved = out
    return outcomes
