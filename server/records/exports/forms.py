"""The records' printed forms in Decree 30's layouts (Appendix V): the file list (II), the index
of files transferred (III) and the index of files (Appendix VI V.6, the same columns), the index
of documents in a file (IV), and the hand-over record (V). Each draws ``data``'s dataclasses on a
``Sheet``: the same data gives the same bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from base.records import FILE_LIST_STATE_VI, FileListState

from .data import CaseFileContent, FileLine, Letterhead, ListPrint, Transfer, day, document_day
from .sheet import Column, Row, Sheet
from .words import in_words

__all__ = [
    "file_list_pdf",
    "files_index_pdf",
    "transfer_list_pdf",
    "handover_pdf",
    "document_index",
    "document_index_pdf",
    "DOCUMENT_COLUMNS",
]

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DOTS_DATE = "……………, ngày …… tháng …… năm ……"


def _dated(on: dt.date | None) -> str:
    """ "……, ngày 05 tháng 03 năm 2026" (the place is the organisation's, written by hand)."""
    if on is None:
        return DOTS_DATE
    return f"……………, ngày {on.day:02d} tháng {on.month:02d} năm {on.year}"


def _letterhead(sheet: Sheet, head: Letterhead, right_extra: Sequence[str] = ()) -> None:
    left = [(head.organisation.upper(), not head.unit)]
    if head.unit:
        left.append((head.unit.upper(), True))
    sheet.new_page()
    sheet.columns(left, [(MOTTO[0], True), (MOTTO[1], True)])
    for line in right_extra:
        sheet.paragraph(line, 12, italic=True, align="right", after=2)


def _title(sheet: Sheet, *lines: str, note: str = "") -> None:
    sheet.paragraph(lines[0], 14, bold=True, align="center", before=10, after=0)
    for line in lines[1:]:
        sheet.paragraph(line, 13, bold=True, align="center", after=0)
    if note:
        sheet.paragraph(note, 13, italic=True, align="center", after=0)
    sheet.rule(60, sheet.width / 2 + 85.0, gap=5)
    sheet.y += 6


def _signature(sheet: Sheet, on: dt.date | None, role: str, hint: str, name: str) -> None:
    sheet.y += 10
    sheet.columns(
        [("", False)],
        [(_dated(on), False), (role, True), (hint, False), ("", False), ("", False), (name, True)],
        size=12,
        split=0.45,
        rules=False,
    )


# Danh mục hồ sơ (Appendix V II) --------------------------------------------------------------

LIST_COLUMNS = (
    Column("Số và ký hiệu hồ sơ", 15, "center"),
    Column("Tên đề mục và tiêu đề hồ sơ", 44),
    Column("Thời hạn bảo quản", 13, "center"),
    Column("Người lập hồ sơ", 16),
    Column("Ghi chú", 12),
)


def file_list_pdf(data: ListPrint) -> bytes:
    sheet = Sheet(f"Danh mục hồ sơ năm {data.year}", data.head.organisation)
    _letterhead(sheet, data.head)
    state = "" if data.state == FileListState.ISSUED else f"(Bản {FILE_LIST_STATE_VI[data.state]})"
    _title(
        sheet,
        "DANH MỤC HỒ SƠ",
        f"Năm {data.year}",
        note=f"(Kèm theo {data.decision})" if data.decision else state,
    )
    if data.decision and state:
        sheet.paragraph(state, 12, italic=True, align="center")
    rows = [
        Row(
            (line.notation, line.title, line.maintenance, line.responsible, line.note),
            bold=line.level < 2,
        )
        for line in data.lines
    ]
    sheet.table(LIST_COLUMNS, rows)
    total = data.permanent + data.limited
    sheet.paragraph(f"Danh mục hồ sơ này có {total} hồ sơ, bao gồm:", 13, before=10, after=0)
    sheet.paragraph(f"{data.permanent} hồ sơ bảo quản vĩnh viễn;", 13, indent=28, after=0)
    sheet.paragraph(f"{data.limited} hồ sơ bảo quản có thời hạn.", 13, indent=28)
    _signature(
        sheet,
        data.approved_on,
        "NGƯỜI ĐỨNG ĐẦU CƠ QUAN, TỔ CHỨC",
        "(Ký, ghi rõ họ và tên, đóng dấu)",
        data.approver,
    )
    return sheet.finish()


# Mục lục hồ sơ (Appendix V III, Appendix VI V.6) ------------------------------------------------

FILE_COLUMNS = (
    Column("Số TT", 6, "center"),
    Column("Số, ký hiệu hồ sơ", 13, "center"),
    Column("Tiêu đề hồ sơ", 36),
    Column("Thời gian tài liệu", 14, "center"),
    Column("Thời hạn bảo quản", 11, "center"),
    Column("Số tờ/ Số trang", 9, "center"),
    Column("Ghi chú", 11),
)


def _file_rows(files: Sequence[FileLine]) -> list[Row]:
    return [
        Row(
            (
                str(number),
                line.notation,
                line.title,
                line.period,
                line.maintenance,
                "" if line.pages is None else str(line.pages),
                line.note,
            )
        )
        for number, line in enumerate(files, 1)
    ]


def _closing(sheet: Sheet, count: int) -> None:
    sheet.paragraph(f"Mục lục này gồm: {count} hồ sơ (đơn vị bảo quản).", 13, before=10, after=0)
    sheet.paragraph(f"Viết bằng chữ: {in_words(count).lower()} hồ sơ (đơn vị bảo quản).", 13)


def files_index_pdf(head: Letterhead, files: Sequence[FileLine], scope: str) -> bytes:
    """Mục lục hồ sơ of a set of files (the archive's files of a year, a queue, a search)."""
    sheet = Sheet("Mục lục hồ sơ", head.organisation)
    _letterhead(sheet, head)
    _title(sheet, "MỤC LỤC HỒ SƠ", scope)
    sheet.table(FILE_COLUMNS, _file_rows(files))
    _closing(sheet, len(files))
    _signature(sheet, None, "Người lập", "(Ký và ghi rõ họ và tên, chức vụ)", "")
    return sheet.finish()


def transfer_list_pdf(data: Transfer) -> bytes:
    """Mục lục hồ sơ, tài liệu nộp lưu (Appendix V III) of one transfer."""
    sheet = Sheet(f"Mục lục hồ sơ, tài liệu nộp lưu năm {data.year}", data.head.organisation)
    _letterhead(sheet, data.head)
    _title(
        sheet,
        "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU",
        (data.head.unit or data.giver).upper(),
        f"Năm {data.year}",
    )
    sheet.table(FILE_COLUMNS, _file_rows(data.files))
    _closing(sheet, len(data.files))
    title = f", {data.giver_title}" if data.giver_title else ""
    _signature(
        sheet,
        data.received_on,
        "Người lập",
        "(Ký và ghi rõ họ và tên, chức vụ)",
        data.giver + title,
    )
    return sheet.finish()


def handover_pdf(data: Transfer) -> bytes:
    """Biên bản giao nhận hồ sơ, tài liệu (Appendix V V) of one transfer."""
    sheet = Sheet(f"Biên bản giao nhận hồ sơ, tài liệu năm {data.year}", data.head.organisation)
    _letterhead(sheet, Letterhead(data.head.organisation), [_dated(data.received_on)])
    _title(sheet, "BIÊN BẢN", "Giao nhận hồ sơ, tài liệu")
    first = day(min(f.start for f in data.files))
    last = day(max(f.end or f.start for f in data.files))
    giver_unit = data.head.unit or data.giver
    for text, indent in (
        (
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công "
            "tác văn thư;",
            28,
        ),
        (f"Căn cứ {data.basis};", 28),
        ("Chúng tôi gồm:", 28),
        (f"BÊN GIAO: {giver_unit}", 28),
        (f"Ông (bà): {data.giver}", 28),
        (f"Chức vụ công tác: {data.giver_title}", 28),
        ("BÊN NHẬN: Lưu trữ cơ quan", 28),
        (f"Ông (bà): {data.receiver}", 28),
        (f"Chức vụ công tác: {data.receiver_title}", 28),
        ("Thống nhất lập biên bản giao nhận tài liệu với những nội dung như sau:", 28),
        (f"1. Tên khối tài liệu giao nộp: Hồ sơ, tài liệu của {giver_unit} năm {data.year}.", 28),
        (f"2. Thời gian của hồ sơ, tài liệu: {first} - {last}.", 28),
        ("3. Số lượng tài liệu:", 28),
        ("a) Đối với hồ sơ, tài liệu giấy: không có.", 42),
        ("b) Đối với hồ sơ, tài liệu điện tử", 42),
        (f"- Tổng số hồ sơ: {len(data.files)} ({in_words(len(data.files)).lower()}).", 56),
        (f"- Tổng số tệp tin trong hồ sơ: {data.documents}.", 56),
        (
            "4. Tình trạng tài liệu giao nộp: hồ sơ điện tử đã được Lưu trữ cơ quan kiểm tra và "
            f"tiếp nhận trên Hệ thống ngày {day(data.received_on)}; hồ sơ lưu trữ được khoá, "
            "không sửa, chuyển hay xoá được.",
            28,
        ),
        ("5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo.", 28),
        (
            "Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản./.",
            28,
        ),
    ):
        sheet.paragraph(text, 13, indent=indent, after=2)
    sheet.y += 12
    sheet.columns(
        [
            ("ĐẠI DIỆN BÊN GIAO", True),
            ("(Ký và ghi rõ họ và tên)", False),
            ("", False),
            ("", False),
            (data.giver, True),
        ],
        [
            ("ĐẠI DIỆN BÊN NHẬN", True),
            ("(Ký và ghi rõ họ và tên)", False),
            ("", False),
            ("", False),
            (data.receiver, True),
        ],
        size=12,
        split=0.5,
        rules=False,
    )
    return sheet.finish()


# Mục lục văn bản (Appendix V IV, Appendix VI V.5) ----------------------------------------------

DOCUMENT_COLUMNS = (
    Column("STT", 6, "center"),
    Column("Số, ký hiệu văn bản", 15, "center"),
    Column("Ngày tháng năm văn bản", 14, "center"),
    Column("Tên loại và trích yếu nội dung văn bản", 33),
    Column("Tác giả văn bản", 14),
    Column("Tờ số/ Trang số", 9, "center"),
    Column("Ghi chú", 14),
)


def _type_and_subject(doc_type: str, subject: str) -> str:
    if subject.casefold().startswith(doc_type.casefold()):
        return subject
    return f"{doc_type} {subject}".strip()


def document_index(sheet: Sheet, content: CaseFileContent, pages: dict[int, str]) -> None:
    """The index of documents on ``sheet`` (a page of its own); ``pages`` maps a document to
    the pages it holds in the documents' part ("3-5"), counted from 1 as the sheets of a paper
    file are (Art. 29.4.c)."""
    found = content.case_file
    _letterhead(sheet, content.head)
    _title(
        sheet,
        "MỤC LỤC VĂN BẢN, TÀI LIỆU",
        f"Số, ký hiệu hồ sơ: {found.notation}",
        f"Năm {found.year}",
    )
    rows = []
    for entry in content.entries:
        doc = entry.document
        number = "/".join(part for part in (doc.code_number or "", doc.code_notation) if part)
        rows.append(
            Row(
                (
                    str(entry.ordinal),
                    number,
                    document_day(doc),
                    _type_and_subject(doc.doc_type, doc.subject),
                    doc.organ_name,
                    pages.get(doc.id, "-"),
                    entry.note,
                )
            )
        )
    sheet.table(DOCUMENT_COLUMNS, rows, size=10.5)
    shown = len(content.entries)
    sheet.paragraph(f"Mục lục này gồm: {shown} văn bản, tài liệu.", 13, before=10, after=0)
    if content.hidden:
        sheet.paragraph(
            f"Hồ sơ còn {content.hidden} văn bản người kết xuất không có quyền đọc: không được "
            "đưa vào bản kết xuất này.",
            13,
            italic=True,
        )


def document_index_pdf(content: CaseFileContent, pages: dict[int, str] | None = None) -> bytes:
    sheet = Sheet(f"Mục lục văn bản hồ sơ {content.case_file.code}", content.head.organisation)
    document_index(sheet, content, pages or {})
    return sheet.finish()
