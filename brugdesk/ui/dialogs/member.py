"""Add or edit a family member: a parent/carer (phone, e-mail, gezag, an address when it differs from
the family's) or a child (birth year, school, group/class)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from brugdesk.core.model import Member, MemberRole, ParentalAuthority
from brugdesk.ui.a11y import steady_scroll_bars
from brugdesk.ui.dialogs.formkit import BoundFormDialog
from brugdesk.ui.labels import authority_label, member_role_label


class MemberDialog(BoundFormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None, family_id: int | None = None,
                 member_id: int | None = None, role: MemberRole | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("MemberDialog")
        self.role = QComboBox()
        for r in (MemberRole.PARENT, MemberRole.CHILD):
            self.role.addItem(member_role_label(r), str(r))
        self.field(self.tr("&Role:"), "role", self.role)
        self.first_name = QLineEdit()
        self.field(self.tr("&First name:"), "first_name", self.first_name)
        self.last_name = QLineEdit()
        self.field(self.tr("&Last name:"), "last_name", self.last_name)
        year = dt.date.today().year
        self.birth_year = QSpinBox()
        self.birth_year.setRange(year - 26, year)
        self.birth_year.setSpecialValueText(self.tr("unknown"))
        self.birth_year.setValue(year - 26)
        self.field(self.tr("&Birth year:"), "birth_year", self.birth_year)
        self.school = QComboBox()
        self.school.addItem(self.tr("(none)"), 0)
        for s in session.repo.schools.list():
            self.school.addItem(s.name, s.id)
        self.field(self.tr("Sc&hool:"), "school", self.school, "school_id")
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("e.g. groep 5 or 2B"))
        self.field(self.tr("&Group / class:"), "group", self.group)
        self.phone = QLineEdit()
        self.field(self.tr("&Phone:"), "phone", self.phone)
        self.email = QLineEdit()
        self.field(self.tr("&E-mail:"), "email", self.email)
        self.authority = QComboBox()
        for authority in (ParentalAuthority.UNKNOWN, ParentalAuthority.YES, ParentalAuthority.NO):
            self.authority.addItem(authority_label(authority), str(authority))
        self.field(self.tr("Parental &authority:"), "authority", self.authority)
        self.address = steady_scroll_bars(QPlainTextEdit())
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(54)
        self.address.setPlaceholderText(self.tr("Only when it differs from the family's address"))
        self.field(self.tr("A&ddress:"), "address", self.address)
        self.notes = steady_scroll_bars(QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.field(self.tr("&Notes:"), "notes", self.notes)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._member: Member | None = None
        self.bind(family_id=family_id, member_id=member_id, role=str(role) if role else None)
        self.resize(480, 560)
        self.first_name.setFocus()

    def _is_child(self) -> bool:
        return bool(self.role.currentData() == str(MemberRole.CHILD))

    def _role_changed(self) -> None:
        for w in (self.birth_year, self.school, self.group):
            w.setEnabled(self._is_child())
        for parent_field in (self.phone, self.email, self.authority, self.address):
            parent_field.setEnabled(not self._is_child())

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        member_id = ids.get("member_id")
        self._member = None
        if member_id:
            self._member = next(m for m in self.session.repo.members.list(ids["family_id"]) if m.id == member_id)
        m = self._member
        if m is None:
            if ids.get("role"):
                self.role.setCurrentIndex(self.role.findData(ids["role"]))
            self.setWindowTitle(self.tr("Add a family member"))
        else:
            self.setWindowTitle(self.tr("Edit family member"))
            self.role.setCurrentIndex(self.role.findData(str(m.role)))
            self.first_name.setText(m.first_name)
            self.last_name.setText(m.last_name)
            if m.birth_year is not None:
                self.birth_year.setValue(m.birth_year)
            self.school.setCurrentIndex(max(0, self.school.findData(m.school_id or 0)))
            self.group.setText(m.group)
            self.phone.setText(m.phone)
            self.email.setText(m.email)
            self.authority.setCurrentIndex(max(0, self.authority.findData(str(m.authority))))
            self.address.setPlainText(m.address)
            self.notes.setPlainText(m.notes)
        self._role_changed()

    def member(self) -> Member:
        child = self._is_child()
        year = self.birth_year.value()
        return Member(
            role=MemberRole(str(self.role.currentData())),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            birth_year=year if child and year != self.birth_year.minimum() else None,
            school_id=(int(self.school.currentData()) or None) if child else None,
            group=self.group.text() if child else "",
            notes=self.notes.toPlainText(),
            family_id=self.ids.get("family_id"),
            id=self._member.id if self._member else None,
            phone="" if child else self.phone.text(),
            email="" if child else self.email.text(),
            address="" if child else self.address.toPlainText(),
            authority=ParentalAuthority.UNKNOWN if child else ParentalAuthority(str(self.authority.currentData())),
        )

    def save_changes(self) -> int:
        member = self.member()
        if member.id is None:
            self.session.repo.members.add(member)
        else:
            self.session.repo.members.update(member)
        return member.id or 0
