"""The first-run wizard: officer, school(s), terms, passphrase, then the vault is created and
the recovery key is shown once — saved as a recovery-sheet PDF or printed — and checked
before the vault is used.

The vault is created off the GUI thread when the passphrase page is committed; the officer,
schools and terms are stored in it straight away, so nothing typed is lost if the wizard is
closed at the recovery-key pages.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from brugdesk.core.model import School, SchoolType
from brugdesk.core.periods import DEFAULT_TERM_STARTS, PeriodError, validate_term_starts
from brugdesk.core.validation import ValidationError, validate_passphrase, validate_school
from brugdesk.errors import VaultError
from brugdesk.keys.sheet import write_recovery_sheet
from brugdesk.keys.slots import DEFAULT_SCRYPT_N
from brugdesk.store.vault import Vault
from brugdesk.ui import prompter, theme
from brugdesk.ui.a11y import FittingScrollArea, StatusLabel, ValueLabel, fit_to_screen, hint
from brugdesk.ui.dialogs.base import ask_discard, input_values
from brugdesk.ui.tasks import run_task
from brugdesk.ui.widgets import FieldMessage, StrengthMeter, TermStartsEditor, app_icon


def _row(form: QFormLayout, label: QLabel, field: QWidget, message: FieldMessage | None = None) -> None:
    label.setBuddy(field)
    if message is None:
        form.addRow(label, field)
        return
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(field)
    box.addWidget(message)
    message.describe(field)
    form.addRow(label, box)


def _scrolling(page: QWizardPage) -> None:
    """Put what ``page`` holds in a scroll area that asks for its full size: the wizard opens
    as large as before, and a page taller than a small screen at 200 % scrolls (Tab scrolls the
    focused field into view) instead of being cut off."""
    layout = page.layout()
    assert layout is not None, "a page builds its layout first"
    body = QWidget(page)
    body.setLayout(layout)  # Qt moves the layout and its widgets over to ``body``
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(FittingScrollArea(body, page))


class OfficerPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to brugdesk"))
        self.setSubTitle(self.tr("brugdesk keeps your case notes encrypted on this computer. First, who are you?"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItems([self.tr("Bridge officer"), self.tr("School social worker"), self.tr("Parent consultant")])
        self.role.setAccessibleName(self.tr("Your role"))
        self.name_message = FieldMessage(self)
        form = QFormLayout(self)
        _row(form, QLabel(self.tr("Your &name"), self), self.name, self.name_message)
        _row(form, QLabel(self.tr("Your &role"), self), self.role)
        note = QLabel(self.tr("Your name is stored inside the encrypted vault only. It is never printed on "
                              "reports."), self)
        note.setWordWrap(True)
        hint(note)
        form.addRow(note)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if not self.name.text().strip():
            self.name_message.show_message(self.tr("Type your name."))
            self.name.setFocus()
            return False
        self.name_message.clear_message()
        return True


class SchoolsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your schools"))
        self.setSubTitle(self.tr("Add the school or schools you work for. You can change them later in Settings."))
        self.schools: list[School] = []
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("School name"))
        self.type = QComboBox(self)
        self.type.setAccessibleName(self.tr("School type"))
        for code, text in ((SchoolType.PO, self.tr("PO – primary")), (SchoolType.VO, self.tr("VO – secondary")),
                           (SchoolType.SO, self.tr("SO – special"))):
            self.type.addItem(text, str(code))
        self.brin = QLineEdit(self)
        self.brin.setAccessibleName(self.tr("BRIN code"))
        self.pupils = QLineEdit(self)
        self.pupils.setAccessibleName(self.tr("Number of pupils"))
        self.messages = {k: FieldMessage(self) for k in ("name", "brin", "pupil_count", "list")}
        self.add_button = QPushButton(self.tr("&Add this school"), self)
        self.add_button.clicked.connect(self.add_school)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Schools added"))
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.clicked.connect(self._remove)
        form = QFormLayout()
        _row(form, QLabel(self.tr("School &name"), self), self.name, self.messages["name"])
        _row(form, QLabel(self.tr("&Type"), self), self.type)
        _row(form, QLabel(self.tr("&BRIN (optional)"), self), self.brin, self.messages["brin"])
        _row(form, QLabel(self.tr("&Pupils (optional)"), self), self.pupils, self.messages["pupil_count"])
        list_label = QLabel(self.tr("&Schools added"), self)
        list_label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        row2 = QHBoxLayout()
        self.messages["list"].describe(self.list)
        row2.addWidget(self.messages["list"], 1)
        row2.addStretch(0 if self.messages["list"].isVisible() else 1)
        row2.addWidget(self.remove_button)
        layout.addLayout(row2)

    def _school_from_form(self) -> School | None:
        for m in self.messages.values():
            m.clear_message()
        pupils: int | None = None
        if self.pupils.text().strip():
            try:
                pupils = int(self.pupils.text().strip().replace(".", ""))
            except ValueError:
                self.messages["pupil_count"].show_message(self.tr("Type a whole number, such as 240."))
                return None
        school = School(name=self.name.text().strip(), type=SchoolType(self.type.currentData()),
                        brin=self.brin.text().strip().upper(), pupil_count=pupils)
        try:
            validate_school(school)
        except ValidationError as exc:
            for key, text in exc.errors.items():
                self.messages.get(key, self.messages["list"]).show_message(text)
            return None
        if any(s.name.casefold() == school.name.casefold() for s in self.schools):
            self.messages["name"].show_message(self.tr("This school is already in the list."))
            return None
        return school

    def add_school(self) -> bool:
        school = self._school_from_form()
        if school is None:
            return False
        self.schools.append(school)
        self.list.addItem(f"{school.name}  ·  {school.type}")
        for w in (self.name, self.brin, self.pupils):
            w.clear()
        self.name.setFocus()
        self.completeChanged.emit()
        return True

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.schools[row]
            self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.name.text().strip() and not self.add_school():
            return False
        if not self.schools:
            self.messages["list"].show_message(self.tr("Add at least one school."))
            self.name.setFocus()
            return False
        return True


class TermsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("School year and terms"))
        self.setSubTitle(self.tr("Your reports are made per term. These are the usual terms; change them if your "
                                 "schools use other ones."))
        self.editor = TermStartsEditor(DEFAULT_TERM_STARTS, self)
        self.message = FieldMessage(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        try:
            validate_term_starts(self.editor.starts())
        except PeriodError as exc:
            self.message.show_message(str(exc))
            return False
        self.message.clear_message()
        return True


class PassphrasePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Your passphrase"))
        self.setSubTitle(self.tr("The passphrase opens your vault. Choose at least 10 characters — a short "
                                 "sentence you can remember works well. Nobody can reset it for you."))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.strength = StrengthMeter(self)
        self.passphrase.textChanged.connect(self.strength.update_for)
        self.passphrase_message = FieldMessage(self)
        self.repeat_message = FieldMessage(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self.status = StatusLabel(parent=self)  # "Making your vault…", or why it could not be made: announced
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        _row(form, QLabel(self.tr("&Passphrase"), self), self.passphrase, self.passphrase_message)
        form.addRow("", self.strength)
        _row(form, QLabel(self.tr("&Repeat it"), self), self.repeat, self.repeat_message)
        form.addRow(self.busy)
        form.addRow(self.status)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the vault"))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self._wizard.vault is not None:
            return True
        if self._wizard.creating:
            return False
        self.passphrase_message.clear_message()
        self.repeat_message.clear_message()
        text = self.passphrase.text()
        try:
            validate_passphrase(text, strength=True)
        except ValidationError as exc:
            self.passphrase_message.show_message(" ".join(exc.errors.values()))
            self.passphrase.setFocus()
            return False
        if text != self.repeat.text():
            self.repeat_message.show_message(self.tr("The two passphrases are not the same."))
            self.repeat.setFocus()
            return False
        self.busy.show()
        self.status.setText(self.tr("Making your vault…"))
        for w in (self.passphrase, self.repeat):
            w.setEnabled(False)
        self._wizard.create_vault(text)
        return False

    def creation_failed(self, text: str) -> None:
        self.busy.hide()
        self.status.setText(text)
        for w in (self.passphrase, self.repeat):
            w.setEnabled(True)


class RecoveryKeyPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("This key opens the vault when the passphrase is forgotten. It is shown only "
                                 "now: save it as a PDF and print it, and keep the paper locked away."))
        # a screen reader reads the caption as its name and the key itself as its description
        self.key = ValueLabel(self.tr("Recovery key"), parent=self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # a Tab stop (Qt gives a selectable label click focus only): the focus on it reads the key out
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        theme.style(self.key, "QLabel { background: $key_bg; border: 1px solid $key_border; border-radius: 6px; "
                              "padding: 14px; } QLabel:focus { border: 3px solid $focus_ring; padding: 12px; }")
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_sheet)
        self.status = StatusLabel(parent=self)  # "Saved as …": announced
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.saved = False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        groups = self._wizard.recovery_key.split("-")
        self.key.setText("\n".join("-".join(groups[i:i + 4]) for i in range(0, len(groups), 4)))

    def save_pdf(self) -> bool:
        path = prompter.current().choose_save_path(
            self, self.tr("Save the recovery sheet"), str(Path.home() / self.tr("brugdesk-recovery-key.pdf")),
            self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            write_recovery_sheet(target, self._wizard.recovery_key, self._wizard.today)
        except OSError as exc:
            self.status.setText(self.tr("The PDF could not be saved ({error}). Choose another place.")
                                .format(error=exc.strerror or type(exc).__name__))
            return False
        self.saved = True
        self.status.setText(self.tr("Saved as {path}. Print it, then keep the paper somewhere safe and remove the "
                                    "file if it is on a shared disk.").format(path=str(target)))
        return True

    def print_sheet(self) -> bool:
        groups = self._wizard.recovery_key.split("-")
        lines = "<br>".join("-".join(groups[i:i + 4]) for i in range(0, len(groups), 4))
        title = html.escape(self.tr("brugdesk recovery key"))
        text = html.escape(self.tr("This key opens your brugdesk vault when the passphrase is forgotten. Keep this "
                                   "paper locked away, apart from the laptop."))
        doc = f"<h1>{title}</h1><p>{text}</p><p style='font-family: monospace; font-size: 18pt'><b>{lines}</b></p>"
        printed = prompter.current().print_html(self, self.tr("brugdesk recovery key"), doc)
        if printed:
            self.saved = True
            self.status.setText(self.tr("Sent to the printer."))
        return printed


class ConfirmKeyPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check the recovery key"))
        self.setSubTitle(self.tr("To be sure you have kept it: type the last group of your recovery key, from "
                                 "the PDF or the printout."))
        self.last_group = QLineEdit(self)
        self.last_group.setAccessibleName(self.tr("Last group of the recovery key"))
        self.last_group.setMaxLength(8)
        self.last_group.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.message = FieldMessage(self)
        form = QFormLayout(self)
        _row(form, QLabel(self.tr("&Last group"), self), self.last_group, self.message)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        # something typed: Enter or the finish button then checks it, and a wrong group gets a
        # message (a finish button that stayed disabled said nothing, to a screen reader neither)
        return bool(self.last_group.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.last_group.text().strip().upper() != self._wizard.recovery_key.rsplit("-", 1)[-1]:
            self.message.show_message(self.tr("That is not the last group of your recovery key."))
            self.last_group.setFocus()
            self.last_group.selectAll()
            return False
        self.message.clear_message()
        self._wizard.confirm_recovery_key()
        return True


class FirstRunWizard(QWizard):
    """Creates the vault. After ``accepted``, :attr:`vault` is the open vault."""

    def __init__(self, vault_dir: Path, parent: QWidget | None = None, *, scrypt_n: int = DEFAULT_SCRYPT_N,
                 today: dt.date | None = None, language: str = "nl") -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.scrypt_n = scrypt_n
        self.today = today or dt.date.today()
        self.language = language
        self.vault: Vault | None = None
        self.recovery_key = ""
        self.creating = False
        self._typed_at_start: list[object] | None = None
        self.setWindowTitle(self.tr("brugdesk — first start"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        self.officer_page = OfficerPage(self)
        self.schools_page = SchoolsPage(self)
        self.terms_page = TermsPage(self)
        self.passphrase_page = PassphrasePage(self)
        self.key_page = RecoveryKeyPage(self)
        self.confirm_page = ConfirmKeyPage(self)
        for page in (self.officer_page, self.schools_page, self.terms_page, self.passphrase_page, self.key_page,
                     self.confirm_page):
            _scrolling(page)
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start using brugdesk"))
        self.resize(700, 560)

    def create_vault(self, passphrase: str) -> None:
        self.creating = True
        officer = self.officer_page.name.text().strip()
        role = self.officer_page.role.currentText().strip()
        directory, n, language = self.vault_dir, self.scrypt_n, self.language

        def work() -> tuple[Vault, str]:
            return Vault.create(directory, passphrase, officer=officer, role=role, language=language, scrypt_n=n)

        run_task(work, self._created, self._create_failed, owner=self)

    def _created(self, result: tuple[Vault, str]) -> None:
        self.creating = False
        self.vault, self.recovery_key = result
        repo = self.vault.repo
        for school in self.schools_page.schools:
            repo.schools.add(School(name=school.name, type=school.type, brin=school.brin,
                                    pupil_count=school.pupil_count))
        repo.settings.set_term_starts(self.terms_page.editor.starts())
        self.vault.set_meta("recovery_key_confirmed", "")
        self.passphrase_page.busy.hide()
        self.passphrase_page.status.clear()
        self.next()

    def _create_failed(self, exc: BaseException) -> None:
        self.creating = False
        if isinstance(exc, VaultError):
            text = exc.text()
        else:
            text = self.tr("The vault could not be made ({error}). Nothing was saved.").format(error=type(exc).__name__)
        self.passphrase_page.creation_failed(text)

    def confirm_recovery_key(self) -> None:
        if self.vault is not None:
            self.vault.set_meta("recovery_key_confirmed", self.today.isoformat())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._typed_at_start is None:
            self._typed_at_start = input_values(self)
            fit_to_screen(self)  # at 200 % on a small screen 700×560 is larger than the screen
        super().showEvent(event)

    def reject(self) -> None:
        if self.creating:
            return
        # before the vault exists, what was typed (name, schools, passphrase) is all there is:
        # Escape or the close button ask first
        if (self.vault is None and self.isVisible() and self._typed_at_start is not None
                and input_values(self) != self._typed_at_start and not ask_discard(self)):
            return
        if self.vault is not None and self.currentPage() is not self.confirm_page and not prompter.current().ask_yes_no(
                self, self.tr("Stop now?"),
                self.tr("Your vault has been made, but you have not yet kept the recovery key. Without it, a "
                        "forgotten passphrase means losing everything. Stop anyway?"),
                action=self.tr("&Stop anyway"), cancel=self.tr("&Go back")):
            return
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        super().reject()
