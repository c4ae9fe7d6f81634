"""Documents, permissions, paging, the change feed and numbering."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.fixtures.outgoing import signed_outgoing, submitted_outgoing
from tests.server.conftest import Api


def _new(api, **fields):
    body = {"direction": "outgoing", "subject": "Kế hoạch chuyển đổi số", **fields}
    reply = api.post("/documents", json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_login_me_and_wrong_password(server, clerk) -> None:
    assert clerk.get("/auth/me").json()["role"] == "clerk"
    reply = requests.post(
        f"{server.api_url}/auth/login", json={"username": "vanthu", "password": "sai"}, timeout=10
    )
    assert reply.status_code == 401
    assert reply.json()["error"]["message_vi"] == "Sai tên đăng nhập hoặc mật khẩu."
    assert requests.get(f"{server.api_url}/documents", timeout=10).status_code == 401


def test_login_rate_limit(server) -> None:
    name = f"ke-do-mat-khau-{uuid.uuid4().hex[:6]}"
    codes = [
        requests.post(
            f"{server.api_url}/auth/login", json={"username": name, "password": "x"}, timeout=10
        ).status_code
        for _ in range(6)
    ]
    assert codes == [401] * 5 + [429]


def test_permissions_per_role(leader, archivist, clerk, admin) -> None:
    assert leader.post("/documents", json={"direction": "outgoing"}).status_code == 403
    assert archivist.post("/documents", json={"direction": "outgoing"}).status_code == 403
    assert archivist.post("/documents", json={"direction": "incoming"}).status_code == 201
    doc = _new(clerk)
    numbering = {"action": "number"}
    revision = {"If-Match": f'"{doc["revision"]}"'}
    refused = archivist.post(f"/documents/{doc['id']}/actions", json=numbering, headers=revision)
    assert refused.status_code == 403
    assert clerk.delete(f"/documents/{doc['id']}").status_code == 403
    assert admin.delete(f"/documents/{doc['id']}").status_code == 204
    assert clerk.get(f"/documents/{doc['id']}").status_code == 404


def test_filters_and_cursor_paging(clerk) -> None:
    tag = uuid.uuid4().hex[:8]
    made = {
        _new(clerk, subject=f"Báo cáo đất đai {tag} số {i}", urgency=i % 2)["id"] for i in range(7)
    }
    seen, cursor = [], None
    while True:
        params = {"q": f"dat dai {tag}", "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = clerk.get("/documents", params=params).json()
        seen += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen, reverse=True) == seen and set(seen) == made
    urgent = clerk.get("/documents", params={"q": tag, "urgency": 1}).json()["items"]
    assert len(urgent) == 3 and all(d["urgency"] == 1 for d in urgent)
    assert clerk.get("/documents", params={"cursor": "rác"}).status_code == 422


def test_change_feed_orders_by_commit_and_keeps_tombstones(clerk, admin) -> None:
    head = clerk.get("/changes", params={"updated_since": 0, "limit": 1000}).json()
    while head["has_more"]:
        head = clerk.get(
            "/changes", params={"updated_since": head["next_since"], "limit": 1000}
        ).json()
    a, b = _new(clerk), _new(clerk)
    reply = clerk.patch(
        f"/documents/{a['id']}",
        json={"subject": "Đã sửa"},
        headers={"If-Match": f'"{a["revision"]}"'},
    )
    assert reply.status_code == 200
    assert admin.delete(f"/documents/{b['id']}").status_code == 204
    feed = clerk.get("/changes", params={"updated_since": head["next_since"]}).json()
    assert [(c["document_id"], c["kind"]) for c in feed["changes"]] == [
        (a["id"], "upsert"),
        (b["id"], "delete"),
    ]
    assert feed["changes"][0]["document"]["subject"] == "Đã sửa"
    seqs = [c["seq"] for c in feed["changes"]]
    assert seqs == sorted(seqs) and feed["next_since"] == seqs[-1]


def test_patch_needs_current_revision(clerk) -> None:
    doc = _new(clerk)
    url = f"/documents/{doc['id']}"
    assert clerk.patch(url, json={"subject": "a"}).status_code == 428
    assert clerk.patch(url, json={"subject": "a"}, headers={"If-Match": '"1"'}).status_code == 409
    assert (
        clerk.patch(
            url, json={"subject": "a"}, headers={"If-Match": f'"{doc["revision"]}"'}
        ).status_code
        == 200
    )


def test_twenty_concurrent_numbers_are_unique_and_consecutive(server, clerk) -> None:
    docs = [signed_outgoing(server, f"Quyết định {i}") for i in range(20)]

    def number(doc: dict) -> int:
        reply = clerk.post(
            f"/documents/{doc['id']}/actions",
            json={"action": "number"},
            headers={"If-Match": f'"{doc["revision"]}"'},
        )
        assert reply.status_code == 200, reply.text
        return int(reply.json()["code_number"])

    with ThreadPoolExecutor(20) as pool:
        numbers = sorted(pool.map(number, docs))
    assert numbers == list(range(numbers[0], numbers[0] + 20))


def test_concurrent_creates_with_one_idempotency_key_make_one_document(clerk) -> None:
    key = f"dup-{uuid.uuid4().hex}"
    body = {"direction": "outgoing", "subject": "Gửi lại nhiều lần"}

    def create(_: int) -> requests.Response:
        return clerk.post("/documents", json=body, headers={"Idempotency-Key": key})

    with ThreadPoolExecutor(12) as pool:
        replies = list(pool.map(create, range(12)))
    assert sorted(r.status_code for r in replies) == [200] * 11 + [201], [r.text for r in replies]
    assert len({r.json()["id"] for r in replies}) == 1
    assert {r.json()["revision"] for r in replies} == {replies[0].json()["revision"]}


def test_only_a_signed_outgoing_document_is_numbered(server, clerk) -> None:
    draft = _new(clerk)
    submitted = submitted_outgoing(server, "Tờ trình chờ ký")
    for doc in (draft, submitted):
        doc = clerk.get(f"/documents/{doc['id']}").json()
        reply = clerk.post(
            f"/documents/{doc['id']}/actions",
            json={"action": "number"},
            headers={"If-Match": f'"{doc["revision"]}"'},
        )
        assert reply.status_code == 409, reply.text
        assert clerk.get(f"/documents/{doc['id']}").json()["code_number"] is None
        assert clerk.get(f"/documents/{doc['id']}/next-number").status_code == 409


def test_an_incoming_document_entered_by_the_clerk_is_registered_at_once(clerk, archivist) -> None:
    doc = _new(
        clerk,
        direction="incoming",
        organ_name="Bộ Nội vụ",
        code_number="15",
        code_notation="BNV-CCHC",
    )
    assert doc["status"] == "received" and doc["arrival_number"] >= 1 and doc["arrival_date"]
    assert doc["number_symbol"] == "15/BNV-CCHC"  # the sender's number, kept as it came
    scan = _new(archivist, direction="incoming", subject="Bản quét")
    assert scan["status"] == "arrived" and scan["arrival_number"] is None  # waits for the clerk
    following = _new(clerk, direction="incoming", organ_name="Sở Y tế")
    assert following["arrival_number"] == doc["arrival_number"] + 1


@pytest.mark.parametrize(
    ("role", "body", "status", "code"),
    [
        ("clerk", {"direction": "outgoing", "status": "signed"}, 422, "status_not_initial"),
        ("clerk", {"direction": "outgoing", "status": "issued"}, 422, "status_not_initial"),
        ("clerk", {"direction": "outgoing", "status": "arrived"}, 422, "status_not_initial"),
        ("clerk", {"direction": "incoming", "status": "done"}, 422, "status_not_initial"),
        ("clerk", {"direction": "incoming", "status": "withdrawn"}, 422, "status_not_initial"),
        ("clerk", {"direction": "incoming", "status": "assigned"}, 422, "status_not_initial"),
        ("archivist", {"direction": "incoming", "status": "received"}, 403, "forbidden"),
        ("archivist", {"direction": "incoming", "status": "issued"}, 422, "status_not_initial"),
    ],
)
def test_documents_are_born_only_in_their_first_status(server, role, body, status, code) -> None:  # type: ignore[no-untyped-def]
    """Later statuses come from steps: no request creates a signed, issued or done document."""
    api = {"clerk": Api(server, "clerk"), "archivist": Api(server, "archivist")}[role]
    reply = api.post("/documents", json={"subject": "Cửa sau", **body})
    assert reply.status_code == status, reply.text
    assert reply.json()["error"]["code"] == code
