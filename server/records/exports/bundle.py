"""A whole case file exported (Appendix VI III.4.g): one PDF — a cover, the index of documents
(Appendix V IV), then each document's current file in DocOrdinal order — and one XML of the
metadata, in a ZIP with a ``SHA256SUMS`` manifest (``sha256sum -c`` checks it).

Reproducible: the same file, read by the same person, gives the same bytes — no dates in the
PDF's information or the ZIP's entries, no PDF /ID, fonts subset the same way, documents in
their fixed order. A document whose file cannot go into the PDF (not a PDF, damaged, with a
password, destroyed by its sender's withdrawal, secret to this reader) keeps its row in the
index and its metadata, with the reason in the notes.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass, replace

import pymupdf

from base.records import CASE_FILE_STATE_VI, Retention, Rights

from ...filestore import BlobStore
from .data import CaseFileContent, day
from .forms import document_index
from .metadata import Placed, metadata_xml
from .sheet import Sheet

__all__ = ["Export", "export_case_file", "document_pages", "MANIFEST", "ZIP_DATE"]

logger = logging.getLogger(__name__)

MANIFEST = "SHA256SUMS"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every entry's date: the earliest a ZIP can say, the same on every export."""


@dataclass(frozen=True)
class Export:
    name: str
    """The ZIP's file name (the file code)."""
    data: bytes
    pdf: bytes
    xml: bytes
    included: list[int]
    """The documents whose file is in the PDF (their accesses are recorded)."""


def _open(path: str) -> tuple[pymupdf.Document | None, str]:
    try:
        source = pymupdf.open(path, filetype="pdf")
    except (RuntimeError, ValueError) as exc:  # MuPDF's FileDataError is a RuntimeError
        logger.info("export: a damaged PDF skipped: %s", exc)
        return None, "Tệp PDF hỏng, không mở được."
    if source.needs_pass:
        source.close()
        return None, "Tệp PDF có mật khẩu."
    if source.page_count == 0:
        source.close()
        return None, "Tệp PDF không có trang nào."
    return source, ""


def _pages(first: int, count: int) -> str:
    return str(first) if count == 1 else f"{first}-{first + count - 1}"


def _body(
    content: CaseFileContent, blobs: BlobStore, body: pymupdf.Document | None
) -> dict[int, Placed]:
    """Each document's file appended to ``body`` (or only counted, with None): where it went,
    or why not."""
    placed: dict[int, Placed] = {}
    page = 1
    for entry in content.entries:
        doc_id = entry.document.id
        if entry.version is None:
            placed[doc_id] = Placed("-", entry.note)
            continue
        try:
            with blobs.local_copy(entry.version.sha256) as path:
                source, note = _open(str(path))
                if source is None:
                    placed[doc_id] = Placed("-", note)
                    continue
                with source:
                    count = source.page_count
                    if body is not None:
                        body.insert_pdf(source)
        except FileNotFoundError:
            placed[doc_id] = Placed("-", "Không tìm thấy tệp trên máy chủ.")
            continue
        placed[doc_id] = Placed(_pages(page, count), "")
        page += count
    return placed


def document_pages(content: CaseFileContent, blobs: BlobStore) -> dict[int, Placed]:
    """Where each document's pages fall in the export, without building it (the printed index)."""
    return _body(content, blobs, None)


