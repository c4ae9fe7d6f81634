"""What the "ĐẾN" stamp says (Decree 30/2020, Appendix IV): shared by the server, which
registers the document, and ``signing.arrival_stamp``, which draws it on the PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["ArrivalStamp", "STAMPER_ENTRY_POINTS"]

STAMPER_ENTRY_POINTS = "vanthu.arrival_stamp"
"""The entry-point group that offers ``stamp_arrival(data, stamp, filename) -> bytes``: the
server finds the PDF stamper there, so its base install runs without PyMuPDF or pyHanko."""


@dataclass(frozen=True)
class ArrivalStamp:
    organisation: str
    number: int
    arrival_date: dt.date

    def lines(self) -> list[str]:
        return [
            self.organisation.upper(),
            f"ĐẾN   Số: {self.number:02d}",
            f"Ngày: {self.arrival_date:%d/%m/%Y}",
            "Chuyển: ……………………",
            "Lưu hồ sơ số: ………………",
        ]
