"""The watched-folder engine against the real server and real folders."""

from __future__ import annotations

import os
import threading
import time

import pymupdf
import pytest
from PIL import Image

from sync.queue import FileState
from tests.sync.conftest import FAST, archivist, server_documents, wait_for


def pdf_bytes(text: str, pages: int = 1) -> bytes:
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"{text} {n}")
    return doc.tobytes()


def contents(server) -> dict[str, bytes]:
    client = archivist(server)
    out = {}
    for doc in server_documents(server):
        version = doc.latest_version
        data = client.session.get(
            f"{client.api_url}/files/{version.sha256}",
            headers={"Authorization": f"Bearer {client.token}"},
        ).content
        out[doc.subject] = data
    return out


@pytest.mark.parametrize("polling", [False, True])
def test_drop_uploads_once_and_moves_to_done(
    server_factory, make_engine, tmp_path, polling
) -> None:
    server = server_factory()
    engine = make_engine(server, FAST.with_changes(polling=polling))
    scans = tmp_path / "scans"
    (scans / "Quyết định" / "2026").mkdir(parents=True)
    files = {f"hồ_sơ_{i}": pdf_bytes(f"scan {i}") for i in range(5)}
    for name, data in files.items():
        (scans / "Quyết định" / "2026" / f"{name}.pdf").write_bytes(data)
    assert engine.wait_idle(30, finished=5)
    docs = server_documents(server)
    assert sorted(d.subject for d in docs) == sorted(n.replace("_", " ") for n in files)
    assert {d.doc_type for d in docs} == {"Quyết định"} and {d.direction for d in docs} == {
        "incoming"
    }
    assert contents(server) == {n.replace("_", " "): data for n, data in files.items()}
    done = list((scans / "done").rglob("*.pdf"))
    assert len(done) == 5 and not list((scans / "Quyết định").rglob("*.pdf"))


