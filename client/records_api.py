"""The records' routes of the server API (file lists, case files, the archive's lists, the
handover, the case files' change feed) as typed methods: ``ApiClient.records``.

Kept apart from ``client.api`` so the document client does not grow a second domain; it rides
on the same ``requests`` session, timeouts, retries and error mapping (a refusal arrives as
``Conflict``/``InvalidInput``/… with the server's code and both languages)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .case_file_records import (
    CaseFile,
    CaseFileChangePage,
    CaseFileDetail,
    CaseFileFilter,
    CaseFilePage,
    CreatorCount,
    FileList,
    FileListSummary,
    HandoverResult,
    Heading,
    PlannedFile,
)
from .transfer import jsonable, stream_to

if TYPE_CHECKING:
    from .api import ApiClient

__all__ = ["RecordsApi"]


def _body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields given (None means "not given" for the records' PATCH-like bodies)."""
    return {k: v for k, v in jsonable(dict(fields)).items() if v is not None}


class RecordsApi:
    """Case files and the agency archive on the server (``docs/records.md``)."""

    def __init__(self, api: ApiClient) -> None:
        self.api = api

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.api._json(method, path, **kwargs)

    def _no_content(self, method: str, path: str, **kwargs: Any) -> None:
        self.api._request(method, path, expect=(204,), **kwargs).close()

    # -- the file list (Danh mục hồ sơ) ------------------------------------------------
    def file_lists(self, year: int | None = None) -> list[FileListSummary]:
        params = {"year": str(year)} if year else None
        return [
            FileListSummary.from_json(r) for r in self._json("GET", "/file-lists", params=params)
        ]

    def file_list(self, file_list_id: int) -> FileList:
        return FileList.from_json(self._json("GET", f"/file-lists/{int(file_list_id)}"))

    def create_file_list(
        self, year: int, decision: str = "", copy_previous: bool = False
    ) -> FileList:
        body = {"year": year, "decision": decision, "copy_previous": copy_previous}
        return FileList.from_json(self._json("POST", "/file-lists", expect=(201,), json=body))

    def set_decision(self, file_list_id: int, decision: str) -> FileList:
        path = f"/file-lists/{int(file_list_id)}"
        return FileList.from_json(self._json("PATCH", path, json={"decision": decision}))

    def file_list_action(self, file_list_id: int, action: str, reason: str = "") -> FileList:
        """approve, revise (a reason), issue."""
        path = f"/file-lists/{int(file_list_id)}/actions"
        return FileList.from_json(
            self._json("POST", path, json={"action": action, "reason": reason})
        )

    def add_heading(
        self, file_list_id: int, title: str, abbreviation: str = "", parent_id: int | None = None
    ) -> Heading:
        body = _body({"title": title, "abbreviation": abbreviation, "parent_id": parent_id})
        path = f"/file-lists/{int(file_list_id)}/headings"
        return Heading.from_json(self._json("POST", path, expect=(201,), json=body))

    def edit_heading(
        self,
        file_list_id: int,
        heading_id: int,
        title: str | None = None,
        abbreviation: str | None = None,
    ) -> Heading:
        path = f"/file-lists/{int(file_list_id)}/headings/{int(heading_id)}"
        body = _body({"title": title, "abbreviation": abbreviation})
        return Heading.from_json(self._json("PATCH", path, json=body))

    def delete_heading(self, file_list_id: int, heading_id: int) -> None:
        self._no_content("DELETE", f"/file-lists/{int(file_list_id)}/headings/{int(heading_id)}")

    def add_planned(self, file_list_id: int, fields: Mapping[str, Any]) -> PlannedFile:
        """``fields``: heading_id, notation, title, maintenance ("Vĩnh viễn", "10 năm"),
        responsible, responsible_user_id, note."""
        path = f"/file-lists/{int(file_list_id)}/files"
        return PlannedFile.from_json(self._json("POST", path, expect=(201,), json=_body(fields)))

    def edit_planned(
        self, file_list_id: int, planned_id: int, changes: Mapping[str, Any]
    ) -> PlannedFile:
        path = f"/file-lists/{int(file_list_id)}/files/{int(planned_id)}"
        return PlannedFile.from_json(self._json("PATCH", path, json=_body(changes)))

    def delete_planned(self, file_list_id: int, planned_id: int) -> None:
        self._no_content("DELETE", f"/file-lists/{int(file_list_id)}/files/{int(planned_id)}")

    # -- case files --------------------------------------------------------------------
    def case_files(
        self, where: CaseFileFilter | None = None, cursor: str | None = None, limit: int = 50
    ) -> CaseFilePage:
        params = (where or CaseFileFilter()).params() | {"limit": str(limit)}
        if cursor:
            params["cursor"] = cursor
        data = self._json("GET", "/case-files", params=params)
        return CaseFilePage(
            tuple(CaseFile.from_json(r) for r in data["items"]), data.get("next_cursor")
        )

    def case_file(self, case_file_id: int) -> CaseFileDetail:
        return CaseFileDetail.from_json(self._json("GET", f"/case-files/{int(case_file_id)}"))

    def open_case_file(self, fields: Mapping[str, Any]) -> CaseFileDetail:
        """From a planned file (``planned_file_id``) or free-standing (``title``, ``notation``,
        ``maintenance``, ``start_date``…)."""
        data = self._json("POST", "/case-files", expect=(201,), json=_body(fields))
        return CaseFileDetail.from_json(data)

    def edit_case_file(self, case_file_id: int, changes: Mapping[str, Any]) -> CaseFileDetail:
        path = f"/case-files/{int(case_file_id)}"
        return CaseFileDetail.from_json(self._json("PATCH", path, json=_body(changes)))

    def add_case_file_document(
        self, case_file_id: int, document_id: int, idempotency_key: str | None = None
    ) -> CaseFileDetail:
        """Link a document into one's open file; a retried ``idempotency_key`` is applied once."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        path = f"/case-files/{int(case_file_id)}/documents"
        data = self._json(
            "POST", path, expect=(200, 201), json={"document_id": int(document_id)}, headers=headers
        )
        return CaseFileDetail.from_json(data)

    def remove_case_file_document(
        self, case_file_id: int, document_id: int, idempotency_key: str | None = None
    ) -> None:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        path = f"/case-files/{int(case_file_id)}/documents/{int(document_id)}"
        self._no_content("DELETE", path, headers=headers)

    def case_file_action(
        self, case_file_id: int, action: str, fields: Mapping[str, Any] | None = None
    ) -> CaseFileDetail:
        """A step (``base.records.CaseFileAction``) with its fields: reason, and for close
        title/notation/maintenance/description/end_date, for a keep-back request until."""
        body = {"action": action, **_body(fields or {})}
        path = f"/case-files/{int(case_file_id)}/actions"
        return CaseFileDetail.from_json(self._json("POST", path, json=body))

    def case_file_counts(self) -> list[CreatorCount]:
        return [CreatorCount.from_json(r) for r in self._json("GET", "/case-file-counts")]

    def handover(self, from_user_id: int, to_user_id: int) -> HandoverResult:
        body = {"from_user_id": int(from_user_id), "to_user_id": int(to_user_id)}
        data = self._json("POST", "/case-file-handovers", json=body)
        return HandoverResult(int(data["moved"]), tuple(data.get("codes") or ()))

    def case_file_changes(self, updated_since: int, limit: int = 200) -> CaseFileChangePage:
        """One page of the case files' feed after ``updated_since`` (``server/records/feed.py``)."""
        params = {"updated_since": updated_since, "limit": limit}
        return CaseFileChangePage.from_json(self._json("GET", "/case-file-changes", params=params))

    # -- printed forms and exports (``server/records/export_views.py``) ----------------------
    def _download(self, path: str, dest: Path, params: Mapping[str, Any] | None = None) -> Path:
        pairs = [(k, str(v)) for k, v in (params or {}).items() if v not in (None, "")]
        return stream_to(self.api, path, Path(dest), pairs, None, None)

    def export_file_list(self, file_list_id: int, dest: Path, fmt: str = "pdf") -> Path:
        """The list in Appendix V's layout: ``pdf`` printed, ``xlsx`` a workbook."""
        return self._download(f"/file-lists/{int(file_list_id)}/export", dest, {"format": fmt})

    def export_case_file(self, case_file_id: int, dest: Path) -> Path:
        """The whole file (III.4.g) as a ZIP: the PDF (cover, index, its documents in time
        order), the XML of Part II's metadata, and their SHA256SUMS."""
        return self._download(f"/case-files/{int(case_file_id)}/export", dest)

    def document_index(self, case_file_id: int, dest: Path) -> Path:
        """Mục lục văn bản (Appendix V, V.5) as a PDF."""
        return self._download(f"/case-files/{int(case_file_id)}/document-index", dest)

    def file_index(self, where: CaseFileFilter, dest: Path) -> Path:
        """Mục lục hồ sơ (V.6) of a queue or a search, as a PDF."""
        return self._download("/case-file-index", dest, where.params())

    def transfer_list(self, creator_id: int, year: int, dest: Path) -> Path:
        """Mục lục hồ sơ, tài liệu nộp lưu of one person's accepted files of a year."""
        params = {"creator_id": creator_id, "year": year}
        return self._download("/case-file-transfers/list", dest, params)

    def handover_record(self, creator_id: int, year: int, dest: Path) -> Path:
        """Biên bản giao nhận of the same transfer."""
        params = {"creator_id": creator_id, "year": year}
        return self._download("/case-file-transfers/record", dest, params)
