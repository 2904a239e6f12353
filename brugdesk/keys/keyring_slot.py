"""The opt-in OS-keyring slot ("onthoud op deze computer").

Only real OS backends are used (Windows Credential Locker, macOS Keychain, Secret Service,
KWallet). The fail/null backends, ``keyrings.alt`` and any plaintext store are refused:
the key is then simply not remembered and the officer unlocks with the passphrase. After
writing, the item is read back; a mismatch counts as "keyring unavailable". Missing,
locked or lost items raise :class:`~brugdesk.errors.KeyringUnavailable`, never
"wrong passphrase".
"""

from __future__ import annotations

import base64
import binascii
import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from brugdesk.errors import KeyringUnavailable

SERVICE = "brugdesk"
log = logging.getLogger(__name__)

#: Modules of the backends that keep secrets in an OS-protected store.
REAL_BACKEND_MODULES = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)


def _leaf_backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring.backends.chainer.ChainerBackend
        return [b for sub in inner for b in _leaf_backends(sub)]
    return [backend]


def is_real_backend(backend: KeyringBackend) -> bool:
    leaves = _leaf_backends(backend)
    return bool(leaves) and all(type(b).__module__.startswith(REAL_BACKEND_MODULES) for b in leaves)


def select_real_backend(backend: KeyringBackend) -> KeyringBackend | None:
    """The highest-priority real OS backend in ``backend`` (which may be a chain), or ``None``.

    A chain is never used as a whole: it would fall back to its next backend — possibly a
    plaintext one — when the OS keyring is locked or fails.
    """
    real = [b for b in _leaf_backends(backend) if is_real_backend(b)]
    return real[0] if real else None


def backend_name(backend: KeyringBackend | None = None) -> str:
    backend = backend or keyring.get_keyring()
    return ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in _leaf_backends(backend))


class KeyringSlot:
    """Stores one vault's data key in the OS keyring under ``brugdesk`` / vault id.

    ``backend`` defaults to the OS backend keyring chose; it is then checked to be real.
    Tests pass an explicit backend (an in-memory one), which is trusted as given.
    """

    def __init__(self, vault_id: str, backend: KeyringBackend | None = None) -> None:
        self.vault_id = vault_id
        self._explicit = backend is not None
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            chosen = select_real_backend(keyring.get_keyring())
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
