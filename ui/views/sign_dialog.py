"""Signing: token and certificate → PIN (masked, last-try warning) → mode and
placement preview (draggable) → progress with cancel → per-document results.

The dialog opens in the mode the documents' next step asks for and with the certificate that
mode signs with — both decided by the workspace (``services.signing_defaults``), as the
command line decides them: a clerk's seal with the organisation's certificate on numbered
documents, a leader's approval on drafts waiting for signature."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import pymupdf
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from base.errors import current_language
from base.progress import CancelToken, Progress
from client.records import Document
from services.signing import (
    DocumentResult,
    DocumentSigning,
    PinTries,
    SignOutcome,
    TokenCertificate,
    pin_tries,
    token_certificates,
    token_pin_tries,
)
from services.workspace import Workspace
from signing.backends import TokenBackend
from signing.errors import PinIncorrect, Remedy
from signing.modules import discover_modules
from signing.placement import Placement
from signing.profiles import Mode, SigningProfile

from ..errors import describe
from ..workers import Task, run_task

__all__ = ["SignDialog", "PlacementPreview", "PagePreview"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PagePreview:
    """The page the signature goes on, rendered, with the planned box in PDF points."""

    samples: bytes
    width: int
    height: int
    page_index: int
    box: tuple[float, float, float, float]


def _preview(path: str, mode: Mode, profile: SigningProfile, signer: str) -> PagePreview:
    from signing.appearance import plan_appearance

    with pymupdf.open(path) as doc:
        appearance = plan_appearance(doc, mode, profile, signer_name=signer, number_symbol="0/XX")
        appearance.close()
        page = doc[appearance.placement.page_index]
        pix = page.get_pixmap(
            matrix=pymupdf.Matrix(PlacementPreview.SCALE, PlacementPreview.SCALE), alpha=False
        )
        r = appearance.placement.rect
        return PagePreview(
            bytes(pix.samples),
            pix.width,
            pix.height,
            appearance.placement.page_index,
            (r.x0, r.y0, r.x1, r.y1),
        )


class PlacementPreview(QLabel):
    """Page preview with the signature box; drag to move it."""

    moved = Signal()
    SCALE = 0.45

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self.box = QRectF()
        self.page_index = 0
        self.dragged = False
        self._grab: QPointF | None = None
        self.setMinimumSize(270, 380)

    def set_page(
        self, image: QImage, page_index: int, rect: tuple[float, float, float, float]
    ) -> None:
        self.image, self.page_index, self.dragged = image, page_index, False
        self.box = QRectF(
            QPointF(rect[0], rect[1]) * self.SCALE, QPointF(rect[2], rect[3]) * self.SCALE
        )
        self._paint()

    def placement(self) -> Placement | None:
        if not self.dragged:
            return None
        box = self.box
        s = self.SCALE
        return Placement(
            self.page_index,
            pymupdf.Rect(box.left() / s, box.top() / s, box.right() / s, box.bottom() / s),
        )

    def _paint(self) -> None:
        if self.image is None:
            return
        canvas = self.image.copy()
        painter = QPainter(canvas)
        painter.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
        painter.fillRect(self.box, QColor(21, 101, 192, 40))
        painter.drawRect(self.box)
        painter.end()
        self.setPixmap(QPixmap.fromImage(canvas))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.box.contains(event.position()):
            self._grab = event.position() - self.box.topLeft()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is not None:
            self.box.moveTopLeft(event.position() - self._grab)
            self.dragged = True
            self._paint()
            self.moved.emit()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._grab = None


class SignDialog(QDialog):
    """Sign ``documents`` with a token certificate; each attempt starts with a clean slate and a
    finished signing turns the primary button into "Đóng"."""

    SUBJECT_CHARS = 60

    def __init__(
        self,
        workspace: Workspace,
        documents: list[Document],
        profile: SigningProfile,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.documents, self.profile = workspace, documents, profile
        self.results: list[DocumentResult] = []
        self.reload_ids: list[int] = []
        self.reload_requested = False
        """Documents that changed on the server meanwhile (409): re-signed after a sync if the user asks."""
        self.task: Task | None = None
        self.finished_signing = False
        """Every document has its result and none waits for a remedy: the primary button closes."""
        self.setWindowTitle(self.tr("Ký số %n văn bản", "", len(documents)))
        self._build_widgets()
        self._build_layout()
        self.certificates: list[TokenCertificate] = []
        self.certificate_by_hand = False
        """The user picked the certificate: a change of mode no longer picks it for them."""
        self.certificate.currentIndexChanged.connect(self._certificate_chosen)
        self.certificate.activated.connect(self._chose_certificate)
        self.load_certificates()
        self.load_preview()

    # -- building ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        profile = self.profile
        self.documents_list = QListWidget()
        self.documents_list.setObjectName("documents")
        self.documents_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.documents_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for document in self.documents:
            self.documents_list.addItem(self.document_name(document))
        self._fit_rows(self.documents_list, 5)
        self.module = QComboBox()
        for module in discover_modules(tuple(p for p in (profile.module_path,) if p)):
            self.module.addItem(f"{module.vendor}: {module.path}", module.path)
        if profile.module_path:
            self.module.setCurrentIndex(max(0, self.module.findData(profile.module_path)))
        self.module.currentIndexChanged.connect(self.load_certificates)
        self.certificate = QComboBox()
        self.certificate.setObjectName("certificate")
        self.certificate.setMinimumContentsLength(30)
        self.certificate.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        """What is true of the chosen certificate and token (expired, last PIN try): it stays."""
        self.note.setObjectName("certificateNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #c62828")
        self.note.hide()
        self.warning = QLabel()
        """The last attempt's problem or the next thing to do; cleared when the user signs again."""
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.mode = QComboBox()
        for mode, label in (
            (Mode.APPROVE, self.tr("Ký phê duyệt")),
            (Mode.ISSUE, self.tr("Đóng dấu phát hành")),
            (Mode.ATTACHMENT, self.tr("Ký phụ lục")),
            (Mode.COPY, self.tr("Ký bản sao điện tử")),
        ):
            self.mode.addItem(label, mode.value)  # Qt hands a StrEnum back as a plain str
        self.mode.setCurrentIndex(
            self.mode.findData(self.workspace.signing_mode(self.documents).value)
        )
        self.mode.currentIndexChanged.connect(self.load_preview)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.preview = PlacementPreview()
        self.progress = QProgressBar()
        self.progress.hide()
        self.results_list = QListWidget()
        self.results_list.setObjectName("results")
        self.results_list.setWordWrap(True)  # a file's problem is a sentence: read it whole
        self.results_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sign_button = QPushButton(self.tr("Ký"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.setDefault(True)  # Enter in the PIN field signs
        self.sign_button.clicked.connect(self._primary)
        self.cancel_button = QPushButton(self.tr("Huỷ"))
        self.cancel_button.clicked.connect(self.cancel)
        self.reload_button = QPushButton(self.tr("Tải lại bản mới nhất"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.clicked.connect(self.reload_conflicts)
        self.reload_button.hide()
        self.repair_button = QPushButton(self.tr("Sửa tệp hỏng và ký bản sửa"))
        self.repair_button.setObjectName("repairButton")
        self.repair_button.setToolTip(
            self.tr(
                "Ghi lại một lần các tệp PDF hỏng cấu trúc (chưa có chữ ký) rồi ký bản đã sửa; "
                "lý do ký ghi rõ đây là bản sửa."
            )
        )
        self.repair_button.clicked.connect(self.retry_with_repair)
        self.repair_button.hide()
        self.file_password = QLineEdit()
        self.file_password.setObjectName("filePassword")
        self.file_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.outstanding: dict[int, Remedy] = {}
        """Documents that failed with something the user can do about it (repair, password)."""
        self.retry_repair = False

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.tr("Văn bản"), self.documents_list)
        self.form.addRow(self.tr("Cách ký"), self.mode)
        self.form.addRow(self.tr("Thư viện token"), self.module)
        self.form.addRow(self.tr("Chứng thư số"), self.certificate)
        self.form.addRow(self.tr("Mã PIN"), self.pin)
        self.form.addRow(self.tr("Mật khẩu tệp PDF"), self.file_password)
        self.form.addRow(self.tr("Kết quả"), self.results_list)
        self.form.setRowVisible(self.file_password, False)
        self.form.setRowVisible(self.results_list, False)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.note)
        left.addWidget(self.warning)
        left.addWidget(self.progress)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.repair_button)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_button)
        left.addLayout(buttons)
        right = QVBoxLayout()
        caption = QLabel(self.tr("Vị trí chữ ký (kéo khung để di chuyển)"))
        caption.setBuddy(self.preview)
        right.addWidget(caption)
        right.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right)
        self.resize(self.sizeHint().expandedTo(QSize(880, 0)))

    @staticmethod
    def _fit_rows(view: QListWidget, most: int) -> None:
        """As tall as its rows (up to ``most``): no empty box under a single document."""
        rows = max(1, min(view.count(), most))
        line = max(view.sizeHintForRow(0), view.fontMetrics().lineSpacing() + 6)
        view.setFixedHeight(rows * line + 2 * view.frameWidth() + 4)

    def document_name(self, document: Document) -> str:
        """Its number/notation and subject, shortened: how people name a document."""
        symbol = (document.number_symbol or "").strip()
        if not symbol or symbol.startswith("/"):
            symbol = self.tr("(chưa có số)")
        subject = " ".join(document.subject.split())
        if len(subject) > self.SUBJECT_CHARS:
            cut = subject[: self.SUBJECT_CHARS].rsplit(" ", 1)[0]
            subject = cut.rstrip(",;:.") + "…"
        return f"{symbol} — {subject}" if subject else symbol

    # -- token and certificate -----------------------------------------------------------
    def load_certificates(self) -> None:
        module = self.module.currentData()
        if module:
            run_task(
                token_certificates,
                module,
                on_done=self._certificates,
                on_error=self._error,
                owner=self,
            )

    def selected_mode(self) -> Mode:
        return Mode(self.mode.currentData())

    def _certificates(self, found: list[TokenCertificate]) -> None:
        self.certificates = found
        self.certificate.clear()
        for entry in self.certificates:
            cert = entry.certificate
            valid = f"{cert.not_before:%d/%m/%Y}–{cert.not_after:%d/%m/%Y}"
            self.certificate.addItem(
                f"{cert.subject_cn} — {cert.issuer_cn} ({valid}) [{entry.token_label}]", cert.key_id
            )
        self._select_default_certificate()

    def _select_default_certificate(self) -> None:
        """The certificate the chosen mode signs with (the organisation's to seal)."""
        found = [entry.certificate for entry in self.certificates]
        wanted = self.workspace.signing_key_id(self.selected_mode(), found, self.profile)
        if wanted:
            self.certificate.setCurrentIndex(max(0, self.certificate.findData(wanted)))

    def _chose_certificate(self, _index: int) -> None:
        self.certificate_by_hand = True

    def _mode_changed(self) -> None:
        if not self.certificate_by_hand:
            self._select_default_certificate()

    def _certificate_chosen(self, index: int) -> None:
        if not (0 <= index < len(self.certificates)):
            return
        cert, flags = self.certificates[index].certificate, self.certificates[index].flags
        self.certificate.setToolTip(self.certificate.itemText(index))  # the whole name
        problem = cert.validity_problem()
        notes = [problem[0 if current_language() != "en" else 1]] if problem else []
        tries = pin_tries(flags)
        if tries is PinTries.FINAL:
            notes.append(self.tr("CẢNH BÁO: chỉ còn MỘT lần nhập PIN trước khi token bị khoá."))
        elif tries is PinTries.LOW:
            notes.append(self.tr("Còn ít lượt thử mã PIN: hãy nhập thật cẩn thận."))
        pin_pad = flags.protected_auth_path
        self.pin.setEnabled(not pin_pad)
        self.pin.setPlaceholderText(
            self.tr("Nhập PIN trên bàn phím của token khi bấm Ký") if pin_pad else ""
        )
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def _say(self, text: str, *, problem: bool = False) -> None:
        """The attempt's one message: red for a problem, plain for what to do next."""
        self.warning.setStyleSheet("color: #c62828" if problem else "")
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    # -- preview -------------------------------------------------------------------------
    def load_preview(self) -> None:
        document = self.documents[0]
        if document.latest_version is None:
            return
        mode = self.selected_mode()

        def prepare() -> PagePreview:
            path = self.workspace.open_file(document)
            try:
                return _preview(str(path), mode, self.profile, self.profile.signer_name or "")
            finally:
                self.workspace.close_file(path)  # a secret document's file leaves the disk

        run_task(
            prepare,
            on_done=self._preview,
            on_error=lambda exc: self._say(self._problem(exc), problem=True),
            owner=self,
        )

    def _preview(self, page: PagePreview) -> None:
        image = QImage(
            page.samples, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888
        ).copy()
        self.preview.set_page(image, page.page_index, page.box)

    # -- signing -------------------------------------------------------------------------
    def _primary(self) -> None:
        if self.finished_signing:
            self.accept()
        else:
            self.start()

    def start(self) -> None:
        self._say("")
        index = self.certificate.currentIndex()
        if index < 0:
            self._say(self.tr("Chưa chọn chứng thư số."), problem=True)
            return
        chosen = self.certificates[index]
        backend = TokenBackend(
            self.module.currentData(), chosen.token_label, chosen.certificate.key_id
        )
        pin = None if chosen.flags.protected_auth_path else self.pin.text()
        if pin == "":
            self._say(self.tr("Hãy nhập mã PIN của token."), problem=True)
            self.pin.setFocus()
            return
        self.pin.clear()
        documents = self._to_sign()
        signing = DocumentSigning(
            self.selected_mode(),
            self.profile,
            placement=self.preview.placement() if len(self.documents) == 1 else None,
            repair=self.retry_repair,
            pdf_password=self.file_password.text() or None,
        )
        self.file_password.clear()
        self.sign_button.setEnabled(False)
        self.repair_button.hide()
        self.progress.setRange(0, len(documents))
        self.progress.setValue(0)
        self.progress.show()

        def work(progress: Progress, cancel: CancelToken) -> list[DocumentResult]:
            with backend.open(pin) as active:
                return self.workspace.sign_documents(documents, active, signing, progress, cancel)

        self.task = run_task(
            work,
            on_done=self._done,
            on_error=self._error,
            on_progress=lambda done, _total: self.progress.setValue(done),
            owner=self,
        )

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel.set()
        else:
            self.reject()

    def _done(self, results: list[DocumentResult]) -> None:
        self.results, self.task = results, None
        self.progress.hide()
        self._refresh_pin_state()  # a good PIN resets the token's "few tries left"
        english = current_language() == "en"
        names = {d.id: self.document_name(d) for d in self.documents}
        for result in results:
            mark = {
                SignOutcome.SIGNED: "✔",
                SignOutcome.QUEUED: "⏳",
                SignOutcome.CONFLICT: "⚠",
            }.get(result.outcome, "✘")
            text = result.message_en if english else result.message_vi
            suffix = self.tr(" — bấm Tải lại để lấy bản mới nhất") if result.conflict else ""
            name = names.get(result.document_id, "")
            self.results_list.addItem(f"{mark} {name}: {text}{suffix}")
        self.form.setRowVisible(self.results_list, True)
        self.results_list.scrollToBottom()
        self.reload_ids = [r.document_id for r in results if r.conflict]
        self.reload_button.setVisible(bool(self.reload_ids))
        self._offer_remedies(results)
        self.finished_signing = not self.outstanding
        self.sign_button.setEnabled(True)
        if self.finished_signing:  # nothing left to sign: the primary button closes
            self.sign_button.setText(self.tr("Đóng"))
            self.cancel_button.hide()
            self.sign_button.setFocus()
        else:
            self.cancel_button.setText(self.tr("Đóng"))
            self.cancel_button.clicked.disconnect()
            self.cancel_button.clicked.connect(self.accept)

    def _waiting(self, remedy: Remedy) -> list[Document]:
        return [d for d in self.documents if self.outstanding.get(d.id) is remedy]

    def _to_sign(self) -> list[Document]:
        """The first time every document; then those waiting for the remedy the user chose."""
        if self.retry_repair:
            return self._waiting(Remedy.REPAIR)
        if self.file_password.text():
            return self._waiting(Remedy.PASSWORD)
        return [d for d in self.documents if d.id in self.outstanding] or self.documents

    def _offer_remedies(self, results: list[DocumentResult]) -> None:
        """A damaged file can be repaired, a locked one opened with its password: offer both,
        for just those documents, with the same PIN flow as the first try."""
        for result in results:
            if result.remedy is not None and not result.ok:
                self.outstanding[result.document_id] = result.remedy
            else:
                self.outstanding.pop(result.document_id, None)
        self.retry_repair = False
        repairable, locked = self._waiting(Remedy.REPAIR), self._waiting(Remedy.PASSWORD)
        self.repair_button.setVisible(bool(repairable))
        self.form.setRowVisible(self.file_password, bool(locked))
        if locked:
            self._say(
                self.tr(
                    "Nhập mật khẩu mở tệp và mã PIN rồi bấm Ký để ký %n tệp có mật khẩu.",
                    "",
                    len(locked),
                )
            )
            self.file_password.setFocus()

    def retry_with_repair(self) -> None:
        self.retry_repair = True
        self.repair_button.hide()
        count = len(self._waiting(Remedy.REPAIR))
        self._say(self.tr("Nhập mã PIN rồi bấm Ký để ký bản sửa của %n tệp.", "", count))
        self.pin.setFocus()

    def reload_conflicts(self) -> None:
        """Close; the main window syncs the newest versions and opens signing again for these."""
        self.reload_requested = True
        self.accept()

    def _error(self, exc: Exception) -> None:
        self.task = None
        self.progress.hide()
        self.sign_button.setEnabled(True)
        if isinstance(exc, PinIncorrect):
            fallback = PinTries.FINAL if exc.final_try else PinTries.LOW if exc.count_low else None
            self._wrong_pin(fallback or PinTries.NORMAL)
            self._refresh_pin_state(on_wrong_pin=True)
            return
        self._say(self._problem(exc), problem=True)

    @staticmethod
    def _problem(exc: Exception) -> str:
        """Title and message once: never "Sai mã PIN: Sai mã PIN. …"."""
        title, message = describe(exc)
        return message if message.startswith(title) else f"{title}: {message}"

    def _wrong_pin(self, tries: PinTries) -> None:
        text = {
            PinTries.NORMAL: self.tr("Sai mã PIN. Hãy nhập lại."),
            PinTries.LOW: self.tr(
                "Sai mã PIN. Còn ít lượt thử — lần sai tiếp theo có thể khoá thiết bị ký."
            ),
            PinTries.FINAL: self.tr(
                "Sai mã PIN. Lần thử cuối cùng: nhập sai thêm một lần, thiết bị ký sẽ bị khoá."
            ),
            PinTries.LOCKED: self.tr(
                "Sai mã PIN quá số lần cho phép: thiết bị ký đã bị khoá. Liên hệ đơn vị cấp "
                "chứng thư số để mở khoá."
            ),
        }[tries]
        self._say(text, problem=True)
        self.pin.setFocus()

    def _refresh_pin_state(self, *, on_wrong_pin: bool = False) -> None:
        """Ask the token how many PIN tries are left (``services.signing.token_pin_tries``)."""
        index = self.certificate.currentIndex()
        if not (0 <= index < len(self.certificates)):
            return
        module, label = self.module.currentData(), self.certificates[index].token_label

        def update(tries: PinTries | None) -> None:
            if tries is None:
                return
            flags = replace(
                self.certificates[index].flags,
                pin_count_low=tries is PinTries.LOW,
                pin_final_try=tries is PinTries.FINAL,
                pin_locked=tries is PinTries.LOCKED,
            )
            for i, entry in enumerate(self.certificates):
                if entry.token_label == label:
                    self.certificates[i] = replace(entry, flags=flags)
            if on_wrong_pin:
                self._wrong_pin(tries)
            self._certificate_chosen(self.certificate.currentIndex())

        run_task(token_pin_tries, module, label, on_done=update, owner=self)
