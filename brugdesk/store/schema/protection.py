"""V5 and V6: the vault names itself (application id, family uid) and carries what the report's
protection needs (record keys, the export history)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brugdesk.store.schema.sql import has_column, script

#: V5:
#: * the file says it is a brugdesk vault: ``PRAGMA application_id`` (offset 68 of the SQLite header,
#:   inside the encrypted first page) is :data:`APPLICATION_ID`. A restore candidate must carry it —
#:   or, made before V5, have the tables of a brugdesk vault and a ``user_version`` of 1 to 4
#:   (:func:`brugdesk.store.backup_copy.check_candidate`);
#: * ``family.uid``: a random tag given to each new family, so the erasure ledger
#:   (:mod:`brugdesk.store.ledger`) names *that* record even when SQLite gives a later family the
#:   same id within the same second. Families from before keep ``''`` (id and ``created_at`` name them).
APPLICATION_ID = 0x62726467  # "brdg"


def v5(conn: Any) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if not has_column(conn, "family", "uid"):
        conn.execute("ALTER TABLE family ADD COLUMN uid TEXT NOT NULL DEFAULT ''")

#: The tables every brugdesk vault has had since V1 (a restore candidate must hold each of them).
REQUIRED_TABLES = frozenset({
    "meta", "setting", "list_item", "school", "family", "family_school", "family_theme", "member", "contact",
    "contact_theme", "followup", "partner", "referral", "referral_theme", "referral_status", "activity",
    "activity_theme", "audit", "deletion_record",
})

#: V6 (the report's protection):
#: * a random *record key* (0..255) on every row a report counts -- families, members, contacts,
#:   referrals, activities. A report cell's key is the sum of its records' keys modulo 256, and the
#:   perturbation table turns (count, cell key) into the printed number (``reports/perturb.py``), so
#:   the same records always print the same number. New rows get their key from SQLite's random()
#:   (ChaCha20, seeded from the operating system) through a trigger, whatever code inserts them;
#:   existing rows get one here.
#: * the export ledger: what each exported report printed (``report_export``, ``report_cell``) and,
#:   per family and block, a keyed hash of what the family contributed (``report_family``), so a
#:   later export can be checked against every earlier one (``reports/history.py``). The hash key is
#:   a random per-vault secret in ``meta``.
RKEY_TABLES = ("family", "member", "contact", "referral", "activity")
V6_TABLES = """
CREATE TABLE IF NOT EXISTS report_export (
    id INTEGER PRIMARY KEY,
    exported_on TEXT NOT NULL,
    scope TEXT NOT NULL,
    k INTEGER NOT NULL,
    d INTEGER NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    first_start TEXT NOT NULL,
    last_end TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS report_export_scope ON report_export (scope, first_start, last_end);
CREATE TABLE IF NOT EXISTS report_cell (
    export_id INTEGER NOT NULL REFERENCES report_export (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    code TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (export_id, period, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_family (
    export_id INTEGER NOT NULL REFERENCES report_export (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    block TEXT NOT NULL,
    family_id INTEGER NOT NULL,
    sig BLOB NOT NULL,
    PRIMARY KEY (export_id, period, block, family_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_family_family ON report_family (family_id);
INSERT OR IGNORE INTO meta (key, value) VALUES ('report_secret', lower(hex(randomblob(32))))
"""
V6_INDEX = """
DROP INDEX IF EXISTS contact_report;
CREATE INDEX contact_report ON contact (date, kind, family_id, minutes, rkey)
"""


def ensure_export_history(conn: Any) -> None:
    """The export history's tables (V6), in a database of any version: a restore carries the history
    over into a backup made before V6, which the next unlock then migrates (the steps are repeatable)."""
    script(V6_TABLES)(conn)


def v6(conn: Any) -> None:
    # a record keeps the key it was given: a vault that already has them (a copy whose version
    # number was set back) keeps its keys, so its reports stay what they were
    rkeys(conn, RKEY_TABLES)
    script(V6_TABLES)(conn)
    script(V6_INDEX)(conn)


def rkeys(conn: Any, tables: Sequence[str]) -> None:
    """A record key on every row of ``tables`` that has none, and the trigger that gives new rows one."""
    for table in tables:
        if not has_column(conn, table, "rkey"):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN rkey INTEGER NOT NULL DEFAULT -1")
        conn.execute(f"UPDATE {table} SET rkey = abs(random()) % 256 WHERE rkey < 0")
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS {table}_rkey AFTER INSERT ON {table} WHEN NEW.rkey < 0 "
                     f"BEGIN UPDATE {table} SET rkey = abs(random()) % 256 WHERE rowid = NEW.rowid; END")


