"""Case files and the agency archive from the command line, as each person walks it against the
real server over loopback (``main.main`` in-process, one signed-in home per person, one server
for the module):

a year's list drafted, approved and issued → a specialist opens a file from it, adds documents
(one while the server is down: kept in the outbox, sent once), closes it → ``archive due`` shows
it within 30 days of its deadline and every command says so in one line → transfer → the
archivist returns one with a reason and accepts another → every change to the accepted file is
refused in the user's language (``--json``: both languages and the server's code). Every
``--json`` output parses."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from base.deadlines import today_in_vietnam
from base.records import transfer_due
from main import main
from tests.fixtures.server import LiveServer

ARCHIVED_VI = "đã được Lưu trữ cơ quan tiếp nhận"
ARCHIVED_EN = "accepted by the agency archive"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err + self.out
        return json.loads(self.out)


@dataclass
class Person:
    """One signed-in script: its server, token and home (cache, outbox) of its own."""

    server: LiveServer
    token: str
    home: Path

    def __call__(self, *args: str, lang: str = "vi") -> Result:
        env = {
            "VANTHU_SERVER": self.server.base_url,
            "VANTHU_TOKEN": self.token,
            "VANTHU_HOME": str(self.home),
            "VANTHU_LANG": lang,
        }
        saved = {k: os.environ.get(k) for k in env}
        out, err = io.StringIO(), io.StringIO()
        os.environ.update(env)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(args))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return Result(code, out.getvalue(), err.getvalue())

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.code == 0, result.err + result.out
        return result.out

    def document(self, **fields: Any) -> int:
        reply = requests.post(
            f"{self.server.api_url}/documents",
            json={"direction": "outgoing", **fields},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=30,
        )
        assert reply.status_code == 201, reply.text
        return int(reply.json()["id"])


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("records-cli"))
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def people(office: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Person]:
    return {
        role: Person(office, office.token(role), tmp_path_factory.mktemp(role))
        for role in ("clerk", "leader", "specialist", "archivist")
    }


def _pdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as pdf:
        return " ".join(" ".join(page.get_text().split()) for page in pdf)


def _refused(result: Result, *words: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err and "unexpected" not in result.err.lower()
    for word in words:
        assert word in result.err, (word, result.err)


def _json_refusal(result: Result, code: str) -> dict[str, str]:
    assert result.code == 1
    error = json.loads(result.err)["error"]
    assert error["code"] == code and error["message_vi"] and error["message_en"]
    return dict(error)


def _issued_list(clerk: Person, leader: Person, year: int) -> None:
    made = json.loads(
        clerk.ok("file-list", "new", str(year), "--decision", "QĐ số 5/QĐ-UBND", "--json")
    )
    assert made["state"] == "draft"
    assert "I. Văn phòng (VP)" in clerk.ok(
        "file-list", "heading", str(year), "Văn phòng", "--abbr", "VP"
    )
    clerk.ok("file-list", "heading", str(year), "Hành chính", "--under", "I")
    for notation, title, retention in (
        ("01.VP", "Hồ sơ hội nghị tổng kết năm", "vinh vien"),
        ("02.VP", "Hồ sơ công tác văn thư", "10"),
        ("03.VP", "Sổ theo dõi công văn nội bộ", "2 năm"),
    ):
        planned = json.loads(
            clerk.ok(
                "file-list", "plan", str(year), notation, title,
                "--heading", "I.1", "--retention", retention, "--json",
            )
        )  # fmt: skip
        assert planned["notation"] == notation
    wrong = clerk(
        "file-list", "plan", str(year), "04.VP", "Hồ sơ", "--heading", "I.1", "--retention", "mãi"
    )
    _refused(wrong, "Thời hạn bảo quản “mãi” không hợp lệ")
    _refused(clerk("file-list", "approve", str(year)), "Vai trò của bạn không được phép")
    shown = json.loads(clerk.ok("file-list", "show", str(year), "--json"))
    assert (shown["total"], shown["permanent"], shown["limited"]) == (3, 1, 2)
    assert json.loads(leader.ok("file-list", "approve", str(year), "--json"))["state"] == "approved"
    assert json.loads(clerk.ok("file-list", "issue", str(year), "--json"))["state"] == "issued"
    printed = clerk.ok("file-list", "show", str(year))
    assert "DANH MỤC HỒ SƠ NĂM" in printed and "01.VP" in printed and "Vĩnh viễn" in printed
    # printed in Appendix V's layout, and as a workbook
    out = clerk.home / "danh-muc"
    clerk.ok("file-list", "export", str(year), "--out", str(out / "dm.pdf"))
    sheet = json.loads(clerk.ok("file-list", "export", "--out", str(out / "dm.xlsx"), "--json"))
    assert sheet == {"written": str(out / "dm.xlsx")}
    pdf = _pdf_text(out / "dm.pdf")
    assert "DANH MỤC HỒ SƠ" in pdf and "Hồ sơ công tác văn thư" in pdf and "QĐ số 5/QĐ-UBND" in pdf
    import openpyxl

    cells = [c for row in openpyxl.load_workbook(out / "dm.xlsx").active.values for c in row]
    assert "Hồ sơ hội nghị tổng kết năm" in cells and "02.VP" in cells


def test_a_year_of_case_files_from_the_list_to_the_archive(
    office: LiveServer, people: dict[str, Person]
) -> None:
    clerk, leader, specialist, archivist = (
        people[r] for r in ("clerk", "leader", "specialist", "archivist")
    )
    today = today_in_vietnam()
    year = today.year
    _issued_list(clerk, leader, year)

    # the specialist opens files from the list, with documents of a year ago
    start = (today - dt.timedelta(days=400)).isoformat()
    opened = {
        notation: json.loads(
            specialist.ok(
                "casefile",
                "open",
                "--planned",
                notation,
                "--year",
                str(year),
                "--start",
                start,
                "--json",
            )
        )
        for notation in ("01.VP", "02.VP", "03.VP")
    }
    first, second, short = (opened[n]["id"] for n in ("01.VP", "02.VP", "03.VP"))
    assert opened["01.VP"]["code"].endswith(f".{year}.01.VP") and opened["01.VP"]["state"] == "open"
    issued = (today - dt.timedelta(days=380)).isoformat()
    docs = [
        specialist.document(subject=f"Báo cáo tổng kết phần {n}", issued_date=issued, page_amount=n)
        for n in (1, 2, 3, 4)
    ]
    specialist.ok("sync")  # the documents reach the cache
    added = json.loads(specialist.ok("casefile", "add", str(first), str(docs[0]), "--json"))
    assert added["queued"] is False and [d["document_id"] for d in added["documents"]] == [docs[0]]

    office.stop()  # offline: the document waits in the outbox
    try:
        queued = json.loads(specialist.ok("casefile", "add", str(first), str(docs[1]), "--json"))
        assert queued["queued"] is True
        shown = specialist.ok("casefile", "show", str(first))
        assert "chờ gửi / pending" in shown and f"#{docs[1]}" in shown
        _refused(
            specialist("casefile", "add", str(first), "999999"), "Máy này chưa có văn bản #999999"
        )
    finally:
        office.start()
    for _ in range(2):  # the second sync has nothing left to send
        specialist.ok("sync")
    detail = json.loads(specialist.ok("casefile", "show", str(first), "--json"))
    assert [d["document_id"] for d in detail["documents"]] == docs[:2]
    assert [e["action"] for e in detail["events"]].count("add_document") == 2
    specialist.ok("casefile", "add", str(second), str(docs[2]), str(docs[3]))
    specialist.ok("casefile", "add", str(short), str(docs[3]))  # the same document, not copied

    # closed: the first due in 20 days (warned), the second in 45 (not yet)
    def end(due_in: int) -> tuple[str, int]:
        """A day the work ended whose deadline is ``due_in`` days from today, or a day or two
        later (no deadline falls on 29 February: a year after a day of a common year); and
        the days to that deadline."""
        for days in range(due_in, due_in + 3):
            near = today + dt.timedelta(days=days - 365)
            for k in range(-3, 4):
                if (transfer_due(e := near + dt.timedelta(days=k)) - today).days == days:
                    return e.isoformat(), days
        raise AssertionError(f"no end date for a deadline in {due_in} days")

    soon, soon_days = end(20)
    closed = json.loads(specialist.ok("casefile", "close", str(first), "--end", soon, "--json"))
    assert (closed["state"], closed["doc_total"], closed["page_total"]) == ("closed", 2, 3)
    assert closed["warning"] is True and closed["due_in_days"] == soon_days
    specialist.ok("casefile", "close", str(second), "--end", end(45)[0])
    specialist.ok("casefile", "close", str(short))
    due = json.loads(specialist.ok("archive", "due", "--json"))
    assert [(f["id"], f["days_left"]) for f in due] == [(first, soon_days)]
    noticed = specialist("casefile", "list")
    assert noticed.code == 0 and "sắp đến hạn nộp lưu" in noticed.err and ".01.VP" in noticed.err
    assert specialist("casefile", "list", "--json").err == ""  # quiet for scripts
    archivist.ok("sync")
    assert [f["id"] for f in json.loads(archivist.ok("archive", "due", "--json"))] == [first]

    # transfer: a file kept 2 years stays with the unit, an empty one cannot go
    _refused(specialist("casefile", "transfer", str(short)), "bảo quản dưới 5 năm")
    _refused(specialist("casefile", "transfer", str(short), lang="en"), "kept less than 5 years")
    _json_refusal(specialist("casefile", "transfer", str(short), "--json"), "not_for_archive")
    for file_id in (first, second):
        assert (
            json.loads(specialist.ok("casefile", "transfer", str(file_id), "--json"))["state"]
            == "submitted"
        )
    awaiting = json.loads(archivist.ok("archive", "list", "--json"))
    assert {f["id"] for f in awaiting} == {first, second}

    # the archive returns one with a reason and accepts the other
    back = json.loads(
        archivist.ok(
            "archive", "return", str(second), "--reason", "Thiếu mục lục văn bản", "--json"
        )
    )
    assert back["state"] == "returned" and back["returned_reason"] == "Thiếu mục lục văn bản"
    assert "Thiếu mục lục văn bản" in specialist.ok("casefile", "show", str(second))
    code = json.loads(archivist.ok("archive", "accept", str(first), "--json"))["code"]
    found = json.loads(
        archivist.ok("archive", "search", "--code", "01.VP", "--state", "archived", "--json")
    )
    assert [f["id"] for f in found] == [first]
    by_fields = ("--rights", "restricted", "--language", "vi", "--from", soon, "--to", soon)
    found = json.loads(archivist.ok("archive", "search", "--code", "01.VP", *by_fields, "--json"))
    assert [f["id"] for f in found] == [first]
    after_it = (dt.date.fromisoformat(soon) + dt.timedelta(days=1)).isoformat()
    gone = archivist.ok("archive", "search", "--state", "archived", "--from", after_it, "--json")
    assert json.loads(gone) == []
    assert json.loads(archivist.ok("archive", "list", "archive", "--json"))[0]["code"] == code

    # frozen: every change refused, in Vietnamese, in English, and as JSON
    changes = (
        ("casefile", "add", code, str(docs[2])),
        ("casefile", "remove", code, str(docs[0])),
        ("casefile", "edit", code, "--title", "Tên khác"),
        ("casefile", "close", code),
        ("casefile", "reopen", code, "--reason", "Sửa lại"),
        ("casefile", "transfer", code),
        (
            "casefile",
            "keep-back",
            code,
            "--until",
            (today + dt.timedelta(days=300)).isoformat(),
            "--reason",
            "Còn dùng",
        ),
    )
    for change in changes:
        _refused(specialist(*change), ARCHIVED_VI)
    _refused(specialist(*changes[0], lang="en"), ARCHIVED_EN)
    _json_refusal(specialist(*changes[1], "--json"), "archived")
    _refused(archivist("archive", "return", code, "--reason", "Nhầm"), ARCHIVED_VI)
    out = people["specialist"].home / "export"
    written = json.loads(
        specialist.ok(
            "casefile", "export", code, "--out", str(out / "f.zip"), "--pdf", str(out / "f.pdf"),
            "--xml", str(out / "f.xml"), "--json",
        )
    )["written"]  # fmt: skip
    assert len(written) == 3 and (out / "f.pdf").read_bytes().startswith(b"%PDF")
    assert code in (out / "f.xml").read_text(encoding="utf-8")
    after = json.loads(specialist.ok("casefile", "show", code, "--json"))
    assert (
        after["state"] == "archived" and [d["document_id"] for d in after["documents"]] == docs[:2]
    )

    # the printed forms (Appendix V): the file's index, the archive's, the transfer's two
    forms = people["archivist"].home / "forms"
    wrote = {
        name: json.loads(archivist.ok(*command, "--out", str(forms / f"{name}.pdf"), "--json"))
        for name, command in (
            ("documents", ("casefile", "index", code)),
            ("files", ("archive", "index", "--year", str(year))),
            ("list", ("archive", "transfer-list", code)),
            ("record", ("archive", "handover-record", code)),
        )
    }
    assert {n: w["written"] for n, w in wrote.items()} == {
        n: str(forms / f"{n}.pdf") for n in wrote
    }
    text = {name: _pdf_text(forms / f"{name}.pdf") for name in wrote}
    assert "MỤC LỤC VĂN BẢN" in text["documents"] and "Báo cáo tổng kết phần 2" in text["documents"]
    assert "MỤC LỤC HỒ SƠ" in text["files"] and "01.VP" in text["files"]
    assert after["title"][:20] in text["files"]
    assert "NỘP LƯU" in text["list"] and after["title"][:20] in text["list"]
    assert "BIÊN BẢN" in text["record"] and "Giao nhận hồ sơ, tài liệu" in text["record"]
    by_creator = archivist.ok(
        "archive", "handover-record", "--creator", str(after["creator_id"]), "--year", str(year),
        "--out", str(forms / "again.pdf"),
    )  # fmt: skip
    assert "again.pdf" in by_creator
    assert _pdf_text(forms / "again.pdf") == text["record"]
    _refused(archivist("archive", "transfer-list", "--out", str(forms / "x.pdf")), "--creator")
    _refused(
        specialist(
            "archive", "transfer-list", "--creator", str(after["creator_id"]), "--year", "1999",
            "--out", str(forms / "none.pdf"),
        )
    )  # fmt: skip
    assert not (forms / "none.pdf").exists()

    # the returned file goes back to work with a reason; counts per creator
    assert (
        json.loads(
            specialist.ok(
                "casefile", "reopen", str(second), "--reason", "Bổ sung mục lục", "--json"
            )
        )["state"]
        == "open"
    )
    counts = json.loads(leader.ok("casefile", "counts", "--json"))
    mine = next(c for c in counts if c["creator_id"] == after["creator_id"])
    assert (mine["archived"], mine["open"], mine["closed"]) == (1, 1, 1)


def test_unknown_files_lists_and_retentions_are_said_plainly(people: dict[str, Person]) -> None:
    specialist = people["specialist"]
    _refused(specialist("casefile", "show", "999999"), "Không tìm thấy hồ sơ số 999999")
    _refused(specialist("casefile", "show", "KHONG.CO.MA"), "Không tìm thấy hồ sơ “KHONG.CO.MA”")
    _refused(specialist("file-list", "show", "1999"), "chưa có Danh mục hồ sơ năm 1999")
    _refused(specialist("casefile", "open", "--title", "Hồ sơ"), "Cách dùng: vanthu casefile open")
    made = json.loads(
        specialist.ok(
            "casefile", "open", "--title", "Hồ sơ tập huấn", "--notation", "TH.01",
            "--retention", "5", "--json",
        )
    )  # fmt: skip
    assert made["maintenance"] == "5 năm" and made["state"] == "open"
    again = specialist(
        "casefile", "open", "--title", "Hồ sơ khác", "--notation", "TH.01", "--retention", "5"
    )
    _refused(again, "Đã có hồ sơ mã", "TH.01")
