"""An erasure stays erased (issue 12, item 2): the erasure ledger outside the database.

Before the ledger, restoring a backup made before an erasure brought the family back — names,
notes and all — and took the deletion record and the audit entry of the erasure with it, without
a word; a ``brugdesk.db.replaced-*`` file made before the erasure kept the family for ever.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from brugdesk.errors import Kind, NotFound
from brugdesk.keys.slots import read_slots
from brugdesk.privacy import backup_policy, restore, retention
from brugdesk.store import audit, connection, ledger
from brugdesk.store.vault import DB_FILE, Vault, db_path
from tests.conftest import PASSPHRASE, TEST_N
from tests.privacy_data import CanaryFamily, add_canary_family
from tests.vaultbytes import dump, occurrences, plaintext_of, raw_files

MORNING = dt.datetime(2026, 3, 2, 9, 0)
NOON = dt.datetime(2026, 3, 2, 12, 0)


def erased_then_restored(vault: Vault) -> tuple[CanaryFamily, CanaryFamily, restore.RestoreResult]:
    """Two families, a backup, one erased on the parents' request, then the backup restored."""
    gone = add_canary_family(vault, "wis")
    kept = add_canary_family(vault, "blijft")
    old = backup_policy.make_backup(vault, now=MORNING).path
    retention.erase_family(vault, gone.id, today=MORNING.date())
    directory, key = vault.directory, vault.data_key
    vault.close()
    result = restore.restore(directory, old, key, now=NOON)
    return gone, kept, result


def test_restoring_a_backup_from_before_an_erasure_erases_the_family_again(vault: Vault) -> None:
    directory = vault.directory
    gone, kept, result = erased_then_restored(vault)
    assert result.reapplied == 1 and not result.ledger_restarted
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        with pytest.raises(NotFound):
            v.repo.families.get(gone.id)
        assert v.repo.families.get(kept.id).display_name == kept.canaries[0]
        actions = [e.action for e in reversed(audit.entries(v.conn, limit=3))]
        assert actions == ["restore", "reapply_erasure", "unlock"]
        assert audit.verify_chain(v.conn) is None
        assert [r.reason for r in retention.deletion_records(v)] == ["reapplied"]
        key = v.data_key
        text = dump(v.conn)
    assert occurrences(gone.canaries, {"rows": text.encode()}) == []
    # no decrypted page of the vault's database (free pages included), nor any file of the vault folder
    # outside backups/ (older backups keep it until rotated), holds any of it; the ledger names no one
    blobs = {"pages": plaintext_of(db_path(directory), key),
             **{k: v for k, v in raw_files(directory).items() if "/backups/" not in k}}
    assert occurrences(gone.canaries + [gone.ref], blobs) == []


def test_the_ledger_holds_no_plaintext_and_only_record_identities(vault: Vault) -> None:
    gone = add_canary_family(vault, "wis")
    created, uid = vault.conn.execute("SELECT created_at, uid FROM family WHERE id = ?", (gone.id,)).fetchone()
    retention.erase_family(vault, gone.id, today=MORNING.date())
    raw = ledger.path_of(vault.directory).read_bytes()
    assert len(uid) == 16
    assert occurrences(gone.canaries + [gone.ref, created, uid], {"ledger": raw}) == []
    data = json.loads(raw)
    assert set(data) == {"format", "copies"} and len(data["copies"]) == 1
    book = ledger.read(vault.directory, vault.data_key)
    assert book is not None
    assert [(e.family_id, e.created_at, e.uid, e.date, e.reason) for e in book.entries] == [
        (gone.id, created, uid, "2026-03-02", "erasure")]
    assert json.dumps(book.to_json()).find(gone.canaries[0]) == -1


def test_an_older_database_put_in_place_by_hand_is_erased_again_on_unlock(vault: Vault) -> None:
    directory = vault.directory
    gone = add_canary_family(vault, "wis")
    old = backup_policy.make_backup(vault, now=MORNING).path
    retention.erase_family(vault, gone.id)
    vault.close()
    for extra in ("-wal", "-shm"):
        (directory / (DB_FILE + extra)).unlink(missing_ok=True)
    shutil.copyfile(old, db_path(directory))  # what someone copying files around might do
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        assert v.reapplied == 1
        with pytest.raises(NotFound):
            v.repo.families.get(gone.id)


