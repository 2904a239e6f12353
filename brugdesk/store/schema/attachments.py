"""V11: attachments (bijlagen), kept inside the encrypted vault in chunks.

* ``attachment``: one file on a family, optionally on one of its referrals or contact moments: its
  file name, kind (a media type), size and SHA-256, when it was added; the ids come from the
  family's row-id range (:mod:`brugdesk.store.schema.rowids`), so a family's files sit together;
* ``attachment_chunk``: the file's bytes in pieces of at most 256 KiB (a BLOB each), in order, so
  a file is written and read a piece at a time and no single row is larger than SQLite handles well.
Both are deleted with their family by erasure and the retention purge (``store/family_rows.py``).
"""

from __future__ import annotations

from typing import Any

from brugdesk.store.schema.sql import script

V11_TABLES = """
CREATE TABLE IF NOT EXISTS attachment (
    id INTEGER PRIMARY KEY,
    family_id INTEGER NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    referral_id INTEGER REFERENCES referral (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attachment_family ON attachment (family_id, id);
CREATE INDEX IF NOT EXISTS attachment_referral ON attachment (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS attachment_contact ON attachment (contact_id) WHERE contact_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS attachment_chunk (
    id INTEGER PRIMARY KEY,
    attachment_id INTEGER NOT NULL REFERENCES attachment (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    UNIQUE (attachment_id, seq)
);
"""


def v11(conn: Any) -> None:
    script(V11_TABLES)(conn)
