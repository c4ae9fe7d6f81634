"""The signatures of the open file, one card each, as clear as Acrobat's signature panel.

Each card says in colour *and* in words which of four states the signature is in (valid;
valid with changes signing allows; not trusted, with why; invalid), who signed, when (the
signer's clock and the time-stamp authority's), how (approval, the organisation's seal, an
electronic copy…), and which PKI its certificate chains to. "Chứng thư…" opens the
certificate and its chain with SHA-256 fingerprints to compare with the operator's list.
Clicking a card asks the PDF viewer to show its stamp (``show_on_page``).

The verdicts are ``services.signature_details``'s, which are ``vanthu verify``'s word for word.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from base.errors import current_language
from services.signature_details import SignatureDetail, SignatureState
from signing.profiles import Mode

if TYPE_CHECKING:
    from signing.signature_fields import CertificateSummary

__all__ = ["SignaturePanel", "SignatureCard"]

logger = logging.getLogger(__name__)

COLOURS: dict[SignatureState, str] = {
    SignatureState.VALID: "#2e7d32",
    SignatureState.CHANGED_ALLOWED: "#1565c0",
    SignatureState.UNTRUSTED: "#b45309",
    SignatureState.INVALID: "#c62828",
}


def state_label(state: SignatureState) -> str:
    return {
        SignatureState.VALID: QCoreApplication.translate("SignaturePanel", "✔ Hợp lệ"),
        SignatureState.CHANGED_ALLOWED: QCoreApplication.translate(
            "SignaturePanel", "✔ Hợp lệ — có thay đổi được phép"
        ),
        SignatureState.UNTRUSTED: QCoreApplication.translate("SignaturePanel", "⚠ Chưa tin cậy"),
        SignatureState.INVALID: QCoreApplication.translate("SignaturePanel", "✘ Không hợp lệ"),
    }[state]


def mode_label(detail: SignatureDetail) -> str:
    if detail.report.is_document_timestamp:
        return QCoreApplication.translate(
            "SignaturePanel", "Dấu thời gian tài liệu (lưu trữ dài hạn)"
        )
    if detail.mode is None:
        return QCoreApplication.translate("SignaturePanel", "Không rõ (chữ ký của phần mềm khác)")
    return {
        Mode.APPROVE: QCoreApplication.translate("SignaturePanel", "Ký phê duyệt"),
        Mode.ISSUE: QCoreApplication.translate(
            "SignaturePanel", "Đóng dấu phát hành (chữ ký số của cơ quan)"
        ),
        Mode.ATTACHMENT: QCoreApplication.translate("SignaturePanel", "Ký phụ lục"),
        Mode.COPY: QCoreApplication.translate("SignaturePanel", "Ký bản sao điện tử"),
    }[detail.mode]


def pki_label(pki: str) -> str:
    return {
        "government": QCoreApplication.translate("SignaturePanel", "chuyên dùng Chính phủ"),
        "public": QCoreApplication.translate("SignaturePanel", "công cộng"),
        "other": QCoreApplication.translate("SignaturePanel", "khác (do quản trị viên thêm)"),
    }.get(pki, pki)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%d/%m/%Y %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"


def _day(moment: dt.datetime) -> str:
    return f"{moment:%d/%m/%Y}"


def _groups(fingerprint: str, size: int = 8) -> list[str]:
    """``AA:BB:…`` in lines of ``size`` bytes, so a narrow panel never cuts a fingerprint."""
    octets = fingerprint.split(":")
    return [":".join(octets[i : i + size]) for i in range(0, len(octets), size)]


def chain_html(chain: tuple[CertificateSummary, ...]) -> str:
    """The signer's certificate, then each issuer up to the root, each with what to check."""
    if not chain:
        return html.escape(
            QCoreApplication.translate(
                "SignaturePanel", "Không đọc được chứng thư trong chữ ký này."
            )
        )
    parts = []
    for depth, cert in enumerate(chain):
        if depth == 0:
            role = QCoreApplication.translate("SignaturePanel", "Người ký")
        elif cert.self_signed:
            role = QCoreApplication.translate("SignaturePanel", "Chứng thư gốc")
        else:
            role = QCoreApplication.translate("SignaturePanel", "Nơi cấp trung gian")
        org = f" — {html.escape(cert.subject_o)}" if cert.subject_o else ""
        lines = [
            f"<b>{html.escape(role)}: {html.escape(cert.subject_cn)}</b>{org}",
            html.escape(QCoreApplication.translate("SignaturePanel", "Cấp bởi: %1")).replace(
                "%1", html.escape(cert.issuer_cn)
            ),
            html.escape(QCoreApplication.translate("SignaturePanel", "Hiệu lực: %1 – %2"))
            .replace("%1", _day(cert.not_before))
            .replace("%2", _day(cert.not_after)),
            html.escape(QCoreApplication.translate("SignaturePanel", "Số hiệu: %1")).replace(
                "%1", cert.serial
            ),
            "SHA-256:<br><code>" + "<br>".join(_groups(cert.sha256)) + "</code>",
        ]
        indent = 10 * depth
        parts.append(
            f"<div style='margin-left:{indent}px; margin-bottom:6px'>"
            + "<br>".join(lines)
            + "</div>"
        )
    if not chain[-1].self_signed:
        parts.append(
            f"<div>{html.escape(QCoreApplication.translate('SignaturePanel', 'Chuỗi dừng ở đây: không có chứng thư gốc của nơi cấp này.'))}</div>"
        )
    return "".join(parts)


