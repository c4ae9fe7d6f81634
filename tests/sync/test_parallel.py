"""The parallel path of the engine (several uploads at once, each thread on its own
connection, a finisher closing files in batches) against the real server: identical files
dropped together, and the server killed mid-batch."""

from __future__ import annotations

import os

import pymupdf

from sync.engine import WatchEngine
from sync.queue import FileState
from sync.reasons import Reason
from tests.sync.conftest import FAST, archivist, server_documents, wait_for

PARALLEL = FAST.with_changes(parallel=4)


def scan(text: str, extra: int = 0) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    if extra:
        doc.embfile_add("scan.bin", os.urandom(extra))
    return doc.tobytes()


def stored(server, sha256: str) -> bytes:  # type: ignore[no-untyped-def]
    client = archivist(server)
    reply = client.session.get(
        f"{client.api_url}/files/{sha256}", headers={"Authorization": f"Bearer {client.token}"}
    )
    reply.raise_for_status()
    return reply.content


def test_identical_files_dropped_together_one_document_both_rows_name_it(
    server_factory, make_engine, tmp_path
) -> None:
    """Two copies arrive together and are taken by two threads at once: the one that claims the
    bytes uploads them (slowly, so the other is sure to find it still on its way), the other
    waits for it instead of finishing as the duplicate of an upload that has not happened, then
    records the same document."""
    server = server_factory()
    slow = PARALLEL.with_changes(bandwidth_limit=1024 * 1024)  # ≈ 2 s for the 2 MB scan
    engine = make_engine(server, slow)
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    data = scan("hai bản giống nhau", 2 * 1024 * 1024)
    other = scan("một bản khác")
    staged = tmp_path / "staged"
    staged.mkdir()
    for name, content in (("bản_A.pdf", data), ("bản_B.pdf", data), ("khác.pdf", other)):
        (staged / name).write_bytes(content)
    for path in sorted(staged.iterdir()):
        path.rename(scans / path.name)  # all three appear at once
    assert engine.wait_idle(60, finished=3)

    docs = server_documents(server)
    assert sorted(d.subject for d in docs) in (["bản A", "khác"], ["bản B", "khác"])
    [twin_doc] = [d for d in docs if d.subject != "khác"]
    assert stored(server, twin_doc.latest_version.sha256) == data
    rows = {e.name: e for e in engine.queue.entries()}
    pair = [rows["bản_A.pdf"], rows["bản_B.pdf"]]
    [owner] = [e for e in pair if e.state is FileState.UPLOADED]
    [copy] = [e for e in pair if e.state is FileState.DUPLICATE]
    assert owner.document_id == copy.document_id == twin_doc.id  # both rows name the document
    assert copy.reason is Reason.SAME_AS_QUEUED and copy.detail == owner.name
    assert copy.attempts >= 1  # it waited for the owner's upload instead of finishing early
    assert rows["khác.pdf"].state is FileState.UPLOADED
    assert sorted(p.name for p in scans.iterdir()) == ["done"]
    assert len(list((scans / "done").rglob("*.pdf"))) == 3


def test_server_killed_mid_batch_every_file_exactly_once(
    server_factory, make_engine, tmp_path
) -> None:
    """SIGKILL of the server while four uploads are on the wire, then a restart on the same
    port: every scan ends on the server exactly once and byte-identical, every row final."""
    server = server_factory()
    engine = make_engine(server, PARALLEL)
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    sent = {f"lô_{i:02d}": scan(f"lô {i}", 400_000) for i in range(40)}
    staged = tmp_path / "staged"
    staged.mkdir()
    for name, data in sent.items():
        (staged / f"{name}.pdf").write_bytes(data)
    for path in sorted(staged.iterdir()):
        path.rename(scans / path.name)
    wait_for(lambda: engine.queue.counts().get(FileState.UPLOADED, 0) >= 4, timeout=60)
    server.kill()
    assert engine.queue.counts().get(FileState.UPLOADED, 0) < 40  # really mid-batch
    server.start()
    assert engine.wait_idle(120, finished=40)

    docs = server_documents(server)
    assert sorted(d.subject for d in docs) == sorted(n.replace("_", " ") for n in sent)
    for doc in docs:
        assert stored(server, doc.latest_version.sha256) == sent[doc.subject.replace(" ", "_")]
    rows = engine.queue.entries()
    assert len(rows) == 40 and all(r.document_id is not None for r in rows)
    assert len({r.document_id for r in rows}) == 40  # one document per scan, none shared
    # A confirmation lost in the kill makes the retry find its document: still one, told apart.
    assert {r.state for r in rows} <= {FileState.UPLOADED, FileState.DUPLICATE}
    assert all(r.reason is Reason.ALREADY_ON_SERVER for r in rows if r.state is FileState.DUPLICATE)
    assert sorted(p.name for p in scans.iterdir()) == ["done"]
    assert len(list((scans / "done").rglob("*.pdf"))) == 40


def test_the_same_bytes_under_another_name_elsewhere_are_the_first_scans_duplicate(
    server_factory, make_engine, tmp_path
) -> None:
    """A second machine (its own queue, which knows nothing of the first) gets the same scan
    under another name: the server answers with the document the first one made — a duplicate,
    already on the server — not a refused request retried forever."""
    server = server_factory()
    first = make_engine(server, FAST, tmp_path / "may1")
    (tmp_path / "may1").mkdir(exist_ok=True)
    data = scan("tờ trình số 12")
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "tờ_trình_12.pdf").write_bytes(data)
    (staged / "tờ_trình_12.pdf").rename(tmp_path / "may1" / "tờ_trình_12.pdf")
    assert first.wait_idle(60, finished=1)
    first.stop()
    [made] = server_documents(server)

    elsewhere = tmp_path / "may2"
    elsewhere.mkdir()
    second = WatchEngine(elsewhere, FAST, archivist(server), tmp_path / "state2")
    second.start()
    try:
        (staged / "ban_sao_cua_to_trinh.pdf").write_bytes(data)
        (staged / "ban_sao_cua_to_trinh.pdf").rename(elsewhere / "ban_sao_cua_to_trinh.pdf")
        assert second.wait_idle(60, finished=1)
        [row] = second.queue.entries()
    finally:
        second.stop()
    assert row.state is FileState.DUPLICATE and row.reason is Reason.ALREADY_ON_SERVER
    assert row.document_id == made.id
    assert [d.id for d in server_documents(server)] == [made.id]  # nothing made twice