def _cover(sheet: Sheet, content: CaseFileContent) -> None:
    found = content.case_file
    sheet.new_page()
    sheet.paragraph(content.head.organisation.upper(), 13, bold=True, after=40)
    sheet.paragraph("HỒ SƠ", 22, bold=True, align="center", after=6)
    sheet.paragraph(f"Mã hồ sơ: {found.code}", 13, align="center", after=30)
    sheet.paragraph(found.title, 16, bold=True, align="center", after=30)
    period = f"Từ ngày {day(found.start_date)}" + (
        f" đến ngày {day(found.end_date)}" if found.end_date else ""
    )
    total = (
        found.doc_total if found.doc_total is not None else len(content.entries) + content.hidden
    )
    pages = f", {found.page_total} trang" if found.page_total is not None else ""
    for label, value in (
        ("Số và ký hiệu hồ sơ", found.notation),
        ("Năm hình thành hồ sơ", str(found.year)),
        ("Thời gian", period),
        ("Gồm", f"{total} văn bản{pages}"),
        ("Thời hạn bảo quản", Retention(found.retention_years).label),
        ("Chế độ sử dụng", Rights(found.rights).label),
        ("Người lập hồ sơ", content.creator),
        ("Ngôn ngữ", found.language),
        ("Tình trạng", CASE_FILE_STATE_VI[found.state]),
        ("Ghi chú", found.description),
    ):
        if value:
            sheet.paragraph(f"{label}: {value}", 13, indent=40, hanging=True, after=4)
    if content.hidden:
        sheet.paragraph(
            f"Bản kết xuất này gồm {len(content.entries)} văn bản người kết xuất được đọc; "
            f"{content.hidden} văn bản khác của hồ sơ không được đưa vào.",
            12,
            italic=True,
            indent=40,
            hanging=True,
            before=16,
        )


def _front(content: CaseFileContent, placed: dict[int, Placed]) -> bytes:
    found = content.case_file
    sheet = Sheet(f"Hồ sơ {found.code}: {found.title}", content.head.organisation)
    _cover(sheet, content)
    noted = content
    if any(p.note for p in placed.values()):
        noted = _with_notes(content, placed)
    document_index(sheet, noted, {k: p.pages for k, p in placed.items()})
    return sheet.finish(numbered=False)


def _with_notes(content: CaseFileContent, placed: dict[int, Placed]) -> CaseFileContent:
    entries = [replace(e, note=placed[e.document.id].note or e.note) for e in content.entries]
    return replace(content, entries=entries)


def _outline(content: CaseFileContent, placed: dict[int, Placed], front: int) -> list[list[object]]:
    toc: list[list[object]] = [[1, "Bìa hồ sơ", 1], [1, "Mục lục văn bản, tài liệu", 2]]
    for entry in content.entries:
        where = placed[entry.document.id]
        if where.note:
            continue
        first = int(where.pages.split("-")[0])
        doc = entry.document
        toc.append([1, f"{entry.ordinal}. {doc.doc_type} {doc.subject}"[:200], front + first])
    return toc


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = (
                zipfile.ZIP_STORED if name.endswith(".pdf") else zipfile.ZIP_DEFLATED
            )
            archive.writestr(info, data)
    return out.getvalue()


def export_case_file(content: CaseFileContent, blobs: BlobStore) -> Export:
    found = content.case_file
    body = pymupdf.open()
    placed = _body(content, blobs, body)
    front = pymupdf.open("pdf", _front(content, placed))
    front_pages = front.page_count
    body.insert_pdf(front, start_at=0)
    front.close()
    body.set_toc(_outline(content, placed, front_pages))
    labels = [{"startpage": 0, "prefix": "", "style": "r", "firstpagenum": 1}]
    if body.page_count > front_pages:
        labels.append({"startpage": front_pages, "prefix": "", "style": "D", "firstpagenum": 1})
    body.set_page_labels(labels)
    body.set_metadata(
        {
            "title": f"Hồ sơ {found.code}: {found.title}",
            "author": content.head.organisation,
            "subject": "Hồ sơ điện tử kết xuất (Nghị định 30/2020/NĐ-CP, Phụ lục VI III.4.g)",
            "creator": "Văn thư số",
            "producer": "Văn thư số",
            "creationDate": "",
            "modDate": "",
        }
    )
    pdf: bytes = body.tobytes(garbage=1, no_new_id=True)
    body.close()
    xml = metadata_xml(content, placed)
    stem = found.code
    sums = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n"
        for name, data in ((f"{stem}.pdf", pdf), (f"{stem}.xml", xml))
    ).encode()
    data = _zip([(f"{stem}.pdf", pdf), (f"{stem}.xml", xml), (MANIFEST, sums)])
    included = [k for k, p in placed.items() if not p.note]
    return Export(f"{stem}.zip", data, pdf, xml, included)
