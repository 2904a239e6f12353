"""The in-use lock within one process (brugdesk/store/inuse.py): several Vault objects on one folder,
one open file description per lock file, re-entrant exclusive use, nothing left open afterwards.

The cross-process behaviour (another process has the vault open) is in
``tests/reliability/test_vault_in_use.py``; here a child process only probes the lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brugdesk.errors import VaultInUse, WrongPassphrase
from brugdesk.privacy import backup_policy, restore
from brugdesk.store import inuse
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, ROOT, TEST_N

PROBE = """
import sys
from brugdesk.store import inuse
from brugdesk.errors import VaultInUse, WrongPassphrase
try:
    with inuse.exclusive(sys.argv[1]):
        print("free")
except VaultInUse:
    print("in use")
"""


def probe(directory: Path) -> str:
    """Whether another process could restore now: "free" or "in use"."""
    out = subprocess.run([sys.executable, "-c", PROBE, str(directory)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60, check=True)
    return out.stdout.strip()


def lock_descriptors(directory: Path) -> int:
    """How many file descriptors of this process point at the folder's lock file (Linux /proc)."""
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("no /proc/self/fd here")
    target = str((directory / inuse.LOCK_FILE).resolve())
    count = 0
    for name in os.listdir(fd_dir):
        try:
            count += os.readlink(fd_dir / name) == target
        except OSError:
            continue
    return count


def test_each_open_vault_holds_the_lock_until_it_closes(vault_dir: Path) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    assert vault.in_use.held and probe(vault_dir) == "in use" and inuse.held_by_os(vault_dir)
    second = Vault.open(vault_dir, passphrase=PASSPHRASE)
    assert lock_descriptors(vault_dir) == 1  # one open file description, shared by both
    vault.close()
    assert probe(vault_dir) == "in use"  # the second one still has it open
    assert second.repo.families.count() == 0
    second.close()
    second.close()  # closing twice lets go once
    assert probe(vault_dir) == "free" and not inuse.held_by_os(vault_dir)
    assert lock_descriptors(vault_dir) == 0


def test_restore_and_rotation_refuse_while_another_vault_of_this_process_is_open(vault_dir: Path) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    made = backup_policy.make_backup(vault, tag="manual").path
    other = Vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        key = vault.data_key
        with pytest.raises(VaultInUse):
            backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)
        assert vault.data_key == key and other.repo.families.count() == 0
        vault.close()
        with pytest.raises(VaultInUse):
            restore.restore(vault_dir, made, key)
        assert not list(vault_dir.glob("brugdesk.db.replaced-*"))
        assert probe(vault_dir) == "in use"  # the refused attempts kept other's shared lock
    finally:
        other.close()
    restore.restore(vault_dir, made, key)
    assert probe(vault_dir) == "free"


def test_the_own_vault_is_not_counted_and_its_lock_is_shared_again_afterwards(vault_dir: Path) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    try:
        with inuse.exclusive(vault_dir, own=vault.in_use):
            assert probe(vault_dir) == "in use"
            with inuse.exclusive(vault_dir):  # re-entrant: the app restores inside its own hold
                pass
            with pytest.raises(WrongPassphrase):
                vault.rotate_data_key("niet de goede wachtwoordzin", scrypt_n=TEST_N)
        # back to shared: another process may open the vault, but not restore
        assert probe(vault_dir) == "in use"
        other = Vault.open(vault_dir, passphrase=PASSPHRASE)
        other.close()
        new = backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)
        assert new and vault.repo.families.count() == 0
    finally:
        vault.close()
    assert probe(vault_dir) == "free" and lock_descriptors(vault_dir) == 0


def test_the_app_locks_its_own_vault_inside_the_exclusive_hold(vault_dir: Path) -> None:
    """As the restore wizard does: take the folder, close the own vault, restore, let go, open."""
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    made = backup_policy.make_backup(vault, tag="manual").path
    key = vault.data_key
    with inuse.exclusive(vault_dir, own=vault.in_use):
        vault.close()
        assert probe(vault_dir) == "in use"  # still ours while the database is replaced
        restore.restore(vault_dir, made, key)
    assert probe(vault_dir) == "free" and lock_descriptors(vault_dir) == 0
    with Vault.open_with_key(vault_dir, key) as reopened:
        assert reopened.in_use.held and probe(vault_dir) == "in use"


def test_a_failed_open_lets_go(vault_dir: Path) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, passphrase="niet de goede wachtwoordzin")
    assert probe(vault_dir) == "free" and lock_descriptors(vault_dir) == 0
