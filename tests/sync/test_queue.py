"""The upload queue on a real SQLite file: who holds a scan's bytes, and the finisher's
batched writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.queue import FileState, UploadQueue
from sync.reasons import Reason

SHA = "ab" * 32


@pytest.fixture
def queue(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = UploadQueue(tmp_path / "queue.sqlite")
    yield opened
    opened.close()


def _add(queue: UploadQueue, *names: str) -> list[int]:
    for name in names:
        assert queue.detect(f"/scans/{name}", name, 10)
    ids = sorted(e.id for e in queue.entries())
    queue.mark_stable([(entry_id, 10) for entry_id in ids])
    return ids


class TestClaim:
    def test_the_first_claim_takes_the_bytes_and_marks_the_file_converting(self, queue) -> None:
        [first, second] = _add(queue, "a.pdf", "b.pdf")
        assert queue.claim_sha(first, SHA) is None
        owner = queue.get(first)
        assert owner is not None and owner.sha256 == SHA and owner.state is FileState.CONVERTING
        twin = queue.claim_sha(second, SHA)
        assert twin is not None and twin.id == first and twin.document_id is None
        assert queue.get(second).sha256 is None  # the waiting copy holds nothing

    def test_a_twin_with_a_document_is_preferred_and_named(self, queue) -> None:
        [done, busy, new] = _add(queue, "a.pdf", "b.pdf", "c.pdf")
        assert queue.claim_sha(done, SHA) is None
        queue.record_documents([(done, 7)])
        queue.finish_many([(done, FileState.UPLOADED, 7, Reason.NONE, "")])
        queue.set_state(busy, FileState.UPLOADING, sha256=SHA)  # a later copy, sent anyway
        twin = queue.claim_sha(new, SHA)
        assert twin is not None and twin.id == done and twin.document_id == 7

    def test_a_failed_owner_lets_the_next_copy_claim(self, queue) -> None:
        [bad, copy] = _add(queue, "a.pdf", "b.pdf")
        assert queue.claim_sha(bad, SHA) is None
        queue.set_state(bad, FileState.FAILED, reason=Reason.CORRUPT)
        assert queue.claim_sha(copy, SHA) is None  # tried itself (and will fail the same way)

    def test_copies_resting_with_the_same_bytes_never_wait_for_each_other(self, queue) -> None:
        """Two rows left holding the same sha256 (a queue written by an older version) while
        both wait: the older one goes, the newer one waits for it — never both waiting."""
        [older, newer] = _add(queue, "a.pdf", "b.pdf")
        for entry_id in (older, newer):
            queue.set_state(entry_id, FileState.STABLE, sha256=SHA)
        assert queue.claim_sha(older, SHA) is None
        queue.retry_later(older, 0, Reason.WAITING_FOR_SERVER)  # back to waiting, still holding
        twin = queue.claim_sha(newer, SHA)
        assert twin is not None and twin.id == older


class TestBatchedWrites:
    def test_documents_then_final_states_in_one_transaction_each(self, queue) -> None:
        ids = _add(queue, *(f"{i}.pdf" for i in range(50)))
        queue.record_documents([(entry_id, 1000 + entry_id) for entry_id in ids])
        assert all(e.state is FileState.STABLE for e in queue.entries())  # not final yet
        assert {e.document_id for e in queue.entries()} == {1000 + i for i in ids}
        queue.finish_many(
            [(entry_id, FileState.UPLOADED, 1000 + entry_id, Reason.NONE, "") for entry_id in ids]
        )
        rows = queue.entries()
        assert {e.state for e in rows} == {FileState.UPLOADED}
        assert all(e.finished_at is not None for e in rows)

    def test_release_makes_waiting_files_due_at_once(self, queue) -> None:
        ids = _add(queue, "a.pdf", "b.pdf", "c.pdf")
        for entry_id in ids:
            queue.retry_later(entry_id, 3600, Reason.WAITING_FOR_SERVER)
        assert queue.due(FileState.STABLE, 10) == []
        queue.release(set(ids[:2]))
        assert [e.id for e in queue.due(FileState.STABLE, 10)] == ids[:2]
