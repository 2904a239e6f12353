"""Backups, restore, retention, erasure and audit coverage, on real vaults."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from brugdesk.cli.common import exit_code
from brugdesk.errors import BackupFailed, RestoreRefused, VaultDamaged, WrongRecoveryKey
from brugdesk.keys.recovery import parse_recovery_key
from brugdesk.privacy import backup_policy, restore, retention
from brugdesk.store import audit, backup_copy, connection
from brugdesk.store.vault import Vault, db_path
from tests.conftest import PASSPHRASE, TEST_N
from tests.privacy_data import add_canary_family
from tests.vaultbytes import dump, occurrences

NOW = dt.datetime(2026, 3, 2, 9, 0)


def families(v: Vault) -> int:
    return v.repo.families.count()


# ------------------------------------------------------------------ backups
def test_backup_opens_with_the_recovery_key_and_holds_the_data(new_vault: tuple[Vault, str], tmp_path: Path) -> None:
    vault, recovery = new_vault
    fam = add_canary_family(vault)
    info = backup_policy.backup_to_folder(vault, tmp_path, now=NOW)
    assert info.path.parent == tmp_path
    conn = connection.connect(info.path, parse_recovery_key(recovery), readonly=True)
    try:
        assert fam.canaries[0] in dump(conn)
        assert connection.integrity_errors(conn) == []
    finally:
        conn.close()
    # encrypted: no canary in the raw bytes
    assert occurrences(fam.canaries, {"backup": info.path.read_bytes()}) == []


def test_verification_runs_the_cipher_check_too(vault: Vault, tmp_path: Path) -> None:
    """A damaged *free* page: integrity_check never reads it, only cipher_integrity_check (which the
    verification runs on its own connection, beside integrity_check) can catch it."""
    conn = vault.conn
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("INSERT INTO scratch VALUES (zeroblob(200000))")
    conn.execute("DROP TABLE scratch")  # ≈50 pages on the freelist, at the end of the file
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    info = backup_copy.backup_to(conn, vault.data_key, tmp_path / "b.bdbackup")  # verifies: fine
    data = bytearray(info.path.read_bytes())
    data[len(data) - 4096 + 100] ^= 0xFF  # the last page: a free one
    info.path.write_bytes(bytes(data))
    check = connection.connect(info.path, vault.data_key, readonly=True)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]  # blind to it
        assert check.execute("PRAGMA cipher_integrity_check").fetchall() != []
    finally:
        check.close()
    with pytest.raises(BackupFailed):
        backup_copy.verify_backup(info.path, vault.data_key)


def test_daily_backup_once_per_day_and_on_close(vault: Vault) -> None:
    first = backup_policy.maybe_daily_backup(vault, now=NOW)
    assert first is not None and first.path.exists()
    assert backup_policy.maybe_daily_backup(vault, now=NOW + dt.timedelta(hours=3)) is None
    closing = backup_policy.backup_on_close(vault, now=NOW + dt.timedelta(hours=8))
    # one backup per day is kept: the newest
    assert [e.path for e in backup_policy.list_backups(vault.directory)] == [closing.path]
    nextday = backup_policy.maybe_daily_backup(vault, now=NOW + dt.timedelta(days=1))
    assert nextday is not None
    assert [e.path for e in backup_policy.list_backups(vault.directory)] == [nextday.path, closing.path]


def test_backup_is_logged_in_the_audit_log(vault: Vault) -> None:
    backup_policy.maybe_daily_backup(vault, now=NOW)
    assert audit.entries(vault.conn, limit=1)[0].action == "backup"


def test_failed_verification_is_deleted_reported_and_not_counted(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    real_verify = backup_copy.verify_backup

    def damage_then_verify(path: Path, *args: object, **kwargs: object) -> backup_copy.BackupInfo:
        # flip bytes in the middle of the written backup: the real verification must catch it
        data = bytearray(path.read_bytes())
        mid = len(data) // 2
        data[mid : mid + 3] = bytes(b ^ 0xFF for b in data[mid : mid + 3])
        path.write_bytes(bytes(data))
        return real_verify(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_copy, "verify_backup", damage_then_verify)
    with pytest.raises(BackupFailed):
        backup_policy.maybe_daily_backup(vault, now=NOW)
    assert backup_policy.list_backups(vault.directory) == []
    assert not any(p.name.endswith(".tmp") for p in (vault.directory / "backups").iterdir())
    monkeypatch.setattr(backup_copy, "verify_backup", real_verify)
    assert backup_policy.maybe_daily_backup(vault, now=NOW) is not None  # not counted: today's backup is still made


def test_rotation_keeps_the_newest_verified_backup_even_when_it_is_old(vault: Vault) -> None:
    entries = []
    for i in range(3):
        entries.append(backup_policy.make_backup(vault, now=NOW - dt.timedelta(days=400 + i)).path)
    removed = backup_policy.rotate(vault.directory, data_key=vault.data_key, keep_daily=0, keep_weekly=0)
    assert sorted(removed) == sorted(entries[1:])
    assert entries[0].exists()


def test_rotation_does_not_delete_without_a_verified_backup(vault: Vault) -> None:
    paths = [backup_policy.make_backup(vault, now=NOW - dt.timedelta(days=30 + i)).path for i in range(3)]
    for p in paths:
        p.write_bytes(b"\0" * 4096)  # every backup damaged
    assert backup_policy.rotate(vault.directory, data_key=vault.data_key, keep_daily=1, keep_weekly=0) == []
    assert all(p.exists() for p in paths)


# ------------------------------------------------------------------ restore
def test_restore_verifies_and_keeps_the_replaced_database(new_vault: tuple[Vault, str]) -> None:
    vault, recovery = new_vault
    directory = vault.directory
    add_canary_family(vault, "eerste")
    info = backup_policy.make_backup(vault, now=NOW)
    later = add_canary_family(vault, "later")
    key = vault.data_key
    vault.close()
    aside = restore.restore(directory, info.path, key, now=NOW + dt.timedelta(hours=1)).aside
    assert aside is not None
    assert aside.name == "brugdesk.db.replaced-20260302-100000"
    with Vault.open(directory, passphrase=PASSPHRASE) as restored:
        assert families(restored) == 1
        assert audit.entries(restored.conn, limit=2)[1].action == "restore" or \
            audit.entries(restored.conn, limit=1)[0].action in ("restore", "unlock")
        assert audit.verify_chain(restored.conn) is None
    # the replaced database is complete (its -wal went with it) and opens with the same key
    conn = connection.connect(aside, key, readonly=True)
    try:
        assert later.canaries[0] in dump(conn)
    finally:
        conn.close()


def test_restore_refuses_a_backup_of_another_vault_and_changes_nothing(vault: Vault, tmp_path: Path) -> None:
    other, _rk = Vault.create(tmp_path / "other", PASSPHRASE, scrypt_n=TEST_N)
    foreign = backup_policy.make_backup(other, now=NOW).path
    other.close()
    directory, key = vault.directory, vault.data_key
    vault.close()
    before = {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}
    with pytest.raises(RestoreRefused) as exc:
        restore.restore(directory, foreign, key)
    assert exit_code(exc.value) == 4
    assert {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()} == before


def test_restore_over_a_damaged_vault_with_the_recovery_key(new_vault: tuple[Vault, str]) -> None:
    vault, recovery = new_vault
    directory = vault.directory
    add_canary_family(vault)
    info = backup_policy.make_backup(vault, now=NOW)
    vault.close()
    db = db_path(directory)
    data = bytearray(db.read_bytes())
    data[8192 + 100 : 8192 + 103] = b"\x00\x01\x02"
    db.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.open(directory, passphrase=PASSPHRASE)
    damaged = db.read_bytes()
    aside = restore.restore_with_secret(directory, info.path, recovery_key=recovery).aside
    assert aside is not None
    assert aside.read_bytes() == damaged  # kept aside, untouched
    with Vault.open(directory, recovery_key=recovery) as v:
        assert families(v) == 1
    with pytest.raises(WrongRecoveryKey):
        restore.keys_for(directory, recovery_key="A" * 52)


# -------------------------------------------------------- key rotation
def test_new_recovery_key_rotates_the_data_key_and_rekeys_local_backups(new_vault: tuple[Vault, str],
                                                                        tmp_path: Path) -> None:
    vault, old_recovery = new_vault
    fam = add_canary_family(vault)
    local = backup_policy.make_backup(vault, now=NOW).path
    usb = backup_policy.backup_to_folder(vault, tmp_path, now=NOW).path
    new_recovery = backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)
    assert new_recovery != old_recovery
    directory = vault.directory
    vault.close()
    with pytest.raises(WrongRecoveryKey):
        Vault.open(directory, recovery_key=old_recovery)
    with Vault.open(directory, recovery_key=new_recovery) as v:
        assert v.repo.families.get(fam.id).display_name == fam.canaries[0]
        assert audit.verify_chain(v.conn) is None
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        assert families(v) == 1
    backup_copy.verify_backup(local, parse_recovery_key(new_recovery))
    backup_copy.verify_backup(usb, parse_recovery_key(old_recovery))  # a copy elsewhere keeps the old key


def test_backup_jobs_run_one_at_a_time_and_the_key_rotation_waits_for_them(
        vault: Vault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A job on a worker thread holds the vault to itself: a second job and a key rotation wait
    for it (two jobs would rotate each other's files; the rekey needs the database alone)."""
    real_copy = backup_copy.backup_to
    inside = threading.Event()
    release = threading.Event()
    copies: list[str] = []

    def gated_copy(conn: object, key: bytes, target: Path) -> backup_copy.BackupInfo:
        copies.append(target.name)
        if len(copies) == 1:
            inside.set()
            assert release.wait(30)
        return real_copy(conn, key, target)

    monkeypatch.setattr(backup_copy, "backup_to", gated_copy)
    old_key = vault.data_key
    first = backup_policy.prepare_backup(vault, now=NOW, tag="manual")  # into <vault>/backups
    second = backup_policy.prepare_backup(vault, folder=tmp_path, now=NOW)  # a USB stick, say
    results: list[object] = []
    workers = [threading.Thread(target=lambda job=job: results.append(job.run())) for job in (first, second)]
    workers[0].start()
    assert inside.wait(20)
    workers[1].start()
    rotated: list[str] = []
    real_rotate = vault.rotate_data_key

    def rotate(*args: object, **kwargs: object) -> str:
        rotated.append("entered")
        return real_rotate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(vault, "rotate_data_key", rotate)
    rotation = threading.Thread(target=lambda: results.append(
        backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)))
    rotation.start()
    workers[1].join(0.3)
    assert len(copies) == 1 and rotated == []  # both wait for the first job
    release.set()
    for t in (*workers, rotation):
        t.join(30)
        assert not t.is_alive()
    assert len(copies) == 2 and rotated == ["entered"] and len(results) == 3
    made = {r.path.parent: r.path for r in results if isinstance(r, backup_copy.BackupInfo)}
    assert set(made) == {first.folder, tmp_path} and vault.data_key != old_key
    backup_copy.verify_backup(made[first.folder], vault.data_key)  # made before the rotation, rekeyed with it
    backup_copy.verify_backup(made[tmp_path], old_key)  # a copy elsewhere keeps the old key