class SignatureCard(QFrame):
    """One signature: state, signer, times, mode, PKI; details and the chain on demand."""

    clicked = Signal()

    def __init__(self, number: int, detail: SignatureDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.number, self.detail = number, detail
        report = detail.report
        english = current_language() == "en"
        self.summary = report.summary_en if english else report.summary_vi
        self.details = report.details_en if english else report.details_vi
        colour = COLOURS[detail.state]
        self.setObjectName("signatureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"#signatureCard {{ border: 1px solid #c8c8c8; border-left: 5px solid {colour};"
            " border-radius: 4px; }"
        )
        self.badge = QLabel(state_label(detail.state))
        self.badge.setObjectName("stateBadge")
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; padding: 2px 6px;"
            " border-radius: 3px;"
        )
        title = QLabel(self.tr("Chữ ký %1").replace("%1", str(number)))
        title.setStyleSheet("font-weight: bold")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        signer = report.signer_cn or self.tr("(không rõ người ký)")
        org = f" — {html.escape(report.signer_o)}" if report.signer_o else ""
        self.signer = QLabel(f"<b>{html.escape(signer)}</b>{org}")
        self.signer.setWordWrap(True)
        self.verdict = QLabel(self.summary)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(f"color: {colour}")
        facts = QFormLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLabel] = {}
        for key, label, value in self._facts(english):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(label, text)
            self.fields[key] = text
        self.chain_button = QPushButton(self.tr("Chứng thư…"))
        self.chain_button.setObjectName("chainButton")
        self.chain_button.setCheckable(True)
        self.details_button = QPushButton(self.tr("Chi tiết…"))
        self.details_button.setCheckable(True)
        self.page_button = QPushButton()
        self.page_button.setObjectName("pageButton")
        if detail.page_index is not None:
            self.page_button.setText(
                self.tr("Xem trên trang %1").replace("%1", str(detail.page_index + 1))
            )
            self.page_button.clicked.connect(self.clicked)
        else:
            self.page_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.chain_button)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        header.addWidget(self.page_button)
        self.chain = QLabel(chain_html(detail.chain))
        self.chain.setObjectName("chain")
        self.chain.setWordWrap(True)
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        self.chain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chain.hide()
        self.chain_button.toggled.connect(self.chain.setVisible)
        self.checks = QLabel("<br>".join(f"• {html.escape(line)}" for line in self.details))
        self.checks.setWordWrap(True)
        self.checks.hide()
        self.details_button.toggled.connect(self.checks.setVisible)
        column = QVBoxLayout(self)
        column.addLayout(header)
        column.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.signer)
        column.addWidget(self.verdict)
        column.addLayout(facts)
        column.addLayout(buttons)
        column.addWidget(self.checks)
        column.addWidget(self.chain)

    def _facts(self, english: bool) -> list[tuple[str, str, str]]:
        report, detail = self.detail.report, self.detail
        facts = [("mode", self.tr("Cách ký"), mode_label(detail))]
        signed = _when(report.signing_time)
        if signed:
            facts.append(("signed", self.tr("Thời điểm ký"), signed))
        stamp = _when(report.timestamp_time) or self.tr(
            "Không có — thời điểm ký do máy người ký tự ghi"
        )
        facts.append(("timestamp", self.tr("Dấu thời gian"), stamp))
        if not report.intact:
            facts.append(("trust", self.tr("Tin cậy"), self.tr("Không xét: nội dung đã bị sửa")))
        elif report.trusted and report.pki == "profile":
            root = self.tr("%1 (chứng thư gốc riêng của cấu hình ký số, ngoài danh sách chung)")
            facts.append(("trust", self.tr("Tin cậy"), root.replace("%1", report.trust_anchor)))
        elif report.trusted and report.pki:
            root = self.tr("%1 (hạ tầng %2)").replace("%1", report.trust_anchor)
            facts.append(("trust", self.tr("Tin cậy"), root.replace("%2", pki_label(report.pki))))
        else:
            why = (report.trust_en if english else report.trust_vi) or self.summary
            facts.append(("trust", self.tr("Tin cậy"), why))
        if detail.state is SignatureState.CHANGED_ALLOWED:
            changed = {
                "form_fill": self.tr("có thêm chữ ký khác hoặc điền biểu mẫu — được phép"),
                "annotations": self.tr(
                    "có thêm chú thích (như số, ngày ghi khi đóng dấu) — được phép"
                ),
            }.get(report.modification, self.tr("có phần được thêm vào tài liệu sau chữ ký này"))
            facts.append(("changes", self.tr("Sau khi ký"), changed))
        return facts

    def text(self) -> str:
        """The card as one plain paragraph (what a screen reader or a copy gets)."""
        report = self.detail.report
        when = report.timestamp_time or report.signing_time
        stamp = when.astimezone().strftime("%d/%m/%Y %H:%M") if when else ""
        return f"{self.number}. {report.signer_cn} — {self.summary} {stamp}\n   " + "\n   ".join(
            self.details
        )

    def set_selected(self, selected: bool) -> None:
        colour = COLOURS[self.detail.state]
        back = "background: #eef4fb;" if selected else ""
        self.setStyleSheet(
            f"#signatureCard {{ border: 1px solid #c8c8c8; border-left: 5px solid {colour};"
            f" border-radius: 4px; {back} }}"
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.setAccepted(event.button() == Qt.MouseButton.LeftButton)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.clicked.emit()
        else:
            event.ignore()


class _Message(QLabel):
    """The panel's only line when there is nothing to list (no signatures, checking…)."""


class SignaturePanel(QScrollArea):
    show_on_page = Signal(int, QRectF)
    """A signature was clicked: its page (0-based) and stamp box in points on the page as shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatures")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards: list[SignatureCard] = []
        self.message: _Message | None = None
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setContentsMargins(4, 4, 4, 4)
        self._column.addStretch(1)
        self.setWidget(self._body)

    def clear(self) -> None:
        for card in self.cards:
            card.deleteLater()
        if self.message is not None:
            self.message.deleteLater()
        self.cards, self.message = [], None

    def show_message(self, text: str) -> None:
        self.clear()
        self.message = _Message(text)
        self.message.setWordWrap(True)
        self._column.insertWidget(0, self.message)

    def show_signatures(self, details: list[SignatureDetail]) -> None:
        if not details:
            self.show_message(self.tr("Tệp không có chữ ký số."))
            return
        self.clear()
        for number, detail in enumerate(details, start=1):
            card = SignatureCard(number, detail)
            card.clicked.connect(lambda c=card: self.select(c))
            self._column.insertWidget(len(self.cards), card)
            self.cards.append(card)

    def select(self, card: SignatureCard) -> None:
        for other in self.cards:
            other.set_selected(other is card)
        detail = card.detail
        if detail.page_index is not None:
            box = QRectF()
            if detail.rect:
                x0, y0, x1, y1 = detail.rect
                box = QRectF(x0, y0, x1 - x0, y1 - y0)
            self.show_on_page.emit(detail.page_index, box)

    # The plain-list interface the document view's callers and tests have read since it was one.
    def count(self) -> int:
        return len(self.cards) or (1 if self.message is not None else 0)

    def item(self, index: int) -> SignatureCard | _Message:
        if self.cards:
            return self.cards[index]
        if self.message is None or index != 0:
            raise IndexError(index)
        return self.message