def test_a_later_family_with_the_same_id_is_not_erased(vault: Vault) -> None:
    """SQLite reuses the highest id after it was deleted (here within the same second, so even the
    creation time is the same): the ledger names the record by its random uid, not by the id."""
    gone = add_canary_family(vault, "wis")
    retention.erase_family(vault, gone.id)
    newer = add_canary_family(vault, "nieuw")
    assert newer.id == gone.id
    vault.close()
    with Vault.open(vault.directory, passphrase=PASSPHRASE) as v:
        assert v.reapplied == 0
        assert v.repo.families.get(newer.id).display_name == newer.canaries[0]


def test_replaced_databases_are_erased_in_too(vault: Vault) -> None:
    """A database kept aside by a restore before the erasure: the erasure reaches it too."""
    directory, key = vault.directory, vault.data_key
    gone = add_canary_family(vault, "wis")
    made = backup_policy.make_backup(vault, now=MORNING).path
    vault.close()
    restore.restore(directory, made, key, now=NOON)  # keeps the current database (with the family) aside
    [aside] = backup_policy.list_replaced(directory)
    assert occurrences(gone.canaries[:1], {"aside": plaintext_of(aside.path, key)})
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        retention.erase_family(v, gone.id)
    [after] = backup_policy.list_replaced(directory)
    assert after.path == aside.path  # cleaned, kept (it opened with the key and passed its checks)
    assert occurrences(gone.canaries, {"aside": plaintext_of(aside.path, key), **raw_files(directory)}) == []
    conn = connection.connect(aside.path, key, readonly=True)
    try:
        assert conn.execute("SELECT count(*) FROM family WHERE id = ?", (gone.id,)).fetchone()[0] == 0
    finally:
        conn.close()


def test_a_replaced_database_that_cannot_be_cleaned_is_removed(vault: Vault) -> None:
    directory, key = vault.directory, vault.data_key
    gone = add_canary_family(vault, "wis")
    made = backup_policy.make_backup(vault, now=MORNING).path
    vault.close()
    restore.restore(directory, made, key, now=NOON)
    [aside] = backup_policy.list_replaced(directory)
    data = bytearray(aside.path.read_bytes())
    data[4096 + 50] ^= 0x01  # damaged: it cannot be opened and checked, so it cannot be cleaned
    aside.path.write_bytes(bytes(data))
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        retention.erase_family(v, gone.id)
    assert backup_policy.list_replaced(directory) == []


def test_replaced_databases_are_rotated_like_backups(vault: Vault) -> None:
    directory = vault.directory
    start = dt.datetime(2026, 1, 1, 9, 0)
    for day in range(60):
        name = f"{DB_FILE}{backup_policy.REPLACED_INFIX}{start + dt.timedelta(days=day):%Y%m%d-%H%M%S}"
        (directory / name).write_bytes(b"x" * 4096)
    entries = backup_policy.list_replaced(directory)
    expected = backup_policy.keep_set(entries)
    backup_policy.make_backup(vault, now=start + dt.timedelta(days=60))  # rotation runs after each backup
    left = {e.path for e in backup_policy.list_replaced(directory)}
    assert left == expected and 7 <= len(left) <= 11


def test_retention_purges_go_into_the_ledger_too(vault: Vault) -> None:
    directory = vault.directory
    old = add_canary_family(vault, "oud", closed=dt.date(2023, 12, 1))
    made = backup_policy.make_backup(vault, now=MORNING).path
    due = retention.families_past_retention(vault, dt.date(2026, 3, 1))
    assert retention.purge(vault, [c.id for c in due], today=dt.date(2026, 3, 1)) == 1
    key = vault.data_key
    vault.close()
    assert restore.restore(directory, made, key, now=NOON).reapplied == 1
    with Vault.open(directory, passphrase=PASSPHRASE) as v, pytest.raises(NotFound):
        v.repo.families.get(old.id)


def test_the_ledger_survives_a_new_recovery_key(vault: Vault) -> None:
    directory = vault.directory
    gone = add_canary_family(vault, "wis")
    made = backup_policy.make_backup(vault, now=MORNING).path
    retention.erase_family(vault, gone.id)
    old_key = vault.data_key
    backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)
    new_key = vault.data_key
    assert new_key != old_key
    with pytest.raises(ledger.LedgerDamaged):
        ledger.read(directory, old_key)  # only the new key's copy is left
    assert ledger.read(directory, new_key) is not None
    vault.close()
    assert restore.restore(directory, made, new_key, now=NOON).reapplied == 1  # the backup was re-keyed


