"""The records contract's pure parts: retention, the dates the law fixes, Roman numerals, and
who may take which step of a case file or a file list."""

from __future__ import annotations

import datetime as dt

import pytest

from base.records import (
    CASE_FILE_RULES,
    CaseFileAction,
    CaseFileState,
    FileListAction,
    FileListState,
    KeepBack,
    Retention,
    case_file_actions,
    file_code,
    file_list_actions,
    keep_back_limit,
    roman,
    transfer_due,
)
from base.workflow import Role


def test_retention_reads_and_writes_the_maintenance_field() -> None:
    assert Retention.parse("Vĩnh viễn") == Retention(None)
    assert Retention.parse("vĩnh viễn").permanent
    assert Retention.parse("20 năm") == Retention(20)
    assert Retention(20).label == "20 năm" and Retention(None).label == "Vĩnh viễn"
    with pytest.raises(ValueError):
        Retention.parse("mãi mãi")
    assert [Retention(y).for_the_archive for y in (None, 5, 4)] == [True, True, False]
    assert Retention(10).ends(dt.date(2026, 3, 1)) == dt.date(2036, 3, 1)
    assert Retention(None).ends(dt.date(2026, 3, 1)) is None


def test_the_transfer_deadline_and_the_keep_back_limit() -> None:
    assert transfer_due(dt.date(2026, 6, 30)) == dt.date(2027, 6, 30)
    assert transfer_due(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert transfer_due(dt.date(2026, 11, 30), construction=True) == dt.date(2027, 2, 28)
    assert keep_back_limit(dt.date(2027, 6, 30)) == dt.date(2029, 6, 30)


def test_codes_and_numerals() -> None:
    assert file_code("000.00.00.H30", 2026, "01.VP") == "000.00.00.H30.2026.01.VP"
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1990)] == ["I", "IV", "IX", "XIV", "XL", "MCMXC"]
    with pytest.raises(ValueError):
        roman(0)


def test_who_may_take_a_case_files_steps() -> None:
    creator = case_file_actions(Role.SPECIALIST, True, CaseFileState.OPEN)
    assert creator == [CaseFileAction.CLOSE]
    assert case_file_actions(Role.SPECIALIST, False, CaseFileState.OPEN) == []
    closed = case_file_actions(Role.SPECIALIST, True, CaseFileState.CLOSED)
    assert closed == [
        CaseFileAction.REOPEN,
        CaseFileAction.TRANSFER,
        CaseFileAction.REQUEST_KEEP_BACK,
    ]
    short = case_file_actions(Role.SPECIALIST, True, CaseFileState.CLOSED, for_the_archive=False)
    assert short == [CaseFileAction.REOPEN]
    assert case_file_actions(Role.ARCHIVIST, False, CaseFileState.SUBMITTED) == [
        CaseFileAction.ACCEPT,
        CaseFileAction.RETURN,
    ]
    leader = case_file_actions(Role.LEADER, False, CaseFileState.CLOSED, KeepBack.REQUESTED)
    assert leader == [
        CaseFileAction.REOPEN,
        CaseFileAction.APPROVE_KEEP_BACK,
        CaseFileAction.REFUSE_KEEP_BACK,
    ]
    for role in Role:
        assert case_file_actions(role, True, CaseFileState.ARCHIVED) == []
    assert all(CaseFileState.ARCHIVED not in rule.sources for rule in CASE_FILE_RULES.values())


def test_who_may_take_a_file_lists_steps() -> None:
    assert file_list_actions(Role.LEADER, FileListState.DRAFT) == [FileListAction.APPROVE]
    assert file_list_actions(Role.CLERK, FileListState.DRAFT) == []
    assert file_list_actions(Role.ARCHIVIST, FileListState.APPROVED) == [
        FileListAction.REVISE,
        FileListAction.ISSUE,
    ]
    assert all(file_list_actions(role, FileListState.ISSUED) == [] for role in Role)
