"""The printed forms and exports, as the server lays them out (Decree 30 Appendix V, Appendix
VI III.4.g), for the window and the command line: the year's file list (PDF or XLSX), a whole
case file (the ZIP of its PDF, XML and checksums), the index of a file's documents (V.5), the
index of files (V.6), and for a transfer — one person's files of one year accepted by the
archive (Art. 30.3) — its list and its hand-over record. Each is written where the user asked
(never half a file under its name); the server decides who may have which."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from client.case_file_records import CaseFile, CaseFileFilter

from .base import RecordsPart

__all__ = ["Forms", "Transfer"]


@dataclass(frozen=True)
class Transfer:
    """What a transfer list and a hand-over record cover: who transferred, and the files' year."""

    creator_id: int
    year: int

    @classmethod
    def of(cls, found: CaseFile) -> Transfer:
        """The transfer an archived file was part of."""
        return cls(found.creator_id, found.year)


class Forms(RecordsPart):
    def file_list(self, file_list_id: int, dest: Path, fmt: str = "pdf") -> Path:
        """Danh mục hồ sơ in Appendix V's layout: ``pdf`` printed, ``xlsx`` a workbook."""
        return self.api.export_file_list(file_list_id, Path(dest), fmt)

    def case_file(self, case_file_id: int, dest: Path) -> Path:
        """The whole file (III.4.g) as a ZIP: its PDF, its XML, their SHA256SUMS."""
        return self.api.export_case_file(case_file_id, Path(dest))

    def document_index(self, case_file_id: int, dest: Path) -> Path:
        """Mục lục văn bản (V.5): the documents of one file the reader may read, with their
        pages in the file's export."""
        return self.api.document_index(case_file_id, Path(dest))

    def file_index(self, where: CaseFileFilter, dest: Path) -> Path:
        """Mục lục hồ sơ (V.6) of the files a queue or a search shows (the archive's by
        default), by year and number."""
        return self.api.file_index(where, Path(dest))

    def transfer_list(self, transfer: Transfer, dest: Path) -> Path:
        """Mục lục hồ sơ, tài liệu nộp lưu (Appendix V III)."""
        return self.api.transfer_list(transfer.creator_id, transfer.year, Path(dest))

    def handover_record(self, transfer: Transfer, dest: Path) -> Path:
        """Biên bản giao nhận hồ sơ, tài liệu (Appendix V V), dated its last acceptance."""
        return self.api.handover_record(transfer.creator_id, transfer.year, Path(dest))
