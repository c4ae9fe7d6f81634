"""The contract's answers about people and parts, as pure functions: which step a person most
likely takes next, which step takes one back, who may be given a part, and that a part narrows
a leader to that part (a co-handler or an informed leader does not direct the document)."""

from __future__ import annotations

import pytest

from base.steps import Step
from base.workflow import (
    ON_ARCHIVED_DOCUMENTS,
    PART_ROLES,
    RULES,
    UNDO,
    Mark,
    Part,
    Role,
    Status,
    likely_step,
    steps_for,
    undo_step,
)

_DIRECTING = {Step.ASSIGN, Step.EXTEND, Step.RECALL}


def _steps(role: str, parts: set[str], status: str, direction: str = "incoming") -> set[Step]:
    return set(
        steps_for(role=role, parts=parts, direction=direction, status=status, is_author=False)
    )


@pytest.mark.parametrize("status", [Status.ASSIGNED, Status.PROCESSING])
def test_a_part_narrows_a_leader_to_that_part(status: Status) -> None:
    assert _DIRECTING <= _steps("leader", set(), status)  # the leader who directs
    co = _steps("leader", {"co"}, status)
    assert not co & _DIRECTING and co == {Step.NOTE, Step.FINISH, Step.ASK_EXTENSION}
    assert co == _steps("specialist", {"co"}, status)  # a co-handler, whatever the role
    assert _steps("leader", {"info"}, status) == set()  # informed: reads, takes no step
    assert _steps("specialist", {"info"}, status) == set()
    assert _DIRECTING <= _steps("leader", {"lead"}, status)  # a leader who leads may re-direct


@pytest.mark.parametrize(
    ("role", "parts", "status", "asked", "expected"),
    [
        ("leader", set(), Status.RECEIVED, False, Step.ASSIGN),
        ("leader", set(), Status.PROCESSING, True, Step.EXTEND),
        ("leader", set(), Status.PROCESSING, False, Step.NOTE),
        ("specialist", {"lead"}, Status.ASSIGNED, False, Step.FINISH),
        ("specialist", {"co"}, Status.PROCESSING, False, Step.FINISH),
        ("clerk", set(), Status.ARRIVED, False, Step.REGISTER),
        ("clerk", set(), Status.RECEIVED, False, Step.PRESENT),
        ("leader", set(), Status.DONE, False, Step.REOPEN),
    ],
)
def test_the_likely_next_step(
    role: str, parts: set[str], status: Status, asked: bool, expected: Step
) -> None:
    offered = steps_for(
        role=role, parts=parts, direction="incoming", status=status, is_author=False
    )
    assert likely_step(offered, parts=parts, extension_asked=asked) is expected


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("leader", Status.PENDING_SIGNATURE, Step.APPROVE),
        ("clerk", Status.SIGNED, Step.NUMBER),
        ("clerk", Status.NUMBERED, Step.ISSUE),
        ("clerk", Status.ISSUED, Step.WITHDRAW),
    ],
)
def test_the_likely_next_step_outgoing(role: str, status: Status, expected: Step) -> None:
    offered = steps_for(role=role, parts=(), direction="outgoing", status=status, is_author=False)
    assert likely_step(offered, parts=()) is expected


def test_never_the_step_with_nothing_to_choose_while_another_is_offered() -> None:
    offered = steps_for(
        role="clerk", parts=(), direction="incoming", status=Status.RECEIVED, is_author=False
    )
    assert likely_step(offered, parts=(), unavailable={Step.PRESENT}) is Step.CORRECT
    only = (Step.SUBMIT,)  # nothing else: still offered, the dialog says why it cannot go
    assert likely_step(only, parts=(), unavailable={Step.SUBMIT}) is Step.SUBMIT
    assert likely_step((), parts=()) is None


def test_an_undo_takes_the_document_back_where_it_was() -> None:
    assert undo_step(Step.ASSIGN) is Step.RECALL and undo_step(Step.FINISH) is Step.REOPEN
    for step in (Step.PRESENT, Step.NOTE, Step.APPROVE, Step.ISSUE, Step.NUMBER):
        assert undo_step(step) is None  # traced for good, or an official act of its own
    for step, undo in UNDO.items():
        done, back = RULES[step], RULES[undo]
        assert done.target in back.sources and back.target in done.sources


def test_only_people_who_handle_documents_hold_parts() -> None:
    for part in Part:
        assert not PART_ROLES[part] & {Role.ARCHIVIST, Role.ORG_ADMIN, Role.PROVINCE_ADMIN}
    assert Role.CLERK in PART_ROLES[Part.INFO] and Role.CLERK not in PART_ROLES[Part.LEAD]


@pytest.mark.parametrize("direction", ["incoming", "outgoing"])
def test_an_archived_document_offers_only_the_acts_on_its_legal_force(direction: str) -> None:
    """Every role, every status: with the ``archived`` mark no step moves the document on; only
    its withdrawal, a take-back request and the answer that a copy is kept remain."""
    for role in Role:
        for status in Status:
            for marks in ([], ["external"], ["take_back_asked"]):
                common = {
                    "role": role,
                    "parts": {"lead"},
                    "direction": direction,
                    "status": status,
                    "is_author": True,
                }
                plain = set(steps_for(**common, marks=marks))  # type: ignore[arg-type]
                kept = set(steps_for(**common, marks=[*marks, Mark.ARCHIVED]))  # type: ignore[arg-type]
                assert kept == plain & ON_ARCHIVED_DOCUMENTS, (role, status, marks)
    issued = {"role": Role.CLERK, "parts": set(), "direction": "outgoing", "is_author": False}
    assert Step.WITHDRAW in steps_for(**issued, status=Status.ISSUED, marks=[Mark.ARCHIVED])  # type: ignore[arg-type]
