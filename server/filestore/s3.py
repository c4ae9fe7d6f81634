"""The object store: S3 or an S3-compatible server (MinIO, Ceph RGW, …) through boto3, keys
``<prefix>/ab/cd/<sha256>``.

Integrity: an upload carries the SHA-256 as S3's own checksum — the whole file's for a single
request (the server refuses bytes that do not match the content address), each part's for a
multipart upload — and the stored object's size is read back before the file counts as stored.
A server that does not implement checksums (older S3-compatible ones) is written without them,
once noticed, and still gets the size check. Credentials come only from the standard AWS chain
(environment, ``~/.aws``, instance roles), never from our settings, and are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .addressing import prepare_scratch, shard, temp_name
from .errors import FileStoreDamaged, FileStoreError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["S3BlobStore"]

logger = logging.getLogger(__name__)

PART = 8 * 1024 * 1024
"""Multipart threshold and part size: a 512 MB scan goes as 64 parts, 4 at a time."""
_NOT_FOUND = {"404", "NoSuchKey", "NotFound"}
_NO_CHECKSUMS = {"NotImplemented", "InvalidArgument", "InvalidRequest", "BadDigest"}
"""What an S3-compatible server without checksum support answers to the checksum headers."""


def _b64(sha256: str) -> str:
    return base64.b64encode(bytes.fromhex(sha256)).decode("ascii")


class _Body(io.RawIOBase):
    """botocore's streaming body as a plain binary reader; a checksum mismatch the SDK finds at
    the end of the stream is reported as damage."""

    def __init__(self, body: Any, describe: Callable[[], str]) -> None:
        self._body, self._describe = body, describe

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        from botocore.exceptions import BotoCoreError, FlexibleChecksumError

        view = memoryview(buffer).cast("B")
        try:
            data: bytes = self._body.read(len(view))
        except FlexibleChecksumError as exc:
            raise FileStoreDamaged(
                "Tệp đọc từ kho S3 sai mã kiểm tra.", "A file read from S3 failed its checksum."
            ) from exc
        except BotoCoreError as exc:
            raise _failure(exc, self._describe()) from exc
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._body.close()
        super().close()


def _failure(exc: Exception, where: str) -> FileStoreError:
    """A boto error as a sentence in both languages (never the request, which is signed)."""
    from botocore.exceptions import (
        ClientError,
        ConnectTimeoutError,
        EndpointConnectionError,
        NoCredentialsError,
        PartialCredentialsError,
        SSLError,
    )

    if isinstance(exc, NoCredentialsError | PartialCredentialsError):
        return FileStoreError(
            f"Không có khoá truy cập cho kho tệp {where}: đặt AWS_ACCESS_KEY_ID và "
            "AWS_SECRET_ACCESS_KEY (hoặc ~/.aws/credentials, AWS_PROFILE) cho tài khoản chạy "
            "máy chủ.",
            f"No access key for the file store {where}: set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY (or ~/.aws/credentials, AWS_PROFILE) for the server's account.",
        )
    if isinstance(exc, SSLError):
        return FileStoreError(
            f"Không xác minh được chứng chỉ TLS của kho tệp {where}; nếu dùng CA riêng, đặt "
            "AWS_CA_BUNDLE=/đường/dẫn/ca.pem.",
            f"The TLS certificate of the file store {where} could not be verified; for a private "
            "CA set AWS_CA_BUNDLE=/path/to/ca.pem.",
        )
    if isinstance(exc, EndpointConnectionError | ConnectTimeoutError):
        return FileStoreError(
            f"Không kết nối được tới kho tệp {where}.", f"Cannot reach the file store {where}."
        )
    if isinstance(exc, ClientError):
        code = str(exc.response.get("Error", {}).get("Code", ""))
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if code == "NoSuchBucket" or (status == 404 and not code.startswith("NoSuchKey")):
            return FileStoreError(
                f"Kho tệp {where}: bucket không tồn tại.",
                f"File store {where}: the bucket does not exist.",
            )
        if status == 403 or code in ("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"):
            return FileStoreError(
                f"Kho tệp {where} từ chối khoá truy cập ({code or status}): kiểm tra khoá và chính "
                "sách bucket (docs/storage.md).",
                f"The file store {where} refused the access key ({code or status}): check the key "
                "and the bucket policy (docs/storage.md).",
            )
        return FileStoreError(
            f"Kho tệp {where} báo lỗi {code or status}.",
            f"The file store {where} answered {code or status}.",
        )
    return FileStoreError(
        f"Lỗi khi làm việc với kho tệp {where} ({type(exc).__name__}).",
        f"The file store {where} failed ({type(exc).__name__}).",
    )


def _unwrapped(exc: BaseException) -> BaseException:
    """The SDK's own error under boto3's transfer wrappers (``S3UploadFailedError`` carries the
    server's ``ClientError`` only as its context)."""
    from boto3.exceptions import Boto3Error

    cause = exc.__context__
    if isinstance(exc, Boto3Error) and cause is not None:
        return cause
    return exc


def _code(exc: BaseException) -> str:
    from botocore.exceptions import ClientError

    exc = _unwrapped(exc)
    return (
        str(exc.response.get("Error", {}).get("Code", "")) if isinstance(exc, ClientError) else ""
    )


def _missing(exc: Exception) -> bool:
    from botocore.exceptions import ClientError

    if not isinstance(exc, ClientError):
        return False
    code = str(exc.response.get("Error", {}).get("Code", ""))
    return code in _NOT_FOUND and code != "NoSuchBucket"


class S3BlobStore:
    """Content-addressed objects in one bucket under one prefix."""

    def __init__(
        self, bucket: str, prefix: str, *, scratch: Path, endpoint_url: str | None = None
    ) -> None:
        try:
            import boto3
            from boto3.s3.transfer import TransferConfig
            from botocore.config import Config
        except ImportError as exc:
            raise FileStoreError(
                "Kho tệp S3 cần gói boto3: pip install 'vanthu[s3]'.",
                "The S3 file store needs boto3: pip install 'vanthu[s3]'.",
            ) from exc
        self.bucket, self.prefix, self.endpoint_url = bucket, prefix.strip("/"), endpoint_url
        session = boto3.session.Session()  # the standard chain: environment, ~/.aws, roles
        config = Config(
            retries={"mode": "standard", "max_attempts": 4},
            connect_timeout=5,
            read_timeout=60,
            max_pool_connections=32,
            s3={"addressing_style": "path"} if endpoint_url else None,
            request_checksum_calculation="when_required",  # ours are explicit (see ``_send``)
        )
        self.client: Any = session.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=session.region_name or "us-east-1",
            config=config,
        )
        self.transfer = TransferConfig(
            multipart_threshold=PART, multipart_chunksize=PART, max_concurrency=4
        )
        self.scratch = prepare_scratch(scratch)
        """Local temp files (downloads for ``local_copy``, work of callers before ``adopt``)."""
        self.checksums = True
        """False once the server turned the checksum headers down."""

    def key(self, sha256: str) -> str:
        return f"{self.prefix}/{shard(sha256)}" if self.prefix else shard(sha256)

    def _under_prefix(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def describe(self) -> str:
        where = f"s3://{self.bucket}/{self.prefix}".rstrip("/")
        return f"{where} at {self.endpoint_url}" if self.endpoint_url else where

    @contextmanager
    def _errors(self) -> Iterator[None]:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            yield
        except (BotoCoreError, ClientError, Boto3Error) as exc:
            cause = _unwrapped(exc)
            raise _failure(cause if isinstance(cause, Exception) else exc, self.describe()) from exc

    # -- reading ---------------------------------------------------------------------------

    def _head(self, key: str) -> int | None:
        from botocore.exceptions import ClientError

        with self._errors():
            try:
                reply = self.client.head_object(Bucket=self.bucket, Key=key)
            except ClientError as exc:
                if _missing(exc):
                    return None
                raise
        return int(reply["ContentLength"])

    def size(self, sha256: str) -> int | None:
        try:
            return self._head(self.key(sha256))
        except ValueError:
            return None  # not a digest: nothing is stored under it

    def exists(self, sha256: str) -> bool:
        return self.size(sha256) is not None

    def open(self, sha256: str, *, start: int = 0, end: int | None = None) -> BinaryIO:
        """A streaming reader (one GetObject; ``start``/``end``: a ranged one for bytes
        ``[start, end)``); FileNotFoundError when nothing is stored."""
        from botocore.exceptions import ClientError

        try:
            key = self.key(sha256)
        except ValueError:
            raise FileNotFoundError(sha256) from None
        if end is not None and end <= start:
            if not self.exists(sha256):
                raise FileNotFoundError(sha256)
            return io.BytesIO(b"")
        ranged = {"Range": f"bytes={start}-{'' if end is None else end - 1}"}
        with self._errors():
            try:
                reply = self.client.get_object(
                    Bucket=self.bucket, Key=key, **(ranged if start or end is not None else {})
                )
            except ClientError as exc:
                if _missing(exc):
                    raise FileNotFoundError(sha256) from exc
                raise
        return io.BufferedReader(_Body(reply["Body"], self.describe), 1 << 16)

    @contextmanager
    def local_copy(self, sha256: str) -> Iterator[Path]:
        """A downloaded copy in the scratch folder, deleted afterwards."""
        from botocore.exceptions import ClientError

        temp = self.scratch / temp_name(".copy-")
        try:
            with self._errors():
                try:
                    self.client.download_file(
                        self.bucket, self.key(sha256), str(temp), Config=self.transfer
                    )
                except ClientError as exc:
                    if _missing(exc):
                        raise FileNotFoundError(sha256) from exc
                    raise
            yield temp
        finally:
            temp.unlink(missing_ok=True)

    def intact_size(self, sha256: str, size: int) -> bool:
        stored = self.size(sha256)
        return stored is None or stored == size

    # -- writing ---------------------------------------------------------------------------

    def _send(self, key: str, size: int, send: Callable[[bool], object]) -> None:
        """One upload, with checksums (without, on a server that has none), then the stored size
        read back: a file counts as stored only when all of it is there."""
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import ClientError

        with self._errors():
            try:
                send(self.checksums)
            except (ClientError, Boto3Error) as exc:
                code = _code(exc)
                if not self.checksums or code not in _NO_CHECKSUMS:
                    raise
                logger.warning(
                    "file store %s refused S3 checksums (%s); writing without them (the size "
                    "is still checked)",
                    self.describe(),
                    code,
                )
                self.checksums = False
                send(False)
        stored = self._head(key)
        if stored != size:
            with self._errors():
                self.client.delete_object(Bucket=self.bucket, Key=key)
            raise FileStoreDamaged(
                f"Tệp tải lên kho S3 không đủ ({stored} / {size} byte); hãy thử lại.",
                f"The file did not reach S3 whole ({stored} of {size} bytes); try again.",
            )

    def adopt(self, source: Path, sha256: str, *, synced: bool = False) -> None:
        """Upload a verified file (multipart above 8 MB, streamed from disk), then remove it.
        ``synced`` does not matter here: the object store makes its own copy durable."""
        del synced
        key = self.key(sha256)
        size = source.stat().st_size
        if self._head(key) == size:  # a second writer of the same bytes
            source.unlink(missing_ok=True)
            return

        def send(checksum: bool) -> None:
            extra = {"ContentType": "application/octet-stream"}
            if checksum and size < PART:  # one request: the server checks the content address
                extra["ChecksumSHA256"] = _b64(sha256)
            elif checksum:  # a checksum per part, checked by the server as each part arrives
                extra["ChecksumAlgorithm"] = "SHA256"
            self.client.upload_file(
                str(source), self.bucket, key, ExtraArgs=extra, Config=self.transfer
            )

        self._send(key, size, send)
        source.unlink(missing_ok=True)

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        key = self.key(sha)
        if self._head(key) == len(data):
            return sha

        def send(checksum: bool) -> None:
            extra = {"ChecksumSHA256": _b64(sha)} if checksum else {}
            self.client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=data,
                ContentType="application/octet-stream",
                **extra,
            )

        self._send(key, len(data), send)
        return sha

    def quarantine(self, sha256: str) -> None:
        """Copy the damaged object to ``<prefix>/quarantine/`` (kept for inspection), then
        delete it so the next upload of these bytes stores them again."""
        from botocore.exceptions import ClientError

        key = self.key(sha256)
        target = self._under_prefix(f"quarantine/{sha256}-{int(time.time())}")
        with self._errors():
            try:
                self.client.copy(
                    {"Bucket": self.bucket, "Key": key}, self.bucket, target, Config=self.transfer
                )
            except ClientError as exc:
                if _missing(exc):
                    return  # quarantined already (another server process)
                raise
            self.client.delete_object(Bucket=self.bucket, Key=key)
        logger.warning("blob %s is damaged (size or sha256); moved to %s", sha256, target)

    def verify(self) -> None:
        """Start-up check: the bucket is there and the key may write and delete under the
        prefix (a misconfigured store stops ``serve`` with a sentence, not at the first
        upload)."""
        probe = self._under_prefix(f".probe/{temp_name()}")
        with self._errors():
            self.client.head_bucket(Bucket=self.bucket)
            self.client.put_object(Bucket=self.bucket, Key=probe, Body=b"")
            self.client.delete_object(Bucket=self.bucket, Key=probe)
