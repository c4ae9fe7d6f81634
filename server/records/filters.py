"""The case-file search's query parameters (III.6.d: the archive finds files by their Part
II.III metadata), one definition for the list (``GET /case-files``) and the printed index of
files (``GET /case-file-index``), which differ only in the queue they start from."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Query

from ..schemas import QUERY_TEXT_PATTERN, IsoDate
from .queries import FileFilter
from .schemas import Queue

__all__ = ["file_filter"]

_QUEUES = (
    "mine: the caller's files not yet archived; due: due for transfer within 30 days or "
    "overdue; awaiting: transferred, waiting for the archive; returned; archive: accepted; "
    "past_retention: retention ended (for appraisal)"
)


def file_filter(default_queue: str) -> Callable[..., FileFilter]:
    """A dependency reading the search's parameters, the queue ``default_queue`` if absent."""

    def read(
        queue: Queue = Query(default_queue, description=_QUEUES),
        q: str = Query(
            "",
            max_length=200,
            pattern=QUERY_TEXT_PATTERN,
            description="words of the title or the notes (Title, Description)",
        ),
        code: str = Query("", max_length=70, pattern=QUERY_TEXT_PATTERN, description="FileCode"),
        year: int | None = Query(None, ge=1900, le=2999, description="FileCatalog"),
        retention_years: int | None = Query(None, ge=1, le=99, description="Maintenance"),
        permanent: bool | None = Query(None, description="Maintenance: Vĩnh viễn"),
        creator_id: int | None = Query(None, ge=1, le=2**31 - 1, description="Creator"),
        state: str | None = Query(
            None, pattern="^(open|closed|submitted|returned|archived)$", max_length=10
        ),
        rights: str | None = Query(None, pattern="^(restricted|open)$", max_length=10),
        language: str | None = Query(
            None, max_length=50, pattern=QUERY_TEXT_PATTERN, description="Language (vi, en…)"
        ),
        period_from: IsoDate | None = Query(
            None, description="files whose documents run on or after this day (EndDate)"
        ),
        period_to: IsoDate | None = Query(
            None, description="files whose documents start on or before this day (StartDate)"
        ),
    ) -> FileFilter:
        return FileFilter(
            queue=queue,
            q=q,
            code=code,
            year=year,
            retention_years=retention_years,
            permanent=permanent,
            creator_id=creator_id,
            state=state,
            rights=rights,
            language=language,
            period_from=period_from,
            period_to=period_to,
        )

    return read