def test_keyring_is_updated_by_a_key_rotation(vault: Vault, memory_keyring: object, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    from brugdesk.keys import keyring_slot

    monkeypatch.setattr(keyring_slot, "is_real_backend", lambda backend: True)
    vault.remember_on_this_computer(True, memory_keyring)  # type: ignore[arg-type]
    backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N, keyring_backend=memory_keyring)
    directory = vault.directory
    vault.close()
    with Vault.open(directory, use_keyring=True, keyring_backend=memory_keyring) as v:  # type: ignore[arg-type]
        assert v.is_open


# ------------------------------------------------------------- retention
def test_families_past_retention_follow_the_setting(vault: Vault) -> None:
    closed = add_canary_family(vault, "oud", closed=dt.date(2024, 2, 29))
    add_canary_family(vault, "open")
    assert retention.families_past_retention(vault, dt.date(2026, 2, 27)) == []
    due = retention.families_past_retention(vault, dt.date(2026, 2, 28))
    assert [(c.id, c.due_date) for c in due] == [(closed.id, dt.date(2026, 2, 28))]
    vault.repo.settings.set_retention_years(3)
    assert retention.families_past_retention(vault, dt.date(2026, 12, 31)) == []


# ------------------------------------------------------------- integrity
def test_integrity_check_on_open_leaves_a_damaged_file_byte_identical(vault: Vault) -> None:
    add_canary_family(vault)
    directory = vault.directory
    vault.close()
    db = db_path(directory)
    data = bytearray(db.read_bytes())
    mid = (len(data) // 4096 // 2) * 4096 + 1000
    for i in range(3):
        data[mid + i * 7] ^= 0x5A
    db.write_bytes(bytes(data))
    os.utime(db, (1_000_000_000, 1_000_000_000))
    listing = sorted(os.listdir(directory))
    with pytest.raises(VaultDamaged) as exc:
        Vault.open(directory, passphrase=PASSPHRASE)
    assert exit_code(exc.value) == 4
    assert db.read_bytes() == bytes(data)
    assert db.stat().st_mtime == 1_000_000_000
    assert sorted(os.listdir(directory)) == listing


def _crash_copy(vault: Vault, target: Path) -> Path:
    """The vault's files as a crash would leave them: the database and its un-checkpointed -wal."""
    import shutil

    target.mkdir()
    for p in vault.directory.iterdir():
        if p.is_file() and not p.name.endswith("-shm"):
            shutil.copy2(p, target / p.name)
    return target


def test_restore_keeps_the_old_write_ahead_log_with_the_replaced_database(new_vault: tuple[Vault, str],
                                                                         tmp_path: Path) -> None:
    vault, _rk = new_vault
    add_canary_family(vault, "voor")
    made = backup_policy.make_backup(vault, now=NOW)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.conn.execute("PRAGMA wal_autocheckpoint = 0")
    after = add_canary_family(vault, "na")  # only in the -wal
    crashed = _crash_copy(vault, tmp_path / "crashed")
    key = vault.data_key
    wal = crashed / "brugdesk.db-wal"
    assert wal.stat().st_size > 0
    # a damaged main file: the restore must not touch it, and must keep its -wal beside it
    db = crashed / "brugdesk.db"
    data = bytearray(db.read_bytes())
    data[4096 * 3 + 500] ^= 0xFF
    db.write_bytes(bytes(data))
    old_db, old_wal = db.read_bytes(), wal.read_bytes()
    aside = restore.restore(crashed, made.path, key, now=NOW).aside
    assert aside is not None
    assert aside.read_bytes() == old_db
    assert aside.with_name(aside.name + "-wal").read_bytes() == old_wal
    with Vault.open(crashed, passphrase=PASSPHRASE) as restored:
        assert restored.repo.families.count() == 1
    # a healthy old database: its -wal is folded in first, so the aside copy is complete on its own
    healthy = _crash_copy(vault, tmp_path / "healthy")
    aside = restore.restore(healthy, made.path, key, now=NOW).aside
    assert aside is not None
    assert not aside.with_name(aside.name + "-wal").exists()
    conn = connection.connect(aside, key, readonly=True)
    try:
        assert after.canaries[0] in dump(conn)
    finally:
        conn.close()


def test_backups_and_restored_files_are_private(vault: Vault, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        made = backup_policy.make_backup(vault, now=NOW)
        usb = backup_policy.backup_to_folder(vault, tmp_path, now=NOW)
    finally:
        os.umask(old)
    assert made.path.stat().st_mode & 0o777 == 0o600
    assert usb.path.stat().st_mode & 0o777 == 0o600
