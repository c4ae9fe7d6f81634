"""``tokens``, ``sign`` and ``verify``.

``sign FILES`` signs local PDFs; ``sign --document ID`` signs server
documents and uploads the signed versions (queued in the outbox while the
server is unreachable).  Without ``--mode`` a server document is signed the
way its next step asks, as the window opens: a clerk seals a numbered document
(issue) with the organisation's certificate unless ``--key-id`` names one, a
leader approves; local files are approved.  ``--position PAGE:X,Y,W,H`` places
the signature by hand; both go through the same service, and so the same
certificate checks, as the window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signing.errors import SigningError
from signing.profiles import Level, Mode, SigningProfile, get_profile

if TYPE_CHECKING:  # the signing libraries load when a command runs: `vanthu` starts fast
    from client.records import Document
    from services.workspace import Workspace
    from signing.batch import FileResult
    from signing.fill import IssueFill
    from signing.placement import Placement
    from signing.validation import SignatureReport

__all__ = ["register", "parse_position"]

logger = logging.getLogger(__name__)


def parse_position(text: str) -> Placement | None:
    """``PAGE:X,Y,W,H`` in points from the top-left corner of the page as it is shown (after
    its rotation); PAGE counts from 1, and ``last`` (or ``-1`` written as ``--position=-1:…``)
    is the last page. ``auto`` is the automatic placement (None), ``last-page-bottom-right``
    a fixed spot that needs no text on the page."""
    import pymupdf

    from signing.placement import Anchor, Placement

    if text.strip().lower() == "auto":
        return None
    if text.strip().lower() in set(Anchor):
        return Placement.at(Anchor(text.strip().lower()))
    try:
        page_text, box = text.split(":", 1)
        x, y, w, h = (float(v) for v in box.split(","))
        page = -1 if page_text.strip().lower() == "last" else int(page_text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"“{text}”: cần dạng TRANG:X,Y,RỘNG,CAO (điểm), ví dụ 1:350,600,180,80 / "
            "expected PAGE:X,Y,W,H in points, e.g. 1:350,600,180,80"
        ) from exc
    if page == 0 or w <= 0 or h <= 0:
        raise argparse.ArgumentTypeError(
            f"“{text}”: trang bắt đầu từ 1, rộng và cao phải dương / "
            "pages count from 1; width and height must be positive"
        )
    return Placement(page - 1 if page > 0 else page, pymupdf.Rect(x, y, x + w, y + h))


def _tokens(args: argparse.Namespace) -> int:
    from services import signing as signing_service
    from signing.modules import discover_modules
    from signing.tokens import list_tokens

    modules = discover_modules(tuple(args.module or ()))
    if not modules:
        print("Không tìm thấy thư viện PKCS#11 nào. Dùng --module ĐƯỜNG_DẪN.")
        return 1
    for module in modules:
        print(f"[{module.vendor}] {module.path}{'' if module.present else '  (không có tệp)'}")
        if not module.present:
            continue
        for token in list_tokens(module.path):
            warn = (
                " — SẮP KHOÁ PIN (lần thử cuối)"
                if token.flags.pin_final_try
                else (" — PIN ĐÃ KHOÁ" if token.flags.pin_locked else "")
            )
            print(
                f"  Token “{token.label}” ({token.manufacturer} {token.model}, số sê-ri {token.serial}){warn}"
            )
        for found in signing_service.token_certificates(module.path, include_ca=True):
            cert = found.certificate
            problem = cert.validity_problem()
            print(
                f"    [{found.token_label}] CKA_ID {cert.key_id}: {cert.subject_cn} — {cert.subject_o} "
                f"[{cert.key_type}] do {cert.issuer_cn} cấp, hiệu lực {cert.not_before:%d/%m/%Y}–"
                f"{cert.not_after:%d/%m/%Y}{' — ' + problem[0] if problem else ''}"
            )
    return 0


def _read_secret(args: argparse.Namespace, prompt: str) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def _profile(args: argparse.Namespace) -> SigningProfile:
    profile = get_profile(args.profile)
    names = {
        "module": "module_path",
        "token": "token_label",
        "key_id": "key_id",
        "tsa": "tsa_url",
        "level": "level",
        "p12": "pkcs12_path",
        "signature_image": "signature_image",
        "seal_image": "seal_image",
    }
    changes: dict[str, Any] = {
        field: getattr(args, arg) for arg, field in names.items() if getattr(args, arg, None)
    }
    if "level" in changes:
        changes["level"] = Level(changes["level"])
    return profile.with_changes(**changes)


def _fill(args: argparse.Namespace) -> IssueFill | None:
    from signing.fill import IssueFill

    if args.number is None and args.date is None:
        return None
    if args.mode != Mode.ISSUE or not (args.number and args.date):
        raise SigningError(
            "--number và --date dùng cùng nhau, với --mode issue.",
            "--number and --date go together, with --mode issue.",
        )
    return IssueFill(args.number, args.date)


def _secret(args: argparse.Namespace, profile: SigningProfile) -> str | None:
    """The PIN (or PKCS#12 password), read once; None for a PIN-pad token."""
    from signing.tokens import token_flags

    if profile.pkcs12_path:
        return _read_secret(args, "Mật khẩu tệp chứng thư: ")
    if not (profile.module_path and profile.token_label):
        return None  # backend_for() explains what is missing
    flags = token_flags(profile.module_path, profile.token_label)
    if flags and flags.pin_final_try:
        print("CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá.", file=sys.stderr)
    if flags and flags.protected_auth_path:
        return None
    return _read_secret(args, "Mã PIN của token: ")


def _documents(workspace: Workspace, ids: list[int]) -> list[Document]:
    """The newest copy of each document: from the server when reachable, else the local cache."""
    from client.errors import ServerUnavailable

    found = []
    for document_id in ids:
        document = None
        if workspace.online:
            try:
                document = workspace.session.client.get_document(document_id)
            except ServerUnavailable:
                workspace.session.online = False
        document = document or workspace.document(document_id)
        if document is None:
            raise SigningError(
                f"Không tìm thấy văn bản #{document_id} (chưa tải về máy và không kết nối được "
                "máy chủ).",
                f"Document #{document_id} not found (not cached, server unreachable).",
            )
        found.append(document)
    return found


def _sign(args: argparse.Namespace) -> int:
    from services import signing as signing_service
    from signing.batch import BatchRequest

    if bool(args.files) == bool(args.document):
        raise SigningError(
            "Hãy chỉ định tệp PDF hoặc --document ID (không cả hai).",
            "Give PDF files or --document ID (not both).",
        )
    profile = _profile(args)
    if args.document:
        return _sign_documents(args, profile)
    backend = signing_service.backend_for(profile)
    secret = _secret(args, profile)
    mode = Mode(args.mode or Mode.APPROVE)
    request = BatchRequest(
        tuple(Path(f) for f in args.files),
        mode,
        out_dir=Path(args.out_dir) if args.out_dir else None,
        suffix=args.suffix,
        in_place=args.in_place,
        number_symbol=args.number_symbol or "",
        allow_expired=args.allow_expired,
        fill=_fill(args),
        placement=args.position,
        pdf_password=_pdf_password(args),
        repair=args.repair,
    )

    def progress(index: int, total: int, result: FileResult) -> None:
        state = f"→ {result.output}" if result.ok else f"LỖI: {result.message_vi}"
        print(f"[{index}/{total}] {result.source.name} {state}", flush=True)

    with backend.open(secret) as active:
        secret = None
        results = signing_service.sign_files(request, active, profile, progress)
    failed = sum(not r.ok for r in results)
    print(f"Đã ký {len(results) - failed}/{len(results)} tệp.")
    return 1 if failed else 0


def _pdf_password(args: argparse.Namespace) -> str | None:
    """The password of password-protected PDFs, asked on the terminal (never an argument,
    which other users could read in the process list)."""
    if not args.ask_pdf_password:
        return None
    import getpass

    return getpass.getpass("Mật khẩu tệp PDF / PDF password: ") or None


def _default_certificate(
    workspace: Workspace, mode: Mode, profile: SigningProfile
) -> SigningProfile:
    """No ``--key-id``: the certificate ``mode`` signs with by default, among the named token's
    (the window's choice: the organisation's to seal)."""
    from services.signing import token_certificates

    if profile.pkcs12_path or not (profile.module_path and profile.token_label):
        return profile
    found = [
        c.certificate
        for c in token_certificates(profile.module_path)
        if c.token_label == profile.token_label
    ]
    key_id = workspace.signing_key_id(mode, found, profile)
    return profile.with_changes(key_id=key_id) if key_id else profile


def _sign_documents(args: argparse.Namespace, profile: SigningProfile) -> int:
    from services import signing as signing_service
    from services.session import resume_session
    from services.signing import DocumentSigning
    from services.workspace import Workspace

    workspace = Workspace(resume_session())
    documents = _documents(workspace, args.document)
    mode = Mode(args.mode) if args.mode else workspace.signing_mode(documents)
    if not args.key_id:
        profile = _default_certificate(workspace, mode, profile)
    backend = signing_service.backend_for(profile)
    secret = _secret(args, profile)
    print(f"Cách ký / mode: {mode.value}, CKA_ID {profile.key_id or '—'}", file=sys.stderr)
    signing = DocumentSigning(
        mode, profile, placement=args.position, allow_expired=args.allow_expired
    )
    with backend.open(secret) as active:
        secret = None
        results = workspace.sign_documents(documents, active, signing)
    for result in results:
        mark = {"signed": "ĐÃ KÝ", "queued": "CHỜ GỬI", "conflict": "XUNG ĐỘT", "failed": "LỖI"}[
            result.outcome
        ]
        version = f" (phiên bản {result.version})" if result.version else ""
        print(f"#{result.document_id}: {mark}{version} — {result.message_vi}")
    return 0 if all(r.ok for r in results) else 1


def _print_reports(reports: list[SignatureReport]) -> int:
    if not reports:
        print("Tệp không có chữ ký số.")
        return 1
    for number, report in enumerate(reports, start=1):
        when = report.timestamp_time or report.signing_time
        print(f"Chữ ký {number}: {report.signer_cn} ({report.signer_o}) — {report.summary_vi}")
        if when:
            print(f"  Thời điểm ký: {when.astimezone().isoformat()}")
        for line in report.details_vi:
            print(f"  - {line}")
    return 0 if all(r.ok for r in reports) else 1


def _verify(args: argparse.Namespace) -> int:
    from services import signing as signing_service
    from services.session import resume_session
    from services.workspace import Workspace

    if args.trust_info:
        from cli.trust import print_trust_info

        return print_trust_info()
    profile = get_profile(args.profile)
    if args.document is not None:
        workspace = Workspace(resume_session())
        [document] = _documents(workspace, [args.document])
        return _print_reports(workspace.validate(document, profile, online=args.online))
    if args.file:
        path = Path(args.file)
    else:
        raise SigningError(
            "Hãy chỉ định tệp PDF hoặc --document ID.", "Give a PDF file or --document ID."
        )
    reports = signing_service.validate_file(
        path,
        profile,
        extra_roots=args.trust_root or (),
        online=args.online,
        password=_pdf_password(args),
    )
    return _print_reports(reports)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tokens = subparsers.add_parser("tokens", help="liệt kê USB token và chứng thư số / list tokens")
    tokens.add_argument("--module", action="append", help="đường dẫn thư viện PKCS#11 (.dll/.so)")
    tokens.set_defaults(func=_tokens)

    sign = subparsers.add_parser(
        "sign", help="ký số tệp PDF hoặc văn bản trên máy chủ / sign PDFs or documents"
    )
    sign.add_argument("files", nargs="*", help="tệp PDF trên máy / local PDF files")
    sign.add_argument(
        "--document",
        type=int,
        action="append",
        help="ký văn bản trên máy chủ theo ID và tải bản đã ký lên / sign a server document by ID",
    )
    sign.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        help="cách ký; bỏ trống: văn bản trên máy chủ theo bước tiếp theo (văn thư: issue, lãnh "
        "đạo: approve), tệp trên máy: approve / the signing mode; default: a server document's "
        "next step (clerk: issue, leader: approve), local files: approve",
    )
    sign.add_argument(
        "--position",
        type=parse_position,
        metavar="PAGE:X,Y,W,H|auto|last-page-bottom-right",
        help="đặt chữ ký bằng tay: trang (1 = đầu, last = cuối) và khung theo điểm từ góc trên trái "
        "của trang như khi xem; auto = tự tìm; last-page-bottom-right = góc dưới phải trang cuối / "
        "place the signature by hand: page (1 first, last = the last) and box in points from the "
        "top-left of the page as shown; auto = find it; last-page-bottom-right = a fixed spot",
    )
    sign.add_argument(
        "--ask-pdf-password",
        action="store_true",
        help="hỏi mật khẩu mở tệp PDF (tệp có mật khẩu) / ask for the PDFs' open password",
    )
    sign.add_argument(
        "--repair",
        action="store_true",
        help="sửa tệp PDF hỏng cấu trúc (chưa có chữ ký) rồi ký bản sửa / "
        "repair structurally damaged unsigned PDFs and sign the repaired copies",
    )
    sign.add_argument("--profile", help="tên cấu hình ký số")
    sign.add_argument("--module"), sign.add_argument("--token"), sign.add_argument("--key-id")
    sign.add_argument("--p12", help="tệp chứng thư .p12/.pfx thay cho token")
    sign.add_argument("--pin-stdin", action="store_true", help="đọc PIN/mật khẩu từ stdin")
    sign.add_argument("--out-dir"), sign.add_argument("--suffix", default="_ky-so")
    sign.add_argument("--in-place", action="store_true", help="ghi đè tệp gốc (không khuyến khích)")
    sign.add_argument("--tsa"), sign.add_argument("--level", choices=[lv.value for lv in Level])
    sign.add_argument("--number-symbol", help="số/ký hiệu văn bản chính (ký phụ lục)")
    sign.add_argument(
        "--number", help="số văn bản đã cấp, ghi vào chỗ trống khi đóng dấu (--mode issue)"
    )
    sign.add_argument(
        "--date", type=dt.date.fromisoformat, help="ngày ban hành YYYY-MM-DD (--mode issue)"
    )
    sign.add_argument("--signature-image"), sign.add_argument("--seal-image")
    sign.add_argument("--allow-expired", action="store_true")
    sign.set_defaults(func=_sign)

    verify = subparsers.add_parser("verify", help="kiểm tra chữ ký số / verify signatures")
    verify.add_argument("file", nargs="?")
    verify.add_argument(
        "--document", type=int, help="văn bản trên máy chủ theo ID / a server document by ID"
    )
    verify.add_argument("--profile", help="cấu hình ký số có danh sách chứng thư gốc tin cậy")
    verify.add_argument(
        "--trust-root", action="append", help="thêm chứng thư gốc tin cậy (PEM/DER)"
    )
    verify.add_argument("--online", action="store_true", help="kiểm tra thu hồi qua mạng")
    verify.add_argument(
        "--trust-info",
        action="store_true",
        help="in danh sách chứng thư tin cậy và dấu vân tay / print the trust list and fingerprints",
    )
    verify.add_argument(
        "--ask-pdf-password",
        action="store_true",
        help="hỏi mật khẩu mở tệp PDF / ask for the PDF's open password",
    )
    verify.set_defaults(func=_verify)
