"""The intake ("Nieuw gezin", Ctrl+Shift+N; "Gezin aanmaken" on a signal): a family with its parents
and children in one dialog, saved in one go.

Left the family (name, start date, status, where the signal came from, schools, themes, home
language, address, consent); right its members, each in a small form of its own: parents with phone,
e-mail, gezag (parental authority: ja / nee / onbekend) and an address only when it differs from the
family's; children with birth year, school and group. A child's last name may stay empty: it takes
the family's surname (shown in the field as a hint). When the family has one school, a child whose
school was not chosen by hand gets that school. A member's form left entirely empty is skipped.

Saving is one call (:meth:`Families.intake <brugdesk.store.repo.families.Families.intake>`, or
:meth:`Signals.make_family <brugdesk.store.repo.signals.Signals.make_family>` for a signal, which
marks the signal "gezin aangemaakt" in the same transaction). Every problem comes back at once,
keyed ``parents.0.email``; each message appears under its field, what was typed stays, and the
focus goes to the first field with a problem. Over a lock the dialog keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.model import Consent, Family, FamilyStatus, Member, MemberRole, ParentalAuthority
from brugdesk.core.text import family_surname
from brugdesk.ui.a11y import hint, steady_scroll_bars
from brugdesk.ui.dialogs.formkit import BoundFormDialog, CheckList, FieldErrors, OptionalDate
from brugdesk.ui.labels import authority_label, family_status_label, fmt_date, from_qdate, to_qdate
from brugdesk.ui.widgets import date_edit

#: the fields of a member's form that hold typed text (a form with none of them filled in is skipped)
_TEXT_FIELDS = ("first_name", "last_name", "phone", "email", "address", "group")


class MemberForm(QGroupBox):
    """One parent or one child of the intake, with its own error labels (adopted by the dialog)."""

    remove_requested = Signal(object)

    def __init__(self, role: MemberRole, schools: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.errors = FieldErrors()
        self.school_touched = False  # the officer chose this child's school by hand
        self._rows: list[tuple[QLabel, QWidget, str]] = []
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.first_name = QLineEdit()
        self._row(self.tr("First name:"), "first_name", self.first_name)
        self.last_name = QLineEdit()
        self._row(self.tr("Last name:"), "last_name", self.last_name)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.authority = QComboBox()
        self.own_address = QCheckBox(self.tr("Lives at another address than the family"))
        self.address = steady_scroll_bars(QPlainTextEdit())
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(54)
        year = dt.date.today().year
        self.birth_year = QSpinBox()
        self.school = QComboBox()
        self.group = QLineEdit()
        if role == MemberRole.PARENT:
            self.phone.setPlaceholderText(self.tr("e.g. 06-12345678"))
            self._row(self.tr("Phone:"), "phone", self.phone)
            self.email.setPlaceholderText(self.tr("e.g. naam@voorbeeld.nl"))
            self._row(self.tr("E-mail:"), "email", self.email)
            for authority in (ParentalAuthority.UNKNOWN, ParentalAuthority.YES, ParentalAuthority.NO):
                self.authority.addItem(authority_label(authority), str(authority))
            self.authority.setToolTip(self.tr("Whether this parent has parental authority (gezag): it matters "
                                              "for consent and when parents separate."))
            self._row(self.tr("Parental authority:"), "authority", self.authority)
            self._row(self.tr("Address:"), "own_address", self.own_address)
            self._row("", "address", self.address)
            self.address.setVisible(False)
            self.own_address.toggled.connect(self._own_address_toggled)
        else:
            self.birth_year.setRange(year - 26, year)
            self.birth_year.setSpecialValueText(self.tr("unknown"))
            self.birth_year.setValue(year - 26)
            self._row(self.tr("Birth year:"), "birth_year", self.birth_year)
            self.school.addItem(self.tr("(none)"), 0)
            for school_id, name in schools:
                self.school.addItem(name, school_id)
            self.school.activated.connect(self._school_chosen)
            self._row(self.tr("School:"), "school", self.school, "school_id")
            self.group.setPlaceholderText(self.tr("e.g. 5 or 2B"))
            self._row(self.tr("Group / class:"), "group", self.group)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)

    def _row(self, text: str, name: str, field: QWidget, *aliases: str) -> None:
        self.errors.form_row(self.form, text, name, field, *aliases)
        holder = field.parentWidget()
        label = self.form.labelForField(holder) if holder is not None else None
        if isinstance(label, QLabel):
            self._rows.append((label, field, text))

    def _remove_clicked(self) -> None:
        self.remove_requested.emit(self)

    def set_number(self, n: int) -> None:
        """Title the form "Parent 2" / "Child 1" and name its controls after it (a screen reader
        says which person a field belongs to)."""
        title = (self.tr("Parent {n}") if self.role == MemberRole.PARENT else self.tr("Child {n}")).format(n=n)
        self.setTitle(title)
        self.remove_button.setAccessibleName(self.tr("Remove {who}").format(who=title))
        for _label, field, text in self._rows:
            what = text.rstrip(":") or self.tr("Other address")
            field.setAccessibleName(f"{title}: {what}")

    def _own_address_toggled(self, on: bool) -> None:
        self.address.setVisible(on)
        if on:
            self.address.setFocus(Qt.FocusReason.OtherFocusReason)

    def _school_chosen(self) -> None:
        self.school_touched = True

    def set_surname_hint(self, surname: str) -> None:
        """The family's surname in the empty last-name field (what a child without one takes)."""
        if self.role == MemberRole.CHILD:
            self.last_name.setPlaceholderText(surname)

    def set_school(self, school_id: int | None) -> None:
        self.school.setCurrentIndex(max(0, self.school.findData(school_id or 0)))

    def is_blank(self) -> bool:
        return not any(str(self.values()[name]).strip() for name in _TEXT_FIELDS)

    def values(self) -> dict[str, Any]:
        return {
            "first_name": self.first_name.text(), "last_name": self.last_name.text(), "phone": self.phone.text(),
            "email": self.email.text(), "authority": self.authority.currentData() or str(ParentalAuthority.UNKNOWN),
            "own_address": self.own_address.isChecked(), "address": self.address.toPlainText(),
            "birth_year": self.birth_year.value(), "school": self.school.currentData(),
            "school_touched": self.school_touched, "group": self.group.text(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        self.first_name.setText(str(values.get("first_name", "")))
        self.last_name.setText(str(values.get("last_name", "")))
        if self.role == MemberRole.PARENT:
            self.phone.setText(str(values.get("phone", "")))
            self.email.setText(str(values.get("email", "")))
            self.authority.setCurrentIndex(max(0, self.authority.findData(values.get("authority"))))
            self.own_address.setChecked(bool(values.get("own_address")))
            self.address.setPlainText(str(values.get("address", "")))
        else:
            if values.get("birth_year"):
                self.birth_year.setValue(int(values["birth_year"]))
            self.set_school(values.get("school"))
            self.school_touched = bool(values.get("school_touched"))
            self.group.setText(str(values.get("group", "")))

    def member(self) -> Member:
        if self.role == MemberRole.PARENT:
            return Member(MemberRole.PARENT, self.first_name.text(), self.last_name.text(), phone=self.phone.text(),
                          email=self.email.text(),
                          address=self.address.toPlainText() if self.own_address.isChecked() else "",
                          authority=ParentalAuthority(str(self.authority.currentData())))
        year = self.birth_year.value()
        return Member(MemberRole.CHILD, self.first_name.text(), self.last_name.text(),
                      birth_year=None if year == self.birth_year.minimum() else year,
                      school_id=int(self.school.currentData()) or None, group=self.group.text())


class IntakeDialog(BoundFormDialog):
    """A new family with its parents and children (``signal_id``: the family a signal becomes)."""

    def __init__(self, session: Any, parent: QWidget | None = None, signal_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("IntakeDialog")
        repo = session.repo
        self._schools = [(s.id, s.name) for s in repo.schools.list() if s.id is not None]
        self.parent_forms: list[MemberForm] = []
        self.child_forms: list[MemberForm] = []

        # ---- the family (left)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Fam. Jansen"))
        self.field(self.tr("&Name:"), "display_name", self.display_name)
        self.surname = QLineEdit()
        self.surname.setToolTip(self.tr("The last name children take when theirs is left empty."))
        self.field(self.tr("Surname for child&ren:"), "surname", self.surname)
        self.start_date = date_edit()
        self.field(self.tr("S&tart date:"), "start_date", self.start_date)
        self.status = QComboBox()
        for status in (FamilyStatus.REGISTERED, FamilyStatus.ACTIVE):
            self.status.addItem(family_status_label(status), str(status))
        self.field(self.tr("Stat&us:"), "status", self.status)
        self.signal_source = QComboBox()
        self.signal_source.addItem(self.tr("(not recorded)"), "")
        for item in repo.lists.items(ListName.SIGNAL_SOURCE):
            self.signal_source.addItem(item.label, item.code)
        self.field(self.tr("Si&gnal from:"), "signal_source", self.signal_source)
        self.schools = CheckList(self._schools)
        self.schools.setFixedHeight(80)
        self.field(self.tr("Sc&hools:"), "schools", self.schools, "school_ids")
        self.themes = CheckList([(i.code, i.label) for i in repo.lists.items(ListName.THEME)])
        self.themes.setFixedHeight(110)
        self.field(self.tr("The&mes:"), "themes", self.themes)
        self.home_language = QLineEdit()
        self.field(self.tr("Home &language:"), "home_language", self.home_language)
        self.interpreter = QCheckBox(self.tr("Interpreter needed"))
        self.field(self.tr("&Interpreter:"), "interpreter", self.interpreter, "interpreter_needed")
        self.address = steady_scroll_bars(QPlainTextEdit())
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(54)
        self.field(self.tr("A&ddress:"), "address", self.address)
        self.consent_date = OptionalDate(self.tr("recorded on"))
        self.field(self.tr("Registration &consent:"), "consent_date", self.consent_date)
        self.consent_by = QLineEdit()
        self.consent_by.setPlaceholderText(self.tr("e.g. mother"))
        self.field(self.tr("Consent given &by:"), "consent_by", self.consent_by)
        self.consent_scope = QLineEdit()
        self.consent_scope.setPlaceholderText(self.tr("e.g. contact with school and wijkteam"))
        self.field(self.tr("Consent sc&ope:"), "consent_scope", self.consent_scope)

        # ---- the members (right)
        self.parents_box = QVBoxLayout()
        self.children_box = QVBoxLayout()
        self.add_parent_button = QPushButton(self.tr("Add a &parent"))
        self.add_parent_button.clicked.connect(self._add_parent_clicked)
        self.add_child_button = QPushButton(self.tr("Add &a child"))
        self.add_child_button.clicked.connect(self._add_child_clicked)
        members = QVBoxLayout()
        for heading, box, button in ((self.tr("Parents and carers"), self.parents_box, self.add_parent_button),
                                     (self.tr("Children"), self.children_box, self.add_child_button)):
            title = QLabel(heading)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            members.addWidget(title)
            members.addLayout(box)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            members.addLayout(row)
        note = hint(QLabel(self.tr("A child without a last name takes the family's surname; with one school, "
                                   "a child takes that school.")))
        note.setWordWrap(True)
        members.addWidget(note)
        members.addStretch(1)
        self.form_row.addSpacing(18)
        self.form_row.addLayout(members, 1)

        self.display_name.textChanged.connect(self._surname_changed)
        self.surname.textChanged.connect(self._surname_changed)
        self.schools.changed.connect(self._schools_changed)
        self.save_button.setText(self.tr("&Save family"))
        self.bind(signal_id=signal_id)
        self.resize(1000, 700)
        self.display_name.setFocus()

    # ------------------------------------------------------------ members
    def _add(self, role: MemberRole, focus: bool) -> MemberForm:
        form = MemberForm(role, self._schools, self)
        forms, box = ((self.parent_forms, self.parents_box) if role == MemberRole.PARENT
                      else (self.child_forms, self.children_box))
        forms.append(form)
        box.addWidget(form)
        form.remove_requested.connect(self.remove_member)
        form.set_surname_hint(self.family_surname())
        checked = self.schools.checked()
        if role == MemberRole.CHILD and len(checked) == 1:
            form.set_school(int(checked[0]))
        self._renumber()
        if focus:
            form.first_name.setFocus(Qt.FocusReason.OtherFocusReason)
            QApplication.processEvents()
            self._scroll_to(form.first_name)
        return form

    def _add_parent_clicked(self) -> None:
        self.add_parent(focus=True)

    def _add_child_clicked(self) -> None:
        self.add_child(focus=True)

    def add_parent(self, focus: bool = False) -> MemberForm:
        return self._add(MemberRole.PARENT, focus)

    def add_child(self, focus: bool = False) -> MemberForm:
        return self._add(MemberRole.CHILD, focus)

    def remove_member(self, form: MemberForm) -> None:
        forms = self.parent_forms if form.role == MemberRole.PARENT else self.child_forms
        if form not in forms:
            return
        at = forms.index(form)
        forms.remove(form)
        form.hide()
        (self.parents_box if form.role == MemberRole.PARENT else self.children_box).removeWidget(form)
        form.deleteLater()  # still the dialog's child until then: Qt deletes it, once
        self._renumber()
        following = forms[at] if at < len(forms) else (forms[-1] if forms else None)
        target = following.first_name if following is not None else (
            self.add_parent_button if form.role == MemberRole.PARENT else self.add_child_button)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renumber(self) -> None:
        """Number the forms again and key their error labels by their place (``children.1.``)."""
        self.errors.drop("parents.")
        self.errors.drop("children.")
        for key, forms in (("parents", self.parent_forms), ("children", self.child_forms)):
            for i, form in enumerate(forms):
                form.set_number(i + 1)
                self.errors.adopt(f"{key}.{i}.", form.errors)

    def family_surname(self) -> str:
        return self.surname.text().strip() or family_surname(self.display_name.text())

    def _surname_changed(self) -> None:
        self.surname.setPlaceholderText(family_surname(self.display_name.text()))
        for form in self.child_forms:
            form.set_surname_hint(self.family_surname())

    def _schools_changed(self) -> None:
        """With one school, the children whose school was not chosen by hand get it."""
        checked = self.schools.checked()
        for form in self.child_forms:
            if not form.school_touched:
                form.set_school(int(checked[0]) if len(checked) == 1 else None)

    # ------------------------------------------------------------ binding
    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        for form in [*self.parent_forms, *self.child_forms]:
            self.remove_member(form)
        signal_id = ids.get("signal_id")
        if not signal_id:
            self.setWindowTitle(self.tr("New family"))
            self.add_parent()
            self.add_child()
            return
        signal = self.session.repo.signals.get(signal_id)
        family, parents, children = self.session.repo.signals.intake_draft(signal_id)
        self.setWindowTitle(self.tr("New family from the signal of {date}").format(date=fmt_date(signal.date)))
        self.start_date.setDate(to_qdate(family.start_date))
        self.signal_source.setCurrentIndex(max(0, self.signal_source.findData(family.signal_source)))
        self.schools.set_checked(family.school_ids)
        for _parent in parents or [None]:
            self.add_parent()
        for child in children or [Member(MemberRole.CHILD, "")]:
            form = self.add_child()
            form.set_school(child.school_id)
            form.group.setText(child.group)

    # ------------------------------------------------------------ saving
    def family(self) -> Family:
        return Family(
            display_name=self.display_name.text(),
            start_date=from_qdate(self.start_date.date()),
            status=FamilyStatus(str(self.status.currentData())),
            signal_source=str(self.signal_source.currentData() or ""),
            themes=self.themes.checked(),
            school_ids=[int(i) for i in self.schools.checked()],
            home_language=self.home_language.text(),
            interpreter_needed=self.interpreter.isChecked(),
            consent=Consent(self.consent_date.value(), self.consent_by.text(), self.consent_scope.text()),
            address=self.address.toPlainText(),
        )

    def members(self) -> tuple[list[Member], list[Member]]:
        """The parents and children typed (forms left entirely empty are skipped)."""
        parents = [f.member() for f in self.parent_forms if not f.is_blank()]
        children = [f.member() for f in self.child_forms if not f.is_blank()]
        return parents, children

    def _keyed_forms(self) -> None:
        """Key the error labels by the place each member has in what is saved (blank forms skipped)."""
        self.errors.drop("parents.")
        self.errors.drop("children.")
        for key, forms in (("parents", self.parent_forms), ("children", self.child_forms)):
            for i, form in enumerate(f for f in forms if not f.is_blank()):
                self.errors.adopt(f"{key}.{i}.", form.errors)

    def save_changes(self) -> int:
        family = self.family()
        parents, children = self.members()
        self._keyed_forms()
        repo = self.session.repo
        signal_id = self.ids.get("signal_id")
        if signal_id:
            family = repo.signals.make_family(signal_id, family, parents, children, surname=self.surname.text())
        else:
            family = repo.families.intake(family, parents, children, surname=self.surname.text())
        return family.id or 0

    def save(self) -> bool:
        saved = super().save()
        if not saved:
            self._after_errors()
        return saved

    def _after_errors(self) -> None:
        """The field with the first problem is in view (the members scroll); with no member at all,
        the first parent's name takes the focus."""
        fallback = self.errors.fallback
        if (fallback is not None and not fallback.isHidden() and self.parent_forms
                and all(label.isHidden() for label in self.errors.labels.values())):
            self.parent_forms[0].first_name.setFocus(Qt.FocusReason.OtherFocusReason)
        focused = QApplication.focusWidget()
        if focused is not None:
            self._scroll_to(focused)

    def _scroll_to(self, widget: QWidget) -> None:
        area = self.findChild(QScrollArea)
        if area is not None and area.isAncestorOf(widget):
            area.ensureWidgetVisible(widget, 20, 40)

    # ------------------------------------------------------------ lock protocol
    def stash(self) -> dict[str, Any]:
        state = super().stash()
        if state:
            state["parents"] = [f.values() for f in self.parent_forms]
            state["children"] = [f.values() for f in self.child_forms]
        return state

    def restore(self, state: dict[str, Any]) -> None:
        if not state:
            return
        super().restore(state)
        for form in [*self.parent_forms, *self.child_forms]:
            self.remove_member(form)
        for values in state.get("parents", []):
            self.add_parent().set_values(values)
        for values in state.get("children", []):
            self.add_child().set_values(values)

