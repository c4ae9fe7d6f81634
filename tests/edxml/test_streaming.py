"""Memory stays flat: a 20 MB attachment is written and read back with a few MB of Python
allocations (lxml's own buffers are C memory; bench/exchange.py measures the RSS)."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

from edxml import Attachment, Envelope, MessageHeader, Organ, read_package, write_envelope

SIZE = 20 * 1024 * 1024
LIMIT = 8 * 1024 * 1024


def test_a_20_mb_attachment_in_flat_memory(tmp_path: Path, spool: Path) -> None:
    source = tmp_path / "scan.pdf"
    digest = hashlib.sha256()
    with source.open("wb") as file:
        for _ in range(SIZE // (1 << 20)):
            block = os.urandom(1 << 20)
            digest.update(block)
            file.write(block)
    env = Envelope(
        header=MessageHeader(
            from_=Organ("000.00.00.G22"),
            document_id="000.00.00.G22,2024/01/02,1/VPCP",
            subject="Bản quét lớn",
        ),
        attachments=(Attachment("cid:1", "scan.pdf", source),),
    )
    package = tmp_path / "big.edxml"
    tracemalloc.start()
    try:
        write_envelope(env, package)
        _, written_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        back = read_package(package, spool)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert package.stat().st_size > SIZE * 4 // 3
    assert written_peak < LIMIT and read_peak < LIMIT, (written_peak, read_peak)
    assert isinstance(back, Envelope)
    [att] = back.attachments
    assert (att.size, att.sha256) == (SIZE, digest.hexdigest())
