"""``serve`` (run the reference document server) and ``admin`` (organisations and accounts,
on the same ``--data-dir``/``--database-url``).  Demo data: ``vanthu demo-data``."""

from __future__ import annotations

import argparse
import csv
import getpass
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from base.console_log import configure_console_logging
from base.paths import app_paths

from . import department_commands
from .backup import commands as backup_commands
from .config import ServerSettings
from .exchange import hub_cli
from .roles import Role
from .serving import run_uvicorn

if TYPE_CHECKING:  # the database layer loads only when a command runs: `vanthu` starts fast
    from sqlalchemy.orm import Session

__all__ = ["register", "main"]

logger = logging.getLogger(__name__)


def _settings(args: argparse.Namespace) -> ServerSettings:
    data_dir = Path(args.data_dir) if args.data_dir else app_paths().data / "server"
    return ServerSettings(
        data_dir=data_dir,
        database_url=args.database_url,
        max_upload_bytes=int(getattr(args, "max_upload_mb", 512) * 1024 * 1024),
        tls=bool(getattr(args, "certfile", None)),
        api_docs=bool(getattr(args, "api_docs", False)),
        scrub_interval_seconds=float(getattr(args, "scrub_interval_hours", 24)) * 3600,
        blob_store=getattr(args, "blob_store", None),
        s3_endpoint_url=getattr(args, "s3_endpoint_url", None),
        workers=int(getattr(args, "workers", 1) or 1),
        metrics_token_sha256=_metrics_token(getattr(args, "metrics_token_file", None)),
    )


def _serve(args: argparse.Namespace) -> int:
    from .app import create_app
    from .db import Database
    from .filestore import FileStoreError
    from .seed import seed_base

    settings = _settings(args)
    if settings.workers > 1 and not (settings.database_url or "").startswith("postgresql"):
        print(
            "--workers lớn hơn 1 cần PostgreSQL (--database-url): SQLite chỉ cho một tiến trình "
            "ghi một lúc.\n--workers above 1 needs PostgreSQL (--database-url): SQLite lets one "
            "process write at a time.",
            file=sys.stderr,
        )
        return 2
    try:
        app = create_app(settings)
    except FileStoreError as exc:  # a missing bucket, a refused key, an unmounted share
        print(f"{exc.message_vi}\n{exc.message_en}", file=sys.stderr)
        return 2
    if not args.no_seed:
        db: Database = app.state.vanthu.db
        with db.session() as session:
            seed_base(session)
    if bool(args.certfile) != bool(args.keyfile):
        print("--certfile và --keyfile đi cùng nhau / --certfile and --keyfile go together")
        return 2
    scheme = "https" if args.certfile else "http"
    print(
        f"Máy chủ văn bản / document server: {scheme}://{args.host}:{args.port}/api/v1  (dữ liệu: {settings.data_dir})",
        flush=True,
    )
    if settings.workers > 1:
        from .operations.workers import WORKER_APP, hand_over

        app.state.vanthu.db.dispose()  # the workers open their own connections
        hand_over(settings)
        run_uvicorn(WORKER_APP, args, workers=settings.workers)
    else:
        run_uvicorn(app, args)
    return 0


