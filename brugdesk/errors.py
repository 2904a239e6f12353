"""Known conditions, separated from bugs.

Every known condition is a :class:`VaultError` with a translated, personal-data-free
message, a way forward (``hint``) and its :class:`Kind`. Anything else is a bug: the UI shows
a crash dialog, the CLI a one-line "unexpected error" with no personal data. The CLI turns a
kind into its exit code (:mod:`brugdesk.cli`); this module knows nothing of exit codes.
"""

from __future__ import annotations

import enum
import errno
from typing import ClassVar

from brugdesk.i18n import N_, _
from brugdesk.platform.files import in_use


class Kind(enum.Enum):
    """What sort of failure a known condition is."""

    FAILED = "failed"  #: the operation did not succeed; nothing is known to be wrong with the vault
    UNLOCK = "unlock"  #: the vault cannot be unlocked with what was given
    INTEGRITY = "integrity"  #: a file is damaged or does not verify


class VaultError(Exception):
    """A known condition with a clear message. Subclasses set ``message``, ``hint`` and ``kind``."""

    message: ClassVar[str] = N_("The vault could not be used.")
    hint: ClassVar[str] = ""
    kind: ClassVar[Kind] = Kind.FAILED

    def __init__(self, detail: str = "") -> None:
        # ``detail`` must never hold personal data: only paths, counts, versions.
        self.detail = detail
        super().__init__(self.text())

    def text(self) -> str:
        text = _(self.message)
        if self.detail:
            text = f"{text} ({self.detail})"
        if self.hint:
            text = f"{text} {_(self.hint)}"
        return text


class WrongPassphrase(VaultError):
    message = N_("Wrong passphrase.")
    hint = N_("Check the passphrase, or use the recovery key.")
    kind = Kind.UNLOCK


class WrongRecoveryKey(VaultError):
    message = N_("This recovery key is not right: it does not open this vault.")
    hint = N_("Check it against your recovery sheet.")
    kind = Kind.UNLOCK


class MalformedRecoveryKey(VaultError):
    """The text cannot be a recovery key (wrong length, a symbol outside the alphabet, a typo in the last group)."""

    message = N_("This recovery key is not right: a recovery key has 52 letters and digits (A-Z and 2-7, in 13 "
                 "groups of 4).")
    hint = N_("Check what you typed against your recovery sheet (0, 1, 8 and 9 do not occur in it).")
    kind = Kind.UNLOCK


class NoSecretGiven(VaultError):
    message = N_("No passphrase or recovery key was given.")
    hint = N_("Type it at the prompt, or set BRUGDESK_PASSPHRASE, --passphrase-file or --recovery-key.")
    kind = Kind.UNLOCK


class KeyringUnavailable(VaultError):
    message = N_("The keyring is not available.")
    hint = N_("Unlock with your passphrase or recovery key.")
    kind = Kind.UNLOCK


class KeySlotDamaged(VaultError):
    message = N_("The key file of this vault is missing or damaged.")
    hint = N_("Open the vault with the recovery key and set a new passphrase; that writes a new key file.")
    kind = Kind.UNLOCK


class StaleKeyFile(VaultError):
    """This copy of the key file is older than the file on disk (another window or command changed it)."""

    message = N_("The key file was changed by another brugdesk window or command since this vault was "
                 "unlocked; nothing was changed.")
    hint = N_("Lock the vault and unlock it again (or run the command again), then try once more.")


class VaultNotFound(VaultError):
    message = N_("There is no vault here.")
    hint = N_("Create one with 'brugdesk init', or choose another folder with --vault.")


class NotAFolder(VaultError):
    message = N_("A vault is a folder, and this is a file (or lies inside a file); nothing was made.")
    hint = N_("Choose another place with --vault.")


class VaultExists(VaultError):
    message = N_("There is already a vault here; it was left untouched.")


class VaultDamaged(VaultError):
    message = N_("The vault is damaged and was not changed.")
    hint = N_("Restore the newest verified backup ('brugdesk restore').")
    kind = Kind.INTEGRITY


class NewerVault(VaultError):
    message = N_("This vault was made by a newer version of brugdesk.")
    hint = N_("Install the newest brugdesk to open it; nothing was changed.")


