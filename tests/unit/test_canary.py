"""Canaries (issue 2): names and notes never leave the encrypted vault.

100 unique canary names and notes are stored. Neither while the vault is open nor after it
is closed does any of them occur — as UTF-8 or UTF-16-LE — in any file of the vault folder
(database, -wal, -shm, key slots, backups), nor in what the CLI writes to stdout/stderr.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from brugdesk.core.model import Contact, Family, Member, MemberRole
from brugdesk.privacy import backup_policy
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, ROOT, TEST_N
from tests.vaultbytes import canary, occurrences, raw_files

TODAY = dt.date(2026, 3, 1)


def fill_canaries(vault: Vault, n: int = 100) -> list[str]:
    found: list[str] = []
    repo = vault.repo
    for i in range(n):
        name, first, note = canary(f"naam{i}"), canary(f"voornaam{i}"), canary(f"notitie{i}")
        fam = repo.families.create(Family(name, dt.date(2025, 9, 1)), today=TODAY)
        assert fam.id is not None
        repo.members.add(Member(MemberRole.PARENT, first, family_id=fam.id, notes=note))
        contact_note = canary(f"contact{i}")
        repo.contacts.add(Contact(fam.id, dt.date(2026, 2, 1), 30, "phone", note=contact_note), today=TODAY)
        found += [name, first, note, contact_note]
    return found


NEW_PASSPHRASE = "een andere lange zin voor de kluis"
SECRETS = {"BRUGDESK_PASSPHRASE": PASSPHRASE, "BRUGDESK_NEW_PASSPHRASE": NEW_PASSPHRASE}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**SECRETS, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_no_canary_in_any_vault_file_or_cli_output(vault_dir: Path, tmp_path: Path) -> None:
    vault, _rk = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    canaries = fill_canaries(vault)
    assert len(set(canaries)) == 400
    backup_policy.make_backup(vault, tag="manual")
    open_files = raw_files(vault_dir)
    assert any(name.endswith("-wal") for name in open_files)  # the open vault's log was looked at too
    assert occurrences(canaries, open_files) == []
    vault.close()

    outputs = {}
    SECRETS["BRUGDESK_PASSPHRASE"] = PASSPHRASE
    ref = "G-2025-001"
    usb = tmp_path / "usb"
    usb.mkdir()
    for args in (["check"], ["backup"], ["backup", "--to", str(usb)], ["purge", "--dry-run"],
                 ["export-family", "--family", ref, "--pdf", str(tmp_path / "inzage.pdf")], ["passwd"],
                 ["restore", "--from"]):
        if args[0] == "restore":
            args.append(str(backup_policy.list_backups(vault_dir)[0].path))
        result = cli(*args[:1], "--vault", str(vault_dir), *args[1:])
        assert result.returncode == 0, (args, result.stderr)
        if args[0] == "passwd":
            SECRETS["BRUGDESK_PASSPHRASE"] = NEW_PASSPHRASE
        outputs[" ".join(args[:1]) + " stdout"] = result.stdout.encode()
        outputs[" ".join(args[:1]) + " stderr"] = result.stderr.encode()
    assert all(b"Traceback" not in out for out in outputs.values())
    after = raw_files(vault_dir)
    assert any(".replaced-" in name for name in after) and any("backups" in name for name in after)
    assert occurrences(canaries, after) == []
    assert occurrences(canaries, raw_files(usb)) == []
    assert occurrences(canaries, outputs) == []
    # the check can find a canary where it is in the clear (the inspection PDF is for the parents)
    assert (tmp_path / "inzage.pdf").exists()
