"""The contract's words, held together: every status and step has its Vietnamese name for the
server's messages, and the registered fields a correction may change are the same list in the
server's trace, the command line and the step dialog (``base.workflow.CORRECTABLE``)."""

from __future__ import annotations

from base.steps import Step
from base.workflow import CORRECTABLE, STATUS_NAMES_VI, STEP_NAMES_VI, Status


def test_every_status_and_step_is_named() -> None:
    assert set(STATUS_NAMES_VI) == set(Status)
    assert set(STEP_NAMES_VI) == set(Step)


def test_the_correctable_fields_are_one_list_everywhere() -> None:
    from cli.workflow import _CORRECTIONS
    from server.workflow import _FIELD_NAMES

    assert set(_FIELD_NAMES) == set(CORRECTABLE)
    assert sorted(_CORRECTIONS.values()) == sorted(CORRECTABLE)
