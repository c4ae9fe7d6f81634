"""Errors of the local cache."""

from __future__ import annotations

from base.errors import VanThuError

__all__ = [
    "CacheError",
    "CacheCorrupted",
    "CacheRebuilt",
    "DiskFull",
    "OfflineError",
    "FileWithdrawn",
]


class CacheError(VanThuError):
    title_vi = "Lỗi bộ nhớ đệm"
    title_en = "Local cache error"


class CacheCorrupted(CacheError):
    title_vi = "Dữ liệu đệm bị hỏng"
    title_en = "Local cache corrupted"
    message_vi = (
        "Tệp dữ liệu đệm trên máy bị hỏng nên đã được chuyển sang chỗ khác; dữ liệu sẽ được "
        "tải lại từ máy chủ ở lần đồng bộ tới."
    )
    message_en = "The local cache file was corrupted and moved aside; it will be rebuilt from the server on the next sync."


class CacheRebuilt(CacheError):
    title_vi = "Dữ liệu đệm được làm mới"
    title_en = "Local cache renewed"
    message_vi = (
        "Dữ liệu đệm trên máy đã được chuyển sang dạng mới nhưng không giữ được danh sách văn "
        "bản; văn bản sẽ được tải lại từ máy chủ ở lần đồng bộ tới. Các thao tác đang chờ gửi "
        "vẫn được giữ nguyên."
    )
    message_en = (
        "The local cache was converted to its new layout but could not keep its documents; "
        "they will be downloaded again from the server at the next sync. Actions waiting to be "
        "sent are kept."
    )


class DiskFull(CacheError):
    title_vi = "Ổ đĩa đầy"
    title_en = "Disk full"
    message_vi = "Ổ đĩa đã đầy; không có gì bị ghi dở. Hãy giải phóng dung lượng rồi thử lại."
    message_en = "The disk is full; nothing was half-written. Free some space and try again."


class OfflineError(CacheError):
    title_vi = "Đang ngoại tuyến"
    title_en = "Offline"
    message_vi = "Tệp này chưa được tải về máy và hiện không kết nối được máy chủ."
    message_en = "This file has not been downloaded yet and the server cannot be reached."


class FileWithdrawn(CacheError):
    title_vi = "Văn bản đã bị thu hồi"
    title_en = "Document withdrawn"
    message_vi = (
        "Nơi gửi đã thu hồi văn bản này: tệp đã được huỷ trên máy và trên máy chủ; chỉ còn "
        "thông tin văn bản và quá trình xử lý."
    )
    message_en = (
        "The sender withdrew this document: its file is destroyed here and on the server; its "
        "details and history remain."
    )
