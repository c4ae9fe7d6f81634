"""What happens to a source file after the server confirmed it: moved to
``done/YYYY-MM-DD/`` (never overwriting) or deleted; bad files go to
``failed/`` with a readable ``.error.txt`` beside them."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

from .filters import nfc
from .profiles import AfterUpload, WatchProfile

__all__ = ["finish_source", "fail_source", "free_name"]

logger = logging.getLogger(__name__)


def free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``name (2)``, ``name (3)``… if taken."""
    folder.mkdir(parents=True, exist_ok=True)
    candidate = folder / nfc(name)
    stem, suffix, n = candidate.stem, candidate.suffix, 2
    while candidate.exists():
        candidate = folder / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def finish_source(source: Path, root: Path, profile: WatchProfile) -> Path | None:
    if not source.exists():
        return None
    if profile.after_upload == AfterUpload.DELETE:
        source.unlink()
        return None
    target = free_name(root / profile.done_dir / dt.date.today().isoformat(), source.name)
    shutil.move(str(source), target)
    return target


def fail_source(
    source: Path, root: Path, profile: WatchProfile, reason_vi: str, reason_en: str
) -> Path | None:
    if not source.exists():
        return None
    target = free_name(root / profile.failed_dir, source.name)
    shutil.move(str(source), target)
    target.with_name(target.name + ".error.txt").write_text(
        f"{reason_vi}\n{reason_en}\nTệp gốc / original: {source}\n", encoding="utf-8"
    )
    return target