class MigrationFailed(VaultError):
    message = N_("Updating the vault to this version failed; the vault was left as it was.")


class CipherUnavailable(VaultError):
    message = N_("The encryption library is missing or too old (SQLCipher 4 is required).")


class DiskFull(VaultError):
    message = N_("The disk is full; the last change was not saved.")
    hint = N_("Free some space and try again.")


class ReadOnly(VaultError):
    message = N_("The vault cannot be written (read-only folder or file).")
    hint = N_("Check the folder's permissions, or copy the vault to a writable place.")


class FileInUse(VaultError):
    """Windows refused to replace a file because another program kept it open past the retries
    (:func:`brugdesk.platform.files.replace`)."""

    message = N_("A file could not be replaced: another program has it open (a virus scanner, a backup or sync "
                 "program, another brugdesk window) or it is read-only; nothing was changed.")
    hint = N_("Wait a moment or close that program, and try again.")


class VaultLocked(VaultError):
    message = N_("The vault is in use by another brugdesk window or program.")
    hint = N_("Close the other window and try again.")


class VaultInUse(VaultError):
    """Restoring a backup or a new recovery key, while the vault is open elsewhere (store/inuse.py)."""

    message = N_("The vault is still open in brugdesk (or in another brugdesk command); nothing was changed.")
    hint = N_("Close the app and try again.")


class VaultBusy(VaultError):
    """Opening, while another brugdesk process restores a backup or makes a new recovery key."""

    message = N_("Another brugdesk command is restoring a backup into this vault or giving it a new key.")
    hint = N_("Wait until it has finished and try again.")


class BackupFailed(VaultError):
    message = N_("The backup could not be made or did not pass verification; it was removed.")


class RestoreRefused(VaultError):
    """The candidate backup did not open with this vault's key or failed the checks."""

    message = N_("This backup cannot be restored: it does not open with this vault's key or did not pass "
                 "the integrity checks. Nothing was changed.")
    kind = Kind.INTEGRITY


class NotABackup(RestoreRefused):
    message = N_("This file is not a brugdesk backup (it is empty, incomplete, not encrypted or another kind of "
                 "file). Nothing was changed.")


class WrongBackupKey(RestoreRefused):
    message = N_("This backup does not open with this vault's key: it is another vault's backup, or not a "
                 "brugdesk backup. Nothing was changed.")
    hint = N_("To restore another vault's backup, say so with --other-vault and give that vault's recovery key.")


class NewerBackup(RestoreRefused):
    message = N_("This backup was made by a newer version of brugdesk. Nothing was changed.")
    hint = N_("Install the newest brugdesk to restore it.")


class DamagedBackup(RestoreRefused):
    message = N_("This backup is damaged or incomplete: it did not pass the integrity checks. Nothing was changed.")


class KeyRotationFailed(VaultError):
    message = N_("No new recovery key was made; the old recovery key and your passphrase still work.")
    hint = N_("Check that the disk has free space (about the size of the vault) and try again.")


class NotFound(VaultError):
    message = N_("That item does not exist (any more).")


class NotARegularFile(VaultError):
    """An output path that is a folder, a link, a device or a pipe: brugdesk never writes through or over it."""

    message = N_("This is not a regular file (it is a folder, a link or a device); nothing was written.")
    hint = N_("Choose another file name.")


def classify(exc: BaseException) -> VaultError | None:
    """Map a database/OS exception to a known condition, or ``None`` for a bug."""
    if isinstance(exc, VaultError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC or exc.errno == errno.EFBIG:
            return DiskFull()
        if in_use(exc):
            return FileInUse()
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnly()
        return None
    text = str(exc).lower()
    if "file is not a database" in text or "malformed" in text or "corrupt" in text:
        return VaultDamaged()
    if "disk is full" in text or "database or disk is full" in text or "disk i/o error" in text and "full" in text:
        return DiskFull()
    if "readonly" in text or "read-only" in text:
        return ReadOnly()
    if "unable to open database" in text:
        return ReadOnly()
    if "database is locked" in text or "database table is locked" in text:
        return VaultLocked()
    return None
