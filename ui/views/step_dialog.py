"""The workflow step dialog: present, assign, note, finish, return, submit, issue…

It offers the steps the document's status allows (the server still decides who may take
them and says why not), and shows only the fields the chosen step uses: leaders to present
or submit to, the lead handler, co-handlers and people informed with a deadline, recipient
organisations here and agencies outside (through the exchange axis, never for a secret
document), a comment or a reason, the sender's reason when it asks for its document back.
The step runs in a worker; the result replaces the document.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from base.workflow import PART_ROLES, RULES, Part, likely_step, steps_for, undo_step
from client.cache.query import DocumentRow
from client.records import Colleague, Document, Organisation, User
from services.workflow import BatchOutcome, Step, StepInput, StepOutcome
from services.workspace import Workspace

from ..errors import describe
from ..labels import step_label
from ..workers import run_task
from .corrections_form import BadDate, CorrectionsForm
from .step_fields import (
    NextNumberLabel,
    heading,
    proposed_deadline,
    replaces_box,
    secret_note,
    stamp_box,
    take_back_note,
)
from .step_messages import done_message, reason_missing
from .step_pickers import (
    AgencyPicker,
    checkable,
    checked,
    filter_list,
    filter_people,
    person_label,
    tick,
    tick_named,
)

__all__ = ["StepDialog", "offered_steps", "my_parts"]

# The pickers' earlier names (tests and callers import them from here).
_checkable, _checked, _tick_named, _person = checkable, checked, tick_named, person_label

logger = logging.getLogger(__name__)


def my_parts(document: Document, user: User) -> list[str]:
    """The parts ``user`` holds on ``document`` now (chủ trì, phối hợp, để biết)."""
    return [a.kind for a in document.assignments if a.user_id == user.id and a.state == "active"]


def offered_steps(document: Document, user: User) -> tuple[Step, ...]:
    """What ``user`` may do to ``document`` now: the workflow contract's answer, the one the
    server enforces (``base.workflow.steps_for``), the usual next step first."""
    return steps_for(
        role=user.role,
        parts=my_parts(document, user),
        direction=document.direction,
        status=document.status,
        is_author=document.created_by == user.id,
        marks=document.marks,
    )


# What each step needs comes from the contract's rules, as the server checks it.
_NEEDS_LEADERS = {step for step, rule in RULES.items() if rule.recipients_required}
_NEEDS_COMMENT = {step for step, rule in RULES.items() if rule.comment_required}
_NEW_DEADLINE = {step for step, rule in RULES.items() if rule.deadline_required}
_TAKES_A_NUMBER = {Step.NUMBER, Step.REGISTER}
_ASKS_A_REASON = {Step.REFUSE, Step.ASK_TAKE_BACK, Step.DECLINE_TAKE_BACK}
"""Exchange steps whose comment is the reason the other agency reads: labelled "Lý do"."""
_TAKE_BACK_ANSWERS = {Step.AGREE_TAKE_BACK, Step.DECLINE_TAKE_BACK}
_FILTER_FROM = 8
"""Recipient organisations beyond this many get a search field."""


class StepDialog(QDialog):
    """After ``accept()``: ``result_document`` (the document after the step), ``taken_step``,
    ``done_message`` (one sentence for the window's confirmation) and ``undo`` (the step that
    takes it back, when this user may take it now — ``base.workflow.undo_step``)."""

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
        self.taken_step: Step | None = None
        self.done_message = ""
        self.undo: Step | None = None
        self.queued = False
        self._request: StepInput | None = None
        self.setWindowTitle(self.tr("Xử lý văn bản"))
        me = workspace.user.id
        # By department, then name: the leader picks "Phòng Kinh tế", then the person in it.
        self.people = sorted(
            (c for c in colleagues if c.id != me),
            key=lambda c: (not c.department, c.department, c.full_name),
        )
        self._org_names = {o.code: o.name for o in organisations}
        self.step = QComboBox()
        self.step.setObjectName("step")
        user = workspace.user
        allowed = [set(offered_steps(d, user)) for d in self.documents[1:]]
        for step in offered_steps(document, user):
            if step is Step.CORRECT and len(self.documents) > 1:
                continue  # a correction is one document's
            if all(step in steps for steps in allowed):  # the steps they all allow
                self.step.addItem(step_label(step.value), step.value)
        self._build_people()
        self._build_fields(document, organisations, replaceable)
        self._build_layout(document)
        self.step.setCurrentIndex(max(0, self.step.findData(self._likely())))
        self.step.currentIndexChanged.connect(self._fields_for_step)
        self._fields_for_step()
        if self.step.count() == 0:
            self.error.setText(self.tr("Văn bản ở trạng thái này không có bước xử lý nào."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.resize(560, self.sizeHint().height())

    def _may_hold(self, part: Part) -> list[Colleague]:
        """The colleagues who may be given ``part`` (``PART_ROLES``: never an administrator)."""
        return [c for c in self.people if c.role in PART_ROLES[part]]

    def _build_people(self) -> None:
        """Leaders to present to; the lead handler, co-handlers and people informed, with the
        direction as it stands already chosen (a new direction starts from it)."""
        self.leaders = checkable(
            [(f"{c.full_name} — {c.title}", c.id) for c in self.people if c.role == "leader"]
        )
        self.leaders.setObjectName("leaders")
        self.lead = QComboBox()
        self.lead.setObjectName("lead")
        self.lead.setPlaceholderText(self.tr("Chọn người xử lý chính"))
        for person in self._may_hold(Part.LEAD):
            self.lead.addItem(person_label(person), person.id)
        self.co = checkable([(person_label(c), c.id) for c in self._may_hold(Part.CO)])
        self.co.setObjectName("co")
        self.info = checkable([(person_label(c), c.id) for c in self._may_hold(Part.INFO)])
        self.info.setObjectName("info")
        current = [a for a in self.document.assignments if a.state == "active"]
        lead = [a.user_id for a in current if a.kind == Part.LEAD]
        self.lead.setCurrentIndex(self.lead.findData(lead[0]) if lead else -1)
        tick(self.co, [a.user_id for a in current if a.kind == Part.CO])
        tick(self.info, [a.user_id for a in current if a.kind == Part.INFO])
        self.people_filter = QLineEdit()
        self.people_filter.setObjectName("peopleFilter")
        self.people_filter.setClearButtonEnabled(True)
        self.people_filter.setPlaceholderText(self.tr("Tìm người, phòng ban (gõ không dấu được)"))
        self.people_filter.textChanged.connect(self._filter_people)
        self.lead.currentIndexChanged.connect(lambda _i: self._filter_people())
        self._filter_people()

    def _build_fields(
        self,
        document: Document,
        organisations: list[Organisation],
        replaceable: Sequence[DocumentRow],
    ) -> None:
        self.has_deadline = QCheckBox(self.tr("Có hạn xử lý"))
        self.deadline = QDateEdit(QDate.currentDate().addDays(7))
        self.deadline.setObjectName("deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.has_deadline.setChecked(True)
        due = [a.deadline for a in document.assignments if a.state == "active" and a.deadline]
        if due:
            self.deadline.setDate(_qdate(max(due)))
        own = self.workspace.user.organisation_id
        self.organisations = checkable(
            [(f"{o.name} ({o.code})", o.code) for o in organisations if o.id != own]
        )
        tick_named(self.organisations, organisations, (*document.to_places, *document.recipients))
        self.organisations.setObjectName("organisations")
        self.org_filter = QLineEdit()
        self.org_filter.setObjectName("orgFilter")
        self.org_filter.setClearButtonEnabled(True)
        self.org_filter.setPlaceholderText(self.tr("Tìm đơn vị nhận (gõ không dấu được)"))
        self.org_filter.textChanged.connect(lambda text: filter_list(self.organisations, text))
        self.exchanges = self.workspace.exchange.may_exchange()
        """The agencies outside this server: for those who work the exchange (clerks)."""
        self.agencies = AgencyPicker(self.workspace)
        self.secret_note = secret_note()
        self.take_back_note = take_back_note(document)
        self.replaces = replaces_box(document, replaceable)
        self.stamp = stamp_box(document)
        self.next_number = NextNumberLabel()
        self.corrections = CorrectionsForm(document)
        self.corrections.setObjectName("corrections")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setMaximumHeight(90)
        self.error = QLabel()
        self.error.setObjectName("stepError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")

    def _build_layout(self, document: Document) -> None:
        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.rows: dict[str, QWidget] = {}
        for key, label, widget in (
            ("step", self.tr("Bước"), self.step),
            ("leaders", self.tr("Trình lãnh đạo"), self.leaders),
            ("people_filter", self.tr("Tìm người"), self.people_filter),
            ("lead", self.tr("Xử lý chính"), self.lead),
            ("co", self.tr("Phối hợp"), self.co),
            ("info", self.tr("Nhận để biết"), self.info),
            ("deadline", self.has_deadline, self.deadline),
            ("org_filter", self.tr("Tìm đơn vị"), self.org_filter),
            ("organisations", self.tr("Gửi đơn vị nhận"), self.organisations),
            ("agencies", self.tr("Nơi nhận ngoài hệ thống\n(qua trục liên thông)"), self.agencies),
            ("secret_note", self.tr("Ngoài hệ thống"), self.secret_note),
            ("take_back", self.tr("Đề nghị của bên gửi"), self.take_back_note),
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
                self.tr("Xử lý %1 văn bản cùng lúc").replace(
                    "%1", QLocale().toString(len(self.documents))
                )
            )
        layout.addWidget(heading(self.documents))
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _unavailable(self) -> set[Step]:
        """Steps whose list to choose from is empty: never the one the dialog opens on."""
        empty = set()
        if self.leaders.count() == 0:
            empty |= _NEEDS_LEADERS
        if self.lead.count() == 0:
            empty.add(Step.ASSIGN)
        return empty

    def _likely(self) -> Step | None:
        """The step this user most likely takes now (``base.workflow.likely_step``)."""
        offered = [Step(self.step.itemData(i)) for i in range(self.step.count())]
        asked = any(a.requested_deadline for a in self.document.assignments if a.state == "active")
        return likely_step(
            offered,
            parts=my_parts(self.document, self.workspace.user),
            extension_asked=asked,
            unavailable=self._unavailable(),
        )

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
            "org_filter": step is Step.ISSUE and self.organisations.count() > _FILTER_FROM,
            "organisations": step is Step.ISSUE,
            "replaces": step is Step.ISSUE and self.replaces.count() > 1,
            "stamp": step is Step.REGISTER,
            "next_number": step in _TAKES_A_NUMBER and len(self.documents) == 1,
            "corrections": step is Step.CORRECT,
            "comment": step is not None,
        }
        outside = step is Step.ISSUE and self.exchanges and len(self.documents) == 1
        secret = any(d.secrecy for d in self.documents)
        shown["agencies"] = outside and not secret
        shown["secret_note"] = outside and secret
        shown["take_back"] = step in _TAKE_BACK_ANSWERS
        shown["comment"] = step is not None and step is not Step.AGREE_TAKE_BACK
        for key, widget in self.rows.items():
            self.form.setRowVisible(widget, shown[key])
        comment_label = self.form.labelForField(self.comment)
        if isinstance(comment_label, QLabel):
            comment_label.setText(self.tr("Lý do") if step in _ASKS_A_REASON else self.tr("Ý kiến"))
        if step in _NEW_DEADLINE:  # these steps are about the deadline: it is not optional
            self.has_deadline.setChecked(True)
            self.deadline.setDate(_qdate(proposed_deadline(self.document, step)))
        self.has_deadline.setEnabled(step is Step.ASSIGN)
        if shown["next_number"]:
            self.next_number.ask(self.workspace, self.document)
        self.error.setText(self._nobody_to_choose(step))
        if (layout := self.layout()) is not None:
            layout.activate()
        wide = 680 if shown["agencies"] else 560  # the agencies' names and codes in full
        self.resize(max(wide, self.width()), self.sizeHint().height())  # no empty rows' space

    def _nobody_to_choose(self, step: Step | None) -> str:
        """Why the chosen step cannot be taken as things are (its list is empty), or ""."""
        if step in _NEEDS_LEADERS and self.leaders.count() == 0:
            return self.tr("Đơn vị chưa có lãnh đạo nào khác để trình.")
        if step is Step.ASSIGN and self.lead.count() == 0:
            return self.tr("Đơn vị chưa có lãnh đạo, chuyên viên nào để giao việc.")
        return ""

    def step_input(self) -> StepInput | None:
        """What the user chose, or None (with the reason shown) when something is missing."""
        step = self.selected()
        if step is None:
            return None
        comment = self.comment.toPlainText().strip()
        leaders = checked(self.leaders)
        if step in _NEEDS_LEADERS and not leaders:
            self.error.setText(self.tr("Hãy chọn lãnh đạo nhận."))
            return None
        assign = step is Step.ASSIGN
        lead = self.lead.currentData() if assign else None
        if assign and lead is None:
            self.error.setText(self.tr("Hãy chọn người xử lý chính."))
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
            self.error.setText(reason_missing(step))
            return None
        issue_outside = step is Step.ISSUE and self.form.isRowVisible(self.agencies)
        dated = (assign and self.has_deadline.isChecked()) or step in _NEW_DEADLINE
        deadline = self.deadline.date().toPython() if dated else None
        return StepInput(
            step,
            comment=comment,
            to=leaders if step in _NEEDS_LEADERS else (),
            lead=lead,
            co=[c for c in checked(self.co) if c != lead] if assign else (),
            info=[i for i in checked(self.info) if i != lead] if assign else (),
            deadline=deadline,  # type: ignore[arg-type]  # QDate.toPython gives a datetime.date
            organisations=checked(self.organisations) if step is Step.ISSUE else (),
            stamp=step is Step.REGISTER and self.stamp.isChecked(),
            replaces=self.replaces.currentData() if step is Step.ISSUE else None,
            corrections=corrections,
            agencies=tuple(self.agencies.codes()) if issue_outside else (),
        )

    def _filter_people(self, _text: str = "") -> None:
        filter_people(self.lead, (self.co, self.info), self.people_filter.text())

    def submit(self) -> None:
        request = self._request = self.step_input()
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
        self._taken(outcome.document, 1)
        undo = undo_step(self.taken_step) if self.taken_step and not self.queued else None
        user = self.workspace.user
        if undo is not None and undo in offered_steps(outcome.document, user):
            self.undo = undo
        self.accept()

    def _taken(self, result: Document | None, count: int) -> None:
        """``taken_step`` and ``done_message`` for the window's confirmation."""
        request = self._request
        if request is None:
            return
        self.taken_step = request.step
        parts = my_parts(self.document, self.workspace.user)
        self.done_message = done_message(
            request,
            result,
            {c.id: c.full_name for c in self.people},
            {**self._org_names, **self.agencies.names()},
            co_part=Part.CO in parts and Part.LEAD not in parts,
            queued=self.queued,
            count=count,
        )

    def _batch_done(self, outcome: BatchOutcome) -> None:
        self.batch = outcome
        taken = [*outcome.done, *outcome.queued]
        self.result_document = taken[0] if taken else None
        self.queued = bool(outcome.queued) and not outcome.done
        self._taken(outcome.done[0] if outcome.done else None, len(taken))
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


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