def test_a_failed_rotation_leaves_the_ledger_readable_with_the_old_key(vault: Vault, monkeypatch) -> None:
    """(Killed at every step of a rotation: tests/reliability/test_key_changes.py checks the ledger too.)"""
    from brugdesk.store import vault as vault_module

    directory = vault.directory
    gone = add_canary_family(vault, "wis")
    retention.erase_family(vault, gone.id)
    old_key = vault.data_key
    seen: list[int] = []

    def fail(*_args: object) -> None:
        seen.append(len(json.loads(ledger.path_of(directory).read_text())["copies"]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_module.connection, "rekey", fail)
    with pytest.raises(Exception):  # noqa: B017 - the rotation's own error, whichever it is
        vault.rotate_data_key(PASSPHRASE, scrypt_n=TEST_N)
    assert seen == [2]  # during the rekey the ledger had a copy for each key
    assert vault.data_key == old_key and read_slots(directory).pending is None
    assert len(json.loads(ledger.path_of(directory).read_text())["copies"]) == 1
    book = ledger.read(directory, old_key)
    assert book is not None and len(book.entries) == 1


# ------------------------------------------------------------ missing or damaged ledger
def _flip(path: Path) -> None:
    data = json.loads(path.read_text())
    sealed = bytearray(__import__("base64").b64decode(data["copies"][0]["data"]))
    sealed[5] ^= 0x01
    data["copies"][0]["data"] = __import__("base64").b64encode(bytes(sealed)).decode()
    path.write_text(json.dumps(data))


@pytest.mark.parametrize("how", ["tampered", "missing", "older copy"])
def test_a_damaged_or_missing_ledger_stops_a_restore_until_the_officer_agrees(vault: Vault, how: str) -> None:
    directory = vault.directory
    gone = add_canary_family(vault, "wis")
    made = backup_policy.make_backup(vault, now=MORNING).path
    first = add_canary_family(vault, "eerst")
    retention.erase_family(vault, first.id)
    older_copy = ledger.path_of(directory).read_bytes()
    retention.erase_family(vault, gone.id)
    key = vault.data_key
    vault.close()
    path = ledger.path_of(directory)
    if how == "tampered":
        _flip(path)
    elif how == "missing":
        path.unlink()
    else:
        path.write_bytes(older_copy)  # names only the first erasure
    before = {k: v for k, v in raw_files(directory).items() if "/backups/" not in k}
    with pytest.raises(ledger.LedgerDamaged) as exc:
        restore.restore(directory, made, key, now=NOON)
    assert exc.value.kind is Kind.INTEGRITY  # exit code 4
    assert {k: v for k, v in raw_files(directory).items() if "/backups/" not in k} == before  # nothing moved
    result = restore.restore(directory, made, key, now=NOON, ledger_lost=True)
    assert result.ledger_restarted
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        status = ledger.status(directory, v.data_key, v.conn, read_slots(directory).erasures)
        assert status.ok and status.restarted == "2026-03-02" and status.count >= 2
    if how != "missing":
        assert list(directory.glob("erasures.bdledger.damaged-*"))  # kept aside, never deleted


def test_ledger_status_names_what_is_wrong(vault: Vault) -> None:
    directory = vault.directory
    gone = add_canary_family(vault, "wis")
    retention.erase_family(vault, gone.id)
    erasures = read_slots(directory).erasures
    assert erasures == 1
    ok = ledger.status(directory, vault.data_key, vault.conn, erasures)
    assert (ok.ok, ok.count, ok.named, ok.recorded) == (True, 1, 1, 1)
    path = ledger.path_of(directory)
    saved = path.read_bytes()
    path.unlink()
    assert ledger.status(directory, vault.data_key, vault.conn, erasures).problem == "missing"
    path.write_bytes(saved)
    _flip(path)
    assert ledger.status(directory, vault.data_key, vault.conn, erasures).problem == "damaged"


def test_an_erasure_goes_on_with_a_damaged_ledger_and_starts_a_new_one(vault: Vault) -> None:
    directory = vault.directory
    first = add_canary_family(vault, "eerst")
    retention.erase_family(vault, first.id)
    _flip(ledger.path_of(directory))
    gone = add_canary_family(vault, "wis")
    outcome = retention.erase_family_outcome(vault, gone.id)
    assert outcome.removed == 1 and outcome.ledger_restarted
    book = ledger.read(directory, vault.data_key)
    assert book is not None and book.count == 2 and len(book.entries) == 1 and book.baseline == 1
    assert list(directory.glob("erasures.bdledger.damaged-*"))
