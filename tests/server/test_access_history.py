"""Who read what (Decree 30/2020 Appendix VI III.5.a, III.6.a–b, III.6.l): downloads recorded by
the server, views and prints reported by the desktop once, the history shown to those who may
see it, and the administrator's audit trail with its filters and login statistics."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from base.deadlines import today_in_vietnam
from tests.server.test_access import Caller

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One SQLite server for the module: the rules here are the same on both databases (the
    migrations and the concurrency they share run on PostgreSQL in the other modules)."""
    from tests.fixtures.server import LiveServer

    live = LiveServer(tmp_path_factory.mktemp("access-history"))
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def letter(server):  # type: ignore[no-untyped-def]
    """A registered incoming letter with a file of its own."""
    clerk = Caller(server, "clerk")
    data = PDF + uuid.uuid4().hex.encode()
    upload = clerk.upload(data)
    return clerk.create(subject="Công văn về truy cập", file_sha256=upload["sha256"])


def _report(caller: Caller, doc: dict, kind: str = "view", **extra):  # type: ignore[no-untyped-def]
    body = {"kind": kind, "version": 1, "key": uuid.uuid4().hex, **extra}
    return caller.request("POST", f"/documents/{doc['id']}/accesses", json=body)


def test_downloads_views_and_prints_are_recorded_once_and_counted(server, letter) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    before = leader.get(f"/documents/{letter['id']}/accesses").json()["counts"]
    sha = letter["versions"][0]["sha256"]
    assert leader.get(f"/documents/{letter['id']}/versions/1/content").status_code == 200
    assert leader.get(f"/files/{sha}").status_code == 200
    # Neither a HEAD nor the rest of a resumed download is another access.
    assert leader.request("HEAD", f"/files/{sha}").status_code == 200
    assert leader.get(f"/files/{sha}", headers={"Range": "bytes=5-"}).status_code == 206
    key = uuid.uuid4().hex
    assert _report(clerk, letter, key=key).status_code == 204
    assert _report(clerk, letter, key=key).status_code == 204  # sent again after a lost answer
    assert _report(clerk, letter, "print").status_code == 204
    history = leader.get(f"/documents/{letter['id']}/accesses").json()
    counts = history["counts"]
    assert counts["download"] - before["download"] == 2
    assert counts["view"] - before["view"] == 1
    assert counts["print"] - before["print"] == 1
    assert history["readers"] >= 2
    newest = history["events"][0]
    assert newest["kind"] == "print" and newest["username"] == "vanthu"
    assert newest["version"] == 1 and newest["client"].startswith("python-requests")
    assert "127.0.0.1" not in str(history["events"])  # colleagues' addresses: not the leader's
    seen_by_admin = Caller(server, "org_admin").get(f"/documents/{letter['id']}/accesses").json()
    assert "@ 127.0.0.1" in seen_by_admin["events"][0]["client"]
    downloads = [e for e in history["events"] if e["kind"] == "download"]
    assert {e["username"] for e in downloads} == {"lanhdao"}


def test_a_view_is_timed_by_the_server_and_the_desktops_time_kept_beside(server, letter) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    now = dt.datetime.now(dt.UTC)
    earlier = now - dt.timedelta(hours=3)
    for at in (
        (now + dt.timedelta(days=30)).isoformat(),  # a clock running ahead: not kept
        "1999-01-01T00:00:00Z",  # older than a year: not kept
        earlier.isoformat(),  # queued offline three hours ago: kept beside
    ):
        assert _report(clerk, letter, at=at).status_code == 204
    events = leader.get(f"/documents/{letter['id']}/accesses").json()["events"][:3]
    received = [dt.datetime.fromisoformat(e["at"]) for e in events]
    assert all(abs((t - now).total_seconds()) < 60 for t in received)  # the server's own time
    assert [e["reported_at"] is not None for e in events] == [True, False, False]
    reported = dt.datetime.fromisoformat(events[0]["reported_at"])
    assert abs((reported - earlier).total_seconds()) < 1
    bad = [
        {"kind": "edit", "key": uuid.uuid4().hex},
        {"kind": "view", "key": "short"},
        {"kind": "view", "key": "x" * 65},
        {"kind": "view", "key": uuid.uuid4().hex, "version": True},
        {"kind": "view", "key": uuid.uuid4().hex, "extra": 1},
        {"kind": "view", "key": uuid.uuid4().hex, "at": 0},
        {"kind": "view", "key": uuid.uuid4().hex, "at": "2026-12-06T10:00:00"},  # no offset
        {"kind": "view", "key": uuid.uuid4().hex, "at": "0001-01-01T00:00:00+07:00"},
        {"kind": "view", "key": uuid.uuid4().hex, "at": "9999-12-31T23:59:59-07:00"},
    ]
    for body in bad:
        reply = clerk.request("POST", f"/documents/{letter['id']}/accesses", json=body)
        assert reply.status_code == 422, body