def _metrics_token(path: str | None) -> str | None:
    """Only the token's sha256 is kept; the file (0600, like a password file) holds the token."""
    if not path:
        return None
    from .security import token_digest

    token = Path(path).read_text(encoding="utf-8").strip()
    if len(token) < 16:
        raise SystemExit(
            "Mã thông báo cho /metrics quá ngắn (cần ít nhất 16 ký tự).\n"
            "The /metrics token is too short (at least 16 characters)."
        )
    return token_digest(token)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", help="thư mục dữ liệu / data folder")
        p.add_argument("--database-url", help="SQLAlchemy URL (mặc định SQLite trong data-dir)")
        p.add_argument(
            "--blob-store",
            help="nơi lưu tệp: thư mục, file:///…, s3://bucket/tiền-tố / file store (docs/storage.md)",
        )
        p.add_argument(
            "--s3-endpoint-url",
            help="máy chủ tương thích S3 (MinIO…) / S3-compatible endpoint (https)",
        )

    serve = subparsers.add_parser("serve", help="chạy máy chủ văn bản / run the document server")
    common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--max-upload-mb", type=float, default=512)
    serve.add_argument(
        "--scrub-interval-hours",
        type=float,
        default=24,
        help="kiểm tra lại mã sha256 của mọi tệp lưu trữ mỗi N giờ (0: tắt) / "
        "re-check every stored file's sha256 every N hours (0: off)",
    )
    serve.add_argument(
        "--no-seed", action="store_true", help="không tạo tài khoản demo / no demo users"
    )
    serve.add_argument("--certfile", help="chứng chỉ TLS (PEM) để phục vụ HTTPS / TLS certificate")
    serve.add_argument("--keyfile", help="khoá riêng TLS (PEM) / TLS private key")
    serve.add_argument(
        "--forwarded-allow-ips",
        default="",
        help="địa chỉ proxy được tin X-Forwarded-For (mặc định: không tin ai) / proxies trusted "
        "for X-Forwarded-For (default: none)",
    )
    serve.add_argument(
        "--api-docs", action="store_true", help="bật trang tài liệu API / serve the API docs page"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="số tiến trình phục vụ (PostgreSQL khi nhiều hơn 1) / server processes "
        "(PostgreSQL when more than 1)",
    )
    serve.add_argument(
        "--metrics-token-file",
        help="tệp chứa mã thông báo Prometheus gửi tới /metrics / file holding the token "
        "Prometheus sends to /metrics",
    )
    serve.set_defaults(func=_serve)
    hub_cli.register(subparsers, serve)  # serve --exchange-hub, exchange-hub-system
    _register_admin(subparsers, common)


