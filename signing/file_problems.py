"""What is wrong with a PDF, told to the user instead of a library's traceback.

MuPDF repairs damaged files silently; pyHanko, which must read the file's
real structure to append a signature, then fails with its own English text
("EOF marker not found", a UTF-8 error in the metadata, an ``int()`` parse
error…). Everything pyHanko raises while reading or writing a file's
structure is a problem *of the file*; ``file_problems`` turns it into a
``PdfInputError`` that says so in both languages and what to do, and keeps
the library's words for the log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from .errors import PdfInputError, Remedy, SigningError

__all__ = ["DamagedPdf", "CertifiedNoChanges", "file_problems"]

logger = logging.getLogger(__name__)


class DamagedPdf(PdfInputError):
    title_vi = "Tệp PDF bị hỏng cấu trúc"
    title_en = "Damaged PDF structure"

    def __init__(self, name: str, repairable: bool) -> None:
        self.remedy = Remedy.REPAIR if repairable else None
        if repairable:
            vi_tail = (
                " Hãy xuất lại tệp từ phần mềm gốc, hoặc chọn “sửa và ký bản sửa” "
                "(lệnh: --repair) để ghi lại tệp một lần rồi ký bản đã sửa."
            )
            en_tail = (
                " Export the file again from the original software, or choose “repair and sign "
                "the repaired copy” (command line: --repair) to rewrite it once and sign that."
            )
        else:
            vi_tail = " Tệp đã có chữ ký nên không thể sửa; hãy xin nơi gửi bản gốc còn nguyên."
            en_tail = (
                " It already carries signatures, so it cannot be repaired; ask the sender for "
                "an undamaged original."
            )
        super().__init__(
            f"Tệp {name} bị hỏng cấu trúc PDF (bảng tham chiếu hoặc đối tượng không đọc được), "
            "dù trình xem vẫn mở được." + vi_tail,
            f"{name} has a damaged PDF structure (cross-reference table or objects cannot be "
            "read), even though viewers still open it." + en_tail,
        )


class CertifiedNoChanges(PdfInputError):
    title_vi = "Tệp đã được chứng thực, không cho thêm chữ ký"
    title_en = "Certified file: no changes allowed"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Tệp {name} đã được chứng thực (certify) với quyền “không cho phép thay đổi”, "
            "nên mọi chữ ký thêm vào sẽ làm hỏng chứng thực đó. Hãy ký lên bản chưa chứng thực.",
            f"{name} is certified with “no changes allowed”, so any further signature would "
            "break that certification. Sign a copy made before certification.",
        )


_CERTIFIED = ("forbids all changes", "docmdp", "certif")


@contextmanager
def file_problems(name: str, *, repairable: bool) -> Iterator[None]:
    """Inside, any non-``SigningError`` from pyHanko's reading or writing is the file's fault."""
    try:
        yield
    except (SigningError, TimestampRequestError):
        raise
    except OSError:
        raise  # disk full, permission denied: the caller reports writing, not the file
    except Exception as exc:
        text = str(exc).lower()
        logger.warning("%s: unreadable PDF structure (%s: %s)", name, type(exc).__name__, exc)
        if any(word in text for word in _CERTIFIED):
            raise CertifiedNoChanges(name) from exc
        raise DamagedPdf(name, repairable) from exc
