"""Every step, status and exchange state has words in both languages: a new key of the workflow
or of edXML never shows as its raw key in the window."""

from __future__ import annotations

import datetime as dt

import pytest

from base.steps import Step
from base.workflow import Status
from client.records import Delivery
from edxml import STATUS_NAMES, SignatureVerdict, StatusCode


@pytest.fixture(params=["vi", "en"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    from ui.i18n import apply_language

    apply_language(request.param)
    yield request.param
    apply_language("vi")


def test_every_step_and_status_has_a_label(language: str) -> None:
    from ui.labels import STATUSES, status_label, step_label

    assert {s.value for s in Status} <= set(STATUSES)
    for step in Step:
        assert step_label(step.value) != step.value, step
    for status in Status:
        assert status_label(status.value) != status.value, status
    assert status_label("refused") == ("Refused" if language == "en" else "Từ chối tiếp nhận")


def test_every_edxml_status_verdict_and_axis_state_has_words(language: str) -> None:
    from ui.labels import axis_state_label, exchange_code_label, signature_verdict_label

    for code in StatusCode:
        vi, en = STATUS_NAMES[code]
        assert exchange_code_label(code.value) == (en if language == "en" else vi), code
    for verdict in SignatureVerdict:
        assert signature_verdict_label(verdict.value) != verdict.value, verdict
    for state in ("queued", "sent", "failed", "exported"):
        assert axis_state_label(state) != state
    assert signature_verdict_label("placeholder") == (
        "The package has a fake signature block (not a real signature)"
        if language == "en"
        else "Gói có khối chữ ký giả (không phải chữ ký thật)"
    )


def test_a_recipient_outside_reads_its_latest_status_and_a_refusal_its_reason(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.timeline import delivery_line

    at = dt.datetime(2026, 5, 12, 2, 30, tzinfo=dt.UTC)
    refused = Delivery(
        "Sở Tài chính tỉnh Nghệ An", "sent", "axis", "000.03.41.H41", "02", "Gửi nhầm đơn vị", at
    )
    text, problem = delivery_line(refused)
    assert problem and "(000.03.41.H41)" in text
    assert "Từ chối tiếp nhận: Gửi nhầm đơn vị" in text and "12/05/2026" in text
    done = Delivery("Sở Y tế", "sent", "axis", "000.07.41.H41", "06", "", at)
    assert delivery_line(done) == (
        f"→ Nơi nhận Sở Y tế (000.07.41.H41) (qua trục liên thông): Hoàn thành — "
        f"{at.astimezone():%d/%m/%Y %H:%M}",
        False,
    )
    failed = Delivery("000.99.99.H41", "failed", "axis", "000.99.99.H41", "", "unknown agency")
    assert delivery_line(failed) == (
        "→ Nơi nhận 000.99.99.H41 (qua trục liên thông): Gửi lỗi: unknown agency",
        True,
    )
    assert delivery_line(Delivery("STC", "exported", "axis", "STC"))[0].endswith("Đã xuất ra tệp")
    assert delivery_line(Delivery("Sở Nội vụ", "received")) == (
        "→ Nơi nhận Sở Nội vụ: Đã tiếp nhận",
        False,
    )


def test_a_packages_problems_are_read_in_the_ui_language() -> None:
    from ui.labels import in_language

    text = "Thiếu ngày ban hành.\nThe issue date is missing.\nSai mã.\nWrong code."
    assert in_language(text, "vi") == ["Thiếu ngày ban hành.", "Sai mã."]
    assert in_language(text, "en") == ["The issue date is missing.", "Wrong code."]
    assert in_language("Một dòng", "en") == ["Một dòng"]
