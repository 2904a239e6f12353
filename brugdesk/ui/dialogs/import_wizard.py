"""Importeren uit spreadsheet: the import wizard (issue 14), on :mod:`brugdesk.importing`.

Four steps in one dialog: the file and its sheet (families or contact moments?) → the header row
and a field per column, suggested from the headers and changeable (the mapping is saved and loaded
as JSON) → a preview of every row with its problems, made on a worker thread (a busy row meanwhile,
:mod:`~brugdesk.ui.dialogs.import_preview`), with skip or merge for each family already in the vault
→ the import, as one batch, with what was written, a reminder that the spreadsheet is unencrypted
(and a button that opens its folder) and undo. Nothing is written before *Importeren*; "Sjabloon
opslaan…" writes an empty ``.xlsx``. The wizard holds no stash (a lock closes it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brugdesk.errors import VaultError
from brugdesk.importing import (
    FIELDS,
    DuplicateChoice,
    ImportKind,
    Mapping,
    Preview,
    Sheet,
    SheetError,
    Workbook,
    commit,
    headers_of,
    label,
    save_template,
)
from brugdesk.store.repo.imports import Batch
from brugdesk.ui import prompter
from brugdesk.ui.a11y import StatusLabel
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.dialogs.import_preview import BusyRow, PreviewWorker, fill_duplicates
from brugdesk.ui.models.imports import ImportPreviewModel, field_of, preview_lines, shown

#: how many data rows the mapping step shows as examples of a column
EXAMPLES = 3


class ImportWizard(BaseDialog):
    """Importeren uit spreadsheet. ``imported`` carries the batch's id after a successful import."""

    imported = Signal(int)
    FILE, MAPPING, PREVIEW, DONE = range(4)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.workbook: Workbook | None = None
        self.sheet: Sheet | None = None
        self.mapping: Mapping | None = None
        self.preview: Preview | None = None
        self.batch: Batch | None = None
        self.field_combos: list[QComboBox] = []
        self.worker = PreviewWorker(session, self, done=self._preview_ready, failed=self._preview_failed)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("< &Back"))
        self.next_button = QPushButton(self.tr("&Next >"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.close_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.do_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.import_button, self.close_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack, 1)
        lay.addLayout(buttons)
        self.resize(900, 600)
        self._show_step(self.FILE)

    # ------------------------------------------------------------------ pages
    def _file_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(self.tr("Choose the spreadsheet (.xlsx, .xls, .ods or .csv) with your families or "
                               "contacts. Nothing is saved before you confirm the import."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Spreadsheet file"))
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        file_label = QLabel(self.tr("File:"))
        form.addRow(file_label, row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        sheet_label = QLabel(self.tr("&Sheet:"))
        sheet_label.setBuddy(self.sheet_combo)
        form.addRow(sheet_label, self.sheet_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("What the rows are"))
        self.kind_combo.addItem(self.tr("Families (one row per child or per family)"), str(ImportKind.FAMILIES))
        self.kind_combo.addItem(self.tr("Contacts (one row per contact)"), str(ImportKind.CONTACTS))
        kind_label = QLabel(self.tr("&Rows are:"))
        kind_label.setBuddy(self.kind_combo)
        form.addRow(kind_label, self.kind_combo)
        lay.addLayout(form)
        self.file_error = StatusLabel()
        self.file_error.setWordWrap(True)
        lay.addWidget(self.file_error)
        lay.addStretch(1)
        template_row = QHBoxLayout()
        template_text = QLabel(self.tr("No spreadsheet yet? Save the template, fill it in and import it."))
        template_text.setWordWrap(True)
        self.template_button = QPushButton(self.tr("Save &template…"))
        self.template_button.clicked.connect(self.save_template)
        template_row.addWidget(template_text, 1)
        template_row.addWidget(self.template_button)
        lay.addLayout(template_row)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(self.tr("Check which field each column holds. brugdesk suggested a field from each header; "
                               "choose another where it guessed wrong, or \"(skip)\" for a column you do not need."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.setAccessibleName(self.tr("Row with the headers"))
        self.header_spin.valueChanged.connect(self._header_changed)
        header_label = QLabel(self.tr("&Headers are in row:"))
        header_label.setBuddy(self.header_spin)
        row.addWidget(header_label)
        row.addWidget(self.header_spin)
        row.addStretch(1)
        self.load_mapping_button = QPushButton(self.tr("&Load mapping…"))
        self.save_mapping_button = QPushButton(self.tr("Sa&ve mapping…"))
        self.load_mapping_button.clicked.connect(self.load_mapping)
        self.save_mapping_button.clicked.connect(self.save_mapping)
        row.addWidget(self.load_mapping_button)
        row.addWidget(self.save_mapping_button)
        lay.addLayout(row)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Examples"), self.tr("Field")])
        self.mapping_table.setAccessibleName(self.tr("Columns and their fields"))
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setColumnWidth(0, 200)
        self.mapping_table.setColumnWidth(1, 320)
        lay.addWidget(self.mapping_table, 1)
        self.mapping_error = StatusLabel()
        self.mapping_error.setWordWrap(True)
        lay.addWidget(self.mapping_error)
        self.preview_busy = BusyRow()
        lay.addWidget(self.preview_busy)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.summary = StatusLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.preview_model = ImportPreviewModel(self)
        self.preview_table = QTableView()
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setAccessibleName(self.tr("Rows of the sheet"))
        self.preview_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.preview_table.setWordWrap(False)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.horizontalHeader().setSectionResizeMode(ImportPreviewModel.PROBLEMS,
                                                                   QHeaderView.ResizeMode.Stretch)
        self.preview_table.setColumnWidth(ImportPreviewModel.ROW, 50)
        self.preview_table.setColumnWidth(ImportPreviewModel.FAMILY, 180)
        self.preview_table.setColumnWidth(ImportPreviewModel.PERSON, 140)
        lay.addWidget(self.preview_table, 2)
        self.duplicates_label = QLabel(self.tr("Families already in the vault:"))
        lay.addWidget(self.duplicates_label)
        self.duplicates_table = QTableWidget(0, 3)
        self.duplicates_table.setHorizontalHeaderLabels([self.tr("In the sheet"), self.tr("In the vault"),
                                                         self.tr("What to do")])
        self.duplicates_table.setAccessibleName(self.tr("Families already in the vault"))
        self.duplicates_table.verticalHeader().setVisible(False)
        self.duplicates_table.horizontalHeader().setStretchLastSection(True)
        self.duplicates_table.setColumnWidth(0, 240)
        self.duplicates_table.setColumnWidth(1, 240)
        lay.addWidget(self.duplicates_table, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.done_label = StatusLabel()
        self.done_label.setWordWrap(True)
        lay.addWidget(self.done_label)
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        lay.addWidget(self.reminder)
        row = QHBoxLayout()
        self.open_folder_button = QPushButton(self.tr("&Open its folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.undo_button = QPushButton(self.tr("&Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        return page

    # ------------------------------------------------------------------ steps
    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.back_button.setVisible(step in (self.MAPPING, self.PREVIEW))
        self.next_button.setVisible(step in (self.FILE, self.MAPPING))
        self.next_button.setEnabled(step != self.FILE or self.sheet is not None)
        self.import_button.setVisible(step == self.PREVIEW)
        self.close_button.setText(self.tr("Close") if step == self.DONE else self.tr("Cancel"))
        (self.next_button if step in (self.FILE, self.MAPPING) else
         self.import_button if step == self.PREVIEW else self.close_button).setDefault(True)

    def step(self) -> int:
        return self.stack.currentIndex()

    def go_back(self) -> None:
        self._drop_preview()
        if self.step() in (self.MAPPING, self.PREVIEW):
            self._show_step(self.step() - 1)

    def go_next(self) -> None:
        if self.step() == self.FILE and self.sheet is not None:
            self._fill_mapping(Mapping.suggested(self.sheet, ImportKind(self.kind_combo.currentData())))
            self._show_step(self.MAPPING)
        elif self.step() == self.MAPPING and self.sheet is not None and self.mapping is not None:
            self.mapping.columns = [c.currentData() and field_of(c.currentData()) for c in self.field_combos]
            self.mapping_error.clear()
            self.worker.start(self.sheet, self.mapping)  # checked on a worker thread: the wizard stays usable
            if self.worker.busy:
                self.next_button.setEnabled(False)
                self.preview_busy.start(self.tr("Checking every row of the sheet…"))

    def _preview_ready(self, prev: Preview) -> None:
        self.preview_busy.stop()
        self._show_preview(prev)
        self._show_step(self.PREVIEW)

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview_busy.stop()
        self.next_button.setEnabled(True)
        self.mapping_error.setText(exc.text() if isinstance(exc, VaultError)
                                   else self.tr("The rows could not be checked."))

    def _drop_preview(self) -> None:  # the mapping or the step changes, the wizard closes
        if self.worker.busy:
            self.worker.stop()
            self.preview_busy.stop()
            self.next_button.setEnabled(True)

    def done(self, result: int) -> None:
        self._drop_preview()
        super().done(result)

    # ------------------------------------------------------------------ file
    def choose_file(self) -> None:
        path = prompter.current().choose_open_path(
            self, self.tr("Choose a spreadsheet"), self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Read ``path``'s sheets; a file that cannot be read says why on the first step."""
        self.workbook, self.sheet = None, None
        self.file_error.clear()
        self.path_edit.setText(path)
        try:
            self.workbook = Workbook(Path(path))
        except VaultError as exc:
            self.file_error.setText(exc.text())
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if self.workbook is not None:
            self.sheet_combo.addItems(self.workbook.sheet_names)
        self.sheet_combo.blockSignals(False)
        self._sheet_changed()

    def _sheet_changed(self) -> None:
        self.sheet = None
        if self.workbook is not None and self.sheet_combo.currentIndex() >= 0:
            try:
                self.sheet = self.workbook.sheet(self.sheet_combo.currentText())
            except VaultError as exc:
                self.file_error.setText(exc.text())
            else:
                self.file_error.clear()
                guess = Mapping.suggested(self.sheet)
                self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(str(guess.kind))))
        self._show_step(self.FILE)

    def save_template(self) -> None:
        path = prompter.current().choose_save_path(self, self.tr("Save template"), self.tr("brugdesk-import.xlsx"),
                                                   self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            save_template(Path(path))
        except (VaultError, OSError) as exc:
            text = exc.text() if isinstance(exc, VaultError) else self.tr("The template could not be saved.")
            prompter.current().warn(self, self.tr("Save template"), text)
            return
        self.file_error.setText(self.tr("Template saved: {path}").format(path=path))

    # ------------------------------------------------------------------ mapping
    def _fill_mapping(self, mapping: Mapping) -> None:
        assert self.sheet is not None
        self._drop_preview()
        self.mapping = mapping
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, len(self.sheet.rows)))
        self.header_spin.setValue(mapping.header_row + 1)
        self.header_spin.blockSignals(False)
        headers = headers_of(self.sheet, mapping.header_row)
        data = self.sheet.rows[mapping.header_row + 1:]
        self.mapping_table.setRowCount(len(headers))
        self.field_combos = []
        skip = self.tr("(skip)")
        for col, header in enumerate(headers):
            name = QTableWidgetItem(header or self.tr("column {column}").format(column=str(col + 1)))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            examples = [shown(r[col]) for r in data if col < len(r) and r[col] != ""][:EXAMPLES]
            sample = QTableWidgetItem(", ".join(e[:40] for e in examples))
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(col, 0, name)
            self.mapping_table.setItem(col, 1, sample)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field of column {column}").format(column=header or str(col + 1)))
            combo.addItem(skip, "")
            for fld in FIELDS[mapping.kind]:
                combo.addItem(label(fld), str(fld))
            chosen = mapping.columns[col] if col < len(mapping.columns) else None
            combo.setCurrentIndex(max(0, combo.findData(str(chosen) if chosen else "")))
            self.mapping_table.setCellWidget(col, 2, combo)
            self.field_combos.append(combo)
        self.mapping_error.clear()

    def _header_changed(self, value: int) -> None:
        if self.sheet is None or self.mapping is None:
            return
        self._fill_mapping(Mapping.suggested(self.sheet, self.mapping.kind, header_row=value - 1))

    def load_mapping(self) -> None:
        path = prompter.current().choose_open_path(self, self.tr("Load mapping"), self.tr("Mapping (*.json)"))
        if not path or self.sheet is None:
            return
        try:
            mapping = Mapping.from_json(Path(path).read_text(encoding="utf-8"), self.sheet)
        except (VaultError, OSError, UnicodeDecodeError) as exc:
            self.mapping_error.setText(exc.text() if isinstance(exc, VaultError)
                                       else self.tr("The mapping file could not be read."))
            return
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(str(mapping.kind))))
        self._fill_mapping(mapping)

    def save_mapping(self) -> None:
        if self.sheet is None or self.mapping is None:
            return
        path = prompter.current().choose_save_path(self, self.tr("Save mapping"), self.tr("mapping.json"),
                                                   self.tr("Mapping (*.json)"))
        if not path:
            return
        from brugdesk import fsutil

        mapping = Mapping(self.mapping.kind, self.mapping.header_row,
                          [c.currentData() and field_of(c.currentData()) for c in self.field_combos])
        try:
            fsutil.write_atomic(Path(path), mapping.to_json(headers_of(self.sheet, mapping.header_row)).encode())
        except (VaultError, OSError):
            self.mapping_error.setText(self.tr("The mapping could not be saved."))
            return
        self.mapping_error.setText(self.tr("Mapping saved: {path}").format(path=path))

    # ------------------------------------------------------------------ preview
    def _show_preview(self, prev: Preview) -> None:
        self.preview = prev
        lines = preview_lines(prev, (self.tr("Error"), self.tr("Check"), self.tr("OK")))
        self.preview_model.load(lines)
        counts = prev.counts()
        text = self.tr("{rows} rows read: {ok} without an error, {failed} with an error (not imported).").format(
            rows=counts.rows, ok=counts.rows_ok, failed=counts.rows_with_errors)
        if prev.kind == ImportKind.FAMILIES:
            text += " " + self.tr("New families: {families}, with {members} members. Already in the vault: "
                                  "{duplicates}.").format(families=counts.families, members=counts.members,
                                                          duplicates=counts.duplicates)
        else:
            text += " " + self.tr("Contacts: {contacts}.").format(contacts=str(counts.contacts))
        if prev.problems:
            text = " ".join(prev.problems)
        self.summary.setText(text)
        dups = [(i, g) for i, g in enumerate(prev.families) if g.duplicate is not None]
        self.duplicates_label.setVisible(bool(dups))
        self.duplicates_table.setVisible(bool(dups))
        fill_duplicates(self.duplicates_table, dups, self._choose)
        self.import_button.setEnabled(not prev.blocked and self._importable())

    def _importable(self) -> bool:
        if self.preview is None:
            return False
        counts = self.preview.counts()
        return counts.families + counts.merged + counts.contacts > 0

    def _choose(self, family_index: int, combo: QComboBox) -> None:
        if self.preview is None:
            return
        self.preview.set_choice(family_index, DuplicateChoice(combo.currentData()))
        self.import_button.setEnabled(not self.preview.blocked and self._importable())

    # ------------------------------------------------------------------ import
    def do_import(self) -> None:
        if self.preview is None or not self.session.is_unlocked or not self._importable():
            return
        try:
            batch = commit(self.preview, self.session.repo)
        except VaultError as exc:
            prompter.current().warn(self, self.tr("Import"), exc.text())
            return
        except ValueError as exc:  # a validation error: nothing was written
            prompter.current().warn(self, self.tr("Import"), str(exc))
            return
        self.batch = batch
        self.preview = None
        self.preview_model.clear()
        self.imported.emit(batch.id)
        self.done_label.setText(self.tr("Imported: {families} new families, {members} members, {contacts} "
                                        "contacts.").format(families=batch.families, members=batch.members,
                                                           contacts=batch.contacts))
        self.reminder.setText(self.tr("The spreadsheet {file} still holds these data unencrypted. Delete it (and empty "
                                      "the recycle bin) when you no longer need it.")
                              .format(file=Path(self.path_edit.text()).name))
        self.undo_button.setEnabled(True)
        self._show_step(self.DONE)

    def open_folder(self) -> None:
        folder = str(Path(self.path_edit.text()).parent)
        if not prompter.current().open_folder(self, folder):
            prompter.current().warn(self, self.tr("Open folder"),
                                    self.tr("The folder could not be opened: {folder}").format(folder=folder))

    def undo(self) -> None:
        if self.batch is None or not self.session.is_unlocked:
            return
        if not prompter.current().ask_yes_no(
                self, self.tr("Undo import"),
                self.tr("Remove everything this import added: {families} families, {members} members and {contacts} "
                        "contacts?").format(families=self.batch.families, members=self.batch.members,
                                                   contacts=self.batch.contacts),
                action=self.tr("&Undo import"), cancel=self.tr("Cancel")):
            return
        try:
            self.session.repo.imports.undo_last()
        except (VaultError, ValueError) as exc:
            prompter.current().warn(self, self.tr("Undo import"), exc.text() if isinstance(exc, VaultError)
                                    else str(exc))
            return
        self.undo_button.setEnabled(False)
        self.done_label.setText(self.tr("The import was undone: nothing of it is left in the vault."))


__all__ = ["ImportWizard", "SheetError"]
