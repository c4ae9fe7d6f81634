"""Errors of the upload engine, each carrying the queue's reason key."""

from __future__ import annotations

from base.errors import VanThuError

from .reasons import Reason

__all__ = ["SyncError", "BadFile"]


class SyncError(VanThuError):
    title_vi = "Lỗi tải lên"
    title_en = "Upload error"

    def __init__(
        self,
        message_vi: str | None = None,
        message_en: str | None = None,
        *,
        reason: Reason = Reason.UNEXPECTED,
    ) -> None:
        super().__init__(message_vi, message_en)
        self.reason = reason


class BadFile(SyncError):
    """A file that can never be uploaded as it is (goes to failed/ with a reason)."""

    title_vi = "Tệp không hợp lệ"
    title_en = "Invalid file"
