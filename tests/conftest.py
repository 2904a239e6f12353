"""Shared fixtures. Real SQLCipher files everywhere; no mocks of the store.

``QT_QPA_PLATFORM=offscreen`` is set before anything can import Qt. Vaults in tests use a
cheaper scrypt cost (n=2^14) to keep the suite fast; ``tests/unit/test_keys.py`` checks the
production cost itself.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRUGDESK_TESTING", "1")

import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from brugdesk.i18n import set_language  # noqa: E402
from brugdesk.store.vault import Vault  # noqa: E402

TEST_N = 2**14
PASSPHRASE = "correct horse battery staple"


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend for unit tests (never used outside tests)."""

    # keyring registers every KeyringBackend subclass; priority 0 keeps this one out of its
    # automatic choice (and out of chains), so it is only used where a test passes it explicitly.
    priority = 0  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def new_vault(vault_dir: Path) -> Iterator[tuple[Vault, str]]:
    """A fresh, empty vault (and its recovery key)."""
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    yield vault, recovery
    vault.close()


@pytest.fixture
def vault(new_vault: tuple[Vault, str]) -> Vault:
    return new_vault[0]


@pytest.fixture
def demo_vault(vault_dir: Path) -> Iterator[Vault]:
    """A vault with 60 synthetic families (seed 1), anchored on a fixed day."""
    from brugdesk.store import demo

    vault, _recovery = Vault.create(vault_dir, PASSPHRASE, scrypt_n=TEST_N)
    demo.fill(vault.conn, families=60, seed=1, today=DEMO_TODAY)
    yield vault
    vault.close()


DEMO_TODAY = dt.date(2026, 3, 15)
