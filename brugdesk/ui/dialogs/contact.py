"""Log a contact (Ctrl+N from anywhere), or edit one from a family's timeline.

Made for the keyboard: the focus starts in the family picker; type a few letters of the
family's name or reference code, Enter picks the (first) match and jumps to the note; the
date is today, the kind is the last one used with its usual duration; Ctrl+Enter saves. A
standard home visit is Ctrl+N, three letters, Enter, the note, Ctrl+Enter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.model import Contact, FamilyStatus
from brugdesk.core.validation import ValidationError, validate_time_text
from brugdesk.ui.a11y import StatusLabel, hint, steady_scroll_bars
from brugdesk.ui.dialogs.attachments import attachments_row
from brugdesk.ui.dialogs.family_picker import FamilyPicker
from brugdesk.ui.dialogs.formkit import CheckList, FormDialog
from brugdesk.ui.labels import fmt_time, from_qdate, to_qdate
from brugdesk.ui.snippets import attach_snippets
from brugdesk.ui.widgets import date_edit

#: The usual duration of each contact kind, in minutes (the officer can change it).
DEFAULT_MINUTES = {
    "home_visit": 60,
    "school_talk": 30,
    "phone": 15,
    "digital": 10,
    "walk_in": 20,
    "accompany": 90,
    "network_meeting": 60,
    "other": 30,
}
#: Who is usually there, per kind.
DEFAULT_WITH = {"home_visit": ["parents"], "school_talk": ["parents"], "phone": ["parents"],
                "walk_in": ["parents"], "accompany": ["parents"], "network_meeting": ["partner"]}

class ContactDialog(FormDialog):
    """Log a new contact (``contact_id`` None) or edit an existing one.

    ``suggested_family``: the family on screen when the officer pressed Ctrl+N; it is filled in
    selected, so typing a name replaces it and Enter takes it.
    """

    def __init__(self, session: Any, parent: QWidget | None = None, family_id: int | None = None,
                 contact_id: int | None = None, *, suggested_family: int = 0) -> None:
        super().__init__(session, parent)
        self.setObjectName("ContactDialog")
        self.contact_id = contact_id
        repo = session.repo
        self._editing: Contact | None = repo.contacts.get(contact_id) if contact_id else None
        if self._editing is not None:
            family_id = self._editing.family_id
        self.setWindowTitle(self.tr("Edit contact") if self._editing else self.tr("Log a contact"))
        self._minutes_touched = False
        self._themes_touched = False
        self._with_touched = False
        labels = repo.lists.labels

        # family
        self.family = FamilyPicker(repo.families)
        self.family.setPlaceholderText(self.tr("Type a name, a child's name or a reference…"))
        self.family.setAccessibleName(self.tr("Family"))
        self.errors.form_row(self.form, self.tr("&Family:"), "family", self.family, "family_id")
        self.family.picked.connect(self._family_picked)
        self.family_hint = hint(StatusLabel())  # "no open family matches …", announced
        self.family_hint.setObjectName("familyHint")
        self.family_hint.setWordWrap(True)
        self.family_hint.hide()
        self.form.addRow("", self.family_hint)
        self.family.searched.connect(self._family_searched)

        # date
        self.date = date_edit(accessible_name=self.tr("Date"))
        self.errors.form_row(self.form, self.tr("&Date:"), "date", self.date)
        # the time of day, optional (an appointment that happened brings its own)
        self.time = QLineEdit()
        self.time.setMaxLength(5)
        self.time.setPlaceholderText(self.tr("optional, e.g. 10:00"))
        self.time.setAccessibleName(self.tr("Time of day"))
        self.time.setMaximumWidth(self.time.fontMetrics().horizontalAdvance("optional, e.g. 10:00") + 40)
        self.errors.form_row(self.form, self.tr("T&ime:"), "time", self.time)

        # kind + duration
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of contact"))
        for item in repo.lists.items(ListName.CONTACT_KIND):
            self.kind.addItem(item.label, item.code)
        self.errors.form_row(self.form, self.tr("&Kind:"), "kind", self.kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.errors.form_row(self.form, self.tr("D&uration:"), "minutes", self.minutes)

        # with whom
        self.with_box = QWidget()
        row = QHBoxLayout(self.with_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.with_whom: dict[str, QCheckBox] = {}
        for item in repo.lists.items(ListName.WITH_WHOM):
            box = QCheckBox(item.label)
            box.setAccessibleName(self.tr("With: {who}").format(who=item.label))
            box.toggled.connect(self._with_changed)
            self.with_whom[item.code] = box
            row.addWidget(box)
        row.addStretch(1)
        with_label = QLabel(self.tr("&With:"))
        if self.with_whom:
            with_label.setBuddy(next(iter(self.with_whom.values())))
        self.form.addRow(with_label, self.with_box)

        # themes
        self.themes = CheckList([(i.code, i.label) for i in repo.lists.items(ListName.THEME)])
        self.themes.setFixedHeight(110)
        self.themes.setAccessibleName(self.tr("Themes"))
        self.themes.changed.connect(self._themes_changed)
        self.errors.form_row(self.form, self.tr("The&mes:"), "themes", self.themes)

        # note
        self.note = steady_scroll_bars(QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What was discussed, what was agreed (confidential)"))
        self.note.setMinimumHeight(110)
        self.errors.form_row(self.form, self.tr("&Note:"), "note", self.note)
        attach_snippets(self.note, session)

        # follow-up
        self.followup_text = QLineEdit()
        self.followup_text.setPlaceholderText(self.tr("Next step (optional)"))
        self.followup_text.setAccessibleName(self.tr("Follow-up"))
        self.errors.form_row(self.form, self.tr("F&ollow-up:"), "followup_text", self.followup_text)
        attach_snippets(self.followup_text, session)
        self.followup_date = date_edit(dt.date.today() + dt.timedelta(days=14),
                                       accessible_name=self.tr("Follow-up date"))
        self.errors.form_row(self.form, self.tr("Follow-up d&ate:"), "followup_date", self.followup_date)

        self.attachments = attachments_row(self.form, session, family_id, contact_id=contact_id)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.minutes.valueChanged.connect(self._minutes_edited)
        if self._editing is not None:
            self._fill(self._editing)
        else:
            last = repo.contacts.last_kind()
            self._select_kind(last, labels(ListName.CONTACT_KIND).get(last, last))
            self._apply_kind_defaults()
        self._suggested = False
        if family_id:
            self._preset_family(family_id)
        elif (self._editing is None and suggested_family
              and repo.families.get(suggested_family).status != FamilyStatus.CLOSED):
            self._preset_family(suggested_family)
            self._suggested = True
        self.family.setEnabled(self._editing is None)
        self.resize(660 if self.attachments else 620, 760 if self.attachments else 600)
        self._focus_start()

    # -- helpers
    def _select_kind(self, code: str, label: str) -> None:
        i = self.kind.findData(code)
        if i < 0:  # an inactive kind still in the data
            self.kind.addItem(label, code)
            i = self.kind.count() - 1
        self.kind.setCurrentIndex(i)

    def _apply_kind_defaults(self) -> None:
        code = str(self.kind.currentData() or "")
        self.minutes.blockSignals(True)
        self.minutes.setValue(DEFAULT_MINUTES.get(code, 30))
        self.minutes.blockSignals(False)
        if not self._with_touched:
            for c, box in self.with_whom.items():
                box.blockSignals(True)
                box.setChecked(c in DEFAULT_WITH.get(code, []))
                box.blockSignals(False)

    def _kind_changed(self) -> None:
        if self._editing is None:
            if not self._minutes_touched:
                self._apply_kind_defaults()
            elif not self._with_touched:
                minutes = self.minutes.value()
                self._apply_kind_defaults()
                self.minutes.blockSignals(True)
                self.minutes.setValue(minutes)
                self.minutes.blockSignals(False)

    def _with_changed(self) -> None:
        self._with_touched = True

    def _minutes_edited(self) -> None:
        self._minutes_touched = True

    def _themes_changed(self) -> None:
        self._themes_touched = True

    def _preset_family(self, family_id: int) -> None:
        family = self.session.repo.families.get(family_id)
        self.family.set_family(family_id, f"{family.display_name} ({family.ref})")
        self._family_picked(family_id, move_focus=False)

    def _family_searched(self, text: str, found: int, closed: int) -> None:
        """Say so under the field when nothing matches what was typed."""
        message = ""
        if text.strip() and not found:
            message = self.tr("No open family matches “{text}”.").format(text=text.strip())
            if closed:
                message += " " + self.tr("{n} closed family matches: reopen it on Families first.",
                                         "{n} closed families match: reopen the family on Families first.",
                                         closed).format(n=closed)
        self.family_hint.setText(message)
        self.family_hint.setVisible(bool(message))

    def _family_picked(self, family_id: int, move_focus: bool = True) -> None:
        if self._editing is None and not self._themes_touched and family_id:
            themes = self.session.repo.families.get(family_id).themes
            self.themes.set_checked(themes)
        if move_focus:
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_start(self) -> None:
        target = self.note if self.family.family_id and not self._suggested else self.family
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if target is self.family:
            self.family.selectAll()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._focus_start()

    def _fill(self, c: Contact) -> None:
        labels = self.session.repo.lists.labels
        self.date.setDate(to_qdate(c.date))
        self.time.setText(fmt_time(c.time))
        self._select_kind(c.kind, labels(ListName.CONTACT_KIND).get(c.kind, c.kind))
        self.minutes.setValue(c.minutes)
        for code, box in self.with_whom.items():
            box.setChecked(code in c.with_whom)
        theme_labels = labels(ListName.THEME)
        for code in c.themes:
            self.themes.ensure(code, theme_labels.get(code, code))
        self.themes.set_checked(c.themes)
        self.note.setPlainText(c.note)
        for w in (self.followup_text, self.followup_date):
            w.setVisible(False)
            holder = w.parentWidget()
            label = self.form.labelForField(holder) if holder is not None else None
            if label is not None:
                label.setVisible(False)

    # -- saving
    def contact(self) -> Contact:
        text = self.followup_text.text().strip() if self._editing is None else ""
        return Contact(
            family_id=self.family.family_id,
            date=from_qdate(self.date.date()),
            minutes=self.minutes.value(),
            kind=str(self.kind.currentData() or ""),
            with_whom=[c for c, box in self.with_whom.items() if box.isChecked()],
            themes=self.themes.checked(),
            note=self.note.toPlainText(),
            followup_text=text,
            followup_date=from_qdate(self.followup_date.date()) if text else None,
            id=self.contact_id,
            time=validate_time_text(self.time.text()),
        )

    def save_changes(self) -> int:
        contact = self.contact()
        repo = self.session.repo
        if not contact.family_id:
            raise ValidationError({"family": self.tr("Choose a family from the list.")})
        if self._editing is not None:
            repo.contacts.update(contact)
        else:
            repo.contacts.add(contact)
        return contact.id or 0

    # -- lock protocol
    def forget_for_lock(self) -> None:
        self.family.forget()

    def stash(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact_id,
            "family_id": self.family.family_id,
            "family_text": self.family.text(),
            "date": from_qdate(self.date.date()),
            "time": self.time.text(),
            "kind": self.kind.currentData(),
            "minutes": self.minutes.value(),
            "minutes_touched": self._minutes_touched,
            "with_whom": [c for c, box in self.with_whom.items() if box.isChecked()],
            "themes": self.themes.checked(),
            "note": self.note.toPlainText(),
            "followup_text": self.followup_text.text(),
            "followup_date": from_qdate(self.followup_date.date()),
        }

    def restore(self, state: dict[str, Any]) -> None:
        contact_id = state.get("contact_id")
        if contact_id and self._editing is None:
            try:
                self._editing = self.session.repo.contacts.get(contact_id)
            except Exception:  # the contact was deleted meanwhile: keep the input as a new contact
                self._editing = None
            else:
                self.contact_id = contact_id
                self._fill(self._editing)
                self.family.setEnabled(False)
                self.setWindowTitle(self.tr("Edit contact"))
        if state.get("family_id"):
            self.family.set_family(int(state["family_id"]), "")
            if not self.family.text():
                self.family.setText(str(state.get("family_text", "")))
        else:
            self.family.setText(str(state.get("family_text", "")))
        self.date.setDate(to_qdate(state["date"]))
        self.time.setText(str(state.get("time", "")))
        i = self.kind.findData(state.get("kind"))
        if i >= 0:
            self.kind.setCurrentIndex(i)
        self.minutes.setValue(int(state.get("minutes", 0)))
        self._minutes_touched = bool(state.get("minutes_touched"))
        for code, box in self.with_whom.items():
            box.setChecked(code in state.get("with_whom", []))
        self.themes.set_checked(state.get("themes", []))
        self._themes_touched = True
        self.note.setPlainText(str(state.get("note", "")))
        self.followup_text.setText(str(state.get("followup_text", "")))
        self.followup_date.setDate(to_qdate(state["followup_date"]))
