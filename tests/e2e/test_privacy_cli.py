"""`brugdesk backup / restore / export-family / new-recovery-key / purge` as a user runs them:
real processes, real files; errors are one line with the documented exit code."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASS = "kitchen table 2026"
KEY_RE = re.compile(r"^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$")


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "brugdesk", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full_env, input="", timeout=180, check=False)


def one_line_error(out: subprocess.CompletedProcess[str], code: int) -> str:
    assert out.returncode == code, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    return lines[0]


def snapshot(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, str]:
    vault = tmp_path / "vault"
    out = run("demo", "--vault", str(vault), "--families", "12", BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    keys = [line for line in out.stdout.splitlines() if KEY_RE.match(line)]
    return vault, keys[0]


def test_backup_in_the_vault_and_to_a_folder(demo: tuple[Path, str], tmp_path: Path) -> None:
    vault, _key = demo
    out = run("backup", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    made = list((vault / "backups").glob("*.bdbackup"))
    assert len(made) == 1 and str(made[0]) in out.stdout
    usb = tmp_path / "usb"
    usb.mkdir()
    out = run("backup", "--vault", str(vault), "--to", str(usb), BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0 and len(list(usb.iterdir())) == 1
    line = one_line_error(run("backup", "--vault", str(vault), "--to", str(tmp_path / "missing"),
                              BRUGDESK_PASSPHRASE=PASS), 1)
    assert "reservekopie" in line


def test_restore_a_good_and_a_foreign_backup(demo: tuple[Path, str], tmp_path: Path) -> None:
    vault, key = demo
    assert run("backup", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS).returncode == 0
    other = tmp_path / "other"
    assert run("init", "--vault", str(other), BRUGDESK_PASSPHRASE=PASS).returncode == 0
    assert run("backup", "--vault", str(other), BRUGDESK_PASSPHRASE=PASS).returncode == 0
    foreign = next((other / "backups").iterdir())
    before = snapshot(vault)
    line = one_line_error(run("restore", "--vault", str(vault), "--from", str(foreign), BRUGDESK_PASSPHRASE=PASS), 4)
    assert "Er is niets veranderd" in line
    assert snapshot(vault) == before
    good = next((vault / "backups").iterdir())
    out = run("restore", "--vault", str(vault), "--from", str(good), BRUGDESK_RECOVERY_KEY=key)
    assert out.returncode == 0, out.stderr
    assert list(vault.glob("brugdesk.db.replaced-*"))
    assert run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS).returncode == 0


def test_export_family(demo: tuple[Path, str], tmp_path: Path) -> None:
    vault, _key = demo
    target = tmp_path / "inzage.pdf"
    line = one_line_error(run("export-family", "--vault", str(vault), "--family", "G-1999-999", "--pdf",
                              str(target), BRUGDESK_PASSPHRASE=PASS), 2)
    assert "kenmerk" in line and not target.exists()
    ref = None
    out = run("purge", "--vault", str(vault), "--dry-run", BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    from brugdesk.store.vault import Vault

    with Vault.open(vault, passphrase=PASS) as v:
        ref = v.repo.families.rows()[0].ref
    out = run("export-family", "--vault", str(vault), "--family", ref.lower(), "--pdf", str(target),
              BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_purge_needs_a_choice(demo: tuple[Path, str]) -> None:
    vault, _key = demo
    one_line_error(run("purge", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS), 2)
    out = run("purge", "--vault", str(vault), "--dry-run", BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0 and "bewaartermijn" in out.stdout


def test_new_recovery_key(demo: tuple[Path, str]) -> None:
    vault, old = demo
    line = one_line_error(run("new-recovery-key", "--vault", str(vault), BRUGDESK_RECOVERY_KEY=old), 2)
    assert "wachtwoord" in line
    out = run("new-recovery-key", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS)
    assert out.returncode == 0, out.stderr
    keys = [line for line in out.stdout.splitlines() if KEY_RE.match(line)]
    assert len(keys) == 1 and keys[0] != old
    one_line_error(run("check", "--vault", str(vault), BRUGDESK_RECOVERY_KEY=old), 3)
    assert run("check", "--vault", str(vault), BRUGDESK_RECOVERY_KEY=keys[0]).returncode == 0
    assert run("check", "--vault", str(vault), BRUGDESK_PASSPHRASE=PASS).returncode == 0
