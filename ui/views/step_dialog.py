"""The workflow step dialog: present, assign, note, finish, return, submit, issue…

It offers the steps the document's status allows (the server still decides who may take
them and says why not), and shows only the fields the chosen step uses: leaders to present
or submit to, the lead handler, co-handlers and people informed with a deadline, recipient
organisations, a comment. The step runs in a worker; the result replaces the document.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import add_working_days, today_in_vietnam
from base.workflow import RULES, steps_for
from client.cache.folding import fold
from client.cache.query import DocumentRow
from client.records import Colleague, Document, NextNumber, Organisation, User
from services.workflow import BatchOutcome, Step, StepInput, StepOutcome
from services.workspace import Workspace

from ..errors import describe
from ..labels import role_label, step_label
from ..workers import run_task
from .corrections_form import BadDate, CorrectionsForm

__all__ = ["StepDialog", "offered_steps"]

logger = logging.getLogger(__name__)


def offered_steps(document: Document, user: User) -> tuple[Step, ...]:
    """What ``user`` may do to ``document`` now: the workflow contract's answer, the one the
    server enforces (``base.workflow.steps_for``), the usual next step first."""
    return steps_for(
        role=user.role,
        parts=[
            a.kind for a in document.assignments if a.user_id == user.id and a.state == "active"
        ],
        direction=document.direction,
        status=document.status,
        is_author=document.created_by == user.id,
    )


# What each step needs comes from the contract's rules, as the server checks it.
_NEEDS_LEADERS = {step for step, rule in RULES.items() if rule.recipients_required}
_NEEDS_COMMENT = {step for step, rule in RULES.items() if rule.comment_required}
_NEW_DEADLINE = {step for step, rule in RULES.items() if rule.deadline_required}
_TAKES_A_NUMBER = {Step.NUMBER, Step.REGISTER}


def _checkable(items: list[tuple[str, int | str]]) -> QListWidget:
    widget = QListWidget()
    for text, key in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def _tick_named(
    widget: QListWidget, organisations: Sequence[Organisation], places: Sequence[str]
) -> None:
    """ISSUE: the recipients the draft names ("Kính gửi: Sở Tài chính") are ticked already."""
    named = {" ".join(fold(p).strip(" .;:-").split()) for p in places}

    def meant(o: Organisation) -> bool:
        """Its code, its full name, or its name without the province ("Sở Tài chính")."""
        name = " ".join(fold(o.name).split())
        return bool({fold(o.code), name, name.split(" tinh ")[0]} & named)

    codes = {o.code for o in organisations if meant(o)}
    for i in range(widget.count()):
        item = widget.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in codes:
            item.setCheckState(Qt.CheckState.Checked)


def _checked(widget: QListWidget) -> list:  # type: ignore[type-arg]
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() is Qt.CheckState.Checked
    ]


class StepDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        document: Document,
        colleagues: list[Colleague],
        organisations: list[Organisation],
        parent: QWidget | None = None,
        replaceable: Sequence[DocumentRow] = (),
        others: Sequence[Document] = (),
    ) -> None:
        super().__init__(parent)
        self.workspace, self.document = workspace, document
        self.documents = [document, *(d for d in others if d.id != document.id)]
        """Batch mode with more than one: the same step for each (assign several…)."""
        self.batch: BatchOutcome | None = None
        self.result_document: Document | None = None
        self.setWindowTitle(self.tr("Xử lý văn bản"))
        me = workspace.user.id
        # By department, then name: the leader picks "Phòng Kinh tế", then the person in it.
        people = sorted(
            (c for c in colleagues if c.id != me),
            key=lambda c: (not c.department, c.department, c.full_name),
        )
        self.step = QComboBox()
        self.step.setObjectName("step")
        user = workspace.user
        allowed = [set(offered_steps(d, user)) for d in self.documents[1:]]
        for step in offered_steps(document, user):
            if step is Step.CORRECT and len(self.documents) > 1:
                continue  # a correction is one document's
            if all(step in steps for steps in allowed):  # the steps they all allow
                self.step.addItem(step_label(step.value), step.value)
        self.leaders = _checkable(
            [(f"{c.full_name} — {c.title}", c.id) for c in people if c.role == "leader"]
        )
        self.leaders.setObjectName("leaders")
        self.lead = QComboBox()
        self.lead.setObjectName("lead")
        for person in people:
            self.lead.addItem(_person(person), person.id)
        self.co = _checkable([(_person(c), c.id) for c in people])
        self.co.setObjectName("co")
        self.info = _checkable([(_person(c), c.id) for c in people])
        self.info.setObjectName("info")
        self.people_filter = QLineEdit()
        self.people_filter.setObjectName("peopleFilter")
        self.people_filter.setClearButtonEnabled(True)
        self.people_filter.setPlaceholderText(self.tr("Tìm người, phòng ban (gõ không dấu được)"))
        self.people_filter.textChanged.connect(self._filter_people)
        self.has_deadline = QCheckBox(self.tr("Có hạn xử lý"))
        self.deadline = QDateEdit(QDate.currentDate().addDays(7))
        self.deadline.setObjectName("deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.has_deadline.setChecked(True)
        own = workspace.user.organisation_id
        self.organisations = _checkable(
            [(f"{o.name} ({o.code})", o.code) for o in organisations if o.id != own]
        )
        _tick_named(self.organisations, organisations, (*document.to_places, *document.recipients))
        self.organisations.setObjectName("organisations")
        self.replaces = QComboBox()
        self.replaces.setObjectName("replaces")
        self.replaces.addItem(self.tr("Không thay thế văn bản nào"), None)
        for row in replaceable:
            if row.id != document.id:
                self.replaces.addItem(f"{row.number_symbol} — {row.subject[:70]}", row.id)
        self.stamp = QCheckBox(self.tr("Đóng dấu ĐẾN lên trang đầu của tệp"))
        self.stamp.setObjectName("stamp")
        self.stamp.setToolTip(
            self.tr(
                "Dấu ĐẾN ghi tên cơ quan, số đến và ngày đến; được thêm thành một phiên bản mới"
                " của tệp nên chữ ký số của nơi gửi vẫn hợp lệ."
            )
        )
        has_file = bool(document.current_version)
        self.stamp.setChecked(has_file)
        self.stamp.setEnabled(has_file)
        self.next_number = QLabel()
        self.next_number.setObjectName("nextNumber")
        self.next_number.setWordWrap(True)
        self._number_asked = False
        self.corrections = CorrectionsForm(document)
        self.corrections.setObjectName("corrections")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setMaximumHeight(90)
        self.error = QLabel()
        self.error.setObjectName("stepError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.form = QFormLayout()
        self.rows: dict[str, QWidget] = {}
        for key, label, widget in (
            ("step", self.tr("Bước"), self.step),
            ("leaders", self.tr("Trình lãnh đạo"), self.leaders),
            ("people_filter", self.tr("Tìm"), self.people_filter),
            ("lead", self.tr("Xử lý chính"), self.lead),
            ("co", self.tr("Phối hợp"), self.co),
            ("info", self.tr("Nhận để biết"), self.info),
            ("deadline", self.has_deadline, self.deadline),
            ("organisations", self.tr("Gửi đơn vị nhận"), self.organisations),
            ("replaces", self.tr("Thay thế văn bản"), self.replaces),
            ("stamp", self.tr("Dấu đến"), self.stamp),
            ("next_number", self.tr("Số sẽ cấp"), self.next_number),
            ("corrections", self.tr("Thông tin đúng"), self.corrections),
            ("comment", self.tr("Ý kiến"), self.comment),
        ):
            self.form.addRow(label, widget)
            self.rows[key] = widget
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if len(self.documents) > 1:
            self.setWindowTitle(
                self.tr("Xử lý %1 văn bản cùng lúc").replace("%1", str(len(self.documents)))
            )
            heading = QLabel(
                "<br>".join(
                    f"<b>{html.escape(d.number_symbol or '')}</b> {html.escape(d.subject[:90])}"
                    for d in self.documents[:6]
                )
                + ("<br>…" if len(self.documents) > 6 else "")
            )
        else:
            heading = QLabel(
                f"<b>{html.escape(document.number_symbol or '')}</b> {html.escape(document.subject)}"
            )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.step.currentIndexChanged.connect(self._fields_for_step)
        self._fields_for_step()
        if self.step.count() == 0:
            self.error.setText(self.tr("Văn bản ở trạng thái này không có bước xử lý nào."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.resize(560, self.sizeHint().height())

    def selected(self) -> Step | None:
        data = self.step.currentData()
        return Step(data) if data else None

    def _fields_for_step(self) -> None:
        step = self.selected()
        shown = {
            "step": True,
            "leaders": step in _NEEDS_LEADERS,
            "people_filter": step is Step.ASSIGN,
            "lead": step is Step.ASSIGN,
            "co": step is Step.ASSIGN,
            "info": step is Step.ASSIGN,
            "deadline": step is Step.ASSIGN or step in _NEW_DEADLINE,
            "organisations": step is Step.ISSUE,
            "replaces": step is Step.ISSUE and self.replaces.count() > 1,
            "stamp": step is Step.REGISTER,
            "next_number": step in _TAKES_A_NUMBER and len(self.documents) == 1,
            "corrections": step is Step.CORRECT,
            "comment": step is not None,
        }
        for key, widget in self.rows.items():
            self.form.setRowVisible(widget, shown[key])
        if step in _NEW_DEADLINE:  # these steps are about the deadline: it is not optional
            self.has_deadline.setChecked(True)
            self.deadline.setDate(_qdate(self._proposed_deadline(step)))
        self.has_deadline.setEnabled(step is Step.ASSIGN)
        if shown["next_number"]:
            self._show_next_number()
        if (layout := self.layout()) is not None:
            layout.activate()
        self.resize(max(560, self.width()), self.sizeHint().height())  # no empty rows' space

    def _show_next_number(self) -> None:
        """The number the step will take, asked of the server once (a clerk sees it first)."""
        if self._number_asked:
            return
        self._number_asked = True
        self.next_number.setText(self.tr("Đang hỏi máy chủ…"))
        run_task(
            self.workspace.next_number,
            self.document,
            on_done=self._next_number_known,
            on_error=self._next_number_unknown,
            owner=self,
        )

    def _next_number_known(self, coming: NextNumber) -> None:
        self.next_number.setText(
            f"<b>{html.escape(coming.number_symbol)}</b> — "
            f"{html.escape(coming.register_name)} {coming.year}"
        )

    def _next_number_unknown(self, exc: Exception) -> None:
        self._number_asked = False  # asked again when the step is chosen again
        self.next_number.setText(
            self.tr("Chưa biết (%1); số được cấp khi bước này đến máy chủ.").replace(
                "%1", describe(exc)[1]
            )
        )

    def step_input(self) -> StepInput | None:
        """What the user chose, or None (with the reason shown) when something is missing."""
        step = self.selected()
        if step is None:
            return None
        comment = self.comment.toPlainText().strip()
        leaders = _checked(self.leaders)
        if step in _NEEDS_LEADERS and not leaders:
            self.error.setText(self.tr("Hãy chọn lãnh đạo nhận."))
            return None
        corrections: dict[str, object] = {}
        if step is Step.CORRECT:
            try:
                corrections = self.corrections.changes()
            except BadDate:
                self.error.setText(self.tr("Ngày văn bản cần theo dạng ngày/tháng/năm."))
                return None
            if not corrections:
                self.error.setText(self.tr("Hãy sửa ít nhất một thông tin cần đính chính."))
                return None
        if step in _NEEDS_COMMENT and not comment:
            self.error.setText(
                {
                    Step.WITHDRAW: self.tr("Hãy ghi lý do thu hồi."),
                    Step.RETURN: self.tr("Hãy ghi lý do trả lại."),
                    Step.SEND_BACK: self.tr("Hãy ghi lý do trả lại."),
                    Step.CORRECT: self.tr("Hãy ghi lý do đính chính."),
                }.get(step, self.tr("Hãy ghi lý do."))
            )
            return None
        assign = step is Step.ASSIGN
        dated = (assign and self.has_deadline.isChecked()) or step in _NEW_DEADLINE
        deadline = self.deadline.date().toPython() if dated else None
        return StepInput(
            step,
            comment=comment,
            to=leaders if step in _NEEDS_LEADERS else (),
            lead=self.lead.currentData() if assign else None,
            co=_checked(self.co) if assign else (),
            info=_checked(self.info) if assign else (),
            deadline=deadline,  # type: ignore[arg-type]  # QDate.toPython gives a datetime.date
            organisations=_checked(self.organisations) if step is Step.ISSUE else (),
            stamp=step is Step.REGISTER and self.stamp.isChecked(),
            replaces=self.replaces.currentData() if step is Step.ISSUE else None,
            corrections=corrections,
        )

    def _proposed_deadline(self, step: Step) -> dt.date:
        """EXTEND: the day the handler asked for; ASK_EXTENSION: a week past the current one."""
        parts = [a for a in self.document.assignments if a.state == "active"]
        asked = [a.requested_deadline for a in parts if a.requested_deadline]
        if step is Step.EXTEND and asked:
            return max(asked)
        current = [a.deadline for a in parts if a.deadline] or [today_in_vietnam()]
        return add_working_days(max(max(current), today_in_vietnam()), 5)

    def _filter_people(self, text: str) -> None:
        """Narrow the people lists to those whose name, title or department match."""
        wanted = fold(text.strip())
        for widget in (self.co, self.info):
            for i in range(widget.count()):
                item = widget.item(i)
                item.setHidden(bool(wanted) and wanted not in fold(item.text()))
        for i in range(self.lead.count()):
            if not wanted or wanted in fold(self.lead.itemText(i)):
                if wanted:
                    self.lead.setCurrentIndex(i)
                break

    def submit(self) -> None:
        request = self.step_input()
        if request is None:
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        if len(self.documents) > 1:
            run_task(
                self.workspace.take_steps,
                self.documents,
                request,
                on_done=self._batch_done,
                on_error=self._failed,
                owner=self,
            )
            return
        run_task(
            self.workspace.take_step,
            self.document,
            request,
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _done(self, outcome: StepOutcome) -> None:
        self.result_document = outcome.document
        self.queued = outcome.queued
        self.accept()

    def _batch_done(self, outcome: BatchOutcome) -> None:
        self.batch = outcome
        taken = [*outcome.done, *outcome.queued]
        self.result_document = taken[0] if taken else None
        self.queued = bool(outcome.queued)
        if not outcome.failed:
            self.accept()
            return
        # Some were refused: say which and why; the others are done (Cancel closes).
        self.error.setText(
            "\n".join(
                f"{d.number_symbol or '#' + str(d.id)}: {describe(error)[1]}"
                for d, error in outcome.failed
            )
        )
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Đóng"))

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        title, message = describe(exc)
        self.error.setText(f"{title}: {message}")


def _person(person: Colleague) -> str:
    """ "Name — Department (role)": whom a step goes to, as the office knows them."""
    where = f" — {person.department}" if person.department else ""
    return f"{person.full_name}{where} ({role_label(person.role)})"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
