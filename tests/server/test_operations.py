"""What a province's operators rely on, on the real server: ``/health`` tells a load balancer the
truth, ``/metrics`` answers Prometheus (with its own token) and nobody else, large lists travel
compressed while stored files travel byte for byte."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterator

import psycopg
import pytest
import requests

from tests.fixtures.server import LiveServer
from tests.server.test_access import Caller

SCRAPE_TOKEN = "prometheus-" + "k" * 24


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("operations")
    token_file = data_dir.parent / "metrics-token"
    token_file.write_text(SCRAPE_TOKEN + "\n")
    token_file.chmod(0o600)
    live = LiveServer(data_dir, extra_args=("--metrics-token-file", str(token_file)))
    live.demo_data(60, 2)
    live.start()
    yield live
    live.stop()


def test_health_needs_no_login_and_says_nothing_else(server: LiveServer) -> None:
    reply = requests.get(f"{server.api_url}/health", timeout=10)
    assert reply.status_code == 200 and reply.json() == {"status": "ok"}


def test_metrics_answer_the_scrape_token_and_the_province_administrator_only(
    server: LiveServer,
) -> None:
    clerk = Caller(server, "clerk")
    doc = clerk.get("/documents?limit=1").json()["items"][0]
    clerk.get(f"/documents/{doc['id']}")
    for invented in ("BREW", "XYZZY1"):  # not HTTP: the parser refuses it before the app
        assert requests.request(invented, f"{server.api_url}/health", timeout=10).status_code == 400
    for unserved in ("PROPFIND", "MKCOL", "PURGE"):  # HTTP, never served: one OTHER series
        assert requests.request(unserved, f"{server.api_url}/health", timeout=10).status_code == 405
    scraped = requests.get(
        f"{server.api_url}/metrics",
        headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"},
        timeout=10,
    )
    assert scraped.status_code == 200 and scraped.headers["content-type"].startswith("text/plain")
    text = scraped.text
    # the route's template (below /api/v1), never the identifier the client asked for
    assert 'route="/documents/{document_id}"' in text
    assert f"/documents/{doc['id']}" not in text
    assert not any(m in text for m in ("XYZZY", "BREW", "PROPFIND", "MKCOL", "PURGE"))
    assert 'method="OTHER"' in text
    assert 'vanthu_queue_items{queue="exchange_outbox"' in text or "vanthu_queue_items" in text
    assert "vanthu_job_lease_held" in text
    assert Caller(server, "admin").get("/metrics").status_code == 200
    for role in ("clerk", "org_admin", "other_admin"):
        assert Caller(server, role).get("/metrics").status_code == 403, role
    wrong = requests.get(
        f"{server.api_url}/metrics", headers={"Authorization": "Bearer nope"}, timeout=10
    )
    assert wrong.status_code == 401
    assert requests.get(f"{server.api_url}/metrics", timeout=10).status_code == 401


def test_lists_travel_compressed_and_files_byte_for_byte(server: LiveServer) -> None:
    clerk = Caller(server, "clerk")
    listed = requests.get(
        f"{server.api_url}/documents?limit=50",
        headers={**clerk.headers, "Accept-Encoding": "gzip"},
        timeout=10,
        stream=True,
    )
    raw = listed.raw.read(decode_content=False)
    assert listed.headers.get("Content-Encoding") == "gzip"
    assert len(raw) * 3 < len(gzip.decompress(raw))  # JSON compresses well
    with_file = next(
        d for d in clerk.get("/documents?limit=200").json()["items"] if d["current_version"]
    )
    sha = clerk.get(f"/documents/{with_file['id']}").json()["versions"][-1]["sha256"]
    whole = requests.get(
        f"{server.api_url}/files/{sha}",
        headers={**clerk.headers, "Accept-Encoding": "gzip"},
        timeout=10,
    )
    assert whole.status_code == 200 and "Content-Encoding" not in whole.headers
    ranged = requests.get(
        f"{server.api_url}/files/{sha}",
        headers={**clerk.headers, "Accept-Encoding": "gzip", "Range": "bytes=0-99"},
        timeout=10,
    )
    assert ranged.status_code == 206 and ranged.content == whole.content[:100]
    small = requests.get(
        f"{server.api_url}/health", headers={"Accept-Encoding": "gzip"}, timeout=10
    )
    assert "Content-Encoding" not in small.headers  # not worth it under 1 KB


def test_health_is_503_when_the_database_is_gone(server_factory, postgres_server) -> None:  # type: ignore[no-untyped-def]
    name = f"health_{uuid.uuid4().hex[:8]}"
    live = server_factory(database_url=postgres_server.create_database(name))
    assert requests.get(f"{live.api_url}/health", timeout=10).status_code == 200
    with psycopg.connect(
        f"host=127.0.0.1 port={postgres_server.port} user=vanthu password=vanthu dbname=postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    reply = requests.get(f"{live.api_url}/health", timeout=30)
    assert reply.status_code == 503
    body = reply.json()["error"]
    assert "cơ sở dữ liệu" in body["message_vi"] and "database" in body["message_en"]
