"""The attachments (bijlagen) of a family, a referral or a contact moment: a table with
"Toevoegen…", "Bekijken", "Opslaan als…" and "Verwijderen".

Everything goes through the service layer (:class:`brugdesk.store.repo.attachments.Attachments`),
which keeps the file inside the vault and writes the audit entries. Adding reads the chosen file
as a stream: a file over 25 MB or of a kind brugdesk does not keep gets the service's Dutch message
and leaves nothing behind. "Bekijken" opens :class:`AttachmentViewer` (no temporary file);
"Opslaan als…" first warns that the copy is not encrypted (:data:`EXPORT_WARNING`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.model import Attachment
from brugdesk.errors import VaultError
from brugdesk.i18n import _
from brugdesk.store.changes import What
from brugdesk.store.repo.attachments import EXPORT_WARNING, KINDS, MAX_BYTES, AttachmentTooLarge
from brugdesk.ui import prompter
from brugdesk.ui.a11y import hint
from brugdesk.ui.dialogs.attachment_viewer import AttachmentViewer
from brugdesk.ui.dialogs.formkit import confirm, delete_label
from brugdesk.ui.models.attachments import AttachmentModel
from brugdesk.ui.models.base import ROW_ROLE


class AttachmentTable(QTableView):
    """A table of rows (as the pages' tables): whole rows selected, Enter views, Delete deletes."""

    def __init__(self, model: QAbstractItemModel, name: str, on_enter: Callable[[], object],
                 on_delete: Callable[[], object]) -> None:
        super().__init__()
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table: no trap
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(lambda _index: on_enter())
        for keys, slot in (("Return", on_enter), ("Enter", on_enter), ("Delete", on_delete)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def current_row_object(self) -> Attachment | None:
        index = self.currentIndex()
        row: Attachment | None = index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None
        return row

    def select_id(self, attachment_id: int | None) -> bool:
        model = self.model()
        for r in range(model.rowCount()):
            index = model.index(r, 0)
            if attachment_id is None or index.data(ROW_ROLE).id == attachment_id:
                self.setCurrentIndex(index)
                return True
        return False


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class AttachmentsPanel(QWidget):
    """The attachments of one owner: ``set_owner(family_id)`` shows every file of the family (also
    those on its referrals and contacts); with ``referral_id`` or ``contact_id`` only that one's, and
    "Toevoegen…" adds to it."""

    def __init__(self, session: Any, parent: QWidget | None = None, *, family_id: int = 0,
                 referral_id: int | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttachmentsPanel")
        self.session = session
        self.family_id = 0
        self.referral_id: int | None = None
        self.contact_id: int | None = None
        #: the viewer opened last (tests look at it)
        self.viewer: AttachmentViewer | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.model = AttachmentModel(self)
        self.table = AttachmentTable(self.model, self.tr("Attachments"), self.view, self.delete)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.table, 1)
        self.empty = hint(QLabel(self.tr("No attachments yet. Scans of signed consent forms, letters and "
                                         "photos of forms are kept encrypted in the vault.")))
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.add_button = QPushButton(self.tr("A&dd…"))
        self.add_button.setToolTip(self.tr("Add a file (PDF, image, office document or text, at most 25 MB)"))
        self.add_button.setAccessibleName(self.tr("Add attachment"))
        self.add_button.clicked.connect(self.add)
        self.view_button = QPushButton(self.tr("V&iew"))
        self.view_button.setToolTip(self.tr("Show the selected attachment in brugdesk (Enter)"))
        self.view_button.setAccessibleName(self.tr("View attachment"))
        self.view_button.clicked.connect(self.view)
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setToolTip(self.tr("Save a copy outside brugdesk (not encrypted)"))
        self.save_button.setAccessibleName(self.tr("Save attachment as"))
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button = QPushButton(self.tr("Re&move"))
        self.delete_button.setToolTip(self.tr("Delete the selected attachment (Delete)"))
        self.delete_button.setAccessibleName(self.tr("Delete attachment"))
        self.delete_button.clicked.connect(self.delete)
        lay.addLayout(button_row(self.add_button, self.view_button, self.save_button, self.delete_button))
        session.changed.connect(self._changed)
        if family_id:
            self.set_owner(family_id, referral_id=referral_id, contact_id=contact_id)
        self._update_buttons()

    # ------------------------------------------------------------ loading
    def set_owner(self, family_id: int, *, referral_id: int | None = None, contact_id: int | None = None) -> None:
        self.family_id, self.referral_id, self.contact_id = family_id, referral_id, contact_id
        self.refresh()

    def refresh(self) -> None:
        if not self.family_id or not self.session.is_unlocked:
            self.clear()
            return
        repo = self.session.repo.attachments
        if self.referral_id is not None:
            rows = repo.of_referral(self.referral_id)
        elif self.contact_id is not None:
            rows = repo.of_contact(self.contact_id)
        else:
            rows = repo.list(self.family_id)
        current = self.table.current_row_object()
        self.model.load(rows)
        if current is None or not self.table.select_id(current.id):
            self.table.select_id(None)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def clear(self) -> None:
        self.family_id = 0
        self.model.clear()
        self._update_buttons()

    def _changed(self, change: Any) -> None:
        if self.family_id and self.session.is_unlocked and change.touches(What.FAMILY, What.ERASURE) \
                and change.concerns(self.family_id):
            self.refresh()

    def _update_buttons(self) -> None:
        selected = self.table.current_row_object() is not None
        self.add_button.setEnabled(bool(self.family_id))
        for button in (self.view_button, self.save_button, self.delete_button):
            button.setEnabled(selected)

    def selected(self) -> Attachment | None:
        row: Attachment | None = self.table.current_row_object()
        return row

    # ------------------------------------------------------------ actions
    def add(self) -> Attachment | None:
        """Choose a file and keep it in the vault; a clear message when it is too large or of a kind
        not kept (nothing is stored then)."""
        if not self.family_id:
            return None
        title = self.tr("Add attachment")
        patterns = " ".join(f"*{suffix}" for suffix in KINDS)
        filters = self.tr("Documents and images ({patterns})").format(patterns=patterns)
        path = prompter.current().choose_open_path(self, title, filters)
        if not path or not self.session.is_unlocked:
            return None
        source = Path(path)
        try:
            if source.stat().st_size > MAX_BYTES:
                raise AttachmentTooLarge(f"{source.stat().st_size // (1024 * 1024)} MB")
            with source.open("rb") as fh:
                added: Attachment = self.session.repo.attachments.add(
                    self.family_id, source.name, fh, referral_id=self.referral_id, contact_id=self.contact_id)
        except VaultError as exc:
            prompter.current().warn(self, title, exc.text())
            return None
        except OSError as exc:
            prompter.current().warn(self, title, self.tr("The file could not be read: {error}")
                                    .format(error=exc.strerror or ""))
            return None
        self.refresh()
        self.table.select_id(added.id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return added

    def view(self) -> AttachmentViewer | None:
        """Show the selected attachment inside the app."""
        attachment = self.selected()
        if attachment is None or attachment.id is None or not self.session.is_unlocked:
            return None
        try:
            data = self.session.repo.attachments.read(attachment.id)
        except VaultError as exc:
            prompter.current().warn(self, self.tr("View attachment"), exc.text())
            return None
        viewer = AttachmentViewer(attachment, data, self.save_as, self.window())
        del data
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = viewer
        viewer.open()
        return viewer

    def save_selected(self) -> Path | None:
        attachment = self.selected()
        return None if attachment is None else self.save_as(attachment)

    def save_as(self, attachment: Attachment) -> Path | None:
        """"Opslaan als…": warn that the copy is not encrypted, ask where, write it."""
        title = self.tr("Save attachment as")
        if attachment.id is None or not confirm(self, title, _(EXPORT_WARNING), self.tr("&Choose where to save…")):
            return None
        suffix = Path(attachment.name).suffix.lower()
        filters = self.tr("Files of this kind (*{suffix})").format(suffix=suffix) if suffix else ""
        path = prompter.current().choose_save_path(self, title, attachment.name, filters)
        if not path or not self.session.is_unlocked:
            return None
        try:
            target: Path = self.session.repo.attachments.export(attachment.id, Path(path))
        except VaultError as exc:
            prompter.current().warn(self, title, exc.text())
            return None
        except OSError as exc:
            prompter.current().warn(self, title, self.tr("The copy could not be saved: {error}")
                                    .format(error=exc.strerror or ""))
            return None
        prompter.current().inform(self, title, self.tr("A copy was saved as {path}. It is not encrypted: "
                                                       "delete it when you no longer need it.")
                                  .format(path=str(target)))
        return target

    def delete(self) -> bool:
        attachment = self.selected()
        if attachment is None or attachment.id is None:
            return False
        if not confirm(self, self.tr("Delete attachment"),
                       self.tr("Delete the attachment “{name}”? This cannot be undone.").format(name=attachment.name),
                       delete_label()) or not self.session.is_unlocked:
            return False
        self.session.repo.attachments.delete(attachment.id)
        self.refresh()
        return True



def attachments_row(form: QFormLayout, session: Any, family_id: int | None, *, referral_id: int | None = None,
                    contact_id: int | None = None) -> AttachmentsPanel | None:
    """A "Bijlagen" row at the end of a form dialog: the panel of the referral or contact being edited,
    or, for one not saved yet, a note that files are added once it is saved."""
    # no Alt+letter here: the dialog's own fields have taken the letters (Tab reaches the row)
    label = QLabel(QCoreApplication.translate("AttachmentsPanel", "Attachments:"))
    if not family_id or (referral_id is None and contact_id is None):
        note = hint(QLabel(QCoreApplication.translate(
            "AttachmentsPanel", "You can add attachments after saving: open it again with “Edit…”.")))
        note.setWordWrap(True)
        form.addRow(label, note)
        return None
    panel = AttachmentsPanel(session, family_id=family_id, referral_id=referral_id, contact_id=contact_id)
    for button in (panel.add_button, panel.view_button, panel.save_button, panel.delete_button):
        button.setText(button.text().replace("&", ""))
    panel.table.setMinimumHeight(panel.fontMetrics().height() * 5)
    panel.table.setMaximumHeight(panel.fontMetrics().height() * 9)
    label.setBuddy(panel.table)
    form.addRow(label, panel)
    return panel