def test_the_history_is_for_leaders_administrators_authors_and_handlers(server, letter) -> None:  # type: ignore[no-untyped-def]
    path = f"/documents/{letter['id']}/accesses"
    for role in ("leader", "org_admin", "clerk"):  # the clerk registered it: its author
        assert Caller(server, role).get(path).status_code == 200, role
    for role in ("specialist", "archivist"):  # may read the letter, not who else did
        reply = Caller(server, role).get(path)
        assert reply.status_code == 403, role
        assert _report(Caller(server, role), letter).status_code == 204  # but their view counts
    for role in ("other_clerk", "other_admin"):
        assert Caller(server, role).get(path).status_code == 404
        assert _report(Caller(server, role), letter).status_code == 404
    leader, specialist = Caller(server, "leader"), Caller(server, "specialist")
    revision = leader.get(f"/documents/{letter['id']}").json()["revision"]
    assigned = leader.request(
        "POST",
        f"/documents/{letter['id']}/actions",
        json={"action": "assign", "lead": specialist.me["id"]},
        headers={"If-Match": f'"{revision}"'},
    )
    assert assigned.status_code == 200, assigned.text
    assert specialist.get(path).status_code == 200  # the handler now sees who read it


def test_the_audit_trail_is_filtered_scoped_and_paged(server, letter) -> None:  # type: ignore[no-untyped-def]
    org_admin, other_admin = Caller(server, "org_admin"), Caller(server, "other_admin")
    accesses = org_admin.get(
        "/admin/audit", params={"category": "access", "document": letter["id"]}
    ).json()["items"]
    assert accesses and {e["category"] for e in accesses} == {"access"}
    assert {e["action"] for e in accesses} >= {"view", "download", "print"}
    assert all(e["document_id"] == letter["id"] for e in accesses)
    logins = org_admin.get("/admin/audit", params={"category": "login"}).json()["items"]
    assert logins and {e["action"] for e in logins} <= {"login", "login_failed", "logout"}
    assert {e["organisation"] for e in logins} == {"UBND-T"}
    mine = org_admin.get("/admin/audit", params={"username": "VANTHU"}).json()["items"]
    assert mine and {e["username"] for e in mine} == {"vanthu"}
    changes = org_admin.get(
        "/admin/audit", params={"category": "change", "document": letter["id"]}
    ).json()["items"]
    assert "create" in {e["action"] for e in changes}
    # Another organisation's administrator sees none of it.
    theirs = other_admin.get("/admin/audit", params={"limit": 1000}).json()["items"]
    assert theirs and {e["organisation"] for e in theirs} == {"STC"}
    assert letter["id"] not in {e["document_id"] for e in theirs}
    # Pages follow each other without overlap.
    first = org_admin.get("/admin/audit", params={"limit": 3}).json()
    second = org_admin.get(
        "/admin/audit", params={"limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert first["next_cursor"] and {e["id"] for e in first["items"]}.isdisjoint(
        e["id"] for e in second["items"]
    )
    assert max(e["id"] for e in second["items"]) < min(e["id"] for e in first["items"])
    today = dt.date.today()
    future = org_admin.get(
        "/admin/audit", params={"since": (today + dt.timedelta(days=3)).isoformat()}
    ).json()["items"]
    assert future == []
    for params in (
        {"since": "2026-12-01", "until": "2026-11-01"},
        {"since": "0001-01-01"},
        {"category": "everything"},
        {"limit": 5000},
    ):
        assert org_admin.get("/admin/audit", params=params).status_code == 422, params
    for role in ("clerk", "leader", "specialist"):
        assert Caller(server, role).get("/admin/audit").status_code == 403


def test_a_secret_documents_details_stay_out_of_the_administrators_audit(server) -> None:  # type: ignore[no-untyped-def]
    clerk, org_admin = Caller(server, "clerk"), Caller(server, "org_admin")
    secret = clerk.create(subject="Phương án nhân sự tuyệt mật", secrecy=2)
    changed = clerk.request(
        "PATCH",
        f"/documents/{secret['id']}",
        json={"description": "Phương án nhân sự bổ sung"},
        headers={"If-Match": f'"{secret["revision"]}"'},
    )
    assert changed.status_code == 200, changed.text
    events = org_admin.get("/admin/audit", params={"document": secret["id"]}).json()["items"]
    assert {e["action"] for e in events} >= {"create", "update"}
    assert all(e["detail"] == "" for e in events)
    assert "nhân sự" not in str(events)
    leader_view = Caller(server, "admin").get("/admin/audit", params={"document": secret["id"]})
    assert leader_view.status_code == 200
    assert "nhân sự" not in leader_view.text  # the province's administrator may not read it either


def test_login_statistics_per_day_and_month(server) -> None:  # type: ignore[no-untyped-def]
    import requests

    failed = requests.post(
        f"{server.api_url}/auth/login",
        json={"username": "chuyenvien", "password": "sai-mat-khau"},
        timeout=10,
    )
    assert failed.status_code == 401
    org_admin = Caller(server, "org_admin")
    today = today_in_vietnam()  # sign-ins are counted per Vietnam day (UTC+7), not the machine's
    window = {"since": (today - dt.timedelta(days=1)).isoformat(), "until": today.isoformat()}
    days = org_admin.get("/admin/audit/logins", params=window).json()
    assert days and sum(d["logins"] for d in days) >= 3 and sum(d["failed"] for d in days) >= 1
    assert all(d["users"] <= d["logins"] for d in days)
    months = org_admin.get("/admin/audit/logins", params={**window, "period": "month"}).json()
    assert sum(m["logins"] for m in months) == sum(d["logins"] for d in days)
    assert all(len(m["period"]) == 7 for m in months)
    theirs = Caller(server, "other_admin").get("/admin/audit/logins", params=window).json()
    assert sum(d["failed"] for d in theirs) == 0  # UBND-T's failed sign-in is not theirs
    assert (
        org_admin.get("/admin/audit/logins", params={**window, "period": "year"}).status_code == 422
    )
    assert Caller(server, "clerk").get("/admin/audit/logins", params=window).status_code == 403
