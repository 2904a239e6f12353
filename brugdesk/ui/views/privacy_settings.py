"""Instellingen › Back-ups en privacy: backups (now, to a folder or USB stick, restore), the
retention period, a new recovery key, and the audit-log viewer.

The settings page embeds :class:`PrivacySettingsWidget` (also importable as
``PrivacySettings``, the name the page's extension point uses).

**Threads.** A backup ("back up now", "to a folder or USB stick", and the day's automatic backup
after unlocking) is split in two: :func:`brugdesk.privacy.backup_policy.prepare_backup` decides and
writes the audit entry on the GUI thread, through the vault's connection; the returned
:class:`~brugdesk.privacy.backup_policy.BackupJob` then copies and verifies on a worker thread
(:func:`brugdesk.ui.tasks.run_task`), through its *own* read-only connection and its own
reference to the data key — the worker never touches the GUI thread's connection (WAL lets it
read while the GUI goes on). At 100× scale a backup and its verification take about 3.5 s; the
window stays responsive meanwhile, with a busy bar and the backup buttons disabled.

Locking or quitting while such a backup runs is safe: the main window waits for running tasks
before the vault closes (``tasks.wait_all``), backup jobs run one at a time (the backup made on
locking waits for the running one), and the job's connection and key are its own. A result that
arrives after locking is dropped with the settings page (deleted on lock), or — from the
automatic backup — reported as a message without personal data.

The backup made when the app locks or quits (:meth:`BackupHooks._on_locked`) stays synchronous
on the GUI thread: the key is dropped right after it, and quitting must not lose it. The new
recovery key (≈3 s: two scrypt runs and a rekey) also stays on the GUI thread under a wait
cursor (:func:`run_busy`): it rekeys the vault's own connection, which only the GUI thread
uses; it waits for a running backup job first.

History: under PySide6 6.12.0 a worker thread busy in SQLCipher while the GUI thread processed
events corrupted the heap, so backups ran on the GUI thread for a while. The cause was 6.12.0's
reference-count bug in Python slots, not the thread; PySide6 is pinned below 6.12 and
``tests/ui/test_pyside_refcount.py`` guards it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.validation import ValidationError
from brugdesk.errors import VaultError, VaultInUse, WrongPassphrase
from brugdesk.privacy import backup_policy
from brugdesk.store import audit
from brugdesk.store.backup_copy import BackupInfo
from brugdesk.store.changes import Change, What
from brugdesk.ui import prompter
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.labels import fmt_date
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_busy, run_task
from brugdesk.ui.widgets import FieldMessage

Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} kB"


# ------------------------------------------------------------------ models
class BackupTableModel(QAbstractTableModel):
    """The backups in the vault's ``backups`` folder, newest first (read-only)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[backup_policy.BackupEntry] = []

    def headers(self) -> list[str]:
        return [self.tr("Made on"), self.tr("Kind"), self.tr("Size")]

    def kind(self, tag: str) -> str:
        kinds = {"daily": self.tr("daily"), "close": self.tr("on closing"), "manual": self.tr("by hand")}
        if tag.startswith("pre-migration"):
            return self.tr("before an update")
        return kinds.get(tag, tag or self.tr("by hand"))

    def load(self, entries: list[backup_policy.BackupEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def clear_for_lock(self) -> None:
        self.load([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{fmt_date(entry.when.date())} {entry.when:%H:%M}", self.kind(entry.tag),
                    size_text(entry.size))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return str(entry.path)
        return None


class AuditTableModel(QAbstractTableModel):
    """The audit log, newest first, read-only; loaded page by page as the view scrolls."""

    page = 500

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[audit.AuditEntry] = []
        self._more = True

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("What"), self.tr("Concerning"), self.tr("Number")]

    def action_text(self, action: str) -> str:
        names = {
            "create_vault": self.tr("vault created"), "unlock": self.tr("unlocked"), "view": self.tr("viewed"),
            "create": self.tr("created"), "update": self.tr("changed"), "delete": self.tr("deleted"),
            "close": self.tr("closed"), "reopen": self.tr("reopened"), "export": self.tr("inspection export"),
            "report": self.tr("report made"), "backup": self.tr("backup made"), "restore": self.tr("backup restored"),
            "purge": self.tr("retention purge"), "erase": self.tr("family erased"),
            "passphrase_change": self.tr("passphrase changed"), "key_rotation": self.tr("new recovery key"),
            "migrate": self.tr("vault updated"), "reapply_erasure": self.tr("erased families removed again"),
        }
        return names.get(action, action)

    def entity_text(self, entity: str) -> str:
        names = {
            "family": self.tr("family"), "member": self.tr("member"), "contact": self.tr("contact"),
            "referral": self.tr("referral"), "followup": self.tr("follow-up"), "school": self.tr("school"),
            "partner": self.tr("partner"), "activity": self.tr("group activity"), "setting": self.tr("setting"),
            "list_item": self.tr("list"), "report": self.tr("report"), "deletion_record": self.tr("deletion record"),
        }
        return names.get(entity, entity)

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._more = True
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear_for_lock(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._more = False
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt API
        return not parent.isValid() and self._more and self.session.is_unlocked

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt API
        if parent.isValid() or not self.session.is_unlocked:
            return
        more = audit.entries(self.session.vault.conn, limit=self.page, offset=len(self.rows))
        self._more = len(more) == self.page
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = dt.datetime.fromisoformat(entry.ts).astimezone()
            return (f"{fmt_date(when.date())} {when:%H:%M:%S}", self.action_text(entry.action),
                    self.entity_text(entry.entity) if entry.entity else "",
                    "" if entry.entity_id is None else str(entry.entity_id))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# -------------------------------------------------------------- recovery key
class NewRecoveryKeyDialog(BaseDialog):
    """Asks for the passphrase, rotates the data key, shows the new key once.

    The rotation runs on the GUI thread under a wait cursor (:func:`run_busy`, ≈3 s): it rekeys
    the vault's own connection, which belongs to the GUI thread. While another brugdesk window or
    command has the vault open it is refused (:class:`~brugdesk.errors.VaultInUse`, nothing
    changed) and the dialog says so.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("New recovery key"))
        self.recovery_key = ""
        intro = QLabel(self.tr("A new recovery key replaces the old one: the old key and its printed sheet stop "
                               "working for this vault and for the backups on this computer. Backups on other "
                               "disks or USB sticks still open with the old key only. Your passphrase stays the "
                               "same."), self)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Your passphrase"))
        label = QLabel(self.tr("Your &passphrase"), self)
        label.setBuddy(self.passphrase)
        self.message = FieldMessage(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.key_intro = QLabel(self)
        self.key_intro.setWordWrap(True)
        self.key_intro.hide()
        self.key_label = QLabel(self)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        key_font.setPointSizeF(key_font.pointSizeF() * 1.3)
        key_font.setBold(True)
        self.key_label.setFont(key_font)
        self.key_label.setAccessibleName(self.tr("New recovery key"))
        self.key_label.hide()
        self.make_button = QPushButton(self.tr("&Make a new recovery key"), self)
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_key)
        self.sheet_button = QPushButton(self.tr("&Save recovery sheet (PDF)…"), self)
        self.sheet_button.clicked.connect(self.save_sheet)
        self.sheet_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.make_button)
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.key_intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        self.resize(620, 320)

    def make_key(self) -> bool:
        self.message.clear_message()
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.show_message(self.tr("Type your passphrase."))
            return False
        vault = self.session.vault
        slot = vault.slots.passphrase if vault.slots is not None else None
        n = slot.n if slot is not None else None

        def work() -> str:
            kwargs: dict[str, Any] = {} if n is None else {"scrypt_n": n}
            return backup_policy.new_recovery_key(vault, passphrase, **kwargs)

        self._set_busy(True)
        run_busy(work, self._done, self._failed, self.message, self.tr("Making the new key…"))
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.make_button, self.close_button):
            w.setEnabled(not busy)

    def _done(self, key: object) -> None:
        self._set_busy(False)
        self.recovery_key = str(key)
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.make_button.hide()
        self.key_intro.setText(self.tr("Your new recovery key (shown only now; print it or write it down):"))
        self.key_intro.show()
        groups = self.recovery_key.split("-")
        self.key_label.setText("-".join(groups[:7]) + "-\n" + "-".join(groups[7:]))
        self.key_label.show()
        self.sheet_button.show()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.message.show_message(self.tr("This is not your passphrase."))
            self.passphrase.selectAll()
        elif isinstance(exc, VaultInUse):
            self.message.show_message(self.tr("The vault is also open in another brugdesk window or command. "
                                              "Close it there and try again; no new key was made."))
        elif isinstance(exc, VaultError):
            self.message.show_message(exc.text())
        else:
            self.message.show_message(self.tr("No new recovery key was made (%1); the old one still works.")
                                      .replace("%1", type(exc).__name__))

    def save_sheet(self) -> bool:
        path = prompter.current().choose_save_path(self, self.tr("Save recovery sheet"),
                                                   "herstelsleutel.pdf", self.tr("PDF files (*.pdf)"))
        if not path or not self.recovery_key:
            return False
        from brugdesk.keys.sheet import write_recovery_sheet

        try:
            write_recovery_sheet(Path(path), self.recovery_key)
        except OSError as exc:
            self.message.show_message(self.tr("The sheet could not be saved: %1").replace("%1", exc.strerror or ""))
            return False
        self.message.show_message("")
        self.key_intro.setText(self.key_intro.text() + " " + self.tr("The recovery sheet was saved."))
        return True

    def done(self, result: int) -> None:
        self.recovery_key = ""  # shown once: forget it when the dialog closes
        super().done(result)


# ---------------------------------------------------------------- the widget
class PrivacySettingsWidget(QWidget):
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
        layout.addWidget(self._audit_group(inner), 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
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
        self.audit_model.refresh()  # every change leaves an entry in the audit log

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
        self.backup_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.backup_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.backup_table.verticalHeader().hide()
        self.backup_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.backup_table.setMinimumHeight(150)
        self.backup_now = QPushButton(self.tr("Back up &now"), box)
        # clicked(bool) would hand its "checked" False to make_backup as the folder (issue 12, item 5)
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
        self.backup_status = QLabel(box)
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
        self.audit_model.refresh()
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
        for w in (self.backup_now, self.backup_folder, self.restore_button):
            w.setEnabled(not busy)

    def _backup_done(self, info: object) -> None:
        self._backup_busy(False)
        assert isinstance(info, BackupInfo)
        self.backup_status.setText(self.tr("Backup made and verified: %1").replace("%1", str(info.path)))
        self.refresh()

    def _backup_failed(self, exc: BaseException) -> None:
        self._backup_busy(False)
        if isinstance(exc, VaultError):
            self.backup_status.setText(exc.text())
        else:
            self.backup_status.setText(self.tr("The backup failed (%1).").replace("%1", type(exc).__name__))
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
        self.retention_status = QLabel(box)
        note = QLabel(self.tr("Families past their retention period are listed on the Overview page; you review "
                              "them and confirm before anything is deleted."), box)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
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

    # ------------------------------------------------------------- audit
    def _audit_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Audit log"), parent)
        note = QLabel(self.tr("Every unlock, view, change, export, report, backup, restore and purge is recorded "
                              "here — without names or notes. Each entry is sealed to the one before it, so a "
                              "changed or removed entry is noticed."), box)
        note.setWordWrap(True)
        self.audit_model = AuditTableModel(self.session, box)
        self.audit_table = QTableView(box)
        self.audit_table.setModel(self.audit_model)
        self.audit_table.setAccessibleName(self.tr("Audit log"))
        self.audit_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.audit_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.audit_table.verticalHeader().hide()
        self.audit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.audit_table.setMinimumHeight(220)
        self.check_button = QPushButton(self.tr("&Check the audit log"), box)
        self.check_button.clicked.connect(self.check_chain)
        self.check_status = QLabel(box)
        self.check_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.check_status, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addWidget(self.audit_table, 1)
        layout.addLayout(row)
        return box

    def check_chain(self) -> int | None:
        broken = audit.verify_chain(self.session.vault.conn)
        if broken is None:
            self.check_status.setText(self.tr("The audit log is complete and unchanged."))
            self.check_status.setStyleSheet("")
        else:
            self.check_status.setText(self.tr("The audit log was changed or shortened, starting at entry %1.")
                                      .replace("%1", str(broken)))
            self.check_status.setStyleSheet("color: #a4262c;")
        return broken

