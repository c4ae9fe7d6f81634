"""What the engine tells its front ends about each file (the progress bar, the uploads panel)."""

from __future__ import annotations

from dataclasses import dataclass

from .queue import FileState
from .reasons import Reason, reason_text

__all__ = ["EngineEvent"]


@dataclass(frozen=True)
class EngineEvent:
    entry_id: int
    name: str
    state: FileState
    reason: Reason = Reason.NONE
    detail: str = ""
    done_bytes: int = 0
    total_bytes: int = 0

    @property
    def message(self) -> str:
        """The reason in the current language (for the command line's progress lines)."""
        return reason_text(self.reason, self.detail)
