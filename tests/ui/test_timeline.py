"""The document view's timeline: every step with who, when and why, then who handles it."""

from __future__ import annotations

import requests

from tests.ui.conftest import screenshot


def test_the_timeline_shows_the_trace_and_the_assignments(qtbot, window, ui_server) -> None:  # type: ignore[no-untyped-def]
    api, clerk = ui_server.api_url, ui_server.headers("clerk")
    leader = ui_server.headers("leader")
    me = requests.get(f"{api}/auth/me", headers=leader, timeout=10).json()
    doc = requests.post(
        f"{api}/documents",
        json={"direction": "incoming", "subject": "Kế hoạch diễn tập phòng cháy"},
        headers=clerk,
        timeout=10,
    ).json()
    doc = requests.post(
        f"{api}/documents/{doc['id']}/actions",
        json={"action": "present", "to": [me["id"]], "comment": "Kính trình đồng chí"},
        headers={**clerk, "If-Match": f'"{doc["revision"]}"'},
        timeout=10,
    ).json()
    specialist = next(
        c
        for c in requests.get(f"{api}/colleagues", headers=leader, timeout=10).json()
        if c["role"] == "specialist"
    )
    requests.post(
        f"{api}/documents/{doc['id']}/actions",
        json={
            "action": "assign",
            "lead": specialist["id"],
            "deadline": "2030-05-04",
            "comment": "Giao chủ trì",
        },
        headers={**leader, "If-Match": f'"{doc["revision"]}"'},
        timeout=10,
    ).raise_for_status()
    window.sync_now()
    qtbot.waitUntil(lambda: window.workspace.document(doc["id"]) is not None, timeout=20000)
    qtbot.waitUntil(lambda: len(window.workspace.document(doc["id"]).trace) == 3, timeout=20000)
    window.open_document(doc["id"])
    timeline = window.document_view.timeline
    qtbot.waitUntil(lambda: timeline.count() == 4, timeout=10000)
    lines = [timeline.item(i).text() for i in range(timeline.count())]
    assert len(lines) == 4, lines
    assert lines[0].split("  ", 1)[1].startswith("Tạo văn bản: Nguyễn Thị Hồng Nhung (Văn thư)")
    assert "Trình lãnh đạo" in lines[1] and "Kính trình đồng chí" in lines[1]
    assert "Chỉ đạo, giao xử lý" in lines[2] and "Đã tiếp nhận → Đã giao xử lý" in lines[2]
    assert lines[3].startswith("• Xử lý chính: Hoàng Thị Mai — đang xử lý, hạn 04/05/2030")
    view = window.document_view
    view.tabs.setCurrentWidget(view.history_tab)
    screenshot(window, "document-timeline")


def test_each_part_reads_as_its_kind_and_a_reader_for_information_has_no_deadline(
    qtbot, window, ui_server
) -> None:  # type: ignore[no-untyped-def]
    """Chủ trì and phối hợp work to the deadline; để biết is told, with nothing to hand in."""
    api, clerk = ui_server.api_url, ui_server.headers("clerk")
    leader = ui_server.headers("leader")
    me = requests.get(f"{api}/auth/me", headers=leader, timeout=10).json()
    doc = requests.post(
        f"{api}/documents",
        json={"direction": "incoming", "subject": "Kế hoạch tổng vệ sinh môi trường"},
        headers=clerk,
        timeout=10,
    ).json()
    doc = requests.post(
        f"{api}/documents/{doc['id']}/actions",
        json={"action": "present", "to": [me["id"]]},
        headers={**clerk, "If-Match": f'"{doc["revision"]}"'},
        timeout=10,
    ).json()
    people = [
        c
        for c in requests.get(f"{api}/colleagues", headers=leader, timeout=10).json()
        if c["id"] != me["id"]
    ]
    lead, co = [c for c in people if c["role"] in ("specialist", "leader")][:2]
    info = next(c for c in people if c["role"] == "clerk")  # a clerk is only ever informed
    assigned = requests.post(
        f"{api}/documents/{doc['id']}/actions",
        json={
            "action": "assign",
            "lead": lead["id"],
            "co": [co["id"]],
            "info": [info["id"]],
            "deadline": "2030-12-13",
        },
        headers={**leader, "If-Match": f'"{doc["revision"]}"'},
        timeout=10,
    )
    assert assigned.ok, assigned.text
    window.sync_now()
    qtbot.waitUntil(
        lambda: (d := window.workspace.document(doc["id"])) is not None and len(d.assignments) == 3,
        timeout=20000,
    )
    window.open_document(doc["id"])
    timeline = window.document_view.timeline
    qtbot.waitUntil(lambda: timeline.count() == 6, timeout=10000)
    parts = [timeline.item(i).text() for i in range(timeline.count())][3:]
    assert parts == [
        f"• Xử lý chính: {lead['full_name']} — đang xử lý, hạn 13/12/2030",
        f"• Phối hợp: {co['full_name']} — đang phối hợp, hạn 13/12/2030",
        f"• Nhận để biết: {info['full_name']} — để biết, không phải xử lý",
    ]
