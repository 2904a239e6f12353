"""Disk full: the write fails with a clear error, nothing acknowledged is lost, and the vault is
healthy once space returns.

Method: as root, a real 1 MiB tmpfs is mounted under the test's temp dir, so SQLite meets a real
``ENOSPC`` ("database or disk is full") — the condition an officer's full laptop disk gives.
Where mounting is not allowed, a child process with ``RLIMIT_FSIZE`` (SIGXFSZ ignored) is used
instead; the kernel then reports ``EFBIG``, which SQLite turns into a generic I/O error, so that
variant checks only durability and health, not the message.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from brugdesk.core.model import Contact
from brugdesk.errors import DiskFull
from brugdesk.store import connection
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import make_vault, spawn


def _mount(point: Path, size: str, remount: bool = False) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    opts = f"remount,size={size}" if remount else f"size={size},mode=0700"
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(point)], capture_output=True,
                            check=False)
    return result.returncode == 0


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "mnt"
    point.mkdir()
    if not _mount(point, "1m"):
        pytest.skip("cannot mount a tmpfs here; test_disk_full_with_rlimit covers this machine")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def add(vault: Vault, fid: int, n: int) -> int:
    contact = vault.repo.contacts.add(Contact(fid, dt.date(2026, 1, 5), 30, "phone", note=f"{n} " + "y" * 4000),
                                      today=dt.date(2026, 3, 1))
    assert contact.id is not None
    return contact.id


def test_disk_full_on_a_real_small_filesystem(tmpfs: Path) -> None:
    directory = tmpfs / "vault"
    make_vault(directory)
    acknowledged: list[int] = []
    vault = Vault.open(directory, passphrase=PASSPHRASE)
    fid = int(vault.conn.execute("SELECT min(id) FROM family").fetchone()[0])
    with pytest.raises(DiskFull) as exc:
        for n in range(10_000):
            acknowledged.append(add(vault, fid, n))
    assert "schijf is vol" in exc.value.text()  # the clear, translated message
    assert len(acknowledged) > 10
    vault.close()
    assert _mount(tmpfs, "64m", remount=True)  # space returns
    with Vault.open(directory, passphrase=PASSPHRASE) as vault:
        present = {r[0] for r in vault.conn.execute("SELECT id FROM contact")}
        assert set(acknowledged) <= present
        assert connection.integrity_errors(vault.conn) == []
        add(vault, fid, -1)  # writing works again


def test_disk_full_with_rlimit(vault_dir: Path) -> None:
    make_vault(vault_dir)
    child = spawn("fill", str(vault_dir), str(600_000))
    out, _err = child.communicate(timeout=120)
    lines = out.split()
    assert "error" in out
    acknowledged = {int(x) for x in out.split("error")[0].split()}
    assert len(acknowledged) > 5 and lines
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as vault:
        present = {r[0] for r in vault.conn.execute("SELECT id FROM contact")}
        assert acknowledged <= present
        assert connection.integrity_errors(vault.conn) == []
        add(vault, int(vault.conn.execute("SELECT min(id) FROM family").fetchone()[0]), -1)


def test_key_rotation_on_a_full_disk_keeps_the_old_key(tmpfs: Path) -> None:
    """A real rekey failure: the rollback journal does not fit. The old key and passphrase keep
    working, in the open vault and after reopening; the database is undamaged."""
    from brugdesk.errors import KeyRotationFailed
    from brugdesk.keys.slots import read_slots

    assert _mount(tmpfs, "8m", remount=True)
    directory = tmpfs / "vault"
    make_vault(directory)
    with Vault.open(directory, passphrase=PASSPHRASE) as vault:
        fid = int(vault.conn.execute("SELECT min(id) FROM family").fetchone()[0])
        ids = [add(vault, fid, n) for n in range(400)]
        old_key = vault.data_key
    used = sum(p.stat().st_size for p in tmpfs.rglob("*") if p.is_file())
    assert _mount(tmpfs, f"{(used + 400_000) // 1024}k", remount=True)  # room for the slots, not the journal
    vault = Vault.open(directory, passphrase=PASSPHRASE)
    try:
        with pytest.raises((KeyRotationFailed, DiskFull)):
            vault.rotate_data_key(PASSPHRASE, scrypt_n=2**14)
        assert vault.data_key == old_key
        assert vault.repo.contacts.count() == len(ids)  # the open vault keeps working
    finally:
        vault.close()
    assert read_slots(directory).pending is None
    with Vault.open(directory, passphrase=PASSPHRASE) as vault:
        assert vault.data_key == old_key
        assert {r[0] for r in vault.conn.execute("SELECT id FROM contact")} == set(ids)
        assert connection.integrity_errors(vault.conn) == []
