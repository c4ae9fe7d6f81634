"""Which store a setting names, and the settings refused before anything is sent (pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.filestore import FileStoreError
from server.filestore.location import StoreKind, parse_location

DATA = Path("/srv/vanthu")


def test_nothing_is_the_data_folder_and_it_may_be_created() -> None:
    location = parse_location(None, DATA)
    assert location.kind is StoreKind.FOLDER and location.folder == DATA / "blobs"
    assert location.default


@pytest.mark.parametrize(
    ("value", "folder"),
    [
        ("/mnt/shared/vanthu-blobs", Path("/mnt/shared/vanthu-blobs")),
        ("file:///mnt/shared/vanthu-blobs", Path("/mnt/shared/vanthu-blobs")),
        ("file://localhost/mnt/kho%20t%E1%BB%87p", Path("/mnt/kho tệp")),
    ],
)
def test_a_configured_folder_must_exist_already(value: str, folder: Path) -> None:
    location = parse_location(value, DATA)
    assert location.kind is StoreKind.FOLDER and location.folder == folder
    assert not location.default  # an unmounted share is refused, never created on local disk


@pytest.mark.parametrize(
    ("value", "bucket", "prefix"),
    [
        ("s3://vanthu-tinh", "vanthu-tinh", ""),
        ("s3://vanthu-tinh/", "vanthu-tinh", ""),
        ("s3://vanthu-tinh/ubnd/blobs/", "vanthu-tinh", "ubnd/blobs"),
    ],
)
def test_s3_urls(value: str, bucket: str, prefix: str) -> None:
    location = parse_location(value, DATA, "https://minio.tinh.gov.vn:9000")
    assert location.kind is StoreKind.S3
    assert (location.bucket, location.prefix) == (bucket, prefix)
    assert location.endpoint_url == "https://minio.tinh.gov.vn:9000"


@pytest.mark.parametrize(
    "endpoint", ["http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000"]
)
def test_plain_http_only_to_this_machine(endpoint: str) -> None:
    assert parse_location("s3://vanthu", DATA, endpoint).endpoint_url == endpoint


@pytest.mark.parametrize(
    ("value", "endpoint", "vi", "en"),
    [
        ("s3://vanthu", "http://minio.tinh.gov.vn:9000", "HTTP thường", "Plain HTTP"),
        ("s3://vanthu", "http://10.0.0.5:9000", "HTTP thường", "Plain HTTP"),
        ("s3://vanthu", "https://key:secret@minio.tinh.gov.vn", "mật khẩu", "password"),
        ("s3://vanthu", "ftp://minio", "không hợp lệ", "Invalid"),
        ("s3://Vanthu_Tinh", None, "bucket", "bucket"),
        ("s3://vanthu/a/../b", None, "Tiền tố", "prefix"),
        ("/mnt/x", "https://minio.tinh.gov.vn", "--s3-endpoint-url", "--s3-endpoint-url"),
        ("gs://vanthu", None, "Không hỗ trợ", "Unsupported"),
        ("file://fileserver/share", None, "file:///", "file:///"),
    ],
)
def test_refused_settings_say_why_in_both_languages(
    value: str, endpoint: str | None, vi: str, en: str
) -> None:
    with pytest.raises(FileStoreError) as caught:
        parse_location(value, DATA, endpoint)
    assert vi in caught.value.message_vi and en in caught.value.message_en
    assert "secret" not in caught.value.message_vi + caught.value.message_en
