"""The "vault in use" lock (brugdesk/store/inuse.py) with real processes and real files.

A child process opens the vault and keeps it open, as the app does while it is unlocked. Meanwhile
``brugdesk restore`` and ``brugdesk new-recovery-key`` (real subprocesses) must refuse with one clear
line and exit code 1, change no byte and rename nothing, and leave the child able to go on working;
once the child has closed the vault they succeed. Ordinary work by two processes at once goes on
(shared locks), an open waits for a restore or key rotation running elsewhere, and a read-only
vault folder behaves exactly as before (no lock file is created in or beside it).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from brugdesk.cli.common import exit_code
from brugdesk.errors import ReadOnly, VaultBusy, VaultInUse, WrongPassphrase
from brugdesk.i18n import _
from brugdesk.keys.slots import SLOT_FILE
from brugdesk.privacy import backup_policy
from brugdesk.store import inuse
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N
from tests.reliability.conftest import CHILD, ROOT, Child, child_env, make_vault
from tests.reliability.test_damaged_files import read_only

KEY_RE = re.compile(r"^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$")


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], cwd=ROOT, capture_output=True, text=True,
                          env=child_env(PYTHONDONTWRITEBYTECODE="1", **env), input="", timeout=180, check=False)


def one_line_error(out: subprocess.CompletedProcess[str], code: int) -> str:
    assert out.returncode == code, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("brugdesk: ")
    return lines[0]


def snapshot(directory: Path) -> dict[str, str]:
    """Every file in the vault folder (names and bytes): nothing renamed, nothing written."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def families_in(directory: Path) -> int:
    with Vault.open(directory, passphrase=PASSPHRASE) as v:
        return v.repo.families.count()


@pytest.fixture
def vault_with_backup(vault_dir: Path) -> tuple[Path, Path]:
    make_vault(vault_dir, families=3)
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        made = backup_policy.make_backup(v, tag="manual").path
    return vault_dir, made


# ---------------------------------------------------------------- restore
def test_restore_refuses_while_another_process_has_the_vault_open(vault_with_backup: tuple[Path, Path],
                                                                  children: list[Child]) -> None:
    directory, made = vault_with_backup
    child = Child("hold", directory)
    children.append(child)
    assert child.write_family() == 4  # after the backup: the restore would go back to 3
    before = snapshot(directory)

    line = one_line_error(cli("restore", "--vault", str(directory), "--from", str(made)), 1)
    assert line == f"brugdesk: {VaultInUse().text()}"
    assert "De kluis is nog geopend in brugdesk" in line and "Sluit de app" in line  # Dutch by default
    assert snapshot(directory) == before  # the database byte-identical, nothing renamed aside
    assert not list(directory.glob("brugdesk.db.replaced-*"))
    english = cli("--lang", "en", "restore", "--vault", str(directory), "--from", str(made))
    assert "still open in brugdesk" in one_line_error(english, 1)

    # the app that had the vault open goes on working, into the real database
    assert child.write_family() == 5
    child.close()
    assert families_in(directory) == 5

    out = cli("restore", "--vault", str(directory), "--from", str(made))
    assert out.returncode == 0, out.stderr
    assert families_in(directory) == 3
    [aside] = directory.glob("brugdesk.db.replaced-*")
    assert aside.is_file()


def test_restore_refuses_while_another_process_restores(vault_with_backup: tuple[Path, Path],
                                                        children: list[Child]) -> None:
    directory, made = vault_with_backup
    child = Child("exclusive", directory)
    children.append(child)
    before = snapshot(directory)
    one_line_error(cli("restore", "--vault", str(directory), "--from", str(made)), 1)
    assert snapshot(directory) == before


# ------------------------------------------------------- new recovery key
def test_new_recovery_key_refuses_while_another_process_has_the_vault_open(vault_dir: Path,
                                                                           children: list[Child]) -> None:
    vault, old_recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    vault.close()
    child = Child("hold", vault_dir)
    children.append(child)
    before = snapshot(vault_dir)

    line = one_line_error(cli("new-recovery-key", "--vault", str(vault_dir)), 1)
    assert line == f"brugdesk: {VaultInUse().text()}"
    after = snapshot(vault_dir)
    # the command unlocked the vault (its audit entry is in the database) but re-keyed nothing:
    # the key file is byte-identical and no file came or went
    assert sorted(after) == sorted(before) and after[SLOT_FILE] == before[SLOT_FILE]
    assert child.write_family() == 1  # the child can still read and write with its key
    child.close()
    assert cli("check", "--vault", str(vault_dir), BRUGDESK_RECOVERY_KEY=old_recovery).returncode == 0

    out = cli("new-recovery-key", "--vault", str(vault_dir))
    assert out.returncode == 0, out.stderr
    [new_recovery] = [ln for ln in out.stdout.splitlines() if KEY_RE.match(ln)]
    assert cli("check", "--vault", str(vault_dir), BRUGDESK_RECOVERY_KEY=new_recovery).returncode == 0
    assert cli("check", "--vault", str(vault_dir), BRUGDESK_RECOVERY_KEY=old_recovery).returncode == 3


