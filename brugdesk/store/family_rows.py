"""Which rows belong to one family: deleted with it, and named by id in the audit log.

One declaration for the erasure on request, the retention purge and the re-application of the
erasure ledger (:func:`brugdesk.store.erasure.purge_rows`), for what an erasure summary counts,
and for the audit entries an inspection export lists. A new kind of family data is added here;
a table left out makes the purge fail its ``PRAGMA foreign_key_check`` instead of leaving rows
behind.
"""

from __future__ import annotations

from typing import Any

#: the tables whose rows belong to a family: (table, the column that points at the owner, the
#: owner's entity); ``family`` as owner means the family itself
OWNED: tuple[tuple[str, str, str], ...] = (
    ("attachment_chunk", "attachment_id", "attachment"),
    ("attachment", "family_id", "family"),
    ("import_item", "family_id", "family"),
    ("import_key", "family_id", "family"),
    ("signal_status", "signal_id", "signal"),
    ("signal", "family_id", "family"),
    ("appointment", "family_id", "family"),
    ("activity_family", "family_id", "family"),
    ("contact_theme", "contact_id", "contact"),
    ("referral_theme", "referral_id", "referral"),
    ("referral_status", "referral_id", "referral"),
    ("followup", "family_id", "family"),
    ("referral", "family_id", "family"),
    ("contact", "family_id", "family"),
    ("member", "family_id", "family"),
    ("family_theme", "family_id", "family"),
    ("family_school", "family_id", "family"),
)

#: the entities whose rows the audit log names by id (``family`` itself first), each a table with a
#: ``family_id`` column
AUDITED: tuple[str, ...] = ("family", "member", "contact", "referral", "followup", "signal", "appointment",
                            "attachment")


def _ids(conn: Any, sql: str, family_ids: list[int]) -> list[int]:
    marks = ",".join("?" * len(family_ids))
    return [int(r[0]) for r in conn.execute(sql.format(marks=marks), family_ids)]


def tables(conn: Any) -> set[str]:
    """The tables this database has: a backup or a database kept aside by a restore may be from an
    older schema, without the tables added since (their rows cannot be there either)."""
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def owned(conn: Any) -> list[tuple[str, str, str]]:
    """:data:`OWNED`, the tables this database does not have left out."""
    present = tables(conn)
    return [entry for entry in OWNED if entry[0] in present and entry[2] in present]


def rows_of(conn: Any, family_ids: list[int]) -> dict[str, list[int]]:
    """The ids of the families that exist and of their rows, per audited entity (an entity whose
    table this database does not have: none)."""
    present = tables(conn)
    out = {"family": _ids(conn, "SELECT id FROM family WHERE id IN ({marks})", family_ids)}
    for entity in AUDITED[1:]:
        out[entity] = (_ids(conn, f"SELECT id FROM {entity} WHERE family_id IN ({{marks}})", family_ids)
                       if entity in present else [])
    return out
