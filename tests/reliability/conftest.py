"""Fixtures for the reliability tests: real vault files, real child processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brugdesk.core.model import Family
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, TEST_N

CHILD = Path(__file__).with_name("child.py")
ROOT = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRUGDESK_")}
    env.update({"BRUGDESK_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}, **extra)
    return env


def spawn(*args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=child_env(**extra))


def make_vault(directory: Path, families: int = 1) -> None:
    import datetime as dt

    vault, _rk = Vault.create(directory, PASSPHRASE, scrypt_n=TEST_N)
    try:
        for i in range(families):
            vault.repo.families.create(Family(display_name=f"Gezin {i}", start_date=dt.date(2025, 9, 1)),
                                       today=dt.date(2026, 3, 1))
    finally:
        vault.close()


@pytest.fixture
def small_vault(vault_dir: Path) -> Path:
    make_vault(vault_dir)
    return vault_dir