def test_key_rotation_in_the_store_refuses_and_keeps_its_own_vault_working(vault_dir: Path,
                                                                           children: list[Child]) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    try:
        child = Child("hold", vault_dir)
        children.append(child)
        old_key = vault.data_key
        with pytest.raises(VaultInUse):
            backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)
        with pytest.raises(VaultInUse):
            vault.rotate_data_key(PASSPHRASE, scrypt_n=TEST_N)
        assert vault.data_key == old_key
        assert vault.repo.families.count() == 0  # still open, still readable here
        assert child.write_family() == 1  # and in the other process
        # still holding its shared lock: a restore elsewhere is refused even after the failed attempts
        other = Child("hold", vault_dir)
        children.append(other)
        other.close()
        child.close()
        probe = subprocess.run([sys.executable, str(CHILD), "exclusive", str(vault_dir)], input="", text=True,
                               capture_output=True, env=child_env(), timeout=60, check=False)
        assert probe.returncode != 0 and "VaultInUse" in probe.stderr
        backup_policy.new_recovery_key(vault, PASSPHRASE, scrypt_n=TEST_N)
        assert vault.data_key != old_key
        assert vault.repo.families.count() == 1
    finally:
        vault.close()


# ------------------------------------------------------------ ordinary work
def test_two_processes_work_in_the_vault_at_once(vault_dir: Path, children: list[Child]) -> None:
    make_vault(vault_dir, families=1)
    first, second = Child("hold", vault_dir), Child("hold", vault_dir)
    children += [first, second]
    assert first.write_family() == 2
    assert second.write_family() == 3
    assert first.write_family() == 4  # each sees the other's commits (WAL)
    out = cli("check", "--vault", str(vault_dir))  # a third process, while both have it open
    assert out.returncode == 0, out.stderr
    out = cli("backup", "--vault", str(vault_dir))
    assert out.returncode == 0, out.stderr
    first.close()
    second.close()
    assert families_in(vault_dir) == 4


def test_an_open_waits_for_a_restore_elsewhere_then_gives_up(vault_dir: Path, children: list[Child],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    make_vault(vault_dir)
    holder = Child("exclusive", vault_dir)
    children.append(holder)
    monkeypatch.setattr(inuse, "OPEN_WAIT", 0.3)
    started = time.monotonic()
    with pytest.raises(VaultBusy) as exc:
        Vault.open(vault_dir, passphrase=PASSPHRASE)
    assert time.monotonic() - started >= 0.3
    assert exit_code(exc.value) == 1 and "reservekopie terug" in exc.value.text()
    monkeypatch.setattr(inuse, "OPEN_WAIT", 30.0)
    opened: list[Vault] = []
    waiting = threading.Thread(target=lambda: opened.append(Vault.open(vault_dir, passphrase=PASSPHRASE)))
    waiting.start()
    waiting.join(0.5)
    assert waiting.is_alive() and not opened  # it waits for the restore elsewhere …
    holder.proc.communicate("\n", timeout=30)
    waiting.join(30)
    assert len(opened) == 1  # … and opens once that is done
    with opened[0] as v:
        assert v.repo.families.count() == 1


def test_a_killed_app_leaves_no_lock_behind(vault_with_backup: tuple[Path, Path], children: list[Child]) -> None:
    directory, made = vault_with_backup
    child = Child("hold", directory)
    children.append(child)
    child.kill()  # SIGKILL: the operating system drops its lock
    out = cli("restore", "--vault", str(directory), "--from", str(made))
    assert out.returncode == 0, out.stderr


# ------------------------------------------------------------ lock file
def test_the_lock_file_is_empty_private_and_made_only_once_the_key_is_right(vault_dir: Path) -> None:
    make_vault(vault_dir)
    lock = vault_dir / inuse.LOCK_FILE
    assert lock.is_file() and lock.stat().st_size == 0 and lock.stat().st_mode & 0o077 == 0
    lock.unlink()  # a vault from before the lock existed
    before = snapshot(vault_dir)
    one_line_error(cli("check", "--vault", str(vault_dir), "--passphrase-file", "/dev/null"), 3)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, passphrase="niet de goede wachtwoordzin")
    assert snapshot(vault_dir) == before  # a wrong passphrase writes nothing, not even the lock file
    assert cli("check", "--vault", str(vault_dir)).returncode == 0
    assert lock.is_file() and lock.stat().st_size == 0


@pytest.mark.parametrize("lock_file", ["present", "missing"])
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_vault_is_reported_as_before_and_left_untouched(vault_dir: Path, what: str,
                                                                    lock_file: str) -> None:
    make_vault(vault_dir, families=2)
    if lock_file == "missing":
        (vault_dir / inuse.LOCK_FILE).unlink()
    target = vault_dir / "brugdesk.db" if what == "file" else vault_dir
    before = snapshot(vault_dir)
    with read_only(target):
        out = cli("check", "--vault", str(vault_dir))
        after = snapshot(vault_dir)
        if what == "folder":
            # the lock never stops an open: an existing lock file is locked through a read-only
            # descriptor, a missing one (that cannot be made) means going on without the lock
            hold = inuse.SharedHold.acquire(vault_dir, create=True)
            try:
                assert hold.held == (lock_file == "present")
            finally:
                hold.release()
            assert snapshot(vault_dir) == before
    # the in-use lock changes nothing here: the same clear ReadOnly line as without it, and no new file
    assert _(ReadOnly.message) in one_line_error(out, 1)
    assert after == before
    assert sorted(p.name for p in vault_dir.parent.iterdir()) == [vault_dir.name]
