"""Fixtures for the reliability tests: real vault files, real child processes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
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


class Child:
    """A real process holding the vault open (``child.py hold``) or its exclusive lock (``exclusive``)."""

    def __init__(self, mode: str, directory: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(CHILD), mode, str(directory)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
        assert self.read() == "ready", self.proc.stderr.read() if self.proc.stderr else ""

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def send(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.read()

    def write_family(self) -> int:
        """Have the child save a family; the number of families it then sees."""
        answer = self.send("write").split()
        assert answer[0] == "wrote", answer
        return int(answer[2])

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.send("close") in ("closed", "")
        assert self.proc.wait(30) == 0, self.proc.stderr.read() if self.proc.stderr else ""

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.kill()


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
