"""File store throughput: what the interface costs on each backend.

- download from the folder store over HTTP: ``BlobResponse`` (reads through ``BlobStore.open``)
  vs Starlette's ``FileResponse`` on the same file — what downloads used before the interface;
- download from the S3 store over HTTP (S3 → our server → client) vs the bare way to do that: a
  Starlette ``StreamingResponse`` over boto3's GetObject body (same hop, no interface, no Range
  support);
- storing a file in the S3 store (``adopt``: checksums, multipart, the size read back) vs a bare
  boto3 ``upload_file`` of the same file.

The S3 server is moto's standalone server on loopback (tests/fixtures/s3.py): a Python process,
so the S3 figures measure our overhead against the same slow server, not S3's speed.

Run: ``python bench/filestore.py [--size-mb 64] [--rounds 5]`` (``--quick``: 4 MB, one round).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._quick import parse_args, run
from bench._table import Row, print_table
from tests.fixtures.server import free_port

MB = 1024 * 1024


def _best(rounds: int, once: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        once()
        times.append(time.perf_counter() - started)
    return min(times)


def _serve(app: object) -> tuple[str, Callable[[], None]]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return f"http://127.0.0.1:{port}", stop


def _fetch(url: str, size: int) -> None:
    got = 0
    with requests.get(url, stream=True, timeout=120) as reply:
        reply.raise_for_status()
        for chunk in reply.iter_content(1 << 20):
            got += len(chunk)
    assert got == size, (got, size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5)
    args = parse_args(parser, size_mb=4, rounds=1)

    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import FileResponse, Response, StreamingResponse
    from starlette.routing import Route

    from server.filestore import LocalBlobStore, open_location
    from server.filestore.location import StoreKind, StoreLocation
    from server.routes.blob_response import stored_file
    from tests.fixtures.s3 import running_s3

    size = args.size_mb * MB
    work = Path(tempfile.mkdtemp(prefix="bench-filestore-"))
    data = os.urandom(size)
    sha = hashlib.sha256(data).hexdigest()
    with running_s3(work / "moto") as s3:
        os.environ.update(s3.env)
        bucket = s3.bucket("bench")
        folder = LocalBlobStore(work / "blobs")
        folder.put_bytes(data)
        s3_store = open_location(
            StoreLocation(StoreKind.S3, bucket=bucket, prefix="b", endpoint_url=s3.endpoint_url),
            work / "scratch",
        )
        raw = s3.client()

        def upload_ours() -> None:
            source = s3_store.scratch / "upload"
            source.write_bytes(data)
            raw.delete_object(Bucket=bucket, Key=f"b/{sha[:2]}/{sha[2:4]}/{sha}")
            started = time.perf_counter()
            s3_store.adopt(source, sha)
            upload_times.append(time.perf_counter() - started)

        def upload_bare() -> None:
            source = work / "bare-upload"
            source.write_bytes(data)
            started = time.perf_counter()
            raw.upload_file(str(source), bucket, "bare/object")
            bare_times.append(time.perf_counter() - started)

        upload_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.rounds):
            upload_bare()
            upload_ours()

        async def ours(request: Request) -> Response:
            store = folder if request.path_params["kind"] == "folder" else s3_store
            return stored_file(store, sha, media_type="application/pdf")

        async def baseline(_request: Request) -> Response:
            return FileResponse(folder.path(sha), media_type="application/pdf")

        def bare_proxy(_request: Request) -> Response:
            body = raw.get_object(Bucket=bucket, Key=f"b/{sha[:2]}/{sha[2:4]}/{sha}")["Body"]
            return StreamingResponse(body.iter_chunks(256 * 1024), media_type="application/pdf")

        app = Starlette(
            routes=[
                Route("/ours/{kind}", ours),
                Route("/file", baseline),
                Route("/bare-s3", bare_proxy),
            ]
        )
        url, stop = _serve(app)
        try:
            _fetch(f"{url}/ours/folder", size)  # warm the page cache and the connections
            timed: dict[str, list[float]] = {}
            for _ in range(args.rounds):  # interleaved: a busy machine slows both alike
                for name, once in (
                    ("folder", lambda: _fetch(f"{url}/ours/folder", size)),
                    ("file", lambda: _fetch(f"{url}/file", size)),
                    ("s3", lambda: _fetch(f"{url}/ours/s3", size)),
                    ("bare-s3", lambda: _fetch(f"{url}/bare-s3", size)),
                ):
                    timed.setdefault(name, []).append(_best(1, once))
        finally:
            stop()
        folder_ours, folder_base = min(timed["folder"]), min(timed["file"])
        s3_ours, s3_base = min(timed["s3"]), min(timed["bare-s3"])

    mb = size / MB
    print_table(
        f"File store, {args.size_mb} MB file, best of {args.rounds}",
        [
            Row("download, folder store", mb / folder_ours, mb / folder_base, "MB/s", "≥ 0.9×"),
            Row("download, S3 store via the server", mb / s3_ours, mb / s3_base, "MB/s", "≥ 0.9×"),
            Row(
                "store a file in S3 (adopt)",
                mb / min(upload_times),
                mb / min(bare_times),
                "MB/s",
                "≥ 0.8×",
            ),
        ],
    )
    return 0


if __name__ == "__main__":
    run(main)
