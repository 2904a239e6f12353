"""Running SQL scripts and reading a database's version markers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: one migration step: it runs inside the migration's transaction
Step = Callable[[Any], None]


def statements(script: str) -> list[str]:
    """The SQL statements of ``script`` (a trigger's body keeps its own semicolons)."""
    import sqlite3  # the standard library's parser only: nothing is opened with it

    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip())
    return out


def script(sql: str) -> Step:
    """A migration step that runs the statements of ``sql``."""

    def run(conn: Any) -> None:
        for statement in statements(sql):
            conn.execute(statement)

    return run


def user_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def has_column(conn: Any, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def application_id(conn: Any) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


