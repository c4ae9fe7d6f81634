"""The records' part of the access policy (``server.policy`` is the rest, and is reused here):
who sees a case file, which of its documents they see, who may change it.

A case file is seen by its creator, the organisation's leaders and archivists, and — by its
Rights (Part II.III 4) — either everyone of the organisation (``open``) or the readers named on
it (``restricted``). Seeing a file never shows a document its reader cannot read: the file's
documents are always filtered by ``policy.readable`` (a Tối mật letter stays hidden from a reader
of the file who may not read it). Another organisation's file, or one the caller may not see,
does not exist for them: 404, as for documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from base.records import CaseFileState, Rights

from ..among import among, dialect_of
from ..errors import ApiProblem, forbidden, not_found
from ..models import Document, User
from ..policy import readable, role_of
from ..roles import Role
from .models import CaseFile, CaseFileDocument, CaseFileReader, FileList

__all__ = [
    "KEEPERS",
    "visible_files",
    "can_see",
    "load_visible",
    "visible_documents",
    "may_open",
    "load_own_list",
    "refuse_frozen",
    "refuse_not_open",
    "refuse_archived_document",
    "refuse_step_on_archived",
    "archived_file_of",
    "archived_among",
]

KEEPERS = frozenset({Role.LEADER, Role.ARCHIVIST})
"""Who sees every file of the organisation: the leaders (Art. 31.1) and the agency archive."""
OPENERS = frozenset({Role.CLERK, Role.LEADER, Role.SPECIALIST, Role.ARCHIVIST})
"""Who handles work, and so opens files (Art. 29.2.a); administrators do not."""


def _named_reader(user: User) -> ColumnElement[bool]:
    return exists(
        select(CaseFileReader.id).where(
            CaseFileReader.case_file_id == CaseFile.id, CaseFileReader.user_id == user.id
        )
    )


def visible_files(user: User) -> ColumnElement[bool]:
    """SQL filter: the case files ``user`` sees."""
    own = CaseFile.organisation_id == user.organisation_id
    if role_of(user) in KEEPERS:
        return own
    return and_(
        own,
        or_(
            CaseFile.creator_id == user.id,
            CaseFile.rights == Rights.OPEN.value,
            _named_reader(user),
        ),
    )


def can_see(session: Session, user: User, found: CaseFile) -> bool:
    """The same rule as ``visible_files`` for one loaded file."""
    if found.organisation_id != user.organisation_id:
        return False
    if role_of(user) in KEEPERS or found.creator_id == user.id or found.rights == Rights.OPEN:
        return True
    query = select(CaseFileReader.id).where(
        CaseFileReader.case_file_id == found.id, CaseFileReader.user_id == user.id
    )
    return session.scalar(query.limit(1)) is not None


def load_visible(
    session: Session, user: User, case_file_id: int, *, for_update: bool = False
) -> CaseFile:
    """The file, or 404 when it does not exist or ``user`` may not see it."""
    query = select(CaseFile).where(CaseFile.id == case_file_id)
    if for_update:
        query = query.with_for_update()
    found = session.scalar(query)
    if found is None or not can_see(session, user, found):
        raise not_found(f"hồ sơ số {case_file_id}", f"Case file {case_file_id}")
    return found


def visible_documents(user: User, case_file_id: int) -> Select[Document, CaseFileDocument]:
    """The file's documents ``user`` may read (and only those), in the order they were created
    (DocOrdinal, III.4.b)."""
    return (
        select(Document, CaseFileDocument)
        .join(CaseFileDocument, CaseFileDocument.document_id == Document.id)
        .where(
            CaseFileDocument.case_file_id == case_file_id,
            Document.deleted.is_(False),
            readable(user),
        )
        .order_by(Document.created_at, Document.id)
    )


def may_open(user: User) -> None:
    if role_of(user) not in OPENERS:
        raise forbidden()


def load_own_list(
    session: Session, user: User, file_list_id: int, *, for_update: bool = False
) -> FileList:
    """A file list of the caller's organisation (anyone of it reads it), else 404."""
    query = select(FileList).where(
        FileList.id == file_list_id, FileList.organisation_id == user.organisation_id
    )
    if for_update:
        query = query.with_for_update()
    found = session.scalar(query)
    if found is None:
        raise not_found(f"danh mục hồ sơ số {file_list_id}", f"File list {file_list_id}")
    return found


def refuse_frozen(found: CaseFile) -> None:
    """An accepted file is the archive's record: nothing about it changes (IV.1.g)."""
    if found.state == CaseFileState.ARCHIVED:
        raise ApiProblem(
            409,
            f"Hồ sơ {found.code} đã được Lưu trữ cơ quan tiếp nhận: hồ sơ lưu trữ không được "
            "sửa, thêm bớt văn bản, chuyển hay xoá.",
            f"Case file {found.code} was accepted by the agency archive: an archived file "
            "cannot be edited, given or relieved of documents, moved or deleted.",
            code="archived",
        )


def refuse_not_open(found: CaseFile) -> None:
    """Contents and metadata change only while the file is open (Art. 29.4)."""
    refuse_frozen(found)
    if found.state != CaseFileState.OPEN:
        raise ApiProblem(
            409,
            f"Hồ sơ {found.code} đã kết thúc: muốn thay đổi, hãy mở lại hồ sơ và nêu lý do.",
            f"Case file {found.code} is closed: to change it, reopen it with a reason.",
            code="file_closed",
        )


def archived_file_of(session: Session, doc: Document) -> str | None:
    """The code of an archived file holding ``doc`` (None: it is in none)."""
    query = (
        select(CaseFile.code)
        .join(CaseFileDocument, CaseFileDocument.case_file_id == CaseFile.id)
        .where(
            CaseFileDocument.document_id == doc.id,
            CaseFile.state == CaseFileState.ARCHIVED.value,
        )
        .limit(1)
    )
    return session.scalar(query)


def archived_among(session: Session, ids: Sequence[int]) -> set[int]:
    """Which of these documents a case file in the archive holds (their ``archived`` mark)."""
    if not ids:
        return set()
    return set(
        session.connection().execute(_archived(dialect_of(session)), {"ids": list(ids)}).scalars()
    )


@cache
def _archived(dialect: str) -> Select[int]:
    return (
        select(CaseFileDocument.document_id)
        .join(CaseFile, CaseFile.id == CaseFileDocument.case_file_id)
        .where(
            among(CaseFileDocument.document_id, dialect),
            CaseFile.state == CaseFileState.ARCHIVED.value,
        )
        .distinct()
    )


def refuse_archived_document(session: Session, doc: Document) -> None:
    """A document in an archived file is frozen with it (IV.1.g): no edit, version or delete."""
    code = archived_file_of(session, doc)
    if code is not None:
        raise ApiProblem(
            409,
            f"Văn bản thuộc hồ sơ lưu trữ {code}: không được sửa, thêm tệp hay xoá.",
            f"The document belongs to archived case file {code}: it cannot be edited, given a "
            "new file or deleted.",
            code="archived",
        )


def refuse_step_on_archived(session: Session, doc: Document) -> None:
    """Its work ended when its file went to the archive (IV.1.g): no step moves, assigns or
    withdraws it any more; a replacing document still records that it replaces it."""
    code = archived_file_of(session, doc)
    if code is not None:
        raise ApiProblem(
            409,
            f"Văn bản thuộc hồ sơ lưu trữ {code}: hồ sơ đã nộp lưu nên không thể xử lý tiếp "
            "văn bản này.",
            f"The document belongs to archived case file {code}: the file is in the archive, "
            "so no further step can be taken on it.",
            code="archived",
        )
