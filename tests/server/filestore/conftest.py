"""One set of file-store tests, run on every backend: the folder store and the S3 store against
a real S3-compatible server process on loopback (moto, started once per module)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from server.filestore import BlobStore, LocalBlobStore, open_location
from server.filestore.location import StoreKind, StoreLocation
from tests.fixtures.s3 import S3Server, running_s3


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with running_s3(tmp_path_factory.mktemp("moto")) as server, pytest.MonkeyPatch.context() as mp:
        for name, value in server.env.items():
            mp.setenv(name, value)
        mp.delenv("AWS_PROFILE", raising=False)
        yield server


@pytest.fixture(scope="module")
def s3_bucket(s3: S3Server) -> str:
    return s3.bucket()


@dataclass
class Backend:
    """A store, and what a test does behind its back (a disk fault, a lost object)."""

    kind: str
    store: BlobStore
    corrupt: Callable[[str, bytes], None]
    remove: Callable[[str], None]
    quarantined: Callable[[], list[str]]


def _folder(tmp_path: Path) -> Backend:
    store = LocalBlobStore(tmp_path / "blobs")

    def corrupt(sha: str, data: bytes) -> None:
        store.path(sha).write_bytes(data)

    def quarantined() -> list[str]:
        folder = store.root / "quarantine"
        return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []

    return Backend("folder", store, corrupt, lambda sha: store.path(sha).unlink(), quarantined)


def _s3(s3: S3Server, bucket: str, tmp_path: Path) -> Backend:
    prefix = f"t/{uuid.uuid4().hex[:8]}"
    location = StoreLocation(
        StoreKind.S3, bucket=bucket, prefix=prefix, endpoint_url=s3.endpoint_url
    )
    store = open_location(location, tmp_path / "scratch")
    raw = s3.client()

    def key(sha: str) -> str:
        return f"{prefix}/{sha[:2]}/{sha[2:4]}/{sha}"

    def corrupt(sha: str, data: bytes) -> None:
        raw.put_object(Bucket=bucket, Key=key(sha), Body=data)  # no checksum: bytes rotted

    def quarantined() -> list[str]:
        listed = raw.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}/quarantine/")
        return sorted(item["Key"].rsplit("/", 1)[1] for item in listed.get("Contents", []))

    return Backend(
        "s3",
        store,
        corrupt,
        lambda sha: raw.delete_object(Bucket=bucket, Key=key(sha)),
        quarantined,
    )


@pytest.fixture(params=["folder", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "folder":
        return _folder(tmp_path)
    return _s3(request.getfixturevalue("s3"), request.getfixturevalue("s3_bucket"), tmp_path)
