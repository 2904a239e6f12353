"""The encrypted database file, connection settings and migrations (issue 2)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from brugdesk.core.model import Family
from brugdesk.errors import MigrationFailed, NewerVault, VaultExists, VaultNotFound, WrongPassphrase
from brugdesk.store import schema
from brugdesk.store.vault import DB_FILE, Vault
from tests.conftest import PASSPHRASE


def _snapshot(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_database_file_is_not_plain_sqlite(vault: Vault, vault_dir: Path) -> None:
    vault.repo.families.create(Family("Fam. Leesbaar", dt.date(2025, 9, 1)))
    vault.close()
    raw = (vault_dir / DB_FILE).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    plain = sqlite3.connect(vault_dir / DB_FILE)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_connection_settings(vault: Vault) -> None:
    conn = vault.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert int(conn.execute("PRAGMA cipher_version").fetchone()[0].split(".")[0]) >= 4


def test_wrong_passphrase_leaves_every_file_byte_identical(vault: Vault, vault_dir: Path) -> None:
    vault.repo.families.create(Family("Fam. Onaangeroerd", dt.date(2025, 9, 1)))
    vault.close()
    before = _snapshot(vault_dir)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, passphrase="not the passphrase")
    assert _snapshot(vault_dir) == before


def test_create_refuses_an_existing_vault_and_open_a_missing_one(vault: Vault, vault_dir: Path,
                                                                  tmp_path: Path) -> None:
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, PASSPHRASE)
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nowhere", passphrase=PASSPHRASE)
    assert not (tmp_path / "nowhere").exists()


def _rows(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {t: conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}


def test_a_migration_that_fails_halfway_leaves_the_old_version_and_identical_data(demo_vault: Vault) -> None:
    conn = demo_vault.conn
    before_version = schema.user_version(conn)
    before = _rows(conn)
    before_schema = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()

    def half_then_fail(c: Any) -> None:
        c.execute("ALTER TABLE family ADD COLUMN extra TEXT")
        c.execute("UPDATE family SET display_name = 'overwritten'")
        c.execute("DELETE FROM contact")
        raise RuntimeError("injected failure halfway")

    with pytest.raises(MigrationFailed):
        schema.migrate(conn, [*schema.MIGRATIONS, half_then_fail])
    assert schema.user_version(conn) == before_version
    assert _rows(conn) == before
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before_schema


def test_a_successful_migration_bumps_the_version_inside_its_transaction(vault: Vault) -> None:
    def add_column(c: Any) -> None:
        c.execute("ALTER TABLE school ADD COLUMN city TEXT NOT NULL DEFAULT ''")

    version = schema.migrate(vault.conn, [*schema.MIGRATIONS, add_column])
    assert version == schema.SCHEMA_VERSION + 1
    assert schema.user_version(vault.conn) == version


def test_opening_an_old_vault_makes_a_verified_backup_first(vault: Vault, vault_dir: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    vault.close()
    old_version = schema.SCHEMA_VERSION

    def add_column(c: Any) -> None:
        c.execute("ALTER TABLE school ADD COLUMN city TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_column])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    reopened = Vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        assert schema.user_version(reopened.conn) == schema.SCHEMA_VERSION
        backups = list((vault_dir / "backups").glob(f"*pre-migration-v{old_version}*"))
        assert len(backups) == 1
        from brugdesk.store.backup_copy import verify_backup

        assert verify_backup(backups[0], reopened.data_key).user_version == old_version
    finally:
        reopened.close()


def test_a_vault_from_a_newer_version_is_refused_unchanged(vault: Vault, vault_dir: Path) -> None:
    vault.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    vault.close()
    before = _snapshot(vault_dir)
    with pytest.raises(NewerVault) as info:
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    assert "nieuwere versie" in str(info.value)
    # the -wal/-shm may be touched by opening, but the database itself and the key file are not
    after = _snapshot(vault_dir)
    assert after[DB_FILE] == before[DB_FILE]
    assert after["keyslots.json"] == before["keyslots.json"]


def test_v4_plans_without_stored_statistics_and_reads_referral_history_from_its_index(demo_vault: Vault) -> None:
    """Schema V4 (issue 6). This SQLCipher build has SQLITE_ENABLE_STAT4: with ``sqlite_stat4``
    samples SQLite prepares a statement again each time a value bound to an indexed column changes
    (every family opened), which made open_family 2.5x plain SQLite. A demo vault is made like a real
    one, without ANALYZE; a vault that did run it loses its statistics on migration, not its data.
    A referral's dated history comes from the index on referral_status alone."""
    from brugdesk.store.backup_copy import row_counts

    conn = demo_vault.conn

    def statistics() -> set[str]:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")}

    assert statistics() == set()
    before = row_counts(conn)
    conn.execute("ANALYZE")  # what the demo generator did before V4
    assert "sqlite_stat4" in statistics()
    conn.execute("PRAGMA user_version = 3")
    assert schema.migrate(conn, schema.MIGRATIONS[:4]) == 4  # V4 again, on its own
    assert statistics() == set()
    conn.execute("PRAGMA user_version = 6")
    assert schema.migrate(conn) == schema.SCHEMA_VERSION  # V7 again: it widens the history's index (notes)
    assert row_counts(conn) == before

    family_id = conn.execute("SELECT family_id FROM referral LIMIT 1").fetchone()[0]
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    [referral, *_] = demo_vault.repo.referrals.list(family_id)
    conn.set_trace_callback(None)
    assert referral.history
    plan = " ".join(str(r) for r in conn.execute("EXPLAIN QUERY PLAN " + statements[-1]))
    assert "COVERING INDEX referral_status_referral" in plan
