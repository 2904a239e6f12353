"""Ids from a family's own range for the rows it gathers over the years."""

from __future__ import annotations

from typing import Any

#: Ids of the rows a family gathers over the years — contacts, referrals, follow-ups — come from a
#: range of their own family: ``family_id << FAMILY_ROW_BITS`` plus 1, 2, 3 …. SQLite
#: keeps a table in id order, so a family's contacts, and their themes (keyed by contact id), sit
#: together on a few pages however many other families' contacts were written in between; with ids
#: handed out in order of writing, opening a family after years of work read one page per contact
#: and another for its themes (41 pages for 20 contacts, each decrypted and authenticated).
#: Old rows keep their ids (all below ``1 << FAMILY_ROW_BITS``); a range holds 1,048,575 rows.
FAMILY_ROW_BITS = 20
FAMILY_ROW_TABLES = ("contact", "referral", "followup", "attachment")


def family_row_range(family_id: int) -> tuple[int, int]:
    """The ids ``[low, high)`` of ``family_id``'s rows in the :data:`FAMILY_ROW_TABLES`."""
    low = family_id << FAMILY_ROW_BITS
    return low, low + (1 << FAMILY_ROW_BITS)


def next_family_row_id(conn: Any, table: str, family_id: int) -> int:
    """The id for a new row of ``family_id`` in ``table`` (inside the writing transaction)."""
    if table not in FAMILY_ROW_TABLES:
        raise ValueError(table)
    low, high = family_row_range(family_id)
    top = conn.execute(f"SELECT max(id) FROM {table} WHERE id >= ? AND id < ?", (low, high)).fetchone()[0]
    next_id = int(top or low) + 1
    if next_id >= high:
        raise OverflowError(f"no ids left for family {family_id} in {table}")
    return next_id