def _reported(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """An administration command whose refusals read as sentences in both languages."""

    def run(args: argparse.Namespace) -> int:
        from .errors import ApiProblem

        try:
            return command(args)
        except ApiProblem as exc:
            print(f"{exc.message_vi}\n{exc.message_en}", file=sys.stderr)
            return 1

    return run


def _admin_session(args: argparse.Namespace) -> Session:
    from .app import create_app
    from .db import Database

    db: Database = create_app(_settings(args)).state.vanthu.db
    return db.sessions()


def _secret(args: argparse.Namespace, prompt: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def _org_add(args: argparse.Namespace) -> int:
    from . import admin

    with _admin_session(args) as session:
        org = admin.add_organisation(session, args.code, args.name)
        print(f"Đã thêm đơn vị / organisation added: {org.code} — {org.name} (id {org.id})")
    return 0


def _org_secret_index(args: argparse.Namespace) -> int:
    from . import admin

    with _admin_session(args) as session:
        org = admin.set_secret_index(session, args.code, args.secret_in_offline_index == "yes")
        state = "được" if org.secret_in_offline_index else "không được"
        print(
            f"{org.code}: văn bản mật {state} đưa vào chỉ mục tìm kiếm ngoại tuyến / "
            f"secret metadata in offline search: {'allowed' if org.secret_in_offline_index else 'not allowed'}"
        )
    return 0


def _user_add(args: argparse.Namespace) -> int:
    from . import admin

    password = _secret(args, "Mật khẩu / password: ") if args.password_stdin else ""
    new = admin.NewUser(
        args.username, args.full_name, args.role, args.org, args.title or "", password
    )
    with _admin_session(args) as session:
        user, initial = admin.add_user(session, new)
        print(f"Đã thêm / added: {user.username} [{user.role}]")
        if initial:
            print(f"Mật khẩu ban đầu / initial password: {initial}")
    return 0


def _user_state(args: argparse.Namespace) -> int:
    from . import admin

    with _admin_session(args) as session:
        user = admin.set_active(session, args.username, args.action == "enable")
        print(
            f"{user.username}: {'đang hoạt động / active' if user.active else 'đã khoá / disabled'}"
        )
    return 0


def _user_password(args: argparse.Namespace) -> int:
    from . import admin

    password = _secret(args, "Mật khẩu mới / new password: ")
    with _admin_session(args) as session:
        user = admin.reset_password(session, args.username, password)
        print(
            f"Đã đặt lại mật khẩu / password reset: {user.username} (mọi phiên đăng nhập cũ đã bị huỷ)"
        )
    return 0


def _user_import(args: argparse.Namespace) -> int:
    from . import admin

    users, errors = admin.parse_users_csv(Path(args.file).read_text("utf-8-sig"))
    if errors:
        for line in errors:
            print(line, file=sys.stderr)
        print("Không nhập gì / nothing imported.", file=sys.stderr)
        return 1
    with _admin_session(args) as session:
        report = admin.import_users(
            session, users, lambda done, total: print(f"  {done:,}/{total:,}", flush=True)
        )
    if not report.ok:
        for line in report.errors:
            print(line, file=sys.stderr)
        print(
            f"{len(report.errors)} dòng lỗi; không nhập gì / {len(report.errors)} bad rows; nothing imported.",
            file=sys.stderr,
        )
        return 1
    if report.created:
        if not args.passwords_out:
            print(
                "Cần --passwords-out TỆP cho mật khẩu ban đầu / --passwords-out FILE is required",
                file=sys.stderr,
            )
        else:
            out = Path(args.passwords_out)
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["username", "initial_password"])
                writer.writerows(report.created)
            print(f"Mật khẩu ban đầu trong / initial passwords in {out} (0600)")
    print(f"Đã nhập {len(users):,} tài khoản / imported {len(users):,} accounts")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from .models import Organisation, User

    with _admin_session(args) as session:
        query = select(User, Organisation.code).join(
            Organisation, Organisation.id == User.organisation_id
        )
        if args.org:
            query = query.where(Organisation.code == args.org)
        for user, code in session.execute(query.order_by(Organisation.code, User.username)):
            state = "" if user.active else "  (đã khoá / disabled)"
            print(f"{code:<8} {user.username:<20} {user.role:<15} {user.full_name}{state}")
    return 0


def _blobs_scrub(args: argparse.Namespace) -> int:
    from .db import Database
    from .filestore import open_store
    from .scrub import scrub_blobs

    settings = _settings(args)
    store = open_store(settings)
    db = Database(settings.resolved_database_url)
    db.migrate()
    report = scrub_blobs(db, store)
    print(
        f"Đã kiểm tra {report.checked} tệp ({report.bytes_read / 1e6:.1f} MB): "
        f"{len(report.damaged)} hỏng (đã cách ly, tải lên lại sẽ thay), {len(report.missing)} mất. / "
        f"Checked {report.checked} files: {len(report.damaged)} damaged (quarantined; uploading "
        f"them again replaces them), {len(report.missing)} missing."
    )
    for sha256 in report.damaged:
        print(f"  hỏng / damaged: {sha256}")
    for sha256 in report.missing:
        print(f"  mất / missing:  {sha256}")
    return 0 if report.ok else 1


def _org_agency_code(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from .exchange.settings import set_agency_code
    from .models import Organisation

    with _admin_session(args) as session:
        org = session.scalar(select(Organisation).where(Organisation.code == args.code))
        if org is None:
            raise SystemExit(f"Không có đơn vị / no organisation {args.code}")
        before = set_agency_code(session, org, args.agency_code)
        session.commit()
        print(f"{org.code}: mã định danh / agency code {before or '—'} → {org.agency_code}")
    return 0


def _org_signing(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from .exchange.settings import set_signing_certificate
    from .models import Organisation

    with _admin_session(args) as session:
        org = session.scalar(select(Organisation).where(Organisation.code == args.code))
        if org is None:
            raise SystemExit(f"Không có đơn vị / no organisation {args.code}")
        password = _secret(args, "Mật khẩu tệp PKCS#12 / PKCS#12 password: ")
        subject = set_signing_certificate(
            _settings(args).data_dir, org, Path(args.p12).read_bytes(), password.encode() or None
        )
        print(
            f"{org.code}: gói edXML gửi đi được ký bằng / outgoing edXML envelopes are signed "
            f"with {subject}"
        )
    return 0


def _register_admin(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    admin_cmd = subparsers.add_parser(
        "admin", help="quản trị đơn vị và tài khoản / organisations and accounts"
    )
    areas = admin_cmd.add_subparsers(
        dest="area", metavar="org|dept|user|blobs|trust|backup|restore", required=True
    )
    blobs = areas.add_parser("blobs", help="tệp lưu trữ / stored files").add_subparsers(
        dest="action", required=True
    )
    scrub = blobs.add_parser(
        "scrub",
        help="đọc lại mọi tệp, so mã sha256, cách ly tệp hỏng / re-read every file against its "
        "sha256 and quarantine damaged ones",
    )
    common(scrub)
    scrub.set_defaults(func=_reported(_blobs_scrub))
    org = areas.add_parser("org", help="đơn vị / organisations").add_subparsers(
        dest="action", required=True
    )
    add = org.add_parser("add", help="thêm đơn vị / add an organisation")
    add.add_argument("code"), add.add_argument("name")
    common(add)
    add.set_defaults(func=_reported(_org_add))
    setting = org.add_parser("set", help="thiết lập của đơn vị / an organisation's settings")
    setting.add_argument("code")
    setting.add_argument(
        "--secret-in-offline-index",
        choices=("yes", "no"),
        required=True,
        help="cho phép máy trạm tìm kiếm ngoại tuyến văn bản mật / let desktop caches index secret metadata",
    )
    common(setting)
    setting.set_defaults(func=_reported(_org_secret_index))
    agency = org.add_parser(
        "agency-code",
        help="mã định danh cơ quan trên trục liên thông (QĐ 20/2020/QĐ-TTg) / the organisation's "
        "code on the exchange axis",
    )
    agency.add_argument("code", help="mã đơn vị trên máy chủ này / organisation code here")
    agency.add_argument("agency_code", help="ví dụ / e.g. 000.00.00.H30")
    common(agency)
    agency.set_defaults(func=_reported(_org_agency_code))
    signing = org.add_parser(
        "exchange-signing",
        help="chứng thư số ký gói edXML gửi đi (PKCS#12) / the certificate outgoing edXML "
        "envelopes are signed with",
    )
    signing.add_argument("code")
    signing.add_argument("--p12", required=True, help="tệp .p12/.pfx")
    signing.add_argument("--password-stdin", action="store_true")
    common(signing)
    signing.set_defaults(func=_reported(_org_signing))
    user = areas.add_parser("user", help="tài khoản / accounts").add_subparsers(
        dest="action", required=True
    )
    new = user.add_parser("add", help="thêm tài khoản / add an account")
    new.add_argument("username")
    new.add_argument("--org", required=True, help="mã đơn vị / organisation code")
    new.add_argument("--role", required=True, choices=[r.value for r in Role])
    new.add_argument("--full-name", required=True)
    new.add_argument("--title")
    new.add_argument(
        "--password-stdin",
        action="store_true",
        help="đọc mật khẩu từ stdin (không có: tạo ngẫu nhiên)",
    )
    common(new)
    new.set_defaults(func=_reported(_user_add))
    for action in ("disable", "enable"):
        state = user.add_parser(action, help="khoá / mở khoá tài khoản / disable or enable")
        state.add_argument("username")
        common(state)
        state.set_defaults(func=_reported(_user_state))
    reset = user.add_parser("reset-password", help="đặt lại mật khẩu / reset a password")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    common(reset)
    reset.set_defaults(func=_reported(_user_password))
    imp = user.add_parser("import", help="nhập tài khoản từ CSV / import accounts from CSV")
    imp.add_argument("file", help="CSV: username,full_name,role,organisation[,title,password]")
    imp.add_argument(
        "--passwords-out", help="tệp ghi mật khẩu ban đầu (0600) / where initial passwords go"
    )
    common(imp)
    imp.set_defaults(func=_reported(_user_import))
    listing = user.add_parser("list", help="liệt kê tài khoản / list accounts")
    listing.add_argument("--org")
    common(listing)
    listing.set_defaults(func=_reported(_user_list))
    department_commands.register(areas, user, common, _reported, _admin_session)
    _register_trust(areas, common)
    backup_commands.register(areas, common, _settings)  # admin backup / admin restore


def _register_trust(
    areas: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    trust = areas.add_parser(
        "trust", help="danh sách chứng thư tin cậy gửi cho máy trạm / the clients' trust list"
    ).add_subparsers(dest="action", required=True)
    scope_help = "mã đơn vị (mặc định: toàn tỉnh) / organisation code (default: the province)"
    add = trust.add_parser("add", help="tin cậy chứng thư (PEM) / trust a certificate (PEM)")
    add.add_argument("file")
    add.add_argument("--pki", choices=["government", "public", "other"], default="other")
    add.add_argument("--org", help=scope_help)
    common(add)
    add.set_defaults(func=_reported(_trust_add))
    for action in ("disable", "enable"):
        state = trust.add_parser(action, help="tắt / bật một chứng thư / disable or enable one")
        state.add_argument("sha256", help="dấu vân tay SHA-256 / SHA-256 fingerprint")
        state.add_argument("--org", help=scope_help)
        common(state)
        state.set_defaults(func=_reported(_trust_state), enabled=action == "enable")
    listing = trust.add_parser("list", help="liệt kê / list")
    listing.add_argument("--org", help=scope_help)
    common(listing)
    listing.set_defaults(func=_reported(_trust_list))


def _trust_scope(session: Session, code: str | None) -> int | None:
    from sqlalchemy import select

    from .errors import not_found
    from .models import Organisation

    if code is None:
        return None
    org_id = session.scalar(select(Organisation.id).where(Organisation.code == code))
    if org_id is None:
        raise not_found(f"đơn vị {code}", f"Organisation {code}")
    return int(org_id)


def _trust_add(args: argparse.Namespace) -> int:
    from . import trust

    try:
        text = Path(args.file).read_text("ascii")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Không đọc được {args.file} / cannot read {args.file}: {exc}", file=sys.stderr)
        return 1
    with _admin_session(args) as session:
        row, created = trust.add_certificate(
            session, text, trust.Pki(args.pki), _trust_scope(session, args.org), None
        )
        session.commit()
        state = "đã thêm / added" if created else "đã bật lại / enabled again"
        print(f"{row.sha256} [{row.pki}] {state} ({args.org or 'province'})")
    return 0


def _trust_state(args: argparse.Namespace) -> int:
    from . import trust

    with _admin_session(args) as session:
        row = trust.set_enabled(
            session, args.sha256, args.enabled, _trust_scope(session, args.org), None
        )
        session.commit()
        state = "bật / enabled" if row.enabled else "tắt / disabled"
        print(f"{row.sha256}: {state} ({args.org or 'province'})")
    return 0


def _trust_list(args: argparse.Namespace) -> int:
    from . import trust

    with _admin_session(args) as session:
        rows = trust.list_scope(session, _trust_scope(session, args.org))
        for row in rows:
            state = "bật / on" if row.enabled else "tắt / off"
            print(f"{row.sha256}  {row.pki:<10}  {state}")
        if not rows:
            print("(trống / empty)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``vanthu-server``: the server's own entry point, for installs without the desktop app."""
    parser = argparse.ArgumentParser(
        prog="vanthu-server", description="Văn thư số — máy chủ văn bản / document server"
    )
    register(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    configure_console_logging(verbose=False, level=logging.INFO)
    args = parser.parse_args(argv)
    return int(args.func(args))
