"""What the step dialog says once a step is taken: one short sentence for the window's
confirmation ("Đã chỉ đạo: giao Hoàng Thị Mai chủ trì, hạn 13/12/2026"), in the UI language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from base.steps import Step
from client.records import Document
from services.workflow import StepInput

__all__ = ["done_message", "reason_missing"]


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _names(keys: Sequence[Any], names: Mapping[Any, str]) -> str:
    found = [names.get(k, str(k)) for k in keys]
    if len(found) > 3:
        return (
            QCoreApplication.translate("StepDialog", "%1 và %2 người khác")
            .replace("%1", ", ".join(found[:2]))
            .replace("%2", QLocale().toString(len(found) - 2))
        )
    return ", ".join(found)


def _assigned(request: StepInput, people: Mapping[int, str]) -> str:
    text = QCoreApplication.translate("StepDialog", "Đã chỉ đạo: giao %1 chủ trì").replace(
        "%1", people.get(request.lead or 0, str(request.lead))
    )
    if request.co:
        text += QCoreApplication.translate("StepDialog", ", %1 phối hợp").replace(
            "%1", _names(request.co, people)
        )
    if request.deadline:
        text += QCoreApplication.translate("StepDialog", ", hạn %1").replace(
            "%1", _day(request.deadline)
        )
    return text


def _issued(request: StepInput, organisations: Mapping[str, str]) -> str:
    """ "Đã phát hành đến Sở Tài chính; qua trục liên thông đến Bộ Nội vụ"."""
    agencies = tuple(request.agencies)
    if request.organisations:
        text = QCoreApplication.translate("StepDialog", "Đã phát hành đến %1").replace(
            "%1", _names(request.organisations, organisations)
        )
    else:
        text = QCoreApplication.translate("StepDialog", "Đã phát hành")
    if agencies:
        text += QCoreApplication.translate("StepDialog", "; qua trục liên thông đến %1").replace(
            "%1", _names(agencies, organisations)
        )
    return text


def reason_missing(step: Step) -> str:
    """What to say when a step that needs a reason has none."""
    return {
        Step.WITHDRAW: QCoreApplication.translate("StepDialog", "Hãy ghi lý do thu hồi."),
        Step.RETURN: QCoreApplication.translate("StepDialog", "Hãy ghi lý do trả lại."),
        Step.SEND_BACK: QCoreApplication.translate("StepDialog", "Hãy ghi lý do trả lại."),
        Step.CORRECT: QCoreApplication.translate("StepDialog", "Hãy ghi lý do đính chính."),
        Step.REFUSE: QCoreApplication.translate(
            "StepDialog", "Hãy ghi lý do từ chối tiếp nhận: bên gửi sẽ đọc lý do này."
        ),
        Step.ASK_TAKE_BACK: QCoreApplication.translate(
            "StepDialog", "Hãy ghi lý do đề nghị lấy lại văn bản."
        ),
        Step.DECLINE_TAKE_BACK: QCoreApplication.translate(
            "StepDialog", "Hãy ghi lý do từ chối cho lấy lại văn bản."
        ),
    }.get(step, QCoreApplication.translate("StepDialog", "Hãy ghi lý do."))


def _sentence(
    request: StepInput,
    result: Document | None,
    people: Mapping[int, str],
    organisations: Mapping[str, str],
    co_part: bool,
) -> str:
    step = request.step
    made: dict[Step, Callable[[], str]] = {
        Step.REGISTER: lambda: (
            QCoreApplication.translate("StepDialog", "Đã vào sổ: số đến %1").replace(
                "%1", QLocale().toString(result.arrival_number)
            )
            if result and result.arrival_number
            else QCoreApplication.translate("StepDialog", "Đã vào sổ")
        ),
        Step.PRESENT: lambda: QCoreApplication.translate("StepDialog", "Đã trình %1").replace(
            "%1", _names(request.to, people)
        ),
        Step.ASSIGN: lambda: _assigned(request, people),
        Step.NOTE: lambda: QCoreApplication.translate("StepDialog", "Đã ghi ý kiến xử lý"),
        Step.ASK_EXTENSION: lambda: QCoreApplication.translate(
            "StepDialog", "Đã xin gia hạn đến %1"
        ).replace("%1", _day(request.deadline)),
        Step.EXTEND: lambda: QCoreApplication.translate("StepDialog", "Đã gia hạn đến %1").replace(
            "%1", _day(request.deadline)
        ),
        Step.RETURN: lambda: QCoreApplication.translate(
            "StepDialog", "Đã trả lại văn bản cho lãnh đạo"
        ),
        Step.FINISH: lambda: (
            QCoreApplication.translate("StepDialog", "Đã hoàn thành phần phối hợp")
            if co_part
            else QCoreApplication.translate("StepDialog", "Đã hoàn thành xử lý")
        ),
        Step.REOPEN: lambda: QCoreApplication.translate("StepDialog", "Đã mở lại để xử lý tiếp"),
        Step.RECALL: lambda: QCoreApplication.translate("StepDialog", "Đã thu hồi việc đã giao"),
        Step.SUBMIT: lambda: QCoreApplication.translate("StepDialog", "Đã trình ký %1").replace(
            "%1", _names(request.to, people)
        ),
        Step.SEND_BACK: lambda: QCoreApplication.translate("StepDialog", "Đã trả lại dự thảo"),
        Step.APPROVE: lambda: QCoreApplication.translate("StepDialog", "Đã duyệt ký"),
        Step.NUMBER: lambda: (
            QCoreApplication.translate("StepDialog", "Đã cấp số %1").replace(
                "%1", result.number_symbol
            )
            if result and result.number_symbol
            else QCoreApplication.translate("StepDialog", "Đã cấp số")
        ),
        Step.ISSUE: lambda: _issued(request, organisations),
        Step.WITHDRAW: lambda: QCoreApplication.translate("StepDialog", "Đã thu hồi văn bản"),
        Step.CORRECT: lambda: QCoreApplication.translate(
            "StepDialog", "Đã đính chính %1 thông tin"
        ).replace("%1", QLocale().toString(len(request.corrections))),
        Step.REFUSE: lambda: QCoreApplication.translate(
            "StepDialog", "Đã từ chối tiếp nhận văn bản; bên gửi được báo lý do"
        ),
        Step.ASK_TAKE_BACK: lambda: QCoreApplication.translate(
            "StepDialog", "Đã gửi đề nghị lấy lại văn bản đến các nơi nhận ngoài hệ thống"
        ),
        Step.AGREE_TAKE_BACK: lambda: QCoreApplication.translate(
            "StepDialog", "Đã đồng ý cho bên gửi lấy lại văn bản"
        ),
        Step.DECLINE_TAKE_BACK: lambda: QCoreApplication.translate(
            "StepDialog", "Đã từ chối cho lấy lại văn bản; bên gửi được báo lý do"
        ),
    }
    return made.get(step, lambda: QCoreApplication.translate("StepDialog", "Đã thực hiện"))()


def done_message(
    request: StepInput,
    result: Document | None,
    people: Mapping[int, str],
    organisations: Mapping[str, str],
    *,
    co_part: bool = False,
    queued: bool = False,
    count: int = 1,
) -> str:
    """The sentence for a step taken on ``count`` documents (``result``: the first one after
    it); a step waiting in the outbox says so, since nothing has reached the server yet."""
    text = _sentence(request, result if not queued else None, people, organisations, co_part)
    if count > 1:
        text += QCoreApplication.translate("StepDialog", " (%1 văn bản)").replace(
            "%1", QLocale().toString(count)
        )
    if queued:
        text = QCoreApplication.translate("StepDialog", "Chờ gửi khi có mạng — %1").replace(
            "%1", text
        )
    return text
