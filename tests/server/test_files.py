"""Uploads (resumable, deduplicated, verified), versions with If-Match, Range downloads."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor


def _declare(api, data: bytes, name: str = "scan.pdf"):
    return api.post(
        "/uploads",
        json={"filename": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()},
    )


def _patch(
    api, upload_id: str, offset: int, data: bytes, content_type="application/offset+octet-stream"
):
    return api.patch(
        f"/uploads/{upload_id}",
        data=data,
        headers={"Upload-Offset": str(offset), "Content-Type": content_type},
    )


def test_interrupted_upload_resumes_byte_exact(archivist) -> None:
    data = os.urandom(3 * 1024 * 1024 + 5)
    created = _declare(archivist, data)
    assert created.status_code == 201
    upload = created.json()
    first = _patch(archivist, upload["id"], 0, data[:1_000_000]).json()
    assert first["offset"] == 1_000_000 and first["status"] == "pending"
    # A client restarting after a crash declares the same file again and learns the offset.
    again = _declare(archivist, data).json()
    assert again["id"] == upload["id"] and again["offset"] == 1_000_000
    assert _patch(archivist, upload["id"], 0, data).status_code == 409  # wrong offset
    done = _patch(archivist, upload["id"], 1_000_000, data[1_000_000:]).json()
    assert done["status"] == "complete"
    body = archivist.get(f"/files/{upload['sha256']}")
    assert body.content == data


def test_duplicate_upload_is_not_sent_again(archivist, leader) -> None:
    data = os.urandom(50_000)
    upload = _declare(archivist, data).json()
    _patch(archivist, upload["id"], 0, data)
    again = _declare(archivist, data, "lần nữa.pdf")  # the uploader has the bytes already
    assert again.json()["duplicate"] is True
    assert (
        _declare(leader, data, "tên khác.pdf").json()["duplicate"] is False
    )  # not yet theirs to see
    made = archivist.post(
        "/documents",
        json={"direction": "incoming", "subject": "Bản quét", "file_sha256": upload["sha256"]},
    )
    assert made.status_code == 201, made.text
    dup = _declare(leader, data, "tên khác.pdf")  # now readable through a document
    assert (
        dup.status_code == 200
        and dup.json()["duplicate"] is True
        and dup.json()["status"] == "complete"
    )


def test_corrupted_upload_is_rejected(archivist) -> None:
    data = os.urandom(10_000)
    upload = archivist.post(
        "/uploads",
        json={
            "filename": "x.pdf",
            "size": len(data),
            "sha256": hashlib.sha256(b"other").hexdigest(),
        },
    ).json()
    reply = _patch(archivist, upload["id"], 0, data)
    assert reply.status_code == 422 and "sha256" in reply.json()["error"]["message_en"]


def test_corruption_is_caught_when_the_upload_arrived_in_pieces(archivist) -> None:
    data = os.urandom(20_000)
    upload = archivist.post(
        "/uploads",
        json={
            "filename": "x.pdf",
            "size": len(data),
            "sha256": hashlib.sha256(data[:-1] + b"!").hexdigest(),
        },
    ).json()
    assert _patch(archivist, upload["id"], 0, data[:8_000]).json()["status"] == "pending"
    reply = _patch(
        archivist, upload["id"], 8_000, data[8_000:]
    )  # the whole file is re-read, not just this piece
    assert reply.status_code == 422
    assert (
        archivist.get(f"/uploads/{upload['id']}").json()["offset"] == 0
    )  # starts over, nothing stored


def test_upload_limits_and_content_type(archivist) -> None:
    big = archivist.post(
        "/uploads", json={"filename": "to.pdf", "size": 21 * 1024 * 1024, "sha256": "a" * 64}
    )
    assert big.status_code == 422 and "MB" in big.json()["error"]["message_en"]
    upload = _declare(archivist, b"abc").json()
    assert _patch(archivist, upload["id"], 0, b"abc", "text/plain").status_code == 415
    assert _patch(archivist, upload["id"], 0, b"abcdef").status_code == 413


SCAN = {
    "direction": "incoming",
    "doc_type": "Công văn",
    "subject": "Bản quét hồ sơ đất đai",
    "organ_name": "UBND huyện",
}


def _declare_with_document(api, data: bytes, key: str, document: dict | None = None):
    return api.post(
        "/uploads",
        headers={"Idempotency-Key": key},
        json={
            "filename": "hồ sơ.pdf",
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "document": document or SCAN,
        },
    )


def test_upload_carrying_its_document_creates_it_when_complete(archivist) -> None:
    data = os.urandom(200_000)
    key = f"scan:{hashlib.sha256(data).hexdigest()}"
    upload = _declare_with_document(archivist, data, key).json()
    assert upload["document"] is None  # nothing exists before the bytes do
    half = _patch(archivist, upload["id"], 0, data[:100_000]).json()
    assert half["document"] is None
    done = _patch(archivist, upload["id"], 100_000, data[100_000:]).json()
    document = done["document"]
    assert done["status"] == "complete" and done["document_created"] is True
    assert document["subject"] == SCAN["subject"] and document["current_version"] == 1
    assert document["origin"] == "scan"  # the watched folder's, recorded as such
    assert document["versions"][0]["sha256"] == upload["sha256"]
    assert document["versions"][0]["filename"] == "hồ sơ.pdf"
    assert archivist.get(f"/uploads/{upload['id']}").json()["document"]["id"] == document["id"]
    # The same scan again (a restarted engine): same document, not a second one, no bytes sent.
    again = _declare_with_document(archivist, data, key)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert (
        again.json()["document"]["id"] == document["id"]
        and again.json()["document_created"] is False
    )
    # The same bytes under a new key (another scan of the same paper): a new document from the stored blob.
    other = _declare_with_document(archivist, data, key + ":2").json()
    assert other["document_created"] is True and other["document"]["id"] != document["id"]


def test_concurrent_uploads_under_one_key_make_one_document_and_all_complete(archivist) -> None:
    """Engines scanning the same paper race: one document, and no upload is left half-done
    (the losers' document rows roll back to a savepoint; their blob and upload stay)."""
    key = f"scan:race-{os.urandom(4).hex()}"
    scans = [os.urandom(50_000) for _ in range(8)]
    uploads = [_declare_with_document(archivist, data, key).json() for data in scans]

    def send(i: int) -> dict:
        reply = _patch(archivist, uploads[i]["id"], 0, scans[i])
        assert reply.status_code == 200, reply.text
        return reply.json()

    with ThreadPoolExecutor(8) as pool:
        done = list(pool.map(send, range(8)))
    assert all(d["status"] == "complete" for d in done)
    assert sum(d["document_created"] for d in done) == 1
    assert len({d["document"]["id"] for d in done}) == 1
    for upload in uploads:  # what the server kept agrees with what it answered
        again = archivist.get(f"/uploads/{upload['id']}").json()
        assert (
            again["status"] == "complete" and again["document"]["id"] == done[0]["document"]["id"]
        )


def test_upload_with_a_forbidden_document_is_refused_before_any_bytes(archivist, leader) -> None:
    data = os.urandom(1_000)
    outgoing = _declare_with_document(archivist, data, "k-out", {**SCAN, "direction": "outgoing"})
    assert outgoing.status_code == 403
    assert _declare_with_document(leader, data, "k-leader").status_code == 403
    bad_register = _declare_with_document(archivist, data, "k-reg", {**SCAN, "register_id": 999999})
    assert bad_register.status_code == 404


def test_versions_need_current_base_and_range_download(clerk, leader) -> None:
    data = os.urandom(100_000)
    upload = _declare(leader, data, "../../etc/ký số.pdf").json()
    _patch(leader, upload["id"], 0, data)
    doc = clerk.post("/documents", json={"direction": "outgoing", "subject": "Tờ trình"}).json()
    url = f"/documents/{doc['id']}/versions"
    body = {
        "sha256": upload["sha256"],
        "filename": "../../etc/ký số.pdf",
        "note": "ký số bởi Trần Quốc Việt",
    }
    assert leader.post(url, json=body).status_code == 428
    first = leader.post(url, json=body, headers={"If-Match": '"0"'})
    assert first.status_code == 201 and first.json()["filename"] == "ký số.pdf"
    stale = leader.post(url, json=body, headers={"If-Match": '"0"'})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    part = clerk.get(f"/documents/{doc['id']}/versions/1/content", headers={"Range": "bytes=10-99"})
    assert part.status_code == 206 and part.content == data[10:100]
    missing = leader.post(url, json={**body, "sha256": "b" * 64}, headers={"If-Match": '"1"'})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "file_missing"


def test_bad_input_never_500(clerk) -> None:
    raw = clerk.post("/documents", data=b"{not json", headers={"Content-Type": "application/json"})
    assert raw.status_code == 422 and raw.json()["error"]["code"] == "invalid_input"
    long = clerk.post("/documents", json={"direction": "outgoing", "subject": "x" * 501})
    assert long.status_code == 422 and "subject" in long.json()["error"]["message_en"]
    assert clerk.post("/documents", json={"direction": "sideways"}).status_code == 422
    assert clerk.post("/documents", json={"direction": "outgoing", "hack": 1}).status_code == 422
    assert clerk.get("/documents/abc").status_code == 422
    assert clerk.get("/documents/99999999").status_code == 404
    assert clerk.get("/files/../../etc/passwd").status_code == 404
    assert clerk.get("/files/" + "z" * 64).status_code == 422  # not a sha256
    assert clerk.get("/files/" + "a" * 64).status_code == 404
    dots = clerk.post("/uploads", json={"filename": "..", "size": 1, "sha256": "a" * 64})
    assert dots.status_code == 201 and dots.json()["filename"] == "tep"  # a label, never a path


def test_a_document_records_how_it_came_in(clerk) -> None:  # type: ignore[no-untyped-def]
    """One way to be born, with its origin: typed in, a scan, sent with its file by a form."""
    typed = clerk.post("/documents", json={"direction": "outgoing", "subject": "Dự thảo"}).json()
    assert typed["origin"] == "created" and typed["status"] == "draft"
    data = os.urandom(5_000)
    draft_form = {"direction": "outgoing", "subject": "Dự thảo kèm tệp"}
    upload = _declare_with_document(clerk, data, f"draft:{os.urandom(4).hex()}", draft_form).json()
    done = _patch(clerk, upload["id"], 0, data).json()["document"]
    assert done["origin"] == "created"  # a form that sent its file is not a scan
