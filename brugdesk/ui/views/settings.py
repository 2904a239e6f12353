"""Instellingen: schools, school-year terms, the editable lists, report threshold, auto-lock,
"remember on this computer", language, the passphrase, and backups and privacy.
"""

from __future__ import annotations

from typing import Any

from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.model import School, SchoolType
from brugdesk.core.periods import PeriodError
from brugdesk.core.validation import ValidationError, validate_passphrase
from brugdesk.errors import KeyringUnavailable, VaultError, WrongPassphrase
from brugdesk.keys.slots import DEFAULT_SCRYPT_N
from brugdesk.ui import prefs, prompter
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_task
from brugdesk.ui.views.privacy_settings import PrivacySettingsWidget
from brugdesk.ui.widgets import FieldMessage, StrengthMeter, TermStartsEditor, big_font


def _form_row(form: QFormLayout, label: QLabel, field: QWidget, message: FieldMessage) -> None:
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(field)
    box.addWidget(message)
    label.setBuddy(field)
    form.addRow(label, box)


class SettingsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 keyring_backend: KeyringBackend | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.keyring_backend = keyring_backend
        self._school_id: int | None = None
        title = QLabel(self.tr("Settings"), self)
        title.setFont(big_font(self, 1.6))
        self.tabs = QTabWidget(self)
        # the tabs have no mnemonics (Ctrl+Tab / Ctrl+PgDn switch them), so each tab's own fields
        # can use any letter
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.tabs.addTab(self._schools_tab(), self.tr("Schools"))
        self.tabs.addTab(self._terms_tab(), self.tr("School year"))
        self.tabs.addTab(self._lists_tab(), self.tr("Lists"))
        self.tabs.addTab(self._general_tab(), self.tr("Reports and locking"))
        self.tabs.addTab(self._computer_tab(), self.tr("This computer"))
        self.tabs.addTab(self._passphrase_tab(), self.tr("Passphrase"))
        self.tabs.addTab(self._privacy_tab(), self.tr("Backups and privacy"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tabs)
        self.refresh_schools()
        self.refresh_list()

    @property
    def repo(self) -> Any:
        return self.session.repo

    # ------------------------------------------------------------ lock stash
    def stash(self) -> dict[str, Any]:
        """Half-typed settings, kept in memory over a lock (passphrase fields are never kept)."""
        return {
            "tab": self.tabs.currentIndex(),
            "school_id": self._school_id,
            "school": (self.school_name.text(), self.school_type.currentIndex(), self.school_brin.text(),
                       self.school_pupils.text()),
            "terms": self.terms.starts(),
            "list": self.list_choice.currentIndex(),
            "item_label": self.item_label.text(),
            "threshold": self.threshold.value(),
            "autolock": self.autolock.value(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.tabs.setCurrentIndex(int(state.get("tab", 0)))
        school_id = state.get("school_id")
        self.refresh_schools(select_id=school_id)
        self._school_id = school_id
        name, type_index, brin, pupils = state.get("school", ("", 0, "", ""))
        self.school_name.setText(name)
        self.school_type.setCurrentIndex(type_index)
        self.school_brin.setText(brin)
        self.school_pupils.setText(pupils)
        self.terms.set_starts(tuple(state.get("terms", self.terms.starts())))
        self.list_choice.setCurrentIndex(int(state.get("list", 0)))
        self.item_label.setText(state.get("item_label", ""))
        self.threshold.setValue(int(state.get("threshold", self.threshold.value())))
        self.autolock.setValue(int(state.get("autolock", self.autolock.value())))

    # ============================================================== schools
    def _schools_tab(self) -> QWidget:
        tab = QWidget(self)
        self.school_list = QListWidget(tab)
        self.school_list.setAccessibleName(self.tr("Schools"))
        self.school_list.currentRowChanged.connect(self._school_selected)
        list_label = QLabel(self.tr("Sc&hools you work for"), tab)
        list_label.setBuddy(self.school_list)

        self.school_name = QLineEdit(tab)
        self.school_name.setAccessibleName(self.tr("School name"))
        self.school_type = QComboBox(tab)
        self.school_type.setAccessibleName(self.tr("School type"))
        for code, text in ((SchoolType.PO, self.tr("PO – primary")), (SchoolType.VO, self.tr("VO – secondary")),
                           (SchoolType.SO, self.tr("SO – special"))):
            self.school_type.addItem(text, str(code))
        self.school_brin = QLineEdit(tab)
        self.school_brin.setAccessibleName(self.tr("BRIN code"))
        self.school_brin.setMaxLength(8)
        self.school_pupils = QLineEdit(tab)
        self.school_pupils.setAccessibleName(self.tr("Number of pupils"))
        self.school_msgs = {k: FieldMessage(tab) for k in ("name", "type", "brin", "pupil_count", "school")}
        form = QFormLayout()
        _form_row(form, QLabel(self.tr("&Name"), tab), self.school_name, self.school_msgs["name"])
        _form_row(form, QLabel(self.tr("&Type"), tab), self.school_type, self.school_msgs["type"])
        _form_row(form, QLabel(self.tr("B&RIN (optional)"), tab), self.school_brin, self.school_msgs["brin"])
        _form_row(form, QLabel(self.tr("&Pupils (optional)"), tab), self.school_pupils,
                  self.school_msgs["pupil_count"])
        self.school_new = QPushButton(self.tr("&New school"), tab)
        self.school_save = QPushButton(self.tr("&Save school"), tab)
        self.school_remove = QPushButton(self.tr("&Remove school"), tab)
        self.school_new.clicked.connect(self._school_new)
        self.school_save.clicked.connect(self.save_school)
        self.school_remove.clicked.connect(self.remove_school)
        buttons = QHBoxLayout()
        for b in (self.school_new, self.school_save, self.school_remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.school_msgs["school"])
        right.addLayout(buttons)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.school_list)
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        return tab

    def refresh_schools(self, select_id: int | None = None) -> None:
        self.school_list.blockSignals(True)
        self.school_list.clear()
        for school in self.repo.schools.list():
            item = QListWidgetItem(f"{school.name}  ·  {school.type}")
            item.setData(Qt.ItemDataRole.UserRole, school.id)
            self.school_list.addItem(item)
            if school.id == select_id:
                self.school_list.setCurrentItem(item)
        self.school_list.blockSignals(False)
        self.school_remove.setEnabled(select_id is not None)

    def _school_selected(self, row: int) -> None:
        item = self.school_list.item(row)
        if item is None:
            return
        school = self.repo.schools.get(int(item.data(Qt.ItemDataRole.UserRole)))
        self._school_id = school.id
        self.school_name.setText(school.name)
        self.school_type.setCurrentIndex(max(0, self.school_type.findData(str(school.type))))
        self.school_brin.setText(school.brin)
        self.school_pupils.setText("" if school.pupil_count is None else str(school.pupil_count))
        self.school_remove.setEnabled(True)
        for m in self.school_msgs.values():
            m.clear_message()

    def _school_new(self) -> None:
        self._school_id = None
        self.school_list.clearSelection()
        self.school_list.setCurrentRow(-1)
        for w in (self.school_name, self.school_brin, self.school_pupils):
            w.clear()
        self.school_remove.setEnabled(False)
        self.school_name.setFocus()

    def save_school(self) -> bool:
        for m in self.school_msgs.values():
            m.clear_message()
        pupils_text = self.school_pupils.text().strip()
        pupils: int | None = None
        if pupils_text:
            try:
                pupils = int(pupils_text.replace(".", ""))
            except ValueError:
                self.school_msgs["pupil_count"].show_message(self.tr("Type a whole number, such as 240."))
                return False
        school = School(name=self.school_name.text(), type=SchoolType(self.school_type.currentData()),
                        brin=self.school_brin.text(), pupil_count=pupils, id=self._school_id)
        try:
            if school.id is None:
                self.repo.schools.add(school)
            else:
                self.repo.schools.update(school)
        except ValidationError as exc:
            for key, text in exc.errors.items():
                self.school_msgs.get(key, self.school_msgs["school"]).show_message(text)
            return False
        self._school_id = school.id
        self.refresh_schools(select_id=school.id)
        return True

    def remove_school(self) -> None:
        if self._school_id is None:
            return
        if not prompter.current().ask_yes_no(self, self.tr("Remove school"),
                                             self.tr("Remove this school from brugdesk?"),
                                             action=self.tr("&Remove"), cancel=self.tr("Cancel")):
            return
        try:
            self.repo.schools.delete(self._school_id)
        except ValidationError as exc:
            self.school_msgs["school"].show_message(" ".join(exc.errors.values()))
            return
        self._school_new()
        self.refresh_schools()

    # ================================================================ terms
    def _terms_tab(self) -> QWidget:
        tab = QWidget(self)
        intro = QLabel(self.tr("A school year runs from 1 August to 31 July. Choose when each term starts; "
                               "each term ends the day before the next one starts."), tab)
        intro.setWordWrap(True)
        self.terms = TermStartsEditor(self.repo.settings.term_starts, tab)
        self.terms_message = FieldMessage(tab)
        self.terms_save = QPushButton(self.tr("&Save terms"), tab)
        self.terms_save.clicked.connect(self.save_terms)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.terms)
        layout.addWidget(self.terms_message)
        row = QHBoxLayout()
        row.addWidget(self.terms_save)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def save_terms(self) -> bool:
        try:
            self.repo.settings.set_term_starts(self.terms.starts())
        except (PeriodError, ValidationError) as exc:
            self.terms_message.show_message(str(exc))
            return False
        self.terms_message.clear_message()
        return True

    # ================================================================ lists
    def list_titles(self) -> dict[ListName, str]:
        return {
            ListName.THEME: self.tr("Themes"),
            ListName.CONTACT_KIND: self.tr("Kinds of contact"),
            ListName.WITH_WHOM: self.tr("Contact with"),
            ListName.SIGNAL_SOURCE: self.tr("Signal sources"),
            ListName.PARTNER_TYPE: self.tr("Kinds of partner"),
            ListName.CLOSURE_OUTCOME: self.tr("Outcomes of closing"),
            ListName.ACTIVITY_KIND: self.tr("Kinds of group activity"),
        }

    def _lists_tab(self) -> QWidget:
        tab = QWidget(self)
        self.list_choice = QComboBox(tab)
        self.list_choice.setAccessibleName(self.tr("List"))
        for name, title in self.list_titles().items():
            self.list_choice.addItem(title, str(name))
        choice_label = QLabel(self.tr("&List"), tab)
        choice_label.setBuddy(self.list_choice)
        self.list_items = QListWidget(tab)
        self.list_items.setAccessibleName(self.tr("Items of the list"))
        self.list_items.currentRowChanged.connect(self._item_selected)
        self.item_label = QLineEdit(tab)
        self.item_label.setAccessibleName(self.tr("Label"))
        label_label = QLabel(self.tr("La&bel"), tab)
        label_label.setBuddy(self.item_label)
        self.item_message = FieldMessage(tab)
        self.item_add = QPushButton(self.tr("&Add"), tab)
        self.item_rename = QPushButton(self.tr("Re&name"), tab)
        self.item_hide = QPushButton(self.tr("&Hide"), tab)
        self.item_up = QPushButton(self.tr("Move &up"), tab)
        self.item_down = QPushButton(self.tr("Move &down"), tab)
        self.item_add.clicked.connect(self.add_item)
        self.item_rename.clicked.connect(self.rename_item)
        self.item_hide.clicked.connect(self.toggle_item)
        self.item_up.clicked.connect(lambda: self.move_item(-1))
        self.item_down.clicked.connect(lambda: self.move_item(1))
        self.list_choice.currentIndexChanged.connect(lambda _i: self.refresh_list())
        note = QLabel(self.tr("Hidden items are no longer offered for new entries; what was recorded with them "
                              "keeps its label, and reports still count it."), tab)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(choice_label)
        top.addWidget(self.list_choice, 1)
        edit = QHBoxLayout()
        edit.addWidget(label_label)
        edit.addWidget(self.item_label, 1)
        edit.addWidget(self.item_add)
        edit.addWidget(self.item_rename)
        side = QVBoxLayout()
        for b in (self.item_hide, self.item_up, self.item_down):
            side.addWidget(b)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list_items, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(edit)
        layout.addWidget(self.item_message)
        layout.addWidget(note)
        return tab

    @property
    def current_list(self) -> str:
        return str(self.list_choice.currentData())

    def refresh_list(self, select_code: str | None = None) -> None:
        self.list_items.blockSignals(True)
        self.list_items.clear()
        for item in self.repo.lists.items(self.current_list, include_inactive=True):
            text = item.label if item.active else self.tr("%1 (hidden)").replace("%1", item.label)
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.active)
            if not item.active:
                row.setForeground(self.palette().placeholderText())
            self.list_items.addItem(row)
            if item.code == select_code:
                self.list_items.setCurrentItem(row)
        self.list_items.blockSignals(False)
        self._item_selected(self.list_items.currentRow())

    def _current_code(self) -> str | None:
        item = self.list_items.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _item_selected(self, row: int) -> None:
        item = self.list_items.item(row) if row >= 0 else None
        for b in (self.item_rename, self.item_hide, self.item_up, self.item_down):
            b.setEnabled(item is not None)
        if item is not None:
            active = bool(item.data(Qt.ItemDataRole.UserRole + 1))
            self.item_hide.setText(self.tr("&Hide") if active else self.tr("S&how again"))
            self.item_label.setText(self.repo.lists.label(self.current_list, self._current_code() or ""))

    def add_item(self) -> bool:
        try:
            item = self.repo.lists.add(self.current_list, self.item_label.text())
        except ValidationError as exc:
            self.item_message.show_message(" ".join(exc.errors.values()))
            return False
        self.item_message.clear_message()
        self.refresh_list(select_code=item.code)
        return True

    def rename_item(self) -> bool:
        code = self._current_code()
        if code is None:
            return False
        try:
            self.repo.lists.rename(self.current_list, code, self.item_label.text())
        except ValidationError as exc:
            self.item_message.show_message(" ".join(exc.errors.values()))
            return False
        self.item_message.clear_message()
        self.refresh_list(select_code=code)
        return True

    def toggle_item(self) -> None:
        item = self.list_items.currentItem()
        if item is None:
            return
        code = str(item.data(Qt.ItemDataRole.UserRole))
        self.repo.lists.set_active(self.current_list, code, not bool(item.data(Qt.ItemDataRole.UserRole + 1)))
        self.refresh_list(select_code=code)

    def move_item(self, offset: int) -> None:
        code = self._current_code()
        if code is None:
            return
        self.repo.lists.move(self.current_list, code, offset)
        self.refresh_list(select_code=code)

    # ============================================================= general
    def _general_tab(self) -> QWidget:
        tab = QWidget(self)
        settings = self.repo.settings
        self.threshold = QSpinBox(tab)
        self.threshold.setRange(0, 99)
        self.threshold.setValue(settings.report_threshold)
        self.threshold.setAccessibleName(self.tr("Report threshold"))
        self.threshold_message = FieldMessage(tab)
        self.autolock = QSpinBox(tab)
        self.autolock.setRange(0, 999)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.setAccessibleName(self.tr("Lock after minutes without use"))
        for spin in (self.threshold, self.autolock):
            spin.setMaximumWidth(120)
        self.autolock_message = FieldMessage(tab)
        form = QFormLayout()
        _form_row(form, QLabel(self.tr("Report &threshold"), tab), self.threshold, self.threshold_message)
        _form_row(form, QLabel(self.tr("&Lock after"), tab), self.autolock, self.autolock_message)
        explain = QLabel(self.tr("Reports never show a number smaller than the threshold (3 to 20); smaller "
                                 "groups are merged or hidden. brugdesk locks itself when it has not been used "
                                 "for the chosen number of minutes (1 to 60), also while the laptop sleeps."), tab)
        explain.setWordWrap(True)
        explain.setStyleSheet("color: palette(mid);")
        self.general_save = QPushButton(self.tr("&Save"), tab)
        self.general_save.clicked.connect(self.save_general)
        self.general_status = QLabel(tab)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(explain)
        row = QHBoxLayout()
        row.addWidget(self.general_save)
        row.addWidget(self.general_status, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def save_general(self) -> bool:
        self.threshold_message.clear_message()
        self.autolock_message.clear_message()
        self.general_status.clear()
        ok = True
        settings = self.repo.settings
        try:
            settings.set_report_threshold(self.threshold.value())
        except ValidationError as exc:
            self.threshold_message.show_message(" ".join(exc.errors.values()))
            ok = False
        try:
            settings.set_autolock_minutes(self.autolock.value())
        except ValidationError as exc:
            self.autolock_message.show_message(" ".join(exc.errors.values()))
            ok = False
        if ok:
            self.general_status.setText(self.tr("Saved."))
        return ok

    # ============================================================ computer
    def _computer_tab(self) -> QWidget:
        tab = QWidget(self)
        vault = self.session.vault
        self.remember = QCheckBox(self.tr("&Remember the vault on this computer (keyring)"), tab)
        self.remember.setChecked(bool(vault.slots and vault.slots.keyring))
        self.remember.toggled.connect(self.set_remember)
        self.remember_message = FieldMessage(tab)
        remember_note = QLabel(self.tr("When on, brugdesk opens without the passphrase while you are logged in to "
                                       "this computer. Use it only on a laptop that is yours alone."), tab)
        remember_note.setWordWrap(True)
        remember_note.setStyleSheet("color: palette(mid);")
        self.language = QComboBox(tab)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language())))
        self.language.currentIndexChanged.connect(self._language_changed)
        language_label = QLabel(self.tr("La&nguage"), tab)
        language_label.setBuddy(self.language)
        self.language_message = QLabel(tab)
        self.language_message.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.remember)
        layout.addWidget(remember_note)
        layout.addWidget(self.remember_message)
        row = QHBoxLayout()
        row.addWidget(language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addWidget(self.language_message)
        layout.addStretch(1)
        return tab

    def set_remember(self, on: bool) -> None:
        self.remember_message.clear_message()
        try:
            self.session.vault.remember_on_this_computer(on, self.keyring_backend)
        except KeyringUnavailable:
            self.remember.blockSignals(True)
            self.remember.setChecked(False)
            self.remember.blockSignals(False)
            self.remember_message.show_message(
                self.tr("The keyring (sleutelbos) of this computer is not available, so the vault cannot be "
                        "remembered here."))

    def _language_changed(self, _index: int) -> None:
        prefs.set_language(str(self.language.currentData()))
        self.language_message.setText(self.tr("The new language is used when brugdesk starts again."))

    # ========================================================== passphrase
    def _passphrase_tab(self) -> QWidget:
        tab = QWidget(self)
        self.pp_current = QLineEdit(tab)
        self.pp_new = QLineEdit(tab)
        self.pp_repeat = QLineEdit(tab)
        for field, name in ((self.pp_current, self.tr("Current passphrase")),
                            (self.pp_new, self.tr("New passphrase")),
                            (self.pp_repeat, self.tr("Repeat the new passphrase"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
        self.pp_msgs = {k: FieldMessage(tab) for k in ("current", "new", "repeat")}
        self.pp_strength = StrengthMeter(tab)
        self.pp_new.textChanged.connect(self.pp_strength.update_for)
        form = QFormLayout()
        _form_row(form, QLabel(self.tr("C&urrent passphrase"), tab), self.pp_current, self.pp_msgs["current"])
        _form_row(form, QLabel(self.tr("&New passphrase"), tab), self.pp_new, self.pp_msgs["new"])
        form.addRow("", self.pp_strength)
        _form_row(form, QLabel(self.tr("&Repeat"), tab), self.pp_repeat, self.pp_msgs["repeat"])
        self.pp_button = QPushButton(self.tr("&Change passphrase"), tab)
        self.pp_button.clicked.connect(self.change_passphrase)
        self.pp_busy = QProgressBar(tab)
        self.pp_busy.setRange(0, 0)
        self.pp_busy.setMaximumHeight(6)
        self.pp_busy.setTextVisible(False)
        self.pp_busy.hide()
        self.pp_status = QLabel(tab)
        self.pp_status.setWordWrap(True)
        note = QLabel(self.tr("The recovery key stays the same. The keyring item on this computer keeps working."),
                      tab)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        limited: tuple[QWidget, ...] = (self.pp_current, self.pp_new, self.pp_repeat, self.pp_strength)
        for widget in limited:
            widget.setMaximumWidth(460)
        self.pp_busy.setMaximumWidth(200)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.pp_button)
        row.addWidget(self.pp_busy)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.pp_status)
        layout.addWidget(note)
        layout.addStretch(1)
        return tab

    def change_passphrase(self) -> bool:
        """Check the fields, then rewrap the key off the GUI thread. Returns whether it started."""
        for m in self.pp_msgs.values():
            m.clear_message()
        self.pp_status.clear()
        vault = self.session.vault
        slot = vault.slots.passphrase if vault.slots is not None else None
        current, new, repeat = self.pp_current.text(), self.pp_new.text(), self.pp_repeat.text()
        ok = True
        if slot is not None and not current:
            self.pp_msgs["current"].show_message(self.tr("Type your current passphrase."))
            ok = False
        try:
            validate_passphrase(new, strength=True)
        except ValidationError as exc:
            self.pp_msgs["new"].show_message(" ".join(exc.errors.values()))
            ok = False
        if ok and new != repeat:
            self.pp_msgs["repeat"].show_message(self.tr("The two new passphrases are not the same."))
            ok = False
        if not ok:
            return False
        n = slot.n if slot is not None else DEFAULT_SCRYPT_N
        slots = vault.slots

        def work() -> None:
            if slots is not None and slot is not None:
                slots.unwrap(current)  # raises WrongPassphrase
            vault.change_passphrase(new, scrypt_n=n)

        self._pp_busy(True)
        run_task(work, self._pp_done, self._pp_failed, owner=self)
        return True

    def _pp_busy(self, busy: bool) -> None:
        self.pp_busy.setVisible(busy)
        for w in (self.pp_current, self.pp_new, self.pp_repeat, self.pp_button):
            w.setEnabled(not busy)

    def _pp_done(self, _result: object) -> None:
        self._pp_busy(False)
        for w in (self.pp_current, self.pp_new, self.pp_repeat):
            w.clear()
        self.pp_status.setText(self.tr("The passphrase was changed. Use the new one from now on."))

    def _pp_failed(self, exc: BaseException) -> None:
        self._pp_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.pp_msgs["current"].show_message(self.tr("This is not your current passphrase."))
            self.pp_current.selectAll()
            self.pp_current.setFocus()
        elif isinstance(exc, ValidationError):  # e.g. the same passphrase as the current one
            self.pp_msgs["new"].show_message(" ".join(exc.errors.values()))
            self.pp_new.setFocus()
        elif isinstance(exc, VaultError):
            self.pp_status.setText(exc.text())
        else:
            self.pp_status.setText(self.tr("The passphrase could not be changed (%1); the old one still works.")
                                   .replace("%1", type(exc).__name__))

    # ============================================================= privacy
    def _privacy_tab(self) -> QWidget:
        tab = QWidget(self)
        self.privacy = PrivacySettingsWidget(self.session, tab)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.privacy)
        return tab
