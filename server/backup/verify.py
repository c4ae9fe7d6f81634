"""Checking a finished backup without restoring it: every file re-read against the manifest."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .files import Problem, Progress, check_file, in_parallel
from .manifest import Manifest, read_manifest

__all__ = ["VerifyReport", "verify_backup"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerifyReport:
    manifest: Manifest
    problems: list[Problem]
    files: int
    bytes: int

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_backup(folder: Path, progress: Progress | None = None) -> VerifyReport:
    """Re-read every file of a finished backup against its manifest."""
    manifest = read_manifest(folder)
    files: list[tuple[str, str, int]] = [
        (manifest.dump.path, manifest.dump.sha256, manifest.dump.size),
        *((e.path, e.sha256, e.size) for e in manifest.blobs),
        *((e.path, e.sha256, e.size) for e in manifest.secrets),
    ]

    def one(item: tuple[str, str, int]) -> Problem | None:
        return check_file(folder, *item)

    problems = [p for p in in_parallel(files, one, progress) if p is not None]
    return VerifyReport(manifest, problems, len(files), sum(size for _, _, size in files))
