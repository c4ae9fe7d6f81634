"""Saved searches on the server: one user's alone (another's id is 404), names unique per user
ignoring case and Unicode form, the filters typed and bounded, at most 100 per user."""

from __future__ import annotations

import unicodedata

import pytest
import requests

from tests.fixtures.server import LiveServer
from tests.server.conftest import Api

QUERY = {
    "text": "đất đai",
    "direction": "incoming",
    "queue": "my_work",
    "doc_type": "Công văn",
    "min_urgency": 1,
    "overdue": True,
    "status": "processing",
    "columns": ["arrival_number", "subject", "due_date", "part"],
}


@pytest.fixture(scope="module")
def specialist(server: LiveServer) -> Api:
    return Api(server, "specialist")


@pytest.fixture(scope="module")
def other_clerk(server: LiveServer) -> Api:
    return Api(server, "other_clerk")


def test_a_saved_search_is_its_owners_alone(
    clerk: Api, leader: Api, admin: Api, other_clerk: Api, server: LiveServer
) -> None:
    made = clerk.post("/saved-searches", json={"name": "Việc quá hạn", "query": QUERY})
    assert made.status_code == 201, made.text
    found = made.json()
    assert found["name"] == "Việc quá hạn" and found["query"] == QUERY
    assert found["created_at"].endswith("Z")
    assert [s["id"] for s in clerk.get("/saved-searches").json()] == [found["id"]]
    for stranger in (leader, admin, other_clerk):  # a colleague, the administrator, outsiders
        assert stranger.get("/saved-searches").json() == []
        path = f"/saved-searches/{found['id']}"
        assert stranger.put(path, json={"name": "Của tôi"}).status_code == 404
        assert stranger.delete(path).status_code == 404
    assert clerk.get("/saved-searches").json()[0]["name"] == "Việc quá hạn"
    anonymous = requests.get(f"{server.api_url}/saved-searches", timeout=10)
    assert anonymous.status_code == 401

    renamed = clerk.put(f"/saved-searches/{found['id']}", json={"name": "Quá hạn của tôi"})
    assert renamed.status_code == 200 and renamed.json()["query"] == QUERY
    changed = clerk.put(f"/saved-searches/{found['id']}", json={"query": {"text": "lũ lụt"}})
    body = changed.json()
    assert body["name"] == "Quá hạn của tôi"
    assert body["query"]["text"] == "lũ lụt" and body["query"]["direction"] is None
    assert body["query"]["overdue"] is False and body["query"]["columns"] is None
    assert clerk.delete(f"/saved-searches/{found['id']}").status_code == 204
    assert clerk.delete(f"/saved-searches/{found['id']}").status_code == 404
    assert clerk.get("/saved-searches").json() == []


def test_names_are_unique_per_user_ignoring_case_and_form(clerk: Api, leader: Api) -> None:
    decomposed = unicodedata.normalize("NFD", "  Văn bản đến khẩn ")
    first = clerk.post("/saved-searches", json={"name": decomposed})
    assert first.status_code == 201, first.text
    assert first.json()["name"] == "Văn bản đến khẩn"  # NFC, trimmed
    for again in ("Văn bản đến khẩn", "VĂN BẢN ĐẾN KHẨN"):
        refused = clerk.post("/saved-searches", json={"name": again})
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "duplicate_name"
        assert "Văn bản đến khẩn" in refused.json()["error"]["message_vi"]
    assert leader.post("/saved-searches", json={"name": "Văn bản đến khẩn"}).status_code == 201
    second = clerk.post("/saved-searches", json={"name": "Chờ vào sổ"}).json()
    taken = clerk.put(f"/saved-searches/{second['id']}", json={"name": "văn bản đến khẩn"})
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "duplicate_name"
    own = clerk.put(f"/saved-searches/{first.json()['id']}", json={"name": "VĂN BẢN ĐẾN KHẨN"})
    assert own.status_code == 200 and own.json()["name"] == "VĂN BẢN ĐẾN KHẨN"
    for found in clerk.get("/saved-searches").json():
        clerk.delete(f"/saved-searches/{found['id']}")


@pytest.mark.parametrize(
    "body",
    [
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 101},
        {"name": "tên\x00"},
        {},
        {"name": "ok", "extra": 1},
        {"name": "ok", "query": {"unknown_filter": "x"}},
        {"name": "ok", "query": {"direction": "sideways"}},
        {"name": "ok", "query": {"min_urgency": "3"}},
        {"name": "ok", "query": {"min_urgency": 5}},
        {"name": "ok", "query": {"overdue": 1}},
        {"name": "ok", "query": {"status": "lost"}},
        {"name": "ok", "query": {"queue": "To Register"}},
        {"name": "ok", "query": {"text": "x" * 201}},
        {"name": "ok", "query": {"columns": ["subject"] * 31}},
        {"name": "ok", "query": {"columns": ["<script>"]}},
        {"name": "ok", "query": []},
    ],
)
def test_bad_input_is_refused(specialist: Api, body: dict) -> None:  # type: ignore[type-arg]
    reply = specialist.post("/saved-searches", json=body)
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["code"] == "invalid_input"
    assert specialist.get("/saved-searches").json() == []


def test_at_most_100_per_user(archivist: Api, clerk: Api) -> None:
    for n in range(100):
        made = archivist.post("/saved-searches", json={"name": f"Tìm {n}"})
        assert made.status_code == 201, made.text
    refused = archivist.post("/saved-searches", json={"name": "Thêm một"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "too_many"
    assert len(archivist.get("/saved-searches").json()) == 100
    assert clerk.post("/saved-searches", json={"name": "Thêm một"}).status_code == 201
    first = archivist.get("/saved-searches").json()[0]
    assert archivist.delete(f"/saved-searches/{first['id']}").status_code == 204
    assert archivist.post("/saved-searches", json={"name": "Thêm một"}).status_code == 201
