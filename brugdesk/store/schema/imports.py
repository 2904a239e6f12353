"""V10: imports from a spreadsheet (:mod:`brugdesk.importing`, :mod:`brugdesk.store.repo.imports`)."""

from __future__ import annotations

from typing import Any

from brugdesk.store.schema.sql import script

#: V10 (import from a spreadsheet, brugdesk/importing):
#: * ``import_batch``: one row per import (when, families or contacts, how many rows of each it wrote
#:   or skipped, whether it was undone): counts only, no names;
#: * ``import_item``: the rows the latest batch wrote (a new family, a member added to an existing one,
#:   a contact moment), so it can be undone as a whole; emptied at the next import; each row names its
#:   family, so erasure and the retention purge delete it with the family;
#: * ``import_key``: the sheet's own key of a family an import made (folded), so a later import of
#:   contact moments finds the family by the same key.
V10_TABLES = """
CREATE TABLE IF NOT EXISTS import_batch (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('families', 'contacts')),
    families INTEGER NOT NULL DEFAULT 0,
    members INTEGER NOT NULL DEFAULT 0,
    contacts INTEGER NOT NULL DEFAULT 0,
    merged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
);
CREATE TABLE IF NOT EXISTS import_item (
    batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    new_family INTEGER NOT NULL DEFAULT 0,
    member_id INTEGER REFERENCES member (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS import_item_batch ON import_item (batch_id);
CREATE INDEX IF NOT EXISTS import_item_family ON import_item (family_id);
CREATE INDEX IF NOT EXISTS import_item_member ON import_item (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS import_item_contact ON import_item (contact_id) WHERE contact_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS import_key (
    family_id INTEGER PRIMARY KEY REFERENCES family (id) ON DELETE CASCADE,
    key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS import_key_key ON import_key (key);
"""


def v10(conn: Any) -> None:
    script(V10_TABLES)(conn)
