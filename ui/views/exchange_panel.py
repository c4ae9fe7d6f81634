"""What the document view and the reading pane show of the exchange: the block «Liên thông»
of a document that came as an edXML package (its sender, identifier, how it came, the
package's signature and each file's in words and colour, the problems found, the attachments
to save), where an outgoing document went outside this server, and the banner of a sender's
request to take its document back, with the clerk's two answers.

Saving an attachment runs in a worker; the verdicts are the server's, checked at arrival.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from base.errors import current_language
from base.steps import Step
from client.records import Delivery, Document, ExchangeAttachment, ExchangeFile
from services.workspace import Workspace

from ..errors import describe
from ..labels import in_language, signature_verdict_label, step_label
from ..timeline import delivery_state
from ..workers import run_task

__all__ = [
    "ExchangePanel",
    "TakeBackBanner",
    "VERDICT_COLOURS",
    "axis_deliveries",
    "sender_text",
    "free_name",
]

logger = logging.getLogger(__name__)

GREEN, RED, AMBER, GREY = "#2e7d32", "#c62828", "#b26a00", "#616161"
VERDICT_COLOURS = {
    "valid": GREEN,
    "invalid": RED,
    "placeholder": AMBER,
    "absent": GREY,
    "not_checked": GREY,
}
"""The envelope signature's verdict in colour: valid green, invalid red, a fake block amber."""


def sender_text(document: Document) -> str:
    """ "Sở Tài chính tỉnh X (000.03.30.H30)": who sent an exchanged document."""
    info = document.exchange
    if info is None:
        return ""
    name = info.sender_name or info.sender
    return f"{name} ({info.sender})" if info.sender and info.sender != name else name


def axis_deliveries(document: Document) -> list[Delivery]:
    """The recipients outside this server an outgoing document went to (through the axis)."""
    return [d for d in document.deliveries if d.via == "axis"]


def _coloured(text: str, colour: str, bold: bool = False) -> str:
    weight = "font-weight:600;" if bold else ""
    return f'<span style="color:{colour};{weight}">{html.escape(text)}</span>'


