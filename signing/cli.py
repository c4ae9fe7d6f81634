"""``tokens``, ``sign`` and ``verify`` subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import sys
from pathlib import Path

from .errors import SigningError

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _tokens(args: argparse.Namespace) -> int:
    from .modules import discover_modules
    from .tokens import TokenSession, list_tokens

    modules = discover_modules(tuple(args.module or ()))
    if not modules:
        print("Không tìm thấy thư viện PKCS#11 nào. Dùng --module ĐƯỜNG_DẪN.")
        return 1
    for module in modules:
        print(f"[{module.vendor}] {module.path}{'' if module.present else '  (không có tệp)'}")
        if not module.present:
            continue
        for token in list_tokens(module.path):
            warn = " — SẮP KHOÁ PIN (lần thử cuối)" if token.flags.pin_final_try else (
                " — PIN ĐÃ KHOÁ" if token.flags.pin_locked else "")
            print(f"  Token “{token.label}” ({token.manufacturer} {token.model}, số sê-ri {token.serial}){warn}")
            with TokenSession(module.path, token.label, None, login=False) as session:
                for cert in session.certificates():
                    problem = cert.validity_problem()
                    print(f"    CKA_ID {cert.key_id}: {cert.subject_cn} — {cert.subject_o} [{cert.key_type}]"
                          f" do {cert.issuer_cn} cấp, hiệu lực {cert.not_before:%d/%m/%Y}–{cert.not_after:%d/%m/%Y}"
                          f"{' — ' + problem[0] if problem else ''}")
    return 0


def _read_secret(args: argparse.Namespace, prompt: str) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def _profile(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .profiles import Level, get_profile

    profile = get_profile(args.profile)
    changes: dict = {}
    for name in ("module", "token", "key_id", "tsa", "level", "p12"):
        value = getattr(args, name, None)
        if value:
            key = {"module": "module_path", "token": "token_label", "tsa": "tsa_url", "p12": "pkcs12_path"}.get(
                name, name)
            changes[key] = Level(value) if name == "level" else value
    if args.signature_image:
        changes["signature_image"] = args.signature_image
    if args.seal_image:
        changes["seal_image"] = args.seal_image
    return profile.with_changes(**changes)


def _fill(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .fill import IssueFill

    if args.number is None and args.date is None:
        return None
    if args.mode != "issue" or not (args.number and args.date):
        raise SigningError("--number và --date dùng cùng nhau, với --mode issue.",
                           "--number and --date go together, with --mode issue.")
    return IssueFill(args.number, args.date)


def _backend(profile):  # type: ignore[no-untyped-def]
    from .backends import Pkcs12Backend, TokenBackend

    if profile.pkcs12_path:
        return Pkcs12Backend(profile.pkcs12_path)
    if not (profile.module_path and profile.token_label and profile.key_id):
        raise SigningError("Cần chọn token và chứng thư: --module, --token, --key-id (xem lệnh tokens).",
                           "Choose a token and certificate: --module, --token, --key-id (see the tokens command).")
    return TokenBackend(profile.module_path, profile.token_label, profile.key_id)


def _sign(args: argparse.Namespace) -> int:
    from .batch import BatchRequest, sign_batch
    from .profiles import Mode
    from .tokens import token_flags

    profile = _profile(args)
    backend = _backend(profile)
    pin: str | None = None
    if profile.pkcs12_path:
        pin = _read_secret(args, "Mật khẩu tệp chứng thư: ")
    else:
        flags = token_flags(profile.module_path, profile.token_label)
        if flags and flags.pin_final_try:
            print("CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá.", file=sys.stderr)
        if not (flags and flags.protected_auth_path):
            pin = _read_secret(args, "Mã PIN của token: ")
    request = BatchRequest(tuple(Path(f) for f in args.files), Mode(args.mode),
                           out_dir=Path(args.out_dir) if args.out_dir else None, suffix=args.suffix,
                           in_place=args.in_place, number_symbol=args.number_symbol or "",
                           allow_expired=args.allow_expired, fill=_fill(args))

    def progress(index: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
        state = f"→ {result.output}" if result.ok else f"LỖI: {result.message_vi}"
        print(f"[{index}/{total}] {result.source.name} {state}", flush=True)

    with backend.open(pin) as active:
        pin = None
        results = sign_batch(request, active, profile, progress)
    failed = sum(not r.ok for r in results)
    print(f"Đã ký {len(results) - failed}/{len(results)} tệp.")
    return 1 if failed else 0


def _verify(args: argparse.Namespace) -> int:
    from .profiles import get_profile
    from .trust import load_certificates
    from .validation import validate_pdf

    roots = [c for path in (args.trust_root or get_profile(None).trust_roots) for c in load_certificates(path)]
    reports = validate_pdf(Path(args.file), roots, online=args.online)
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


def register(subparsers: argparse._SubParsersAction) -> None:
    tokens = subparsers.add_parser("tokens", help="liệt kê USB token và chứng thư số / list tokens")
    tokens.add_argument("--module", action="append", help="đường dẫn thư viện PKCS#11 (.dll/.so)")
    tokens.set_defaults(func=_tokens)

    sign = subparsers.add_parser("sign", help="ký số tệp PDF / sign PDF files")
    sign.add_argument("files", nargs="+")
    sign.add_argument("--mode", choices=("approve", "issue", "attachment", "copy"), default="approve")
    sign.add_argument("--profile", help="tên cấu hình ký số")
    sign.add_argument("--module"), sign.add_argument("--token"), sign.add_argument("--key-id")
    sign.add_argument("--p12", help="tệp chứng thư .p12/.pfx thay cho token")
    sign.add_argument("--pin-stdin", action="store_true", help="đọc PIN/mật khẩu từ stdin")
    sign.add_argument("--out-dir"), sign.add_argument("--suffix", default="_ky-so")
    sign.add_argument("--in-place", action="store_true", help="ghi đè tệp gốc (không khuyến khích)")
    sign.add_argument("--tsa"), sign.add_argument("--level", choices=("B-B", "B-T", "B-LT", "B-LTA"))
    sign.add_argument("--number-symbol", help="số/ký hiệu văn bản chính (ký phụ lục)")
    sign.add_argument("--number", help="số văn bản đã cấp, ghi vào chỗ trống khi đóng dấu (--mode issue)")
    sign.add_argument("--date", type=dt.date.fromisoformat, help="ngày ban hành YYYY-MM-DD (--mode issue)")
    sign.add_argument("--signature-image"), sign.add_argument("--seal-image")
    sign.add_argument("--allow-expired", action="store_true")
    sign.set_defaults(func=_sign)

    verify = subparsers.add_parser("verify", help="kiểm tra chữ ký số / verify signatures")
    verify.add_argument("file")
    verify.add_argument("--trust-root", action="append", help="chứng thư gốc tin cậy (PEM/DER)")
    verify.add_argument("--online", action="store_true", help="kiểm tra thu hồi qua mạng")
    verify.set_defaults(func=_verify)
