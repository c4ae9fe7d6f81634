"""The year's file list (Danh mục hồ sơ, Art. 28) for the window and the command line: drafted
by the office or the archive (empty, or copied from last year's), its headings and planned
files edited while it is a draft, approved by the head of the organisation, revised with a
reason, issued. The server checks every step; this side finds a list by year, a heading by
its printed number and a planned file by its number and symbol, and reads retention periods
as people type them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from base.errors import VanThuError
from base.records import FileListAction, Retention
from client.case_file_records import FileList, FileListSummary, Heading, PlannedFile

from .base import RecordsPart

__all__ = ["FileLists", "PlannedInput", "maintenance_text"]


def maintenance_text(value: str) -> str:
    """The Maintenance field as the server takes it ("Vĩnh viễn", "10 năm") from what a
    person types: "vinh vien", "permanent", "10", "10 nam", "10 years"."""
    text = unicodedata.normalize("NFC", value).strip()
    folded = text.casefold()
    if folded in ("vĩnh viễn", "vinh vien", "permanent", "vv"):
        return "Vĩnh viễn"
    found = re.fullmatch(r"([1-9][0-9]?)\s*(năm|nam|years?|y)?", folded)
    if found is None:
        raise VanThuError(
            f"Thời hạn bảo quản “{value}” không hợp lệ: ghi “Vĩnh viễn” hoặc số năm (vd. 10 năm).",
            f"Retention “{value}” is not valid: write “Vĩnh viễn” (permanent) or a number of "
            "years (e.g. 10 năm).",
        )
    return Retention(int(found.group(1))).label


@dataclass(frozen=True)
class PlannedInput:
    """A planned file as typed: under a heading (its number, "I.1", or id)."""

    heading: str
    notation: str
    title: str
    maintenance: str
    responsible: str = ""
    responsible_user_id: int | None = None
    note: str = ""


class FileLists(RecordsPart):
    """The organisation's file lists (the server's; every call needs it)."""

    def all(self, year: int | None = None) -> list[FileListSummary]:
        return self.api.file_lists(year)

    def get(self, file_list_id: int) -> FileList:
        return self.api.file_list(file_list_id)

    def for_year(self, year: int) -> FileList:
        found = self.api.file_lists(year)
        if not found:
            raise VanThuError(
                f"Đơn vị chưa có Danh mục hồ sơ năm {year}.",
                f"The organisation has no file list for {year}.",
                title_vi="Danh mục hồ sơ",
                title_en="File list",
            )
        return self.api.file_list(found[0].id)

    def create(self, year: int, decision: str = "", copy_previous: bool = False) -> FileList:
        """A draft for ``year``, empty or a copy of the latest earlier list's headings and files."""
        return self.api.create_file_list(year, decision, copy_previous)

    def set_decision(self, file_list_id: int, decision: str) -> FileList:
        return self.api.set_decision(file_list_id, decision)

    def _heading(self, file_list: FileList, wanted: str) -> Heading:
        found = file_list.heading(wanted)
        if found is None:
            raise VanThuError(
                f"Danh mục năm {file_list.year} không có đề mục “{wanted}”.",
                f"The {file_list.year} list has no heading “{wanted}”.",
            )
        return found

    def _planned(self, file_list: FileList, wanted: str) -> PlannedFile:
        found = file_list.planned(wanted)
        if found is None:
            raise VanThuError(
                f"Danh mục năm {file_list.year} không có hồ sơ “{wanted}”.",
                f"The {file_list.year} list has no file “{wanted}”.",
            )
        return found

    def add_heading(
        self, file_list_id: int, title: str, abbreviation: str = "", parent: str | None = None
    ) -> Heading:
        """A major heading, or (``parent``: a major heading's number or id) a sub-heading."""
        parent_id = None
        if parent:
            parent_id = self._heading(self.api.file_list(file_list_id), parent).id
        return self.api.add_heading(file_list_id, title, abbreviation, parent_id)

    def edit_heading(
        self,
        file_list_id: int,
        heading: str,
        title: str | None = None,
        abbreviation: str | None = None,
    ) -> Heading:
        found = self._heading(self.api.file_list(file_list_id), heading)
        return self.api.edit_heading(file_list_id, found.id, title, abbreviation)

    def delete_heading(self, file_list_id: int, heading: str) -> None:
        found = self._heading(self.api.file_list(file_list_id), heading)
        self.api.delete_heading(file_list_id, found.id)

    def plan(self, file_list_id: int, planned: PlannedInput) -> PlannedFile:
        heading = self._heading(self.api.file_list(file_list_id), planned.heading)
        fields = {
            "heading_id": heading.id,
            "notation": unicodedata.normalize("NFC", planned.notation.strip()),
            "title": unicodedata.normalize("NFC", planned.title.strip()),
            "maintenance": maintenance_text(planned.maintenance),
            "responsible": planned.responsible,
            "responsible_user_id": planned.responsible_user_id,
            "note": planned.note,
        }
        return self.api.add_planned(file_list_id, fields)

    def edit_planned(
        self,
        file_list_id: int,
        planned: str,
        *,
        heading: str | None = None,
        notation: str | None = None,
        title: str | None = None,
        maintenance: str | None = None,
        responsible: str | None = None,
        note: str | None = None,
    ) -> PlannedFile:
        current = self.api.file_list(file_list_id)
        found = self._planned(current, planned)
        changes = {
            "heading_id": self._heading(current, heading).id if heading else None,
            "notation": notation,
            "title": title,
            "maintenance": maintenance_text(maintenance) if maintenance else None,
            "responsible": responsible,
            "note": note,
        }
        return self.api.edit_planned(file_list_id, found.id, changes)

    def unplan(self, file_list_id: int, planned: str) -> None:
        found = self._planned(self.api.file_list(file_list_id), planned)
        self.api.delete_planned(file_list_id, found.id)

    def approve(self, file_list_id: int) -> FileList:
        """The head of the organisation approves the draft."""
        return self.api.file_list_action(file_list_id, FileListAction.APPROVE)

    def revise(self, file_list_id: int, reason: str) -> FileList:
        """Back to the draft from approved, with a reason."""
        return self.api.file_list_action(file_list_id, FileListAction.REVISE, reason)

    def issue(self, file_list_id: int) -> FileList:
        """Issued to everyone: the basis for opening files this year."""
        return self.api.file_list_action(file_list_id, FileListAction.ISSUE)
