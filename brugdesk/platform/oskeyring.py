"""The OS keyring behind "onthoud op deze computer": which backends count, and how each is set up.

``keyring`` chooses a backend by priority; brugdesk uses it only when it is the system's own
protected store (:func:`select_real_backend`) and never a chain as a whole, which would fall
back to its next backend — possibly a plaintext file — when the OS store is locked or fails:

* **Windows** — ``keyring.backends.Windows.WinVaultKeyring``: the Windows Credential Manager
  (a generic credential, encrypted with DPAPI under the user's logon; readable by any program of
  that user). ``keyring`` stores with ``CRED_PERSIST_ENTERPRISE`` by default, which a roaming
  profile — common on school and domain accounts — copies to the server and to every computer the
  officer logs on to. "On this computer" means this computer: :func:`prepare` sets
  ``CRED_PERSIST_LOCAL_MACHINE``. Needs ``pywin32-ctypes`` (a dependency of ``keyring`` there).
* **macOS** — ``keyring.backends.macOS.Keyring``: the login keychain, unlocked with the user's
  login. The keychain asks again after an update when the app is not signed with the same
  identity.
* **Linux** — the Secret Service on the session D-Bus (``SecretService``, or ``libsecret``):
  GNOME Keyring or KWallet's Secret Service, unlocked with the login; or ``kwallet`` directly.
  Without a desktop session (SSH, a container) there is none and the key is simply not
  remembered.

Everything else — ``fail``, ``null``, ``keyrings.alt``'s plaintext and encrypted files, a chain —
is refused; the officer then unlocks with the passphrase. ``--selftest`` names the backend
(:func:`backend_name`).
"""

from __future__ import annotations

from typing import Any

from keyring.backend import KeyringBackend

from brugdesk.platform import LINUX, MACOS, WINDOWS

#: keyring's module of each system's own store
BACKEND_MODULES: dict[str, tuple[str, ...]] = {
    WINDOWS: ("keyring.backends.Windows",),
    MACOS: ("keyring.backends.macOS",),
    LINUX: ("keyring.backends.SecretService", "keyring.backends.libsecret", "keyring.backends.kwallet"),
}
#: every module of a backend that keeps secrets in an OS-protected store
REAL_BACKEND_MODULES: tuple[str, ...] = tuple(m for mods in BACKEND_MODULES.values() for m in mods)

#: ``CRED_PERSIST_LOCAL_MACHINE`` (wincred.h): kept on this computer, not roamed with the profile
CRED_PERSIST_LOCAL_MACHINE = 2


def leaf_backends(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backends in ``backend`` (itself, or those of a ``ChainerBackend``, flattened)."""
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring.backends.chainer.ChainerBackend
        return [b for sub in inner for b in leaf_backends(sub)]
    return [backend]


def system_of(backend: KeyringBackend) -> str | None:
    """The system whose own store ``backend`` is (:data:`~brugdesk.platform.WINDOWS`, …), or ``None``."""
    module = type(backend).__module__
    for system, modules in BACKEND_MODULES.items():
        if module.startswith(modules):
            return system
    return None


def is_real_backend(backend: KeyringBackend) -> bool:
    leaves = leaf_backends(backend)
    return bool(leaves) and all(system_of(b) is not None for b in leaves)


def prepare(backend: Any) -> Any:
    """Set ``backend`` up for brugdesk: on Windows, keep the credential on this computer."""
    if system_of(backend) == WINDOWS:
        backend.persist = CRED_PERSIST_LOCAL_MACHINE
    return backend


def select_real_backend(backend: KeyringBackend) -> KeyringBackend | None:
    """The highest-priority real OS backend in ``backend`` (which may be a chain), prepared, or ``None``.

    A chain is never used as a whole: it would fall back to its next backend — possibly a
    plaintext one — when the OS keyring is locked or fails.
    """
    real = [b for b in leaf_backends(backend) if is_real_backend(b)]
    return prepare(real[0]) if real else None


def backend_name(backend: KeyringBackend) -> str:
    """``module.Class`` of each backend in ``backend`` (for ``--selftest``; no secret in it)."""
    return ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in leaf_backends(backend))


__all__ = ["BACKEND_MODULES", "CRED_PERSIST_LOCAL_MACHINE", "REAL_BACKEND_MODULES", "backend_name", "is_real_backend",
           "leaf_backends", "prepare", "select_real_backend", "system_of"]
