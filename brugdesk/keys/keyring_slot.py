"""The opt-in OS-keyring slot ("onthoud op deze computer").

Only real OS backends are used (Windows Credential Manager, kept on this computer; macOS
Keychain; Secret Service; KWallet: :mod:`brugdesk.platform.oskeyring` says which and how). The
fail/null backends, ``keyrings.alt`` and any plaintext store are refused: the key is then simply
not remembered and the officer unlocks with the passphrase. After writing, the item is read
back; a mismatch counts as "keyring unavailable". Missing, locked or lost items raise
:class:`~brugdesk.errors.KeyringUnavailable`, never "wrong passphrase".
"""

from __future__ import annotations

import base64
import binascii
import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from brugdesk.errors import KeyringUnavailable
from brugdesk.platform import oskeyring
from brugdesk.platform.oskeyring import REAL_BACKEND_MODULES, is_real_backend, select_real_backend

SERVICE = "brugdesk"
log = logging.getLogger(__name__)


def backend_name(backend: KeyringBackend | None = None) -> str:
    """The backend's ``module.Class`` (keyring's choice when none is given)."""
    return oskeyring.backend_name(backend or keyring.get_keyring())


class KeyringSlot:
    """Stores one vault's data key in the OS keyring under ``brugdesk`` / vault id.

    ``backend`` defaults to the OS backend keyring chose; it is then checked to be real.
    Tests pass an explicit backend (an in-memory one), which is trusted as given.
    """

    def __init__(self, vault_id: str, backend: KeyringBackend | None = None) -> None:
        self.vault_id = vault_id
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            chosen = oskeyring.select_real_backend(keyring.get_keyring())
            if chosen is None:
                raise KeyringUnavailable("no OS keyring")
            self._backend = chosen
        return self._backend

    def available(self) -> bool:
        try:
            self.backend  # noqa: B018 - resolving the backend is the check
        except KeyringUnavailable:
            return False
        except Exception:  # a broken keyring installation is simply "not available"
            log.info("keyring backend could not be loaded")
            return False
        return True

    def store(self, data_key: bytes) -> None:
        if not self.available():
            raise KeyringUnavailable("no OS keyring")
        secret = base64.b64encode(data_key).decode("ascii")
        try:
            self.backend.set_password(SERVICE, self.vault_id, secret)
            back = self.backend.get_password(SERVICE, self.vault_id)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable(type(exc).__name__) from None
        except Exception as exc:  # D-Bus errors, locked collection, dismissed prompt …
            raise KeyringUnavailable(type(exc).__name__) from None
        if back != secret:
            self.forget()
            raise KeyringUnavailable("read-back mismatch")

    def load(self) -> bytes:
        if not self.available():
            raise KeyringUnavailable("no OS keyring")
        try:
            secret = self.backend.get_password(SERVICE, self.vault_id)
        except Exception as exc:  # locked, D-Bus gone, user dismissed the unlock prompt
            raise KeyringUnavailable(type(exc).__name__) from None
        if secret is None:
            raise KeyringUnavailable("item missing")
        try:
            key = base64.b64decode(secret, validate=True)
        except (binascii.Error, ValueError):
            raise KeyringUnavailable("item damaged") from None
        if len(key) != 32:
            raise KeyringUnavailable("item damaged")
        return key

    def forget(self) -> None:
        if not self.available():
            return
        try:
            self.backend.delete_password(SERVICE, self.vault_id)
        except keyring.errors.PasswordDeleteError:
            pass
        except Exception:  # nothing to forget when the keyring is gone
            log.info("keyring item could not be deleted")


__all__ = ["REAL_BACKEND_MODULES", "SERVICE", "KeyringSlot", "backend_name", "is_real_backend", "select_real_backend"]
