"""The audit log as the privacy tools use it: record an action, read what concerns one family.

The log itself (hash chain, anchors, redaction) is :mod:`brugdesk.store.audit`; repositories
record their own changes there in the same transaction. This repository records the actions that
change no entity (a backup, an inspection export) and finds a family's entries.
"""

from __future__ import annotations

from brugdesk.store import audit, family_rows
from brugdesk.store.audit import Action, AuditEntry
from brugdesk.store.repo.base import Repo


class AuditLog(Repo):
    entity = "audit"

    def record(self, action: Action, entity: str = "", entity_id: int | None = None) -> int:
        """Append one entry in a transaction of its own; its id."""
        with self.tx():
            return audit.append(self.conn, action, entity, entity_id)

    def about_family(self, family_id: int) -> list[AuditEntry]:
        """Every entry about the family or one of its current rows, oldest first."""
        found: list[AuditEntry] = []
        for entity, ids in family_rows.rows_of(self.conn, [family_id]).items():
            for entity_id in ids:
                found.extend(audit.entries(self.conn, entity=entity, entity_id=entity_id, limit=100_000))
        found.sort(key=lambda e: e.id)
        return found
