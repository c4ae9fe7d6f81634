"""Errors of the upload engine."""

from __future__ import annotations

from client.errors import VanThuError

__all__ = ["SyncError", "BadFile"]


class SyncError(VanThuError):
    title_vi = "Lỗi tải lên"
    title_en = "Upload error"


class BadFile(SyncError):
    """A file that can never be uploaded as it is (goes to failed/ with a reason)."""

    title_vi = "Tệp không hợp lệ"
    title_en = "Invalid file"
