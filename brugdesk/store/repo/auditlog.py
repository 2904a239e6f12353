"""The audit log as the privacy tools use it: record an action, read what concerns one family.

The log itself (hash chain, anchors, redaction) is :mod:`brugdesk.store.audit`; repositories
record their own changes there in the same transaction. This repository records the actions that
change no entity (a backup, an inspection export) and finds a family's entries.
"""

from __future__ import annotations

from brugdesk.store import audit, family_rows
from brugdesk.store.audit import Action, AuditEntry
from brugdesk.store.repo.base import Repo
from brugdesk.store.repo.rows import AuditRow


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

    def page(self, limit: int = 200, offset: int = 0) -> list[AuditRow]:
        """One page of the audit log for its viewer, newest first: each entry with the reference
        (kenmerk, G-2026-014) of the family it concerns — the family itself or one of its rows — and
        never an internal number or a name. Entries about no family, or about a row deleted since,
        have no reference."""
        found = audit.entries(self.conn, limit=limit, offset=offset)
        wanted: dict[str, set[int]] = {}
        for e in found:
            if e.entity_id is not None and e.entity in family_rows.AUDITED:
                wanted.setdefault(e.entity, set()).add(e.entity_id)
        family_of: dict[tuple[str, int], int] = {}
        for entity, ids in wanted.items():
            column = "id" if entity == "family" else "family_id"
            marks = ",".join("?" * len(ids))
            for row_id, family_id in self.conn.execute(
                    f"SELECT id, {column} FROM {entity} WHERE id IN ({marks})", sorted(ids)):
                if family_id is not None:
                    family_of[(entity, int(row_id))] = int(family_id)
        refs: dict[int, str] = {}
        family_ids = sorted(set(family_of.values()))
        for i in range(0, len(family_ids), 500):
            chunk = family_ids[i : i + 500]
            refs.update((int(r[0]), str(r[1])) for r in self.conn.execute(
                f"SELECT id, ref FROM family WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        out = []
        for e in found:
            family_id = family_of.get((e.entity, e.entity_id)) if e.entity_id is not None else None
            out.append(AuditRow(e.id, e.ts, e.action, e.entity, refs.get(family_id, "") if family_id else ""))
        return out

    def count(self) -> int:
        """How many entries the audit log holds."""
        return int(self.conn.execute("SELECT count(*) FROM audit").fetchone()[0])
