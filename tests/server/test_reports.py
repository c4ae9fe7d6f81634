"""The registers and the processing report on the real server: Appendix IV's columns, numbers
in date order, the lead handler's department, the deadline counts, and only what the caller
may read."""

from __future__ import annotations

import datetime as dt

import pytest

from base.deadlines import today_in_vietnam
from tests.server.test_access import Caller


@pytest.fixture(scope="module")
def office(tmp_path_factory):  # type: ignore[no-untyped-def]
    from tests.fixtures.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("reports"))
    server.demo_data(120, 0, story=True)
    server.start()
    yield server
    server.stop()


def _year() -> dict[str, str]:
    today = today_in_vietnam()
    return {"start": f"{today.year}-01-01", "end": today.isoformat()}


def test_the_incoming_register_runs_in_number_order_and_names_the_handler(office) -> None:
    rows = Caller(office, "clerk").get("/reports/incoming", params=_year()).json()
    numbers = [r["arrival_number"] for r in rows]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers) and rows
    dates = [r["arrival_date"] for r in rows]
    assert dates == sorted(dates)
    assigned = [r for r in rows if r["handler"] == "Hoàng Thị Mai (Phòng Kinh tế)"]
    assert len(assigned) >= 3  # the story's work for the specialist, with her department


def test_the_outgoing_register_shows_the_issue_and_its_recipients(office) -> None:
    rows = Caller(office, "clerk").get("/reports/outgoing", params=_year()).json()
    issued = [r for r in rows if r["sent_date"] == today_in_vietnam().isoformat()]
    assert issued, rows
    assert issued[0]["signer"] == "Phó Chủ tịch Trần Quốc Việt"
    assert issued[0]["number_notation"].split("/")[0].isdigit()


def test_the_processing_report_counts_per_department(office) -> None:
    leader = Caller(office, "leader")
    lines = leader.get("/reports/processing", params=_year()).json()
    assert {line["department"] for line in lines} == {"Phòng Kinh tế", "Văn phòng"}
    for line in lines:
        parts = ("done_on_time", "done_late", "in_hand", "overdue")
        assert line["received"] == sum(line[p] for p in parts) > 0
    economy = next(line for line in lines if line["department"] == "Phòng Kinh tế")
    # The story's work in hand: one overdue, two not yet (one due soon); the archive has both
    # deadlines met and missed.
    assert economy["overdue"] == 1 and economy["in_hand"] == 2
    assert all(line["done_on_time"] and line["done_late"] for line in lines)
    long_ago = {"start": "2020-01-01", "end": "2020-12-31"}
    assert leader.get("/reports/processing", params=long_ago).json() == []


def test_another_organisation_sees_only_its_own_register(office) -> None:
    mine = Caller(office, "clerk").get("/reports/incoming", params=_year()).json()
    theirs = Caller(office, "other_clerk").get("/reports/incoming", params=_year()).json()
    assert theirs and len(theirs) < len(mine)  # STC holds a share of the archive
    assert not any("Hoàng Thị Mai" in r["handler"] for r in theirs)  # UBND-T's story is not theirs
    numbers = [r["arrival_number"] for r in theirs]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # their own register


def test_the_leader_and_the_organisation_administrator_may_report(office) -> None:
    clerk = Caller(office, "clerk").get("/reports/outgoing", params=_year()).json()
    assert Caller(office, "leader").get("/reports/outgoing", params=_year()).json() == clerk
    reply = Caller(office, "org_admin").get("/reports/outgoing", params=_year())
    assert reply.status_code == 200  # without the Mật documents an administrator may not read
    assert all(row in clerk for row in reply.json())


@pytest.mark.parametrize(
    ("role", "params", "status"),
    [
        ("specialist", None, 403),
        ("archivist", None, 403),
        ("clerk", {"start": "2026-02-01", "end": "2026-01-01"}, 422),
        ("clerk", {"start": "2020-01-01", "end": "2026-01-01"}, 422),
        ("clerk", {"start": "01/01/2026", "end": "2026-01-01"}, 422),
        ("clerk", {"start": "0001-01-01", "end": "0001-12-31"}, 422),
        ("clerk", {"start": "9999-01-01", "end": "9999-12-31"}, 422),
        ("leader", {"start": "0001-01-01", "end": "0001-01-01"}, 422),
    ],
)
def test_reports_refuse_who_and_what_they_should(office, role, params, status) -> None:
    for kind in ("incoming", "outgoing", "processing"):
        reply = Caller(office, role).get(f"/reports/{kind}", params=params or _year())
        assert reply.status_code == status, (kind, reply.text)
        error = reply.json()["error"]
        assert error["message_vi"] and error["message_en"]


def test_a_report_needs_a_signed_in_user(office) -> None:
    import requests

    reply = requests.get(f"{office.api_url}/reports/processing", params=_year(), timeout=10)
    assert reply.status_code == 401
    assert dt.date.fromisoformat(_year()["end"])  # the range itself was valid
