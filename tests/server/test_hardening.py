"""Side doors, tried on the real server: the login throttle, timing, hostile input, headers."""

from __future__ import annotations

import logging
import statistics
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.fixtures.server import LiveServer


def _login(server: LiveServer, username: str, password: str, **headers: str) -> requests.Response:
    return requests.post(
        f"{server.api_url}/auth/login",
        json={"username": username, "password": password},
        headers=headers,
        timeout=30,
    )


@pytest.fixture
def fresh(server_factory) -> LiveServer:  # type: ignore[no-untyped-def]
    return server_factory()


def test_a_forged_forwarded_for_does_not_reset_the_throttle(fresh) -> None:
    codes = [
        _login(fresh, "vanthu", "sai", **{"X-Forwarded-For": f"10.9.{i}.1"}).status_code
        for i in range(8)
    ]
    assert codes[:5] == [401] * 5 and 429 in codes[5:]
    blocked = _login(fresh, "vanthu", "sai", **{"X-Forwarded-For": "10.250.0.9"})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 1


def test_guesses_sent_at_once_are_counted_one_after_the_other(fresh) -> None:
    """The throttle judges each guess on the ones before it, even while those are still being
    checked: a burst gets the pair's five free tries, not one try per request in flight."""
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda _: _login(fresh, "vanthu", "sai").status_code, range(16)))
    assert sorted(codes) == [401] * 5 + [429] * 11, codes
    # the address's count is the attempts', the right password gives its own back
    assert _login(fresh, "lanhdao", "LanhDao@2026").status_code == 200


def test_a_unicode_spelling_of_a_name_is_the_same_key(fresh) -> None:
    """ "Nguyễn" typed precomposed or decomposed, in capitals or not, is one user to the
    throttle as it is to the sign-in."""
    composed = "nguyễn"
    spellings = [composed, unicodedata.normalize("NFD", composed), "NGUYỄN", f" {composed} "]
    codes = [_login(fresh, spellings[i % 4], "sai").status_code for i in range(8)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}, codes


def test_spraying_many_names_from_one_address_is_slowed(fresh) -> None:
    codes = [_login(fresh, f"nguoi{i}", "MatKhau@1").status_code for i in range(24)]
    assert codes[:20] == [401] * 20 and codes[-1] == 429


def test_a_guessed_colleague_is_delayed_not_locked_out(fresh) -> None:
    """Failures from one address delay that user everywhere a little, never for long: the real
    user gets in with the right password once the short per-user delay is over."""
    for _ in range(12):
        _login(fresh, "lanhdao", "doan-mo")
    reply = _login(fresh, "lanhdao", "LanhDao@2026")
    if reply.status_code == 429:
        wait = int(reply.headers["Retry-After"])
        assert wait <= 31  # the per-user cap: a delay, not a lockout
        time.sleep(wait)
        reply = _login(fresh, "lanhdao", "LanhDao@2026")
    assert reply.status_code == 200


def test_unknown_and_known_users_take_the_same_time(fresh) -> None:
    def timed(username: str) -> float:
        started = time.perf_counter()
        assert _login(fresh, username, "sai mật khẩu").status_code in (401, 429)
        return time.perf_counter() - started

    known = statistics.median(timed("luutru") for _ in range(4))
    unknown = statistics.median(timed(f"khong-co-{i}") for i in range(4))
    assert unknown > known / 2 and known > unknown / 2, (known, unknown)


def test_failed_logins_are_audited_and_logged_without_the_password(fresh) -> None:
    _login(fresh, "vanthu", "Bi-Mat-Khong-Ghi-Log")
    log = (fresh.data_dir / "server.log").read_text("utf-8")
    assert "failed login for 'vanthu'" in log and "Bi-Mat-Khong-Ghi-Log" not in log
    import sqlite3

    with sqlite3.connect(fresh.data_dir / "server.db") as db:
        rows = db.execute(
            "SELECT detail FROM audit_events WHERE action = 'login_failed'"
        ).fetchall()
    assert rows and all("Bi-Mat" not in r[0] for r in rows)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_nul_bytes_and_bad_cursors_are_422_on_every_database(
    server_factory, backend, request
) -> None:
    url = (
        request.getfixturevalue("postgres_server").create_database(
            f"hardening{int(time.time() * 1000)}"
        )
        if backend == "postgres"
        else None
    )
    server = server_factory(database_url=url)
    headers = server.headers("clerk")
    api = server.api_url
    for path in ("/documents?q=a%00b", "/documents?status=%00", "/documents?cursor=aWQ6MQ%00"):
        assert requests.get(api + path, headers=headers, timeout=10).status_code == 422, path
    assert (
        requests.get(api + "/documents?q=%00", timeout=10).status_code == 422
    )  # even before login
    for cursor in ("99999999999999999999999", "-5", "nope", "1e9", "aWQ6MQ", "١٢"):
        reply = requests.get(f"{api}/documents?cursor={cursor}", headers=headers, timeout=10)
        assert reply.status_code == 422, (cursor, reply.text)
    past_the_end = requests.get(f"{api}/documents?cursor=9999999999", headers=headers, timeout=10)
    assert past_the_end.status_code == 200  # any cursor the schema allows is answered
    created = requests.post(
        f"{api}/documents",
        json={"direction": "incoming", "subject": "a\x00b"},
        headers=headers,
        timeout=10,
    )
    assert created.status_code == 422 and created.json()["error"]["code"] == "invalid_input"
    listed = requests.get(f"{api}/documents", json=None, headers=headers, timeout=10)
    assert listed.status_code == 200


