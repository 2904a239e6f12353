"""Read-only folder, read-only file, 0-byte, truncated and bit-flipped databases.

Each case runs ``brugdesk check`` as a real subprocess: one clear line on stderr, no traceback,
the documented exit code, the database byte-identical and no file created over or beside it.

Read-only as root: ``chmod`` does not stop root, and this machine's interpreter lives under
``/root`` (mode 0700), so a child cannot drop to ``nobody``. The tests therefore make the file or
folder immutable with ``chattr +i`` (which stops root too, and which ``access(2)`` reports), and
fall back to ``chmod`` when not running as root.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from brugdesk.errors import ReadOnly, VaultDamaged
from brugdesk.i18n import _
from tests.reliability.conftest import ROOT, child_env, make_vault

PAGE = 4096


def run_check(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brugdesk", "check", "--vault", str(directory)], cwd=ROOT,
                          capture_output=True, text=True, env=child_env(PYTHONDONTWRITEBYTECODE="1"), timeout=120,
                          check=False)


def snapshot(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], check=False,
                                                             capture_output=True).returncode != 0:
            pytest.skip("running as root without chattr +i support: cannot make a file read-only for root")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        mode = path.stat().st_mode
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            path.chmod(mode)


def flip_three_bytes(db: Path) -> None:
    data = bytearray(db.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE
    for offset in (200, 1500, 3000):
        data[middle + offset] ^= 0xA5
    db.write_bytes(bytes(data))


def truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: 3 * PAGE + 1000])


def empty(db: Path) -> None:
    db.write_bytes(b"")


DAMAGE: dict[str, Callable[[Path], None]] = {"flipped": flip_three_bytes, "truncated": truncate, "empty": empty}


@pytest.fixture
def checked_vault(vault_dir: Path) -> Path:
    make_vault(vault_dir, families=40)
    return vault_dir


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("brugdesk: ")


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_database_is_reported_and_left_untouched(checked_vault: Path, damage: str) -> None:
    db = checked_vault / "brugdesk.db"
    DAMAGE[damage](db)
    before = snapshot(checked_vault)
    result = run_check(checked_vault)
    assert_clean_failure(result, 4)
    assert _(VaultDamaged.message) in result.stderr
    assert snapshot(checked_vault) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_vault_is_reported_and_left_untouched(checked_vault: Path, what: str) -> None:
    target = checked_vault / "brugdesk.db" if what == "file" else checked_vault
    before = snapshot(checked_vault)
    with read_only(target):
        result = run_check(checked_vault)
        after = snapshot(checked_vault)
    assert_clean_failure(result, 1)
    assert _(ReadOnly.message) in result.stderr
    assert after == before


def test_healthy_vault_passes_check(checked_vault: Path) -> None:
    result = run_check(checked_vault)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
