"""The access policy on the real server: organisations are isolated on every route of the
OpenAPI schema, secret documents are need-to-know, and roles are held to their matrix."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import uuid

import pytest
import requests

from tests.fixtures.server import LiveServer

# Every route in the schema must be classified here: a new route fails the test until it is.
# "target": it names an object of organisation A — an outsider must get 404 and change nothing.
# "list": it lists — an outsider must find none of A's objects in it.
# "own": it acts only on the caller's own data, or is public (sign-in, health).
ROUTES = {
    ("GET", "/api/v1/health"): "own",
    ("GET", "/api/v1/metrics"): "own",  # no document data; the province administrator only
    ("POST", "/api/v1/auth/login"): "own",
    ("POST", "/api/v1/auth/logout"): "own",
    ("GET", "/api/v1/auth/me"): "own",
    ("GET", "/api/v1/saved-searches"): "own",  # the caller's own searches only
    ("POST", "/api/v1/saved-searches"): "own",
    ("PUT", "/api/v1/saved-searches/{search_id}"): "own",  # another's id: 404 (test_saved_searches)
    ("DELETE", "/api/v1/saved-searches/{search_id}"): "own",
    ("GET", "/api/v1/organisations"): "own",
    ("GET", "/api/v1/colleagues"): "list",  # the caller's own organisation only
    ("GET", "/api/v1/registers"): "list",
    ("GET", "/api/v1/reports/incoming"): "list",  # the caller's organisation, what they may read
    ("GET", "/api/v1/reports/outgoing"): "list",
    ("GET", "/api/v1/reports/processing"): "list",
    ("GET", "/api/v1/documents"): "list",
    ("POST", "/api/v1/documents"): "own",
    ("GET", "/api/v1/documents/{document_id}"): "target",
    ("PATCH", "/api/v1/documents/{document_id}"): "target",
    ("DELETE", "/api/v1/documents/{document_id}"): "target",
    ("GET", "/api/v1/documents/{document_id}/next-number"): "target",
    ("POST", "/api/v1/documents/{document_id}/grants"): "target",
    ("POST", "/api/v1/documents/{document_id}/actions"): "target",
    ("GET", "/api/v1/documents/{document_id}/accesses"): "target",
    ("POST", "/api/v1/documents/{document_id}/accesses"): "target",
    ("GET", "/api/v1/documents/{document_id}/versions"): "target",
    ("POST", "/api/v1/documents/{document_id}/versions"): "target",
    ("GET", "/api/v1/documents/{document_id}/versions/{number}/content"): "target",
    ("HEAD", "/api/v1/documents/{document_id}/versions/{number}/content"): "target",
    ("GET", "/api/v1/files/{sha256}"): "target",
    ("HEAD", "/api/v1/files/{sha256}"): "target",
    ("GET", "/api/v1/changes"): "list",
    (
        "GET",
        "/api/v1/changes/snapshot",
    ): "list",  # the feed's upserts (tests/server/test_changes.py)
    ("POST", "/api/v1/uploads"): "own",
    ("GET", "/api/v1/uploads/{upload_id}"): "target",
    ("PATCH", "/api/v1/uploads/{upload_id}"): "target",
    ("GET", "/api/v1/admin/users"): "list",
    ("POST", "/api/v1/admin/users"): "admin",
    ("PATCH", "/api/v1/admin/users/{user_id}"): "admin",
    ("POST", "/api/v1/admin/users/{user_id}/password"): "admin",
    ("POST", "/api/v1/admin/organisations"): "admin",
    ("GET", "/api/v1/admin/departments"): "list",  # tests/server/test_departments.py
    ("POST", "/api/v1/admin/departments"): "admin",
    ("PATCH", "/api/v1/admin/departments/{department_id}"): "admin",
    ("GET", "/api/v1/admin/audit"): "list",  # the administrator's organisation's people only
    ("GET", "/api/v1/admin/audit/logins"): "list",
    ("GET", "/api/v1/trust"): "list",  # the province's list and the caller's organisation's
    ("POST", "/api/v1/admin/trust"): "admin",  # tests/server/test_trust.py
    ("PATCH", "/api/v1/admin/trust/{sha256}"): "admin",
    # the exchange (tests/server/exchange/): the agency list is the axis's, the same for all
    ("GET", "/api/v1/exchange/agencies"): "own",
    ("GET", "/api/v1/exchange/status"): "list",  # the caller's organisation's (test below)
    ("PUT", "/api/v1/exchange/connection"): "admin",
    ("PUT", "/api/v1/exchange/agency-code"): "admin",
    ("POST", "/api/v1/exchange/outbox/{package_id}/retry"): "admin",
    ("POST", "/api/v1/exchange/send-pending"): "own",  # the caller's organisation's packages
    ("POST", "/api/v1/exchange/import"): "own",  # into the caller's organisation
    ("GET", "/api/v1/documents/{document_id}/edxml"): "target",
    ("GET", "/api/v1/documents/{document_id}/exchange/attachments/{sha256}"): "target",
    # case files and the file list (tests/server/records/): the caller's organisation's only
    ("GET", "/api/v1/file-lists"): "list",
    ("POST", "/api/v1/file-lists"): "own",
    ("GET", "/api/v1/file-lists/{file_list_id}"): "target",
    ("PATCH", "/api/v1/file-lists/{file_list_id}"): "target",
    ("POST", "/api/v1/file-lists/{file_list_id}/actions"): "target",
    ("POST", "/api/v1/file-lists/{file_list_id}/headings"): "target",
    ("PATCH", "/api/v1/file-lists/{file_list_id}/headings/{heading_id}"): "target",
    ("DELETE", "/api/v1/file-lists/{file_list_id}/headings/{heading_id}"): "target",
    ("POST", "/api/v1/file-lists/{file_list_id}/files"): "target",
    ("PATCH", "/api/v1/file-lists/{file_list_id}/files/{planned_file_id}"): "target",
    ("DELETE", "/api/v1/file-lists/{file_list_id}/files/{planned_file_id}"): "target",
    ("GET", "/api/v1/case-files"): "list",
    ("POST", "/api/v1/case-files"): "own",  # from another organisation's planned file: 404
    ("GET", "/api/v1/case-file-counts"): "list",
    ("GET", "/api/v1/case-file-changes"): "list",  # the files the caller sees, as changes
    ("POST", "/api/v1/case-file-handovers"): "admin",
    ("GET", "/api/v1/case-files/{case_file_id}"): "target",
    ("PATCH", "/api/v1/case-files/{case_file_id}"): "target",
    ("POST", "/api/v1/case-files/{case_file_id}/documents"): "target",
    ("DELETE", "/api/v1/case-files/{case_file_id}/documents/{document_id}"): "target",
    ("POST", "/api/v1/case-files/{case_file_id}/actions"): "target",
    # what the archive prints and exports (tests/server/records/test_exports.py)
    ("GET", "/api/v1/file-lists/{file_list_id}/export"): "target",
    ("GET", "/api/v1/case-files/{case_file_id}/export"): "target",
    ("GET", "/api/v1/case-files/{case_file_id}/document-index"): "target",
    ("GET", "/api/v1/case-file-index"): "list",  # the files the caller sees
    # another organisation's creator: 404 (test_exports)
    ("GET", "/api/v1/case-file-transfers/list"): "list",
    ("GET", "/api/v1/case-file-transfers/record"): "list",
}
# "admin": administration of organisation A — an outsider gets 403 (not an administrator) or
# 404 (an administrator of another organisation), and nothing changes.


class Caller:
    def __init__(self, server: LiveServer, role: str) -> None:
        self.server = server
        self.headers = server.headers(role)
        self.me = self.get("/auth/me").json()

    @classmethod
    def signed_in(cls, server: LiveServer, username: str, password: str) -> Caller:
        """Someone not among the fixture's roles (a second specialist, a new clerk)."""
        login = requests.post(
            f"{server.api_url}/auth/login",
            json={"username": username, "password": password},
            timeout=10,
        )
        assert login.status_code == 200, login.text
        caller = cls.__new__(cls)
        caller.server = server
        caller.headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        caller.me = caller.get("/auth/me").json()
        return caller

    def request(self, method: str, path: str, **kwargs) -> requests.Response:  # type: ignore[no-untyped-def]
        headers = {**self.headers, **kwargs.pop("headers", {})}
        url = path if path.startswith("http") else f"{self.server.api_url}{path}"
        return requests.request(method, url, headers=headers, timeout=30, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:  # type: ignore[no-untyped-def]
        return self.request("GET", path, **kwargs)

    def create(self, **fields) -> dict:  # type: ignore[no-untyped-def]
        reply = self.request(
            "POST", "/documents", json={"direction": "incoming", "subject": "x", **fields}
        )
        assert reply.status_code == 201, reply.text
        return reply.json()

    def upload(self, data: bytes, name: str = "a.pdf") -> dict:
        sha = hashlib.sha256(data).hexdigest()
        declared = self.request(
            "POST",
            "/uploads",
            json={
                "filename": name,
                "size": len(data),
                "sha256": sha,
                "content_type": "application/pdf",
            },
        ).json()
        if declared["status"] != "complete":
            reply = self.request(
                "PATCH",
                f"/uploads/{declared['id']}",
                data=data,
                headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
            )
            assert reply.status_code == 200, reply.text
            declared = reply.json()
        return declared


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> LiveServer:  # type: ignore[no-untyped-def]
    live = LiveServer(tmp_path_factory.mktemp("access"))
    live.demo_data(40, 6)
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def a_document(server):  # type: ignore[no-untyped-def]
    """A document of UBND-T with a file and a pending upload of its clerk."""
    clerk = Caller(server, "clerk")
    doc = next(d for d in clerk.get("/documents?limit=200").json()["items"] if d["current_version"])
    pending = clerk.request(
        "POST",
        "/uploads",
        json={
            "filename": "b.pdf",
            "size": 10,
            "sha256": "ab" * 32,
            "content_type": "application/pdf",
        },
    ).json()
    return doc, pending


@pytest.fixture(scope="module")
def a_case_file(server, a_document):  # type: ignore[no-untyped-def]
    """A draft file list of UBND-T (a heading, a planned file) and a specialist's open case file
    holding the document."""
    doc, _pending = a_document
    clerk, specialist = Caller(server, "clerk"), Caller(server, "specialist")
    made = clerk.request("POST", "/file-lists", json={"year": 2001}).json()
    heading = clerk.request(
        "POST", f"/file-lists/{made['id']}/headings", json={"title": "Văn phòng"}
    ).json()
    planned = clerk.request(
        "POST",
        f"/file-lists/{made['id']}/files",
        json={
            "heading_id": heading["id"],
            "notation": "01.VP",
            "title": "x",
            "maintenance": "5 năm",
        },
    ).json()
    case_file = specialist.request(
        "POST", "/case-files", json={"title": "Hồ sơ", "notation": "A.01", "maintenance": "5 năm"}
    ).json()
    added = specialist.request(
        "POST", f"/case-files/{case_file['id']}/documents", json={"document_id": doc["id"]}
    )
    assert added.status_code == 201, added.text
    return {
        "file_list_id": str(made["id"]),
        "heading_id": str(heading["id"]),
        "planned_file_id": str(planned["id"]),
        "case_file_id": str(case_file["id"]),
    }


def _fill(path: str, doc: dict, upload: dict, records: dict | None = None) -> str:
    values = {
        **(records or {}),
        "document_id": str(doc["id"]),
        "number": "1",
        "sha256": doc["versions"][0]["sha256"],
        "upload_id": upload["id"],
        "user_id": str(doc["created_by"]),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


_RECORD_BODIES = {
    ("PATCH", "/api/v1/file-lists/{file_list_id}"): {"decision": "đổi trộm"},
    ("POST", "/api/v1/file-lists/{file_list_id}/actions"): {"action": "approve"},
    ("POST", "/api/v1/file-lists/{file_list_id}/headings"): {"title": "đổi trộm"},
    ("PATCH", "/api/v1/file-lists/{file_list_id}/headings/{heading_id}"): {"title": "đổi trộm"},
    ("PATCH", "/api/v1/file-lists/{file_list_id}/files/{planned_file_id}"): {"title": "đổi trộm"},
    ("PATCH", "/api/v1/case-files/{case_file_id}"): {"title": "đổi trộm"},
    ("POST", "/api/v1/case-files/{case_file_id}/actions"): {"action": "close"},
}


def _body(method: str, path: str, doc: dict, outsider: dict) -> dict:  # type: ignore[type-arg]
    """A request that would succeed for the owner, so only the policy can refuse it."""
    if (method, path) in _RECORD_BODIES:
        return {"json": _RECORD_BODIES[method, path]}
    if path.endswith("/file-lists/{file_list_id}/files"):
        return {"json": {"heading_id": 1, "notation": "99.X", "title": "x", "maintenance": "5 năm"}}
    if path.endswith("/case-files/{case_file_id}/documents"):
        return {"json": {"document_id": doc["id"]}}
    if path.endswith("/versions") and method == "POST":
        return {
            "json": {"sha256": doc["versions"][0]["sha256"], "filename": "x.pdf", "note": "x"},
            "headers": {"If-Match": f'"{doc["current_version"]}"'},
        }
    if path.endswith("/accesses") and method == "POST":
        return {"json": {"kind": "view", "key": uuid.uuid4().hex}}
    if path.endswith("/grants"):
        return {"json": {"user_id": outsider["id"]}}
    if path.endswith("/actions"):
        return {
            "json": {"action": "present", "to": [outsider["id"]]},
            "headers": {"If-Match": f'"{doc["revision"]}"'},
        }
    if method == "PATCH" and "/uploads/" in path:
        return {
            "data": b"0123456789",
            "headers": {"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        }
    if path.endswith("/admin/users") and method == "POST":
        return {
            "json": {
                "username": f"x{uuid.uuid4().hex[:6]}",
                "full_name": "X",
                "role": "clerk",
                "organisation": "UBND-T",
                "password": "MatKhau@123",
            }
        }
    if path.endswith("/password"):
        return {"json": {"password": "MatKhau@123"}}
    if path.endswith("/admin/organisations"):
        return {"json": {"code": f"O{uuid.uuid4().hex[:5]}", "name": "Đơn vị lạ"}}
    if "/admin/users/" in path:
        return {"json": {"active": False}}
    if method == "PATCH":
        return {"json": {"subject": "đổi trộm"}, "headers": {"If-Match": f'"{doc["revision"]}"'}}
    return {}


def test_every_route_is_classified(server) -> None:
    schema = requests.get(f"{server.api_url}/openapi.json", timeout=10).json()
    found = {
        (method.upper(), "/api/v1" + path if not path.startswith("/api") else path)
        for path, item in schema["paths"].items()
        for method in item
        if method != "parameters"
    }
    assert found == set(ROUTES), f"unclassified: {found - set(ROUTES)}; gone: {set(ROUTES) - found}"


@pytest.mark.parametrize("role", ["other_clerk", "other_leader", "other_admin"])
def test_another_organisation_gets_nothing_on_any_route(
    server, a_document, a_case_file, role: str
) -> None:
    doc, upload = a_document
    outsider = Caller(server, role)
    owner = Caller(server, "clerk")
    before = owner.get(f"/documents/{doc['id']}").json()
    for (method, path), kind in ROUTES.items():
        if kind != "target":
            continue
        reply = outsider.request(
            method, _fill(path, doc, upload, a_case_file), **_body(method, path, doc, outsider.me)
        )
        assert reply.status_code == 404, (method, path, reply.status_code, reply.text[:200])
        assert doc["subject"] not in reply.text
    assert owner.get(f"/documents/{doc['id']}").json() == before  # nothing changed
    case_file = Caller(server, "specialist").get(f"/case-files/{a_case_file['case_file_id']}")
    assert case_file.json()["title"] == "Hồ sơ" and case_file.json()["state"] == "open"
    assert [d["document_id"] for d in case_file.json()["documents"]] == [doc["id"]]
    the_list = owner.get(f"/file-lists/{a_case_file['file_list_id']}").json()
    assert the_list["state"] == "draft" and [h["title"] for h in the_list["headings"]] == [
        "Văn phòng"
    ]
    assert outsider.get("/case-files?limit=500").json()["items"] == []
    assert outsider.get("/file-lists").json() == []
    listed = outsider.get("/documents?limit=500").json()["items"]
    assert listed and all(d["organisation_id"] == outsider.me["organisation_id"] for d in listed)
    assert doc["id"] not in {
        d["id"] for d in outsider.get(f"/documents?q={doc['subject'][:20]}").json()["items"]
    }
    feed = outsider.get("/changes?updated_since=0&limit=1000").json()
    assert doc["id"] not in {c["document_id"] for c in feed["changes"]}
    assert all(
        c["document"]["organisation_id"] == outsider.me["organisation_id"]
        for c in feed["changes"]
        if c["document"]
    )
    accounts = outsider.get("/admin/users")
    if accounts.status_code == 200:  # an administrator sees their own organisation's accounts only
        assert accounts.json() and all(a["organisation"] == "STC" for a in accounts.json())
    else:
        assert accounts.status_code == 403
    departments = outsider.get("/admin/departments")
    if departments.status_code == 200:  # likewise their own organisation's departments only
        assert departments.json() and {d["organisation"] for d in departments.json()} == {"STC"}
    else:
        assert departments.status_code == 403
    theirs = Caller(server, "org_admin").get("/admin/departments").json()[0]
    renamed = outsider.request(
        "PATCH", f"/admin/departments/{theirs['id']}", json={"name": "đổi trộm"}
    )
    assert renamed.status_code in (403, 404), renamed.text
    registers = outsider.get("/registers").json()
    assert registers and all(
        r["id"] not in {d.get("register_id") for d in [doc]} for r in registers
    )
    for kind in ("incoming", "outgoing", "processing"):
        year = {
            "start": f"{dt.date.today().year - 2}-01-01",
            "end": f"{dt.date.today().year}-12-31",
        }
        report = outsider.get(f"/reports/{kind}", params=year)
        assert report.status_code in (200, 403) and doc["subject"] not in report.text


def test_deduplication_never_reveals_or_hands_out_another_organisations_file(
    server, a_document
) -> None:
    doc, _upload = a_document
    owner, outsider = Caller(server, "clerk"), Caller(server, "other_clerk")
    sha = doc["versions"][0]["sha256"]
    data = owner.get(f"/files/{sha}").content
    declared = outsider.request(
        "POST",
        "/uploads",
        json={
            "filename": "x.pdf",
            "size": len(data),
            "sha256": sha,
            "content_type": "application/pdf",
        },
    ).json()
    assert declared["status"] == "pending" and not declared["duplicate"]  # the bytes must be sent
    own = outsider.create(subject="bản của Sở Tài chính")
    attach = outsider.request(
        "POST",
        f"/documents/{own['id']}/versions",
        headers={"If-Match": '"0"'},
        json={"sha256": sha, "filename": "x.pdf", "note": "đoán mã"},
    )
    assert attach.status_code == 404  # knowing the digest is not having the file
    assert attach.json()["error"]["code"] == "file_missing"
    assert outsider.get(f"/files/{sha}").status_code == 404
    outsider.upload(data, "x.pdf")  # now they really have the bytes
    attach = outsider.request(
        "POST",
        f"/documents/{own['id']}/versions",
        headers={"If-Match": '"0"'},
        json={"sha256": sha, "filename": "x.pdf", "note": "bản thật"},
    )
    assert attach.status_code == 201, attach.text
    assert outsider.get(f"/files/{sha}").content == data


def test_secret_documents_are_need_to_know(server) -> None:
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    specialist = Caller(server, "specialist")
    since = specialist.get("/changes?updated_since=0&limit=1000").json()
    while since["has_more"]:
        since = specialist.get(f"/changes?updated_since={since['next_since']}&limit=1000").json()
    secret = clerk.create(subject=f"Kế hoạch tối mật {uuid.uuid4().hex[:6]}", secrecy=2)
    assert leader.get(f"/documents/{secret['id']}").status_code == 200  # the organisation's leaders
    assert specialist.get(f"/documents/{secret['id']}").status_code == 404
    assert secret["id"] not in {
        d["id"] for d in specialist.get("/documents?limit=500").json()["items"]
    }
    feed = specialist.get(f"/changes?updated_since={since['next_since']}").json()["changes"]
    assert [(c["document_id"], c["kind"], c["document"]) for c in feed] == [
        (secret["id"], "delete", None)
    ]
    shared = clerk.request(
        "POST", f"/documents/{secret['id']}/grants", json={"user_id": specialist.me["id"]}
    )
    assert shared.status_code == 201, shared.text
    assert specialist.get(f"/documents/{secret['id']}").status_code == 200
    feed = specialist.get(f"/changes?updated_since={since['next_since']}").json()["changes"]
    assert [(c["document_id"], c["kind"]) for c in feed] == [(secret["id"], "upsert")]
    # A grant never crosses organisations; another organisation's user and a user
    # who does not exist get the same answer, so the grant reveals no accounts.
    other = Caller(server, "other_leader")
    for user_id in (other.me["id"], 999_999):
        refused = clerk.request(
            "POST", f"/documents/{secret['id']}/grants", json={"user_id": user_id}
        )
        assert (refused.status_code, refused.json()["error"]["code"]) == (422, "unknown_user")


def test_only_a_leader_lowers_secrecy_and_it_is_audited(server) -> None:
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    doc = clerk.create(subject="Báo cáo mật", secrecy=1)
    lowered = clerk.request(
        "PATCH",
        f"/documents/{doc['id']}",
        json={"secrecy": 0},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert lowered.status_code == 403 and "hạ độ mật" in lowered.json()["error"]["message_vi"]
    raised = clerk.request(
        "PATCH",
        f"/documents/{doc['id']}",
        json={"secrecy": 2},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert raised.status_code == 200
    lowered = leader.request(
        "PATCH",
        f"/documents/{doc['id']}",
        json={"secrecy": 0},
        headers={"If-Match": f'"{raised.json()["revision"]}"'},
    )
    assert lowered.status_code == 200 and lowered.json()["secrecy"] == 0
    import sqlite3

    with sqlite3.connect(server.data_dir / "server.db") as db:
        events = db.execute(
            "SELECT action, detail FROM audit_events WHERE document_id = ?", (doc["id"],)
        ).fetchall()
    assert ("lower_secrecy", "2 -> 0") in events


def test_the_role_matrix(server) -> None:
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    archivist, specialist = Caller(server, "archivist"), Caller(server, "specialist")
    draft = clerk.create(direction="outgoing", subject="Dự thảo công văn")
    bare = clerk.create(direction="outgoing", subject="Dự thảo chưa có tệp")
    pdf = clerk.upload(b"%PDF-1.7\n" + os.urandom(64) + b"\n%%EOF\n", "du-thao.pdf")
    added = clerk.request(
        "POST",
        f"/documents/{draft['id']}/versions",
        json={"sha256": pdf["sha256"], "filename": "du-thao.pdf", "note": "Dự thảo"},
        headers={"If-Match": '"0"'},
    )
    assert added.status_code == 201, added.text
    draft = clerk.get(f"/documents/{draft['id']}").json()

    def step(caller: Caller, doc: dict, action: str, **body):  # type: ignore[no-untyped-def]
        return caller.request(
            "POST",
            f"/documents/{doc['id']}/actions",
            json={"action": action, **body},
            headers={"If-Match": f'"{doc["revision"]}"'},
        )

    no_file = step(clerk, bare, "submit", to=[leader.me["id"]])  # nothing to sign yet
    assert no_file.status_code == 409 and no_file.json()["error"]["code"] == "file_missing"
    submitted = step(clerk, draft, "submit", to=[leader.me["id"]])
    assert submitted.status_code == 200, submitted.text
    pending = submitted.json()
    assert step(clerk, pending, "approve").status_code == 403  # a clerk cannot mark it signed
    assert step(leader, pending, "issue").status_code == 403  # issuing is the clerk's
    assert step(clerk, pending, "issue").status_code == 409  # no jump from chờ ký to ban hành
    signed = step(leader, pending, "approve")
    assert signed.status_code == 200 and signed.json()["status"] == "signed"
    scan = os.urandom(64)
    archivist.upload(scan)
    version = archivist.request(
        "POST",
        f"/documents/{draft['id']}/versions",
        headers={"If-Match": '"0"'},
        json={"sha256": hashlib.sha256(scan).hexdigest(), "filename": "s.pdf", "note": ""},
    )
    assert version.status_code == 403  # an archivist cannot add a version to an outgoing draft
    assert (
        archivist.request(
            "POST", "/documents", json={"direction": "outgoing", "subject": "x"}
        ).status_code
        == 403
    )
    assert specialist.create(
        direction="outgoing", subject="Dự thảo của chuyên viên", status="draft"
    )
    assert (
        specialist.request(
            "POST", "/documents", json={"direction": "incoming", "subject": "x"}
        ).status_code
        == 403
    )
    assert clerk.request("DELETE", f"/documents/{draft['id']}").status_code == 403
    numbering = {"json": {"action": "number"}, "headers": {"If-Match": f'"{draft["revision"]}"'}}
    assert (
        leader.request("POST", f"/documents/{draft['id']}/actions", **numbering).status_code == 403
    )
    assert (
        Caller(server, "org_admin").request("DELETE", f"/documents/{draft['id']}").status_code
        == 204
    )