def test_an_80_mb_body_is_refused_without_being_held(fresh) -> None:
    def rss() -> int:  # the server process's resident memory, from /proc
        status = (Path("/proc") / str(fresh.process.pid) / "status").read_text()
        return (
            int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
            * 1024
        )

    before = rss()

    def body():  # type: ignore[no-untyped-def]
        chunk = b"x" * (1024 * 1024)
        for _ in range(80):
            yield chunk

    try:
        reply = requests.post(
            f"{fresh.api_url}/documents",
            data=body(),
            headers={**fresh.headers("clerk"), "Content-Type": "application/json"},
            timeout=60,
        )
        assert reply.status_code == 413
    except requests.ConnectionError:
        pass  # the server may close the connection once it has refused the body: also fine
    declared = requests.post(
        f"{fresh.api_url}/documents",
        data=b"{" + b" " * (2 * 1024 * 1024) + b"}",
        headers={**fresh.headers("clerk"), "Content-Type": "application/json"},
        timeout=60,
    )
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "invalid_input"
    assert rss() - before < 40 * 1024 * 1024


def test_api_responses_are_not_stored_and_the_docs_page_is_off(fresh) -> None:
    reply = requests.get(f"{fresh.api_url}/auth/me", headers=fresh.headers("clerk"), timeout=10)
    assert reply.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in reply.headers  # plain http on loopback: no HSTS
    assert requests.get(f"{fresh.api_url}/docs", timeout=10).status_code == 404
    assert requests.get(f"{fresh.api_url}/openapi.json", timeout=10).status_code == 200


def test_timestamps_are_utc_with_a_zone_and_operation_ids_are_unique(fresh) -> None:
    headers = fresh.headers("clerk")
    made = requests.post(
        f"{fresh.api_url}/documents",
        json={"direction": "incoming", "subject": "Giờ UTC"},
        headers=headers,
        timeout=10,
    ).json()
    assert made["created_at"].endswith("Z") and made["updated_at"].endswith("Z")
    login = _login(fresh, "vanthu", "VanThu@2026").json()
    assert login["expires_at"].endswith("Z")
    schema = requests.get(f"{fresh.api_url}/openapi.json", timeout=10).json()
    ids = [op["operationId"] for item in schema["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))


def test_upload_content_types_come_from_an_allow_list(fresh) -> None:
    headers = fresh.headers("archivist")
    body = {"filename": "a.pdf", "size": 10, "sha256": "cd" * 32}
    for bad in ("text/html", "application/pdf\r\nX-Injected: 1", "application/octet-stream"):
        reply = requests.post(
            f"{fresh.api_url}/uploads",
            json={**body, "content_type": bad},
            headers=headers,
            timeout=10,
        )
        assert reply.status_code == 422, bad
    for good in ("application/pdf", "image/tiff", "image/jpeg", "image/png"):
        reply = requests.post(
            f"{fresh.api_url}/uploads",
            json={**body, "content_type": good},
            headers=headers,
            timeout=10,
        )
        assert reply.status_code in (200, 201), (good, reply.text)


def test_a_database_error_is_logged_without_what_the_document_says(postgres_server, caplog) -> None:
    """PostgreSQL quotes the value it rejected in its own message; none of it reaches the log."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from server.db import Database
    from server.errors import _log_database_error

    secret = "Kế hoạch tác chiến Tối mật số 7"
    db = Database(postgres_server.create_database(f"logs{int(time.time() * 1000)}"))
    try:
        with db.session() as session:
            session.execute(text("SELECT CAST(:subject AS integer)"), {"subject": secret})
    except DBAPIError as exc:
        assert secret in str(exc.orig)  # the database itself does quote it
        with caplog.at_level(logging.ERROR, logger="server.errors"):
            _log_database_error(exc)
    else:
        raise AssertionError("PostgreSQL accepted a non-number as an integer")
    finally:
        db.engine.dispose()
    assert "22P02" in caplog.text and "CAST" in caplog.text
    assert secret not in caplog.text and "Tối mật" not in caplog.text