def _label(text: str, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _file_verdicts(files: Sequence[ExchangeFile], language: str) -> str:
    """Each file's PAdES signatures: intact and trusted green, intact but not trusted amber,
    broken red — in the server's sentence for each."""
    lines = []
    for file in files:
        name = html.escape(file.name)
        if not file.signatures:
            lines.append(f"{name}: " + _coloured(_no_signature(), GREY))
            continue
        for signature in file.signatures:
            ok, trusted = signature.ok, bool(signature.trusted)
            colour = GREEN if ok and trusted else AMBER if ok else RED
            who = f" — {html.escape(signature.signer)}" if signature.signer else ""
            lines.append(f"{name}{who}: {_coloured(signature.summary(language), colour)}")
    return "<br>".join(lines)


def _no_signature() -> str:
    return QCoreApplication.translate("ExchangePanel", "tệp không có chữ ký số")


class TakeBackBanner(QFrame):
    """«Bên gửi đề nghị lấy lại văn bản: <lý do>» with the clerk's two answers (those this
    user may take now): agreeing withdraws the copy, declining keeps it, with a reason."""

    answer = Signal(object)
    """The Step chosen (AGREE_TAKE_BACK or DECLINE_TAKE_BACK)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("takeBackBanner")
        self.setStyleSheet(
            "#takeBackBanner { background: #fff3e0; border: 1px solid #e65100; border-radius: 4px; }"
        )
        self.text = QLabel()
        self.text.setObjectName("takeBackText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.agree = QPushButton()
        self.agree.setObjectName("agreeTakeBack")
        self.agree.clicked.connect(lambda: self.answer.emit(Step.AGREE_TAKE_BACK))
        self.decline = QPushButton()
        self.decline.setObjectName("declineTakeBack")
        self.decline.clicked.connect(lambda: self.answer.emit(Step.DECLINE_TAKE_BACK))
        buttons = QHBoxLayout()
        buttons.addWidget(self.agree)
        buttons.addWidget(self.decline)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.addWidget(self.text)
        column.addLayout(buttons)
        self.hide()

    def show_for(self, document: Document | None, offered: Sequence[Step]) -> None:
        """Shown while the sender's request waits for an answer; hidden otherwise."""
        info = document.exchange if document is not None else None
        reason = info.take_back_reason if info is not None else ""
        self.setVisible(bool(reason))
        if not reason:
            return
        self.text.setText(
            "<b>"
            + html.escape(self.tr("Bên gửi đề nghị lấy lại văn bản: %1").replace("%1", reason))
            + "</b>"
        )
        self.agree.setText(step_label(Step.AGREE_TAKE_BACK))
        self.decline.setText(step_label(Step.DECLINE_TAKE_BACK))
        self.agree.setVisible(Step.AGREE_TAKE_BACK in offered)
        self.decline.setVisible(Step.DECLINE_TAKE_BACK in offered)


class ExchangePanel(QWidget):
    """The block «Liên thông» of the document view (hidden for a document the exchange never
    touched)."""

    message = Signal(str)
    """A sentence for the view's status line (an attachment saved, or why not)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePanel")
        self.workspace = workspace
        self.document: Document | None = None
        self.heading = QLabel()
        self.heading.setObjectName("exchangeHeading")
        self.details = _label("", rich=True)
        self.details.setObjectName("exchangeDetails")
        """One table of label and value (a single wrapped label keeps its height right in the
        narrow, scrolled column where a form of wrapped labels did not)."""
        self.values: dict[str, str] = {}
        """The shown values by key (sender, identifier, source, signature, files, problems,
        recipients…) as rich text, for tests and screenshots."""
        self._rows: list[str] = []
        self.attachments_title = QLabel()
        self.attachments = QVBoxLayout()
        self.attachments.setContentsMargins(0, 0, 0, 0)
        self.attachment_buttons: list[QPushButton] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.details)
        column.addWidget(self.attachments_title)
        column.addLayout(self.attachments)
        self.hide()

    def show_document(self, document: Document) -> None:
        self.document = document
        self.values.clear()
        self._rows = []
        while self.attachments.count():
            item = self.attachments.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.attachment_buttons = []
        self.attachments_title.hide()
        outside = axis_deliveries(document)
        info = document.exchange
        self.setVisible(info is not None or bool(outside))
        self.heading.setText("<b>" + html.escape(self.tr("Liên thông")) + "</b>")
        if info is not None:
            self._arrival(document)
        if outside:
            self._row(
                "recipients",
                self.tr("Nơi nhận ngoài hệ thống"),
                "<br>".join(self._delivery(d) for d in outside),
                rich=True,
            )
        self.details.setText(
            '<table cellspacing="0" cellpadding="2">' + "".join(self._rows) + "</table>"
        )

    def _row(self, key: str, label: str, value: str, rich: bool = False) -> None:
        shown = value if rich else html.escape(value)
        self.values[key] = shown
        self._rows.append(
            f'<tr><td style="padding-right:8px">{html.escape(label)}</td><td>{shown}</td></tr>'
        )

    def _arrival(self, document: Document) -> None:
        info = document.exchange
        assert info is not None
        language = current_language()
        self._row("sender", self.tr("Nơi gửi"), sender_text(document))
        if info.document_identifier and info.document_identifier != document.document_identifier:
            self._row("identifier", self.tr("Mã định danh"), info.document_identifier)
        came = self.tr("Qua trục liên thông") if info.source == "axis" else self.tr("Nhập từ tệp")
        if info.received_at:
            came += " — " + info.received_at.astimezone().strftime("%d/%m/%Y %H:%M")
        self._row("source", self.tr("Cách nhận"), came)
        untrusted = info.signature == "valid" and info.signature_trusted is False
        verdict = _coloured(
            signature_verdict_label(info.signature),
            AMBER if untrusted else VERDICT_COLOURS.get(info.signature, GREY),
            bold=True,
        )
        if untrusted:
            verdict += "<br>" + _coloured(
                self.tr("Chứng thư ký không thuộc gốc tin cậy: chưa xác thực được đơn vị đã ký."),
                AMBER,
            )
        detail = info.signature_detail(language)
        if info.signer:
            verdict += "<br>" + html.escape(self.tr("Người ký: %1").replace("%1", info.signer))
        if detail:
            verdict += "<br>" + html.escape(detail)
        self._row("signature", self.tr("Chữ ký số của gói"), verdict, rich=True)
        if info.file_signatures:
            self._row(
                "files",
                self.tr("Chữ ký số trên tệp"),
                _file_verdicts(info.file_signatures, language),
                rich=True,
            )
        problems = in_language(info.problems, language)
        if problems:
            self._row(
                "problems",
                self.tr("Vấn đề của gói"),
                "<br>".join(_coloured(p, AMBER) for p in problems),
                rich=True,
            )
        if info.attachments:
            self.attachments_title.setText(self.tr("Tệp đính kèm"))
            self.attachments_title.show()
            for attachment in info.attachments:
                self.attachments.addWidget(self._attachment_row(document, attachment))

    def _attachment_row(self, document: Document, attachment: ExchangeAttachment) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        size = QLocale().formattedDataSize(int(attachment.size or 0))
        said = attachment.description
        described = f" — {said}" if said and said != document.subject else ""
        name = _label(f"{attachment.name} ({size}){described}")
        save = QPushButton(self.tr("Lưu…"))
        save.setObjectName("saveAttachment")
        save.setToolTip(self.tr("Lưu tệp đính kèm vào thư mục bạn chọn"))
        save.clicked.connect(partial(self._save, document, attachment.sha256, attachment.name))
        self.attachment_buttons.append(save)
        line.addWidget(name, 1)
        line.addWidget(save)
        return row

    def _delivery(self, delivery: Delivery) -> str:
        words, problem = delivery_state(delivery)
        name = delivery.organisation or delivery.agency_code
        if delivery.agency_code and delivery.agency_code != name:
            name = f"{name} ({delivery.agency_code})"
        when = f" — {delivery.at.astimezone():%d/%m/%Y %H:%M}" if delivery.at else ""
        state = _coloured(words, RED) if problem else f"<b>{html.escape(words)}</b>"
        return f"{html.escape(name)}: {state}{html.escape(when)}"

    def _save(self, document: Document, sha256: str, name: str, _checked: bool = False) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục lưu tệp đính kèm"), str(Path.home())
        )
        if folder:
            self.save_attachment(document, sha256, Path(folder), name)

    def save_attachment(self, document: Document, sha256: str, folder: Path, name: str) -> None:
        """Download one attachment into ``folder`` under its own name (never over a file that
        is there: "tên (2).pdf"), in a worker; the view's status line says how it went."""
        dest = free_name(folder, name or sha256[:16])
        self.message.emit(self.tr("Đang tải %1…").replace("%1", dest.name))
        run_task(
            self.workspace.exchange.attachment,
            document,
            sha256,
            dest,
            on_done=lambda path: self.message.emit(
                self.tr("Đã lưu tệp đính kèm: %1").replace("%1", str(path))
            ),
            on_error=lambda exc: self.message.emit(": ".join(describe(exc))),
            owner=self,
        )


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/name (2).ext`` … when that is taken; the name is only its
    last part (a package cannot write outside the folder)."""
    base = Path(Path(name).name or "tep")
    candidate, number = folder / base, 2
    while candidate.exists():
        candidate = folder / f"{base.stem} ({number}){base.suffix}"
        number += 1
    return candidate
