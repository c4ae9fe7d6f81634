"""``vanthu replace-file``: a draft sent back gets its corrected PDF as a new version from the
command line, and goes to the leader again; a bad file is refused before anything is sent."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pymupdf

from client.api import ApiClient
from tests.cli.test_workflow import run, signed_in


def _pdf(path: Path, text: str) -> Path:
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), text)
        doc.save(path)
    return path


def _client(server, role: str) -> ApiClient:  # type: ignore[no-untyped-def]
    client = ApiClient(server.base_url)
    client.login(*server.credentials(role))
    return client


def _draft(server, env: dict[str, str], tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    created = run(
        "draft",
        "--subject",
        "Báo cáo kết quả cải cách hành chính quý I",
        "--type",
        "Báo cáo",
        "--file",
        str(_pdf(tmp_path / "du-thao.pdf", "Du thao lan 1")),
        "--json",
        env=env,
    )
    assert created.returncode == 0, created.stderr
    return int(json.loads(created.stdout)["id"])


def test_a_draft_sent_back_gets_a_corrected_file_and_goes_to_the_leader_again(
    server_factory, tmp_path
) -> None:
    server = server_factory()
    specialist = signed_in(server, "specialist", tmp_path)
    leader = signed_in(server, "leader", tmp_path)
    document_id = _draft(server, specialist, tmp_path)
    submitted = run("submit", str(document_id), "--to", "lanhdao", env=specialist)
    assert submitted.returncode == 0, submitted.stderr
    corrected = _pdf(tmp_path / "du-thao-sua.pdf", "Du thao lan 2, sua can cu")
    waiting = run("replace-file", str(document_id), str(corrected), env=specialist)
    assert waiting.returncode == 1 and "bị trả lại" in waiting.stderr  # the leader has it now
    sent_back = run(
        "send-back", str(document_id), "--comment", "Bổ sung căn cứ pháp lý", env=leader
    )
    assert sent_back.returncode == 0, sent_back.stderr
    not_author = run("replace-file", str(document_id), str(corrected), env=leader)
    assert not_author.returncode == 1 and "người soạn" in not_author.stderr
    replaced = run(
        "replace-file",
        str(document_id),
        str(corrected),
        "--note",
        "Sửa theo ý kiến lãnh đạo",
        env=specialist,
    )
    assert replaced.returncode == 0, replaced.stderr
    assert f"#{document_id}: đã thay tệp dự thảo, phiên bản 2" in replaced.stdout
    document = _client(server, "specialist").get_document(document_id)
    assert document.status == "draft" and document.current_version == 2
    new = document.versions[-1]
    assert new.sha256 == hashlib.sha256(corrected.read_bytes()).hexdigest()
    assert new.sha256 != document.versions[0].sha256
    assert (new.filename, new.note) == ("du-thao-sua.pdf", "Sửa theo ý kiến lãnh đạo")
    again = run("submit", str(document_id), "--to", "lanhdao", "--json", env=specialist)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["status"] == "pending_signature"
    assert run("sync", env=leader).returncode == 0
    to_sign = run("queue", "to_sign", "--json", env=leader)
    assert document_id in [row["id"] for row in json.loads(to_sign.stdout)]


def _stored(server) -> set[str]:  # type: ignore[no-untyped-def]
    """Every file in the server's blob store and partial uploads."""
    return {
        str(path.relative_to(server.data_dir))
        for folder in ("blobs", "uploads")
        for path in (server.data_dir / folder).rglob("*")
        if path.is_file()
    }


def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_uploaded(
    server_factory, tmp_path
) -> None:
    server = server_factory()
    specialist = signed_in(server, "specialist", tmp_path)
    document_id = _draft(server, specialist, tmp_path)
    good = _pdf(tmp_path / "tot.pdf", "Du thao lan 2").read_bytes()
    empty = tmp_path / "rong.pdf"
    empty.write_bytes(b"")
    text = tmp_path / "ghi-chu.pdf"
    text.write_text("Đây là ghi chú, không phải PDF", encoding="utf-8")
    truncated = tmp_path / "cat-cut.pdf"
    truncated.write_bytes(good[: len(good) * 2 // 3])
    locked = tmp_path / "khoa.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), "Mat")
        doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="mk", owner_pw="chu")
    expected = {
        empty: ("rỗng (0 byte)", "is empty (0 bytes)"),
        text: ("không phải tệp PDF", "is not a PDF file"),
        truncated: ("bị cắt cụt", "is truncated"),
        locked: ("được đặt mật khẩu", "is password-protected"),
    }
    before = _stored(server)
    for path, (vietnamese, english) in expected.items():
        refused = run("replace-file", str(document_id), str(path), env=specialist)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert f"Tệp PDF không hợp lệ: Tệp {path.name} {vietnamese}" in refused.stderr
        in_english = run(
            "replace-file", str(document_id), str(path), env={**specialist, "VANTHU_LANG": "en"}
        )
        assert f"Invalid PDF: {path.name} {english}" in in_english.stderr, in_english.stderr
    assert _stored(server) == before
    assert _client(server, "specialist").get_document(document_id).current_version == 1
