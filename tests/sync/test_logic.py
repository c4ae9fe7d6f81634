"""Pure parts of the upload engine: filters, subfolder mapping, stability, outage probing."""

import time
from pathlib import PurePosixPath as P

from sync.filters import doc_type_for, is_candidate
from sync.outage import Outage
from sync.profiles import WatchProfile
from sync.stability import StabilityTracker

ROOT = P("/scans")
PROFILE = WatchProfile()


def test_filters_take_scans_and_skip_temp_and_system_files() -> None:
    for name in ("a.pdf", "Quyết định/2026/b.PDF", "c.jpg", "d.tiff"):
        assert is_candidate(ROOT / name, ROOT, PROFILE), name
    for name in (
        "~$a.pdf",
        "a.tmp",
        ".DS_Store",
        "Thumbs.db",
        "desktop.ini",
        "@eaDir/x.pdf",
        "x.docx",
        "done/2026-11-24/a.pdf",
        "failed/a.pdf",
        "a.pdf.part",
        "a.pdf.error.txt",
    ):
        assert not is_candidate(ROOT / name, ROOT, PROFILE), name
    assert not is_candidate(P("/elsewhere/a.pdf"), ROOT, PROFILE)


def test_subfolder_sets_document_type_nfc_insensitive() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Quyết định")
    assert doc_type_for(ROOT / nfd / "2026" / "x.pdf", ROOT, PROFILE) == "Quyết định"
    assert doc_type_for(ROOT / "Tờ trình" / "x.pdf", ROOT, PROFILE) == "Tờ trình"
    assert doc_type_for(ROOT / "x.pdf", ROOT, PROFILE) == "Công văn"


def test_stability_needs_quiet_size_and_mtime_and_readability() -> None:
    tracker = StabilityTracker(2.0)
    assert not tracker.observe("f", 10, 1, now=0.0)
    assert not tracker.observe("f", 10, 1, now=1.9)
    assert not tracker.observe("f", 11, 2, now=2.5)  # still growing: the clock restarts
    assert not tracker.observe("f", 11, 2, now=4.4)
    assert not tracker.observe("f", 11, 2, now=4.6, readable=False)  # locked by the scanner
    assert tracker.observe("f", 11, 2, now=4.6)
    assert not tracker.observe("z", 0, 1, now=0.0)
    assert not tracker.observe("z", 0, 1, now=2.5)  # empty files wait longer
    assert tracker.observe("z", 0, 1, now=6.1)


def test_stability_tells_when_the_next_quiet_period_ends() -> None:
    tracker = StabilityTracker(2.0)
    assert tracker.next_due(checked_at=0.0) is None
    tracker.observe("a", 10, 1, now=1.0)
    tracker.observe("empty", 0, 1, now=0.5)  # waits three times as long
    assert tracker.next_due(checked_at=0.0) == 3.0
    tracker.observe("a", 11, 2, now=1.5)  # grew: its period starts again
    assert tracker.next_due(checked_at=0.0) == 3.5
    assert tracker.next_due(checked_at=3.5) == 6.5  # "a" was looked at when its period ended
    tracker.forget("empty")
    assert tracker.next_due(checked_at=3.5) is None


def test_outage_probes_one_file_then_releases_all_waiting() -> None:
    outage = Outage(cap=0.2)
    assert outage.admit(4) == 4
    first = outage.down(1)
    outage.down(2)  # in flight when the server went away: no extra backoff step
    assert 0 < first <= 0.25 and outage.is_down
    assert outage.admit(4) == 0  # nobody until the probe is due
    time.sleep(first + 0.01)
    assert outage.admit(4) == 1 and outage.admit(4) == 0  # one probe at a time
    outage.down(3)
    time.sleep(0.21)
    assert outage.admit(4) == 1
    outage.settle()  # the probe failed for its own reasons (a bad file): another may go
    assert outage.admit(4) == 1
    assert outage.up() == {1, 2, 3} and not outage.is_down and outage.admit(4) == 4


def test_two_copies_claimed_at_once_one_owner(tmp_path) -> None:
    import threading

    from sync.queue import FileState, UploadQueue

    queue = UploadQueue(tmp_path / "queue.sqlite")
    for name in ("bản_1.pdf", "bản_1_copy.pdf"):
        queue.detect(str(tmp_path / name), name, 10)
    ids = [e.id for e in queue.entries()]
    for entry_id in ids:
        queue.set_state(entry_id, FileState.CONVERTING)
    barrier, twins = threading.Barrier(2), {}

    def claim(entry_id: int) -> None:
        barrier.wait()
        twins[entry_id] = queue.claim_sha(entry_id, "ab" * 32)

    threads = [threading.Thread(target=claim, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    owners = [i for i, twin in twins.items() if twin is None]
    assert len(owners) == 1  # never both duplicates of each other, never both uploaded
    [other] = [i for i in ids if i not in owners]
    assert twins[other].id == owners[0]
    queue.close()
