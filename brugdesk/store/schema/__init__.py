"""Schema and versioned migrations on ``PRAGMA user_version``.

Each migration runs in one transaction together with its version bump, so a failure
halfway leaves the previous version and identical data. Before migrating an existing
vault a verified backup is made (by the caller, :mod:`brugdesk.store.vault`). A vault
whose version is newer than :data:`SCHEMA_VERSION` is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brugdesk.errors import MigrationFailed, NewerVault
from brugdesk.store.schema.attachments import v11
from brugdesk.store.schema.base import V1, V2, V3, V4
from brugdesk.store.schema.imports import v10
from brugdesk.store.schema.protection import (
    APPLICATION_ID,
    REQUIRED_TABLES,
    RKEY_TABLES,
    ensure_export_history,
    v5,
    v6,
)
from brugdesk.store.schema.report_speed import V9
from brugdesk.store.schema.rowids import family_row_range, next_family_row_id
from brugdesk.store.schema.sql import Step, application_id, has_column, script, user_version
from brugdesk.store.schema.week import V7_RKEY_TABLES, family_summary_sql, v7, v8

__all__ = [
    "ALL_RKEY_TABLES", "APPLICATION_ID", "MIGRATIONS", "REQUIRED_TABLES", "SCHEMA_VERSION", "application_id",
    "ensure_export_history", "family_row_range", "family_summary_sql", "has_column", "migrate",
    "needs_migration", "next_family_row_id", "user_version",
]

#: every table whose rows carry a record key (V6 and later)
ALL_RKEY_TABLES = RKEY_TABLES + V7_RKEY_TABLES

#: MIGRATIONS[i] brings a vault from version i to i+1.
MIGRATIONS: list[Step] = [script(V1), script(V2), script(V3), script(V4), v5, v6, v7, v8, script(V9), v10, v11]
SCHEMA_VERSION = len(MIGRATIONS)


def needs_migration(conn: Any) -> bool:
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerVault(f"{version} > {SCHEMA_VERSION}")
    return version < SCHEMA_VERSION


def migrate(conn: Any, migrations: Sequence[Step] | None = None) -> int:
    """Apply the pending migrations, each in its own transaction with its version bump."""
    steps = list(MIGRATIONS if migrations is None else migrations)
    version = user_version(conn)
    if version > len(steps):
        raise NewerVault(f"{version} > {len(steps)}")
    while version < len(steps):
        try:
            conn.execute("BEGIN IMMEDIATE")
            steps[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            from brugdesk.errors import VaultError

            if isinstance(exc, VaultError):
                raise
            if isinstance(exc, Exception):
                raise MigrationFailed(f"{version} -> {version + 1}") from exc
            raise
        version += 1
    return version
