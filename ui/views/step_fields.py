"""The step dialog's single-purpose fields: the number a step will take (asked of the server
off the GUI thread), the ĐẾN stamp box, the document an issue replaces, the heading, the
deadline a step about time proposes, and the exchange's sentences (a secret document is never
sent through the axis; what the sender said when asking for its document back)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from base.deadlines import add_working_days, today_in_vietnam
from client.cache.query import DocumentRow
from client.records import Document, NextNumber
from services.workflow import Step
from services.workspace import Workspace

from ..errors import describe
from ..workers import run_task

__all__ = [
    "NextNumberLabel",
    "stamp_box",
    "replaces_box",
    "heading",
    "proposed_deadline",
    "secret_note",
    "take_back_note",
]


class NextNumberLabel(QLabel):
    """The number numbering or registering will take, asked of the server once, in a worker
    (the dialog opens at once; the clerk sees the number before taking it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextNumber")
        self.setWordWrap(True)
        self._asked = False

    def ask(self, workspace: Workspace, document: Document) -> None:
        if self._asked:
            return
        self._asked = True
        self.setText(QCoreApplication.translate("StepDialog", "Đang hỏi máy chủ…"))
        run_task(
            workspace.next_number,
            document,
            on_done=self._known,
            on_error=self._unknown,
            owner=self,
        )

    def _known(self, coming: NextNumber) -> None:
        self.setText(
            f"<b>{html.escape(coming.number_symbol)}</b> — "
            f"{html.escape(coming.register_name)} {coming.year}"
        )

    def _unknown(self, exc: Exception) -> None:
        self._asked = False  # asked again when the step is chosen again
        self.setText(
            QCoreApplication.translate(
                "StepDialog", "Chưa biết (%1); số được cấp khi bước này đến máy chủ."
            ).replace("%1", describe(exc)[1])
        )


def stamp_box(document: Document) -> QCheckBox:
    """REGISTER: put the ĐẾN stamp on the file (only when there is a file)."""
    stamp = QCheckBox(
        QCoreApplication.translate("StepDialog", "Đóng dấu ĐẾN lên trang đầu của tệp")
    )
    stamp.setObjectName("stamp")
    stamp.setToolTip(
        QCoreApplication.translate(
            "StepDialog",
            "Dấu ĐẾN ghi tên cơ quan, số đến và ngày đến; được thêm thành một phiên bản mới"
            " của tệp nên chữ ký số của nơi gửi vẫn hợp lệ.",
        )
    )
    has_file = bool(document.current_version)
    stamp.setChecked(has_file)
    stamp.setEnabled(has_file)
    return stamp


def replaces_box(document: Document, replaceable: Sequence[DocumentRow]) -> QComboBox:
    """ISSUE: the earlier issued document this one replaces; none unless chosen."""
    replaces = QComboBox()
    replaces.setObjectName("replaces")
    replaces.addItem(QCoreApplication.translate("StepDialog", "Không thay thế văn bản nào"), None)
    for row in replaceable:
        if row.id != document.id:
            replaces.addItem(f"{row.number_symbol} — {row.subject[:70]}", row.id)
    return replaces


def heading(documents: Sequence[Document]) -> QLabel:
    """The document's number and subject; the first six of a batch."""
    if len(documents) > 1:
        label = QLabel(
            "<br>".join(
                f"<b>{html.escape(d.number_symbol or '')}</b> {html.escape(d.subject[:90])}"
                for d in documents[:6]
            )
            + ("<br>…" if len(documents) > 6 else "")
        )
    else:
        [document] = documents
        label = QLabel(
            f"<b>{html.escape(document.number_symbol or '')}</b> {html.escape(document.subject)}"
        )
    label.setWordWrap(True)
    return label


def proposed_deadline(document: Document, step: Step) -> dt.date:
    """EXTEND: the day the handler asked for; ASK_EXTENSION: a week past the current one."""
    parts = [a for a in document.assignments if a.state == "active"]
    asked = [a.requested_deadline for a in parts if a.requested_deadline]
    if step is Step.EXTEND and asked:
        return max(asked)
    current = [a.deadline for a in parts if a.deadline] or [today_in_vietnam()]
    return add_working_days(max(max(current), today_in_vietnam()), 5)


def _note(text: str, name: str, colour: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if colour:
        label.setStyleSheet(f"color: {colour}")
    return label


def secret_note() -> QLabel:
    """ISSUE of a secret document: instead of the agencies outside, why there are none."""
    return _note(
        QCoreApplication.translate(
            "StepDialog",
            "Văn bản mật không gửi qua trục liên thông; hãy gửi nơi nhận ngoài hệ thống theo"
            " đường bản giấy.",
        ),
        "secretNote",
        "#b26a00",
    )


def take_back_note(document: Document) -> QLabel:
    """AGREE/DECLINE_TAKE_BACK: the sender's request and reason, and what agreeing does."""
    info = document.exchange
    reason = (info.take_back_reason if info is not None else "") or "—"
    return _note(
        QCoreApplication.translate("StepDialog", "Bên gửi đề nghị lấy lại văn bản: %1").replace(
            "%1", reason
        )
        + "\n"
        + QCoreApplication.translate(
            "StepDialog",
            "Đồng ý thì văn bản được thu hồi tại đơn vị và bên gửi được báo; từ chối thì giữ"
            " văn bản và ghi lý do.",
        ),
        "takeBackNote",
    )
