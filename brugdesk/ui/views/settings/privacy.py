"""Instellingen › Reservekopieën en privacy: backups (now, to a folder or USB stick, restore), the
retention period, parents' requests (inspection export, erasure) and a new recovery key (the audit
log has a tab of its own, :mod:`brugdesk.ui.views.settings.audit`).

A backup made here is prepared on the GUI thread (its audit entry, through the vault's
connection, :func:`brugdesk.privacy.backup_policy.prepare_backup`) and copied and verified on a worker
thread through a read-only connection of its own (:class:`~brugdesk.privacy.backup_policy.BackupJob`),
with a busy bar and the backup buttons disabled meanwhile. Locking while it runs is safe: the
main window waits for running tasks before the vault closes, backup jobs run one at a time, and a
result that arrives after the lock is dropped with the page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.validation import ValidationError
from brugdesk.errors import VaultError
from brugdesk.privacy import backup_policy
from brugdesk.store.backup_copy import BackupInfo
from brugdesk.store.changes import Change, What
from brugdesk.ui.a11y import StatusLabel, hint
from brugdesk.ui.dialogs.recovery_key import NewRecoveryKeyDialog
from brugdesk.ui.models.privacy import BackupTableModel
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_task
from brugdesk.ui.widgets import FieldMessage

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- the widget
class PrivacyTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("privacySettings")
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addWidget(self._backup_group(inner))
        layout.addWidget(self._retention_group(inner))
        layout.addWidget(self._requests_group(inner))
        layout.addWidget(self._recovery_group(inner))
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # the scroll area is no Tab stop of its own (its controls are; it scrolls to the focused one)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        self.refresh()
        self.retention.setValue(session.repo.settings.retention_years)
        session.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        if not self.session.is_unlocked:
            return
        if change.touches(What.BACKUP, What.KEYS):
            self.backup_model.load(backup_policy.list_backups(self.session.vault.directory))
        if change.touches(What.FAMILY, What.ERASURE):
            self.load_families()

    # ------------------------------------------------------------ backups
    def _backup_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"), parent)
        note = QLabel(self.tr("brugdesk makes a verified, encrypted backup every day and when it locks or closes, "
                              "and keeps one per day for 7 days and one per week for 4 weeks. A backup opens with "
                              "your passphrase or recovery key."), box)
        note.setWordWrap(True)
        self.backup_model = BackupTableModel(box)
        self.backup_table = QTableView(box)
        self.backup_table.setModel(self.backup_model)
        self.backup_table.setAccessibleName(self.tr("Backups"))
        self.backup_table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.backup_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.backup_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.backup_table.verticalHeader().hide()
        self.backup_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.backup_table.setMinimumHeight(150)
        self.backup_now = QPushButton(self.tr("Back up &now"), box)
        # clicked(bool) would hand its "checked" False to make_backup as the folder
        self.backup_now.clicked.connect(lambda: self.make_backup())
        self.backup_folder = QPushButton(self.tr("Back up to &folder or USB stick…"), box)
        self.backup_folder.clicked.connect(self.choose_folder)
        self.restore_button = QPushButton(self.tr("&Restore a backup…"), box)
        self.restore_button.clicked.connect(self.open_restore)
        self.backup_busy = QProgressBar(box)
        self.backup_busy.setRange(0, 0)
        self.backup_busy.setMaximumHeight(6)
        self.backup_busy.setTextVisible(False)
        self.backup_busy.hide()
        self._backup_running = False
        self.backup_status = StatusLabel("", box)  # "Making the backup…", then how it went: spoken
        self.backup_status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.backup_folder)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addWidget(self.backup_table)
        layout.addLayout(buttons)
        layout.addWidget(self.backup_busy)
        layout.addWidget(self.backup_status)
        return box

    def refresh(self) -> None:
        if not self.session.is_unlocked:
            return
        self.backup_model.load(backup_policy.list_backups(self.session.vault.directory))
        self.load_families()

    def make_backup(self, folder: Path | None = None) -> bool:
        """Start a backup (to ``<vault>/backups``, or to ``folder``) off the GUI thread.

        The audit entry is written here; the copy and its verification run on a worker thread
        (see the module docstring). Returns whether a backup was started.
        """
        if not self.session.is_unlocked or self.backup_running:
            return False
        self.backup_status.clear()
        try:
            job = backup_policy.prepare_backup(self.session.vault, folder=folder, tag="" if folder else "manual")
        except VaultError as exc:
            self.backup_status.setText(exc.text())
            return False
        self._backup_busy(True)
        self.backup_status.setText(self.tr("Making the backup…"))
        run_task(job.run, self._backup_done, self._backup_failed, owner=self)
        return True

    @property
    def backup_running(self) -> bool:
        """Whether a backup started here has not reported back yet."""
        return self._backup_running

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder or USB stick for the backup"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._folder_chosen)
        dialog.open()  # not exec(): no nested event loop

    def _folder_chosen(self, path: str) -> None:
        if path:
            self.make_backup(Path(path))

    def _backup_busy(self, busy: bool) -> None:
        self._backup_running = busy
        self.backup_busy.setVisible(busy)
        # the button that has the focus keeps it while the backup runs (a disabled one would pass
        # the focus on, and a screen reader would read out every control it passes); a second
        # press does nothing while one runs (make_backup)
        for w in (self.backup_now, self.backup_folder, self.restore_button):
            w.setEnabled(not busy or w.hasFocus())

    def _backup_done(self, info: object) -> None:
        self._backup_busy(False)
        assert isinstance(info, BackupInfo)
        self.backup_status.setText(self.tr("Backup made and verified: {path}").format(path=str(info.path)))
        self.refresh()

    def _backup_failed(self, exc: BaseException) -> None:
        self._backup_busy(False)
        if isinstance(exc, VaultError):
            self.backup_status.setText(exc.text())
        else:
            self.backup_status.setText(self.tr("The backup failed ({error}).").format(error=type(exc).__name__))
        self.refresh()

    def open_restore(self) -> Any:
        from brugdesk.ui.dialogs.restore import RestoreDialog

        dialog = RestoreDialog(self.session, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---------------------------------------------------------- retention
    def _retention_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Retention period"), parent)
        self.retention = QSpinBox(box)
        self.retention.setRange(0, 99)
        self.retention.setSuffix(self.tr(" years after closing"))
        self.retention.setAccessibleName(self.tr("Retention period in years"))
        label = QLabel(self.tr("&Keep a closed family's data for"), box)
        label.setBuddy(self.retention)
        self.retention_message = FieldMessage(box)
        self.retention_save = QPushButton(self.tr("&Save"), box)
        self.retention_save.clicked.connect(self.save_retention)
        self.retention_status = StatusLabel("", box)
        note = QLabel(self.tr("Families past their retention period are listed on the Overview page; you review "
                              "them and confirm before anything is deleted."), box)
        note.setWordWrap(True)
        hint(note)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.retention)
        row.addWidget(self.retention_save)
        row.addWidget(self.retention_status, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.retention_message)
        layout.addWidget(note)
        return box

    def save_retention(self) -> bool:
        self.retention_message.clear_message()
        self.retention_status.clear()
        try:
            self.session.repo.settings.set_retention_years(self.retention.value())
        except ValidationError as exc:
            self.retention_message.show_message(" ".join(exc.errors.values()))
            return False
        self.retention_status.setText(self.tr("Saved."))
        return True

    # -------------------------------------------------- requests (AVG)
    def _requests_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Requests from parents"), parent)
        note = QLabel(self.tr("Parents may ask to see everything stored about their family (inspection, AVG "
                              "article 15) or to have it erased (article 17)."), box)
        note.setWordWrap(True)
        self.request_family = QComboBox(box)
        self.request_family.setEditable(True)
        self.request_family.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.request_family.setAccessibleName(self.tr("Family"))
        completer = self.request_family.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        label = QLabel(self.tr("Fa&mily"), box)
        label.setBuddy(self.request_family)
        self.export_button = QPushButton(self.tr("&Inspection export…"), box)
        self.export_button.clicked.connect(self.export_family)
        self.erase_button = QPushButton(self.tr("&Erase this family…"), box)
        self.erase_button.clicked.connect(self.erase_family)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.request_family, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.erase_button)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addLayout(row)
        return box

    def load_families(self) -> None:
        current = self.request_family.currentData()
        self.request_family.blockSignals(True)
        self.request_family.clear()
        for row in sorted(self.session.repo.families.rows(), key=lambda r: (r.display_name.casefold(), r.ref)):
            self.request_family.addItem(f"{row.display_name} ({row.ref})", row.id)
        index = self.request_family.findData(current)
        self.request_family.setCurrentIndex(index if index >= 0 else (0 if self.request_family.count() else -1))
        self.request_family.blockSignals(False)

    def chosen_family(self) -> int | None:
        index = self.request_family.findText(self.request_family.currentText())
        if index < 0:
            return None
        value = self.request_family.itemData(index)
        return int(value) if value is not None else None

    def export_family(self) -> Path | None:
        from brugdesk.ui.dialogs.erase_family import export_inspection

        family_id = self.chosen_family()
        if family_id is None or not self.session.is_unlocked:
            return None
        target = export_inspection(self.session, self, family_id)
        self.refresh()
        return target

    def erase_family(self) -> Any:
        from brugdesk.ui.dialogs.erase_family import EraseFamilyDialog

        family_id = self.chosen_family()
        if family_id is None or not self.session.is_unlocked:
            return None
        dialog = EraseFamilyDialog(self.session, self.window(), family_id=family_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------- recovery key
    def _recovery_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Recovery key"), parent)
        note = QLabel(self.tr("Lost the recovery sheet, or afraid someone saw it? Make a new recovery key: the "
                              "vault is re-encrypted with a new key and the old sheet stops working."), box)
        note.setWordWrap(True)
        self.new_key_button = QPushButton(self.tr("Make a ne&w recovery key…"), box)
        self.new_key_button.clicked.connect(self.open_new_key)
        row = QHBoxLayout()
        row.addWidget(self.new_key_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addLayout(row)
        return box

    def open_new_key(self) -> NewRecoveryKeyDialog:
        dialog = NewRecoveryKeyDialog(self.session, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
