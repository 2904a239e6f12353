"""A restore accepts only a real brugdesk vault of this vault's key (issue 12, item 1).

Every candidate below was accepted by the old restore as long as SQLite could open it: the real
database went aside and an empty or foreign one took its place. Now each is refused with exit code
4 before anything moves: the vault folder stays byte-identical (names and contents) and opens.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from brugdesk.errors import DamagedBackup, Kind, NewerBackup, NotABackup, RestoreRefused, WrongBackupKey
from brugdesk.privacy import backup_policy, restore
from brugdesk.store import backup_copy, connection, schema
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N
from tests.privacy_data import add_canary_family
from tests.vaultbytes import raw_files

NOW = dt.datetime(2026, 3, 2, 9, 0)


def folder_bytes(directory: Path) -> dict[str, bytes]:
    return {str(Path(k).relative_to(directory)): v for k, v in raw_files(directory).items()}


@pytest.fixture
def closed_vault(vault_dir: Path) -> tuple[Path, bytes, Path]:
    """A closed vault with one family, its key, and a good backup of it."""
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    add_canary_family(vault)
    made = backup_policy.make_backup(vault, now=NOW).path
    key = vault.data_key
    vault.close()
    return vault_dir, key, made


def _empty(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "z.bdbackup"
    path.write_bytes(b"")
    return path


def _plain_sqlite(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "plain.bdbackup"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE family (id INTEGER PRIMARY KEY, display_name TEXT)")
    conn.commit()
    conn.close()
    return path


def _random(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "random.bdbackup"
    path.write_bytes(os.urandom(4096 * 3))
    return path


def _odd_size(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "odd.bdbackup"
    path.write_bytes(os.urandom(5000))
    return path


def _truncated(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "truncated.bdbackup"
    path.write_bytes(good.read_bytes()[: 4096 * 2])
    return path


def _keyed_but_empty(tmp: Path, key: bytes, good: Path) -> Path:
    """Encrypted with this vault's key, but no brugdesk tables (SQLite opens it fine)."""
    path = tmp / "keyed.bdbackup"
    conn = connection.connect(path, key, create=True)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def _other_application(tmp: Path, key: bytes, good: Path) -> Path:
    """A copy of the good backup whose application id says it belongs to another program."""
    path = tmp / "other-app.bdbackup"
    path.write_bytes(good.read_bytes())
    conn = connection.connect(path, key)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def _newer_schema(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "newer.bdbackup"
    path.write_bytes(good.read_bytes())
    conn = connection.connect(path, key)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def _damaged(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "damaged.bdbackup"
    data = bytearray(good.read_bytes())
    data[4096 * 2 + 700] ^= 0x10  # one bit in page 3: only the page HMAC notices
    path.write_bytes(bytes(data))
    return path


def _folder(tmp: Path, key: bytes, good: Path) -> Path:
    path = tmp / "folder.bdbackup"
    path.mkdir()
    return path


CANDIDATES: dict[str, tuple[Callable[[Path, bytes, Path], Path], type[RestoreRefused]]] = {
    "empty file": (_empty, NotABackup),
    "plain SQLite file": (_plain_sqlite, NotABackup),
    "random bytes": (_random, WrongBackupKey),
    "random bytes, odd size": (_odd_size, NotABackup),
    "truncated backup": (_truncated, DamagedBackup),
    "this key, no brugdesk tables": (_keyed_but_empty, NotABackup),
    "another application id": (_other_application, NotABackup),
    "newer schema": (_newer_schema, NewerBackup),
    "one flipped bit": (_damaged, DamagedBackup),
    "a folder": (_folder, NotABackup),
}


@pytest.mark.parametrize("kind", list(CANDIDATES))
def test_a_candidate_that_is_not_this_vaults_backup_is_refused_and_nothing_moves(
        kind: str, closed_vault: tuple[Path, bytes, Path], tmp_path: Path) -> None:
    directory, key, good = closed_vault
    make, refusal = CANDIDATES[kind]
    candidate = make(tmp_path, key, good)
    before = folder_bytes(directory)
    candidate_before = candidate.read_bytes() if candidate.is_file() else None
    with pytest.raises(refusal) as exc:
        restore.restore(directory, candidate, key)
    assert exc.value.kind is Kind.INTEGRITY  # exit code 4
    assert "Er is niets veranderd" in exc.value.text()
    assert folder_bytes(directory) == before
    if candidate_before is not None:
        assert candidate.read_bytes() == candidate_before  # not even a -shm beside it
        assert sorted(p.name for p in candidate.parent.iterdir() if p.name.startswith(candidate.name)) == [
            candidate.name]
    with Vault.open(directory, passphrase=PASSPHRASE) as vault:
        assert vault.repo.families.count() == 1
        assert connection.integrity_errors(vault.conn) == []


def test_a_backup_from_before_schema_v5_is_accepted_by_its_tables_and_migrated(
        closed_vault: tuple[Path, bytes, Path], tmp_path: Path) -> None:
    directory, key, good = closed_vault
    old = tmp_path / "v4.bdbackup"
    old.write_bytes(good.read_bytes())
    conn = connection.connect(old, key)
    conn.execute("PRAGMA application_id = 0")  # what every vault before V5 had
    conn.execute("PRAGMA user_version = 4")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert backup_copy.check_candidate(old, key).user_version == 4
    restore.restore(directory, old, key, now=NOW)
    with Vault.open(directory, passphrase=PASSPHRASE) as vault:  # migrated, with a verified backup first
        assert schema.user_version(vault.conn) == schema.SCHEMA_VERSION
        assert schema.application_id(vault.conn) == schema.APPLICATION_ID
        assert vault.repo.families.count() == 1
    assert any("pre-migration-v4" in e.path.name for e in backup_policy.list_backups(directory))


def test_new_vaults_carry_brugdesks_application_id(vault: Vault) -> None:
    assert schema.application_id(vault.conn) == schema.APPLICATION_ID == 0x62726467
