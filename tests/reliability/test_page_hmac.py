"""The HMAC that authenticates every page (issue 6): HMAC-SHA256 for new vaults, and the vaults
made before it (SQLCipher 4's default, HMAC-SHA512) keep working — opening, backups, their
verification, the integrity check on open, restore and a new recovery key."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from brugdesk.core.model import Family
from brugdesk.errors import VaultDamaged
from brugdesk.privacy import backup_policy, restore
from brugdesk.store import connection, demo, integrity, schema
from brugdesk.store.backup_copy import verify_backup
from brugdesk.store.vault import DB_FILE, Vault
from tests.conftest import PASSPHRASE, TEST_N


def _page_hmac(db: Path, key: bytes) -> str:
    """The HMAC a file opens with, tried by hand (each on a fresh connection)."""
    for hmac in ("HMAC_SHA256", "HMAC_SHA512"):
        conn = sqlcipher.connect(str(db))
        try:
            connection.apply_key(conn, key, hmac)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return hmac
        except sqlcipher.DatabaseError:
            continue
        finally:
            conn.close()
    raise AssertionError("opens with neither HMAC")


def _as_before(db: Path, key: bytes) -> None:
    """Rewrite a closed vault's database the way brugdesk wrote it before (HMAC-SHA512)."""
    older = db.with_name("older.db")
    conn = connection.connect(db, key)
    version = schema.user_version(conn)
    conn.execute(f"ATTACH DATABASE '{older}' AS older KEY \"x'{key.hex()}'\"")
    conn.execute("PRAGMA older.cipher_hmac_algorithm = HMAC_SHA512")
    conn.execute("SELECT sqlcipher_export('older')")
    conn.execute(f"PRAGMA older.user_version = {version}")
    conn.execute("DETACH DATABASE older")
    conn.close()
    os.replace(older, db)


@pytest.fixture
def older_vault(vault_dir: Path) -> Path:
    """A closed vault with 20 families whose pages carry HMAC-SHA512, as before."""
    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    demo.fill(vault.conn, families=20, seed=2, today=dt.date(2026, 3, 1))
    key = vault.data_key
    vault.close()
    _as_before(vault_dir / DB_FILE, key)
    assert _page_hmac(vault_dir / DB_FILE, key) == "HMAC_SHA512"
    return vault_dir


def test_a_new_vault_and_its_backups_use_hmac_sha256(vault: Vault, vault_dir: Path) -> None:
    assert connection.hmac_algorithm(vault.conn) == "HMAC_SHA256"
    info = backup_policy.make_backup(vault)
    assert _page_hmac(vault_dir / DB_FILE, vault.data_key) == "HMAC_SHA256"
    assert _page_hmac(info.path, vault.data_key) == "HMAC_SHA256"


def test_a_vault_from_before_opens_works_and_backs_up_in_its_own_format(older_vault: Path) -> None:
    vault = Vault.open(older_vault, passphrase=PASSPHRASE)
    try:
        assert connection.hmac_algorithm(vault.conn) == "HMAC_SHA512"
        assert vault.repo.families.count() == 20
        vault.repo.families.create(Family("Fam. Van Voorheen", dt.date(2026, 2, 1)))
        info = backup_policy.make_backup(vault)
        key = vault.data_key
    finally:
        vault.close()
    # the backup API copies pages of one layout: the backup has the vault's HMAC, and verifies
    assert _page_hmac(info.path, key) == "HMAC_SHA512"
    assert verify_backup(info.path, key).row_counts["family"] == 21
    integrity.check_on_open(older_vault / DB_FILE, key, thorough=True)
    reopened = Vault.open(older_vault, passphrase=PASSPHRASE)
    try:
        assert reopened.repo.families.count() == 21
    finally:
        reopened.close()


def test_damage_in_a_vault_from_before_is_still_found(older_vault: Path) -> None:
    vault = Vault.open(older_vault, passphrase=PASSPHRASE)
    key = vault.data_key
    vault.close()
    db = older_vault / DB_FILE
    raw = bytearray(db.read_bytes())
    raw[3 * 4096 + 100] ^= 0x01  # one bit in page 4
    db.write_bytes(bytes(raw))
    with pytest.raises(VaultDamaged):
        integrity.check_on_open(db, key)


def test_a_backup_from_before_restores_into_a_new_vault(older_vault: Path, tmp_path: Path) -> None:
    vault = Vault.open(older_vault, passphrase=PASSPHRASE)
    info = backup_policy.make_backup(vault, now=dt.datetime(2026, 3, 2, 9, 0))
    key = vault.data_key
    vault.repo.families.create(Family("Fam. Na De Backup", dt.date(2026, 3, 2)))
    vault.close()
    restore.restore(older_vault, info.path, key, now=dt.datetime(2026, 3, 3, 9, 0))
    restored = Vault.open(older_vault, passphrase=PASSPHRASE)
    try:
        assert restored.repo.families.count() == 20
        assert connection.hmac_algorithm(restored.conn) == "HMAC_SHA512"
    finally:
        restored.close()


def test_a_new_recovery_key_keeps_the_vaults_hmac(older_vault: Path) -> None:
    vault = Vault.open(older_vault, passphrase=PASSPHRASE)
    old_key = vault.data_key
    backup_policy.make_backup(vault, now=dt.datetime(2026, 3, 2, 9, 0))
    backup_policy.new_recovery_key(vault, PASSPHRASE)
    new_key = vault.data_key
    vault.close()
    assert new_key != old_key
    assert _page_hmac(older_vault / DB_FILE, new_key) == "HMAC_SHA512"
    [entry] = backup_policy.list_backups(older_vault)
    assert _page_hmac(entry.path, new_key) == "HMAC_SHA512"


def test_a_wrong_key_opens_with_neither_hmac(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    with pytest.raises(VaultDamaged):
        connection.connect(vault_dir / DB_FILE, bytes(32))
