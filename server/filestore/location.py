"""Where the files live, from the one setting ``--blob-store`` (and ``--s3-endpoint-url``):
nothing → ``<data_dir>/blobs``; a path or ``file:///…`` → a folder, possibly shared by several
server machines; ``s3://bucket/prefix`` → S3-compatible object storage. Pure: parsing and the
refusals, no I/O, so the rules are tested on their own."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import FileStoreError

__all__ = ["StoreKind", "StoreLocation", "parse_location"]

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


class StoreKind(StrEnum):
    FOLDER = "folder"
    S3 = "s3"


@dataclass(frozen=True)
class StoreLocation:
    kind: StoreKind
    folder: Path | None = None
    """The folder of a folder store."""
    default: bool = False
    """``<data_dir>/blobs``, created when missing; a configured folder must exist already (an
    unmounted share must not turn into a folder on the local disk)."""
    bucket: str = ""
    prefix: str = ""
    """Keys are ``<prefix>/ab/cd/<sha256>`` (no leading or trailing slash; may be empty)."""
    endpoint_url: str | None = None
    """An S3-compatible server (MinIO, Ceph…); None: AWS itself."""


def _refuse(vi: str, en: str) -> FileStoreError:
    return FileStoreError(vi, en)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_endpoint(url: str) -> str:
    """HTTPS, or plain HTTP only to this machine: keys and documents never cross a network in
    clear."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        raise _refuse(
            "Địa chỉ máy chủ S3 không được chứa tên đăng nhập hay mật khẩu; khoá truy cập lấy từ "
            "biến môi trường AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY hoặc ~/.aws/credentials.",
            "The S3 endpoint URL must not carry a user name or password; the access key comes "
            "from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or ~/.aws/credentials.",
        )
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and _is_loopback(host):
        return url
    if parts.scheme == "http" and host:
        raise _refuse(
            f"Không dùng HTTP thường tới máy chủ S3 {host}: tệp và khoá truy cập sẽ đi qua mạng "
            "không mã hoá. Hãy dùng https:// (HTTP chỉ được phép tới chính máy này).",
            f"Plain HTTP to the S3 server {host} is refused: files and keys would cross the "
            "network unencrypted. Use https:// (HTTP is allowed only to this machine).",
        )
    raise _refuse(
        f"Địa chỉ máy chủ S3 không hợp lệ: {url} (ví dụ https://minio.tinh.gov.vn:9000).",
        f"Invalid S3 endpoint URL: {url} (e.g. https://minio.province.gov.vn:9000).",
    )


def _s3(value: str, endpoint_url: str | None) -> StoreLocation:
    parts = urlsplit(value)
    bucket = parts.netloc
    prefix = unquote(parts.path).strip("/")
    if not _BUCKET.match(bucket) or ".." in bucket:
        raise _refuse(
            f"Tên bucket không hợp lệ trong {value} (3–63 ký tự: chữ thường, số, dấu chấm, gạch "
            "ngang).",
            f"Invalid bucket name in {value} (3–63 characters: lowercase letters, digits, dots, "
            "hyphens).",
        )
    if prefix and any(piece in ("", ".", "..") for piece in prefix.split("/")):
        raise _refuse(
            f"Tiền tố khoá không hợp lệ trong {value}.", f"Invalid key prefix in {value}."
        )
    endpoint = check_endpoint(endpoint_url) if endpoint_url else None
    return StoreLocation(StoreKind.S3, bucket=bucket, prefix=prefix, endpoint_url=endpoint)


def _folder(value: str) -> StoreLocation:
    if value.startswith("file:"):
        parts = urlsplit(value)
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise _refuse(
                f"Địa chỉ thư mục phải có dạng file:///đường/dẫn/tuyệt/đối: {value}",
                f"A folder URL must read file:///absolute/path: {value}",
            )
        return StoreLocation(StoreKind.FOLDER, folder=Path(unquote(parts.path)))
    return StoreLocation(StoreKind.FOLDER, folder=Path(value).expanduser().absolute())


def parse_location(
    value: str | None, data_dir: Path, endpoint_url: str | None = None
) -> StoreLocation:
    """The store a setting names; ``FileStoreError`` (both languages) for one that cannot work."""
    if value and value.startswith("s3://"):
        return _s3(value, endpoint_url)
    if endpoint_url:
        raise _refuse(
            "--s3-endpoint-url chỉ dùng cùng --blob-store s3://bucket/tiền-tố.",
            "--s3-endpoint-url goes only with --blob-store s3://bucket/prefix.",
        )
    if not value:
        return StoreLocation(StoreKind.FOLDER, folder=data_dir / "blobs", default=True)
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://", value)
    if scheme and scheme.group(1).lower() != "file":
        raise _refuse(
            f"Không hỗ trợ kho tệp {value}: dùng một thư mục, file:///… hoặc s3://bucket/tiền-tố.",
            f"Unsupported file store {value}: use a folder, file:///… or s3://bucket/prefix.",
        )
    return _folder(value)
