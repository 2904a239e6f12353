"""Table models of Instellingen: the backups (Reservekopieën en privacy) and the audit log (Logboek), read-only.

Both are :class:`~brugdesk.ui.models.base.RowTableModel`s. The audit log pages through the vault
(500 entries at a time, more as the view scrolls): a vault used for years holds tens of
thousands of entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from brugdesk import i18n
from brugdesk.privacy.backup_policy import BackupEntry
from brugdesk.store.repo.rows import AuditRow
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, fmt_date
from brugdesk.ui.models.base import Column, RowTableModel
from brugdesk.ui.session import Session


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{i18n.decimal(size / (1024 * 1024))} MB"
    return f"{max(1, size // 1024)} kB"


class BackupTableModel(RowTableModel[BackupEntry]):
    """The backups in the vault's ``backups`` folder, newest first."""

    MADE, KIND, SIZE = range(3)

    def columns(self) -> Sequence[Column[BackupEntry]]:
        return (
            Column(QT_TRANSLATE_NOOP("BackupTableModel", "Made on"),
                   lambda e: f"{fmt_date(e.when.date())} {e.when:%H:%M}", lambda e: e.when),
            Column(QT_TRANSLATE_NOOP("BackupTableModel", "Kind"), lambda e: self.kind(e.tag), lambda e: e.tag),
            Column(QT_TRANSLATE_NOOP("BackupTableModel", "Size"), lambda e: size_text(e.size), lambda e: e.size),
        )

    def kind(self, tag: str) -> str:
        kinds = {"daily": self.tr("daily"), "close": self.tr("on closing"), "manual": self.tr("by hand")}
        if tag.startswith("pre-migration"):
            return self.tr("before an update")
        return kinds.get(tag, tag or self.tr("by hand"))


class AuditTableModel(RowTableModel[AuditRow]):
    """The audit log, newest first, queried page by page as the view scrolls; a family is named by
    its reference (kenmerk), never by an internal number."""

    WHEN, WHAT, CONCERNING, FAMILY = range(4)
    page = 500

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._columns: Sequence[Column[AuditRow]] = (
            Column(QT_TRANSLATE_NOOP("AuditTableModel", "When"), self._when, lambda e: e.id),
            Column(QT_TRANSLATE_NOOP("AuditTableModel", "What"), lambda e: self.action_text(e.action),
                   lambda e: e.action),
            Column(QT_TRANSLATE_NOOP("AuditTableModel", "Concerning"),
                   lambda e: self.entity_text(e.entity) if e.entity else "", lambda e: e.entity),
            Column(QT_TRANSLATE_NOOP("AuditTableModel", "Family"), lambda e: e.family_ref, lambda e: e.family_ref),
        )

    def columns(self) -> Sequence[Column[AuditRow]]:
        return self._columns

    @staticmethod
    def _when(entry: AuditRow) -> str:
        when = dt.datetime.fromisoformat(entry.ts).astimezone()
        return f"{fmt_date(when.date())} {when:%H:%M:%S}"

    def action_text(self, action: str) -> str:
        names = {
            "create_vault": self.tr("vault created"), "unlock": self.tr("unlocked"), "view": self.tr("viewed"),
            "create": self.tr("created"), "update": self.tr("changed"), "delete": self.tr("deleted"),
            "close": self.tr("closed"), "reopen": self.tr("reopened"), "export": self.tr("inspection export"),
            "report": self.tr("report made"), "backup": self.tr("backup made"), "restore": self.tr("backup restored"),
            "purge": self.tr("retention purge"), "erase": self.tr("family erased"),
            "passphrase_change": self.tr("passphrase changed"), "key_rotation": self.tr("new recovery key"),
            "migrate": self.tr("vault updated"), "reapply_erasure": self.tr("erased families removed again"),
            "import": self.tr("import from a spreadsheet"), "undo_import": self.tr("import undone"),
            "overview": self.tr("family overview printed"), "handover": self.tr("warm handover made"),
        }
        return names.get(action, action)

    def entity_text(self, entity: str) -> str:
        names = {
            "family": self.tr("family"), "member": self.tr("member"), "contact": self.tr("contact"),
            "referral": self.tr("referral"), "followup": self.tr("follow-up"), "school": self.tr("school"),
            "partner": self.tr("partner"), "activity": self.tr("group activity"), "setting": self.tr("setting"),
            "list_item": self.tr("list"), "report": self.tr("report"), "deletion_record": self.tr("deletion record"),
            "import_batch": self.tr("import"), "attachment": self.tr("attachment"),
            "signal": self.tr("signal"), "appointment": self.tr("appointment"), "snippet": self.tr("text snippet"),
        }
        return names.get(entity, entity)

    def refresh(self) -> None:
        """Query the newest page again (the view goes back to the top)."""
        if not self.session.is_unlocked:
            self.clear_for_lock()
            return
        self.load_pages(self._entries, self.session.repo.audit.count())

    def _entries(self, offset: int, limit: int) -> list[AuditRow]:
        if not self.session.is_unlocked:
            return []
        return self.session.repo.audit.page(limit=limit, offset=offset)
