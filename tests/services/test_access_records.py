"""Opening a document is recorded once — at once online, queued while the server is away and
sent when it is back — and the administrator's audit trail is listed and exported to a CSV a
spreadsheet reads as text."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import requests

from base.audit import Access, AuditCategory
from base.deadlines import today_in_vietnam
from client.cache.outbox import OutboxState, RecordAccess
from services.audit import AuditExportFailed, AuditQuery, write_audit_csv
from services.session import open_session
from services.workspace import Workspace
from tests.fixtures.server import LiveServer
from tests.server.test_access import Caller


@pytest.fixture(scope="module")
def office(tmp_path_factory):  # type: ignore[no-untyped-def]
    live = LiveServer(tmp_path_factory.mktemp("access-records"))
    live.demo_data(8, 4)
    live.start()
    yield live
    live.stop()


def _workspace(server, role: str) -> Workspace:  # type: ignore[no-untyped-def]
    workspace = Workspace(open_session(server.base_url, *server.credentials(role)))
    workspace.sync_now()
    return workspace


def _views(server, document_id: int) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    history = Caller(server, "leader").get(f"/documents/{document_id}/accesses").json()
    return [e for e in history["events"] if e["kind"] == "view"]


def _a_document_with_a_file(workspace: Workspace):  # type: ignore[no-untyped-def]
    from client.cache.query import DocumentQuery, search

    rows = search(workspace.session.store, DocumentQuery(limit=200)).rows
    return workspace.document(next(r.id for r in rows if r.current_version and not r.secrecy))


def test_a_view_is_recorded_at_once_when_online(office) -> None:  # type: ignore[no-untyped-def]
    clerk = _workspace(office, "clerk")
    document = _a_document_with_a_file(clerk)
    before = len(_views(office, document.id))
    clerk.open_file(document)
    clerk.record_access(document)
    views = _views(office, document.id)
    assert len(views) == before + 1
    assert views[0]["username"] == "vanthu" and views[0]["version"] == document.current_version
    assert views[0]["client"].startswith("VanThuSo/") and views[0]["reported_at"] is None


def test_a_view_made_offline_is_sent_once_when_the_server_is_back(office) -> None:  # type: ignore[no-untyped-def]
    clerk = _workspace(office, "clerk")
    document = _a_document_with_a_file(clerk)
    clerk.open_file(document)  # cached before the network goes
    before = len(_views(office, document.id))
    office.stop()
    try:
        opened_at = dt.datetime.now(dt.UTC)
        clerk.open_file(document)
        clerk.record_access(document)
        [queued] = clerk.session.outbox.entries(OutboxState.PENDING)
        assert isinstance(queued.action, RecordAccess)
    finally:
        office.start()
    outcome = clerk.sync_now()
    assert outcome.replayed == ()  # bookkeeping: nothing for the user to read about
    assert clerk.session.outbox.entries(OutboxState.PENDING) == []
    views = _views(office, document.id)
    assert len(views) == before + 1
    when = dt.datetime.fromisoformat(views[0]["reported_at"])
    assert abs((when - opened_at).total_seconds()) < 30  # dated when it was opened
    # The answer to a resend is lost again: the same key is still one view.
    action = queued.action
    at = dt.datetime.fromisoformat(action.at)
    clerk.session.client.record_access(document.id, "view", action.key, action.version, at)
    assert len(_views(office, document.id)) == before + 1


def test_the_access_history_is_not_every_readers(office) -> None:  # type: ignore[no-untyped-def]
    specialist, leader = _workspace(office, "specialist"), _workspace(office, "leader")
    from client.cache.query import DocumentQuery, search

    me = specialist.user.id
    document = next(  # one the specialist neither wrote nor handles: not his to see who read it
        d
        for d in (
            leader.document(r.id)
            for r in search(leader.session.store, DocumentQuery(limit=500)).rows
        )
        if d is not None
        and d.current_version
        and d.created_by != me
        and all(a.user_id != me for a in d.assignments)
    )
    history = leader.access_history(document)
    assert history is not None and set(history.counts) == {k.value for k in Access}
    assert specialist.access_history(document) is None


def test_the_audit_trail_is_listed_and_exported_as_text_cells(office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    hostile = '=HYPERLINK("http://x")'
    reply = requests.post(
        f"{office.api_url}/auth/login", json={"username": hostile, "password": "x"}, timeout=10
    )
    assert reply.status_code == 401
    admin = _workspace(office, "org_admin")
    trail = admin.audit_trail()
    assert trail is not None and _workspace(office, "clerk").audit_trail() is None
    logins = trail.events(AuditQuery(category=AuditCategory.LOGIN))
    assert {e.action for e in logins} >= {"login"}
    assert len(trail.events(AuditQuery(), limit=3)) == 3
    # A failed sign-in under no known account belongs to no organisation: the province's.
    province = _workspace(office, "admin").audit_trail()
    assert province is not None
    failed = province.events(AuditQuery(action="login_failed"))
    path = write_audit_csv(failed, tmp_path / "nhat-ky")
    assert path.suffix == ".csv" and path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Thời điểm / Time" and len(rows) == len(failed) + 1
    details = [row[-1] for row in rows[1:]]
    assert any(d.startswith("'=HYPERLINK") for d in details)
    assert not any(cell.startswith("=") for row in rows for cell in row)
    with pytest.raises(AuditExportFailed) as refused:
        write_audit_csv(failed, tmp_path / "không-có" / "nhat-ky.csv")
    assert "nhat-ky.csv" in refused.value.message("vi")
    assert list(tmp_path.glob(".audit-*")) == []
    today = today_in_vietnam()  # sign-ins are counted per Vietnam day (UTC+7)
    days = province.login_stats(today - dt.timedelta(days=1), today)
    assert sum(d.logins for d in days) >= 1 and sum(d.failed for d in days) >= 1
