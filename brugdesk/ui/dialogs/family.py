"""New family ("Nieuw gezin", Ctrl+Shift+N) and editing a family's details."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import Consent, Family, FamilyStatus
from brugdesk.ui.a11y import steady_scroll_bars
from brugdesk.ui.dialogs.formkit import BoundFormDialog, CheckList, OptionalDate
from brugdesk.ui.labels import family_status_label, from_qdate, to_qdate
from brugdesk.ui.widgets import date_edit


class FamilyDialog(BoundFormDialog):
    """Create (``family_id`` None) or edit a family."""

    def __init__(self, session: Any, parent: QWidget | None = None, family_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("FamilyDialog")
        repo = session.repo
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Fam. Jansen"))
        self.field(self.tr("&Name:"), "display_name", self.display_name)
        self.start_date = date_edit()
        self.field(self.tr("S&tart date:"), "start_date", self.start_date)
        self.status = QComboBox()
        for status in (FamilyStatus.REGISTERED, FamilyStatus.ACTIVE):
            self.status.addItem(family_status_label(status), str(status))
        self.field(self.tr("St&atus:"), "status", self.status)
        self.signal_source = QComboBox()
        self.signal_source.addItem(self.tr("(not recorded)"), "")
        for item in repo.lists.items(ListName.SIGNAL_SOURCE):
            self.signal_source.addItem(item.label, item.code)
        self.field(self.tr("Si&gnal from:"), "signal_source", self.signal_source)
        self.schools = CheckList([(s.id, s.name) for s in repo.schools.list()])
        self.schools.setFixedHeight(80)
        self.field(self.tr("Sc&hools:"), "schools", self.schools, "school_ids")
        self.themes = CheckList([(i.code, i.label) for i in repo.lists.items(ListName.THEME)])
        self.themes.setFixedHeight(130)
        self.field(self.tr("The&mes:"), "themes", self.themes)
        self.add_column()
        self.home_language = QLineEdit()
        self.field(self.tr("Home &language:"), "home_language", self.home_language)
        self.interpreter = QCheckBox(self.tr("Interpreter needed"))
        self.field(self.tr("&Interpreter:"), "interpreter", self.interpreter, "interpreter_needed")
        self.consent_date = OptionalDate(self.tr("recorded on"))
        self.field(self.tr("Registration &consent:"), "consent_date", self.consent_date)
        self.consent_by = QLineEdit()
        self.consent_by.setPlaceholderText(self.tr("e.g. mother"))
        self.field(self.tr("Consent given &by:"), "consent_by", self.consent_by)
        self.consent_scope = QLineEdit()
        self.consent_scope.setPlaceholderText(self.tr("e.g. contact with school and wijkteam"))
        self.field(self.tr("Consent sc&ope:"), "consent_scope", self.consent_scope)
        self.phone = QLineEdit()
        self.field(self.tr("&Phone:"), "phone", self.phone)
        self.email = QLineEdit()
        self.field(self.tr("&E-mail:"), "email", self.email)
        self.address = steady_scroll_bars(QPlainTextEdit())
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(60)
        self.field(self.tr("A&ddress:"), "address", self.address)
        self._family: Family | None = None
        self.bind(family_id=family_id)
        self.resize(900, 480)
        self.display_name.setFocus()

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        family_id = ids.get("family_id")
        self._family = self.session.repo.families.get(family_id) if family_id else None
        f = self._family
        self.setWindowTitle(self.tr("Edit family {ref}").format(ref=f.ref) if f else self.tr("New family"))
        if f is None:
            return
        self.display_name.setText(f.display_name)
        self.start_date.setDate(to_qdate(f.start_date))
        if f.status == FamilyStatus.CLOSED:
            self.status.addItem(family_status_label(f.status), str(f.status))
        self.status.setCurrentIndex(self.status.findData(str(f.status)))
        self.status.setEnabled(f.status != FamilyStatus.CLOSED)
        labels = self.session.repo.lists.labels(ListName.SIGNAL_SOURCE)
        if f.signal_source and self.signal_source.findData(f.signal_source) < 0:
            self.signal_source.addItem(labels.get(f.signal_source, f.signal_source), f.signal_source)
        self.signal_source.setCurrentIndex(max(0, self.signal_source.findData(f.signal_source)))
        self.schools.set_checked(f.school_ids)
        theme_labels = self.session.repo.lists.labels(ListName.THEME)
        for code in f.themes:
            self.themes.ensure(code, theme_labels.get(code, code))
        self.themes.set_checked(f.themes)
        self.home_language.setText(f.home_language)
        self.interpreter.setChecked(f.interpreter_needed)
        self.consent_date.set_value(f.consent.date)
        self.consent_by.setText(f.consent.given_by)
        self.consent_scope.setText(f.consent.scope)
        self.phone.setText(f.phone)
        self.email.setText(f.email)
        self.address.setPlainText(f.address)

    def family(self) -> Family:
        base = self._family
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
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            closed_date=base.closed_date if base else None,
            closure_outcome=base.closure_outcome if base else "",
            ref=base.ref if base else "",
            id=base.id if base else None,
        )

    def save_changes(self) -> int:
        family = self.family()
        if family.id is None:
            family = self.session.repo.families.create(family)
        else:
            self.session.repo.families.update(family)
        return family.id or 0
