"""The opt-in OS-keyring slot: in-memory backend, refused fake backends, and a real Secret Service (issue 2)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail, null

from brugdesk.errors import KeyringUnavailable, WrongPassphrase
from brugdesk.keys.keyring_slot import SERVICE, KeyringSlot, is_real_backend
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE, MemoryKeyring


def _all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in directory.rglob("*") if p.is_file())


def test_memory_backend_round_trip_opens_without_a_passphrase(vault: Vault, vault_dir: Path,
                                                              memory_keyring: MemoryKeyring) -> None:
    vault.remember_on_this_computer(True, memory_keyring)
    key = vault.data_key
    vault.close()
    assert (SERVICE, vault.slots.vault_id) in memory_keyring.items  # type: ignore[union-attr]
    reopened = Vault.open(vault_dir, use_keyring=True, keyring_backend=memory_keyring)
    assert reopened.data_key == key
    reopened.close()


def test_item_gone_says_keyring_unavailable_not_wrong_passphrase(vault: Vault, vault_dir: Path,
                                                                 memory_keyring: MemoryKeyring) -> None:
    vault.remember_on_this_computer(True, memory_keyring)
    vault.close()
    memory_keyring.items.clear()
    with pytest.raises(KeyringUnavailable) as info:
        Vault.open(vault_dir, use_keyring=True, keyring_backend=memory_keyring)
    assert not isinstance(info.value, WrongPassphrase)
    assert "sleutelbos" in str(info.value)
    Vault.open(vault_dir, passphrase=PASSPHRASE).close()  # the passphrase still works


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_fake_backends_are_refused_and_nothing_is_written(vault: Vault, vault_dir: Path, backend: object,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    slot = KeyringSlot(vault.vault_id)  # the default backend, as the app uses it
    assert not slot.available()
    key = vault.data_key
    with pytest.raises(KeyringUnavailable):
        vault.remember_on_this_computer(True)
    vault.close()
    raw = _all_bytes(vault_dir)
    assert key not in raw and key.hex().encode() not in raw
    import base64

    assert base64.b64encode(key) not in raw
    with pytest.raises(KeyringUnavailable):
        Vault.open(vault_dir, use_keyring=True)
    Vault.open(vault_dir, passphrase=PASSPHRASE).close()


def test_only_os_backends_count_as_real() -> None:
    from keyring.backends import SecretService

    assert is_real_backend(SecretService.Keyring())
    assert not is_real_backend(fail.Keyring())
    assert not is_real_backend(null.Keyring())
    assert not is_real_backend(MemoryKeyring())


def test_a_chain_is_never_used_whole_only_its_real_os_backend() -> None:
    """A chain would fall back to a plaintext backend when the OS keyring fails; we pick the OS one alone."""
    from types import SimpleNamespace

    from keyring.backends import SecretService

    from brugdesk.keys.keyring_slot import select_real_backend

    real = SecretService.Keyring()
    # shaped like keyring's ChainerBackend (whose `backends` is a class property that cannot be set per instance)
    chain: Any = SimpleNamespace(backends=[MemoryKeyring(), real, null.Keyring()])
    assert select_real_backend(chain) is real
    chain = SimpleNamespace(backends=[MemoryKeyring(), null.Keyring()])
    assert select_real_backend(chain) is None


def _secret_service_or_skip() -> None:
    if os.environ.get("BRUGDESK_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the tests with a real Secret Service (python3 dev.py test does that)")
        pytest.skip("no Secret Service session here; `python3 dev.py test` starts one")


@pytest.mark.secret_service
def test_real_secret_service_store_reopen_delete(vault: Vault, vault_dir: Path) -> None:
    """gnome-keyring under dbus-run-session (started by dev.py test): the real OS keyring path."""
    _secret_service_or_skip()
    from brugdesk.keys.keyring_slot import select_real_backend

    backend = select_real_backend(keyring.get_keyring())
    assert backend is not None and type(backend).__module__ == "keyring.backends.SecretService"
    vault.remember_on_this_computer(True)  # default backend: the real Secret Service
    key = vault.data_key
    vault.close()
    reopened = Vault.open(vault_dir, use_keyring=True)  # no prompt, no passphrase
    assert reopened.data_key == key
    reopened.close()
    assert keyring.get_password(SERVICE, reopened.slots.vault_id) is not None  # type: ignore[union-attr]
    keyring.delete_password(SERVICE, reopened.slots.vault_id)  # type: ignore[union-attr]
    with pytest.raises(KeyringUnavailable):
        Vault.open(vault_dir, use_keyring=True)
    Vault.open(vault_dir, passphrase=PASSPHRASE).close()  # asks for the passphrase instead


@pytest.mark.secret_service
def test_real_secret_service_forget(vault: Vault, vault_dir: Path) -> None:
    _secret_service_or_skip()
    vault.remember_on_this_computer(True)
    vault.remember_on_this_computer(False)
    assert keyring.get_password(SERVICE, vault.vault_id) is None
    vault.close()
    with pytest.raises(KeyringUnavailable):
        Vault.open(vault_dir, use_keyring=True)
