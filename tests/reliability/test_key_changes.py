"""Passphrase change and key rotation ("new recovery key") interrupted at every step.

A child process performs the change and is SIGKILLed at a named step (before/after each key-file
write, just before the key file's rename, before/during/after ``PRAGMA rekey``, before the audit
entry, after the end). Afterwards the vault must open — with the old or the new passphrase, never
neither — pass both integrity checks and hold all its data. The same steps are also failed with an
exception in-process, where the officer keeps working.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
from pathlib import Path

import pytest

from brugdesk import fsutil
from brugdesk.errors import WrongPassphrase, WrongRecoveryKey
from brugdesk.keys import slots as slots_mod
from brugdesk.keys.slots import read_slots
from brugdesk.privacy import retention
from brugdesk.store import connection, demo, ledger
from brugdesk.store import vault_keys as vault_mod
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N
from tests.reliability.conftest import spawn

NEW = "een heel ander wachtwoord"
PASSWD_STEPS = ["before_write1", "before_rename", "after_write1", "before_audit", "end"]
ROTATE_STEPS = ["before_write1", "before_rename", "after_write1", "before_rekey", "during_rekey", "after_rekey",
                "before_write2", "after_write2", "before_audit", "end"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    directory = tmp_path_factory.mktemp("tpl") / "vault"
    vault, recovery = Vault.create(directory, PASSPHRASE, scrypt_n=TEST_N)
    demo.fill(vault.conn, families=150, seed=3, today=dt.date(2026, 3, 1))
    retention.erase_family(vault, int(vault.conn.execute("SELECT min(id) FROM family").fetchone()[0]))
    families = vault.repo.families.count()
    vault.close()
    return directory, recovery, families


def copy_of(template: tuple[Path, str, int], tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "vault"
    shutil.copytree(template[0], target)
    return target


def opens(directory: Path, **secret: str) -> bool:
    try:
        vault = Vault.open(directory, **secret)  # type: ignore[arg-type]
    except (WrongPassphrase, WrongRecoveryKey):
        return False
    vault.close()
    return True


def healthy(directory: Path, families: int, erased: int | None = 1, **secret: str) -> None:
    with Vault.open(directory, **secret) as vault:  # type: ignore[arg-type]
        assert connection.integrity_errors(vault.conn) == []
        assert vault.repo.families.count() == families
        if erased is not None:  # the erasure ledger reads with whichever key the vault ended up with (issue 12)
            book = ledger.read(directory, vault.data_key)
            assert book is not None and len(book.entries) == erased
    assert read_slots(directory).pending is None  # an interrupted rotation is finished on open


def run_killed(*args: str) -> str:
    child = spawn(*args, BRUGDESK_NEW_PASSPHRASE=NEW)
    out, err = child.communicate(timeout=120)
    assert "Traceback" not in err, err
    assert child.returncode == -signal.SIGKILL, (child.returncode, err)
    return out


@pytest.mark.parametrize("step", PASSWD_STEPS)
def test_passphrase_change_killed_at_every_step(template: tuple[Path, str, int], tmp_path: Path, step: str) -> None:
    directory = copy_of(template, tmp_path)
    out = run_killed("passwd", str(directory), step)
    old, new = opens(directory, passphrase=PASSPHRASE), opens(directory, passphrase=NEW)
    assert old != new  # exactly one works, never neither
    # the new one works exactly when the key file's rename happened
    assert new == (step not in ("before_write1", "before_rename"))
    if "done" in out:
        assert new
    healthy(directory, template[2], passphrase=NEW if new else PASSPHRASE)


@pytest.mark.parametrize("step", ROTATE_STEPS)
def test_key_rotation_killed_at_every_step(template: tuple[Path, str, int], tmp_path: Path, step: str) -> None:
    directory = copy_of(template, tmp_path)
    old_recovery = template[1]
    rounds = 4 if step == "during_rekey" else 1
    for _ in range(rounds):
        out = run_killed("rotate", str(directory), step)
        # the passphrase always opens the vault (and finishes or drops the rotation)
        healthy(directory, template[2], passphrase=PASSPHRASE)
        shown = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("key ")]
        if shown:  # a new recovery key that was shown must open the vault
            assert opens(directory, recovery_key=shown[0])
            assert not opens(directory, recovery_key=old_recovery)
            old_recovery = shown[0]
        elif step in ("before_write1", "before_rename", "after_write1", "before_rekey"):
            assert opens(directory, recovery_key=old_recovery)  # nothing changed yet


@pytest.mark.parametrize("fail_at", ["slot", "rename", "dir_fsync"])
def test_passphrase_change_failing_keeps_exactly_one_passphrase(vault: Vault, monkeypatch: pytest.MonkeyPatch,
                                                                 fail_at: str) -> None:
    real_replace, real_fsync = os.replace, fsutil.fsync_dir

    def boom(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    if fail_at == "slot":
        monkeypatch.setattr(vault_mod, "write_slots", boom)
    elif fail_at == "rename":
        monkeypatch.setattr(os, "replace", boom)
    else:
        monkeypatch.setattr(fsutil, "fsync_dir", boom)
    with pytest.raises(OSError):
        vault.change_passphrase(NEW, scrypt_n=TEST_N)
    monkeypatch.setattr(os, "replace", real_replace)
    monkeypatch.setattr(fsutil, "fsync_dir", real_fsync)
    directory = vault.directory
    vault.close()
    old, new = opens(directory, passphrase=PASSPHRASE), opens(directory, passphrase=NEW)
    assert (old, new) == ((False, True) if fail_at == "dir_fsync" else (True, False))
    assert not any(p.name.endswith(".tmp") for p in directory.iterdir())


@pytest.mark.parametrize("fail_at", ["pending_slot", "rekey", "final_slot"])
def test_key_rotation_failing_keeps_the_vault_usable(new_vault: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch,
                                                     fail_at: str) -> None:
    vault, recovery = new_vault
    calls = {"n": 0}
    real_write = vault_mod.write_slots

    def write_slots(directory: Path, slots: slots_mod.KeySlots) -> None:
        calls["n"] += 1
        if (fail_at, calls["n"]) in (("pending_slot", 1), ("final_slot", 2)):
            raise OSError(28, "No space left on device")
        real_write(directory, slots)

    monkeypatch.setattr(vault_mod, "write_slots", write_slots)
    if fail_at == "rekey":
        class Refusing:
            def __init__(self, conn: object) -> None:
                self._conn = conn

            def execute(self, sql: str, *args: object) -> object:
                if sql.startswith("PRAGMA rekey"):
                    raise connection.DatabaseError("database or disk is full")
                return self._conn.execute(sql, *args)  # type: ignore[attr-defined]

            def __getattr__(self, name: str) -> object:
                return getattr(self._conn, name)

        vault.conn = Refusing(vault.conn)
    with pytest.raises(Exception):  # noqa: B017 - the injected failure, whatever its type
        vault.rotate_data_key(PASSPHRASE, scrypt_n=TEST_N)
    if fail_at == "rekey":
        assert not isinstance(vault.conn, Refusing)  # reopened with the key that works
    assert vault.repo.families.count() == 0  # the open vault keeps working
    monkeypatch.setattr(vault_mod, "write_slots", real_write)
    directory = vault.directory
    vault.close()
    healthy(directory, 0, None, passphrase=PASSPHRASE)
    assert opens(directory, recovery_key=recovery) == (fail_at != "final_slot")