def test_slow_writer_taken_only_when_complete(server_factory, make_engine, tmp_path) -> None:
    server = server_factory()
    engine = make_engine(server)
    data = pdf_bytes("viết chậm")
    target = tmp_path / "scans" / "máy_quét.pdf"
    with target.open("wb") as fh:
        for i in range(0, len(data), max(1, len(data) // 30)):
            fh.write(data[i : i + max(1, len(data) // 30)])
            fh.flush()
            time.sleep(0.05)
    assert engine.wait_idle(30, finished=1)
    [doc] = server_documents(server)
    assert contents(server)[doc.subject] == data


def test_images_and_multipage_tiff_become_pdfs(server_factory, make_engine, tmp_path) -> None:
    server = server_factory()
    engine = make_engine(server)
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (400, 300), "white").save(scans / "ảnh.jpg")
    pages = [Image.new("RGB", (300, 400), c) for c in ("white", "gray", "black")]
    pages[0].save(scans / "nhiều trang.tiff", save_all=True, append_images=pages[1:])
    assert engine.wait_idle(30, finished=2)
    by_subject = contents(server)
    assert pymupdf.open(stream=by_subject["ảnh"], filetype="pdf").page_count == 1
    assert pymupdf.open(stream=by_subject["nhiều trang"], filetype="pdf").page_count == 3


def test_duplicates_under_two_names_uploaded_once(server_factory, make_engine, tmp_path) -> None:
    server = server_factory()
    engine = make_engine(server)
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    data = pdf_bytes("một bản")
    (scans / "bản_1.pdf").write_bytes(data)
    (scans / "bản_1_copy.pdf").write_bytes(data)
    assert engine.wait_idle(30, finished=2)
    assert len(server_documents(server)) == 1
    states = sorted(e.state for e in engine.queue.entries())
    assert states == [FileState.DUPLICATE, FileState.UPLOADED]


def test_bad_files_go_to_failed_with_reasons(server_factory, make_engine, tmp_path) -> None:
    server = server_factory()
    engine = make_engine(server)
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    (scans / "rỗng.pdf").write_bytes(b"")
    (scans / "hỏng.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    (scans / "không_phải.pdf").write_text("xin chào")
    (scans / "ảnh hỏng.jpg").write_bytes(b"\xff\xd8\xff garbage")
    locked = pymupdf.open(stream=pdf_bytes("mật"), filetype="pdf")
    locked.save(
        scans / "mật_khẩu.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="a", owner_pw="b"
    )
    (scans / "tốt.pdf").write_bytes(pdf_bytes("tốt"))
    whole = pdf_bytes("cắt", pages=6)
    (scans / "cắt.pdf").write_bytes(whole[: len(whole) * 4 // 10])  # a scan cut off at 40 %
    (scans / "đệm.pdf").write_bytes(pdf_bytes("đệm") + b"\x00" * 4096)  # scanner padding: fine
    owner = pymupdf.open(stream=pdf_bytes("quyền"), filetype="pdf")  # permissions only: fine
    owner.save(scans / "quyền.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="b")
    assert engine.wait_idle(40, finished=9)
    assert sorted(d.subject for d in server_documents(server)) == ["quyền", "tốt", "đệm"]
    failed = scans / "failed"
    reasons = {
        p.name.removesuffix(".error.txt"): p.read_text("utf-8") for p in failed.glob("*.error.txt")
    }
    assert set(reasons) == {
        "rỗng.pdf",
        "hỏng.pdf",
        "không_phải.pdf",
        "ảnh hỏng.jpg",
        "mật_khẩu.pdf",
        "cắt.pdf",
    }
    assert "rỗng" in reasons["rỗng.pdf"] and "mật khẩu" in reasons["mật_khẩu.pdf"]
    assert "cắt cụt" in reasons["cắt.pdf"]
    assert "không phải tệp PDF" in reasons["không_phải.pdf"]


def test_server_outage_then_everything_completes(server_factory, make_engine, tmp_path) -> None:
    server = server_factory()
    engine = make_engine(server)
    server.stop()
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    for i in range(8):
        (scans / f"trong_lúc_mất_mạng_{i}.pdf").write_bytes(pdf_bytes(f"offline {i}"))
    time.sleep(4)
    assert engine.queue.counts().get(FileState.UPLOADED, 0) == 0
    assert all(e.reason for e in engine.queue.entries() if e.state is FileState.STABLE)
    server.start()
    assert engine.wait_idle(60, finished=8)
    assert len(server_documents(server)) == 8


@pytest.mark.slow
def test_server_down_30_seconds_mid_batch_then_all_complete_by_themselves(
    server_factory, make_engine, tmp_path
) -> None:
    server = server_factory()
    engine = make_engine(server)
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    sent = {
        f"giữa_chừng_{i:02d}": pdf_bytes(f"mid-batch {i}") + os.urandom(200_000) for i in range(60)
    }
    for name, data in sent.items():
        (scans / f"{name}.pdf").write_bytes(data)
    wait_for(lambda: engine.queue.counts().get(FileState.UPLOADED, 0) >= 5, timeout=60)
    server.stop()
    time.sleep(30)
    assert engine.queue.counts().get(FileState.UPLOADED, 0) < 60
    restarted = time.monotonic()
    server.start()
    assert engine.wait_idle(60, finished=60)
    assert (
        time.monotonic() - restarted < 30
    )  # released when the server is back, not after long backoffs
    assert contents(server) == {name.replace("_", " "): data for name, data in sent.items()}
    assert sorted(p.name for p in scans.iterdir()) == ["done"]


@pytest.mark.slow
def test_five_hundred_file_drop(server_factory, make_engine, tmp_path) -> None:
    server = server_factory()
    engine = make_engine(server, FAST.with_changes(parallel=2))
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    base = pdf_bytes("bulk")
    threads_before = threading.active_count()
    for i in range(500):
        (scans / f"lô_{i:03d}.pdf").write_bytes(base + f"\n% {i}\n".encode())
    assert engine.wait_idle(240, finished=500)
    assert (
        threading.active_count() <= threads_before + 5
    )  # flat: 2 preparers, 2 uploaders, 1 finisher, none per file
    docs = server_documents(server)
    assert len(docs) == 500 == len({d.subject for d in docs})
    assert len(list((scans / "done").rglob("*.pdf"))) == 500


def _rss_mb() -> float:
    status = open("/proc/self/status").read()
    return (
        int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
        / 1024
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_ten_thousand_file_drop_keeps_memory_and_threads_flat(
    server_factory, make_engine, tmp_path
) -> None:
    """10,000 scans at once while the server is down, then it comes back: flat threads and
    memory throughout, every file on the server exactly once, the folder left empty."""
    server = server_factory()
    engine = make_engine(server, FAST.with_changes(parallel=2, rescan_seconds=30))
    server.stop()
    scans = tmp_path / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    base = pdf_bytes("lô lớn")
    threads_before, rss_before = threading.active_count(), _rss_mb()
    for i in range(10_000):
        (scans / f"hồ sơ_{i:05d}.pdf").write_bytes(base + f"\n% {i}\n".encode())
    # Everything is detected and found stable (round-robin over the drop), then waits for the server.
    wait_for(lambda: engine.queue.counts().get(FileState.STABLE, 0) >= 9_990, timeout=120)
    assert threading.active_count() <= threads_before + 5  # 2 preparers, 2 uploaders, 1 finisher
    assert _rss_mb() - rss_before < 100, f"{_rss_mb() - rss_before:.0f} MB for 10,000 queued files"
    server.start()
    assert engine.wait_idle(600, finished=10_000)
    assert threading.active_count() <= threads_before + 5
    assert _rss_mb() - rss_before < 150
    docs = server_documents(server)
    assert len(docs) == 10_000 == len({d.subject for d in docs})
    assert len(list((scans / "done").rglob("*.pdf"))) == 10_000
    assert not (scans / "failed").exists()
