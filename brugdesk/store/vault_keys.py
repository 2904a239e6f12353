"""Changing a vault's keys: a new passphrase, a new data key ("new recovery key") in crash-safe
steps, finishing a rotation that a crash interrupted, and the OS-keyring opt-in.

:class:`~brugdesk.store.vault.Vault` offers these as its methods; the code lives here so the vault
module keeps to opening, closing and the vault's state.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from keyring.backend import KeyringBackend

from brugdesk.core.validation import ValidationError, validate_passphrase
from brugdesk.errors import (
    DiskFull,
    KeyringUnavailable,
    KeyRotationFailed,
    VaultDamaged,
    VaultError,
    WrongPassphrase,
    classify,
)
from brugdesk.i18n import N_, _
from brugdesk.keys.keyring_slot import KeyringSlot
from brugdesk.keys.recovery import format_recovery_key
from brugdesk.keys.slots import (
    DEFAULT_SCRYPT_N,
    KeySlots,
    PassphraseSlot,
    check_fresh,
    key_check_value,
    new_data_key,
    write_slots,
)
from brugdesk.store import audit, connection, integrity, inuse, ledger
from brugdesk.store.audit import Action
from brugdesk.store.changes import Change, What
from brugdesk.store.connection import db_path

if TYPE_CHECKING:
    from brugdesk.store.vault import Vault

log = logging.getLogger(__name__)


def change_passphrase(vault: Vault, new_passphrase: str, *, scrypt_n: int = DEFAULT_SCRYPT_N) -> None:
    """Rewrap the data key under ``new_passphrase`` (atomic: old or new works, never neither).

    The new passphrase must be strong enough (:func:`~brugdesk.core.validation.validate_passphrase`)
    and differ from the current one (:class:`ValidationError`). Refused with
    :class:`~brugdesk.errors.StaleKeyFile` when another window or command changed the key file
    since this vault was unlocked. Opened with the recovery key and without a usable key file,
    this writes a fresh key file.
    """
    validate_passphrase(new_passphrase, strength=True)
    vault_id = vault.vault_id
    if vault.slots is not None and vault.slots.passphrase is not None:
        try:
            vault.slots.unwrap(new_passphrase)
        except WrongPassphrase:
            pass
        else:
            raise ValidationError({"passphrase": _(N_("The new passphrase is the same as the current one."))})
    slots = (copy.deepcopy(vault.slots) if vault.slots is not None
             else KeySlots(vault_id=vault_id, key_check=key_check_value(vault.data_key)))
    slots.passphrase = PassphraseSlot.create(vault.data_key, new_passphrase, vault_id, n=scrypt_n)
    slots.key_check = key_check_value(vault.data_key)
    write_slots(vault.directory, slots)
    vault.slots = slots
    with vault.transaction():
        audit.append(vault.conn, Action.PASSPHRASE_CHANGE)
        vault.changes.emit(Change.of(What.KEYS))

def rotate_data_key(vault: Vault, passphrase: str, *, scrypt_n: int = DEFAULT_SCRYPT_N,
                    keyring_backend: KeyringBackend | None = None) -> str:
    """"New recovery key": a new data key, the database rekeyed, every slot re-wrapped.

    Returns the new recovery key (show it once). Crash-safe at every step:

    1. the slot file gets a *pending* slot with the new key wrapped under ``passphrase``
       (the old slot stays);
    2. ``PRAGMA rekey`` rewrites every page in one transaction (killed halfway, the old
       key still opens the database — checked by ``tests/reliability``);
    3. the slot file keeps only the new key; then the OS keyring (if opted in) is updated.

    When the process dies between the steps, :meth:`open` finds the pending slot and keeps
    whichever key opens the database. ``passphrase`` must be the current passphrase.

    Another process that has the vault open could no longer read it after the rekey: the
    rotation takes the folder's exclusive in-use lock first and refuses with
    :class:`~brugdesk.errors.VaultInUse` (nothing changed) while anyone else has it open.
    """
    with inuse.exclusive(vault.directory, own=vault.in_use):
        return _rotate_data_key(vault, passphrase, scrypt_n=scrypt_n, keyring_backend=keyring_backend)

def _rotate_data_key(vault: Vault, passphrase: str, *, scrypt_n: int, keyring_backend: KeyringBackend | None) -> str:
    vault_id = vault.vault_id
    old_key = vault.data_key
    slots = vault.slots
    if slots is None or slots.passphrase is None:
        # the key file was lost (opened with the recovery key): write one first
        slots = KeySlots(vault_id=vault_id, key_check=key_check_value(old_key),
                         passphrase=PassphraseSlot.create(old_key, passphrase, vault_id, n=scrypt_n))
        write_slots(vault.directory, slots)
        vault.slots = slots
    elif slots.unwrap(passphrase) != old_key:
        raise WrongPassphrase()
    new_key = new_data_key()
    pending = PassphraseSlot.create(new_key, passphrase, vault_id, n=scrypt_n)
    slots.pending, slots.pending_key_check = pending, key_check_value(new_key)
    try:
        # the erasure ledger readable with either key from here on, then the pending slot (step 1)
        reseal_ledger(vault.directory, old_key, [old_key, new_key])
        write_slots(vault.directory, slots)  # step 1
    except BaseException:
        slots.pending, slots.pending_key_check = None, ""
        reseal_ledger(vault.directory, old_key, [old_key])
        raise
    try:
        # step 2, in rollback-journal mode: killed halfway, the journal restores the old pages
        # (in WAL mode a kill after SQLCipher's partial writes left pages the check rejects)
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        vault.conn.execute("PRAGMA journal_mode = DELETE")
        connection.rekey(vault.conn, new_key)
    except BaseException as exc:
        # After a failed rekey the connection's cipher state is not to be trusted: reopen
        # with whichever key opens the file now (the old one, unless the rekey committed).
        if _reopen_after_rekey(vault, old_key, new_key) is not new_key:
            slots.pending, slots.pending_key_check = None, ""
            try:
                write_slots(vault.directory, slots)
                reseal_ledger(vault.directory, old_key, [old_key])
            except OSError:
                log.warning("could not drop the pending slot; it is dropped at the next unlock")
            if isinstance(exc, Exception):
                known = classify(exc)
                raise (known if isinstance(known, DiskFull) else KeyRotationFailed(type(exc).__name__)) from None
            raise
    else:
        vault.conn.execute("PRAGMA journal_mode = WAL")
    vault._data_key = new_key
    slots.passphrase, slots.key_check = pending, key_check_value(new_key)
    slots.pending, slots.pending_key_check = None, ""
    write_slots(vault.directory, slots)  # step 3
    reseal_ledger(vault.directory, new_key, [new_key])
    if slots.keyring:
        try:
            KeyringSlot(vault_id, keyring_backend).store(new_key)
        except KeyringUnavailable:
            log.warning("the keyring could not be updated; unlock with the passphrase next time")
    with vault.transaction():
        audit.append(vault.conn, Action.KEY_ROTATION)
        vault.changes.emit(Change.of(What.KEYS))
    return format_recovery_key(new_key)

def _reopen_after_rekey(vault: Vault, old_key: bytes, new_key: bytes) -> bytes | None:
    """Close the connection and open it again with the key that works; that key (or ``None``)."""
    try:
        vault.conn.close()
    except connection.DatabaseError:
        log.info("closing after a failed rekey failed")
    for key in (old_key, new_key):
        try:
            vault.conn = connection.connect(db_path(vault.directory), key)
        except VaultError:
            continue
        vault._data_key = key
        return key
    return None

def remember_on_this_computer(vault: Vault, enable: bool, backend: KeyringBackend | None = None) -> None:
    """Opt in to (or out of) the OS-keyring slot. Raises ``KeyringUnavailable`` when it cannot."""
    slot = vault.keyring_slot(backend)
    changes_file = vault.slots is not None and vault.slots.keyring != enable
    if changes_file:
        check_fresh(vault.directory, vault.slots)  # a stale copy is refused before the keyring is touched
    if enable:
        slot.store(vault.data_key)
    else:
        slot.forget()
    if changes_file:
        assert vault.slots is not None
        slots = copy.deepcopy(vault.slots)
        slots.keyring = enable
        write_slots(vault.directory, slots)
        vault.slots = slots


def finish_interrupted_rotation(directory: Path, slots: KeySlots, passphrase: str, old_key: bytes,
                                keyring_backend: KeyringBackend | None = None) -> bytes:
    """A key rotation was interrupted: whichever key opens the database wins; drop the other.

    The slot file then holds only the winning key (and the OS keyring is brought up to
    date when the officer opted in). Nothing is written to the database here.
    """
    assert slots.pending is not None
    new_key = slots.pending.unwrap(passphrase, slots.vault_id)
    db = db_path(directory)
    if integrity.has_journal(db):
        # killed during the rekey: a read-write open rolls the hot journal back (old key)
        try:
            connection.connect(db, old_key).close()
        except VaultError:
            log.info("rolling back the interrupted rekey failed")
    for key in (new_key, old_key):
        try:
            integrity.open_for_check(db, key).close()
        except connection.DatabaseError:
            continue
        if key is new_key:
            slots.passphrase = slots.pending
        slots.key_check = key_check_value(key)
        slots.pending, slots.pending_key_check = None, ""
        write_slots(directory, slots)
        reseal_ledger(directory, key, [key])
        if key is new_key and slots.keyring:
            try:
                KeyringSlot(slots.vault_id, keyring_backend).store(key)
            except KeyringUnavailable:
                log.warning("the keyring could not be updated after a key rotation")
        return key
    raise VaultDamaged("neither key opens the database")


def reseal_ledger(directory: Path, read_key: bytes, keys: list[bytes]) -> None:
    """Write the erasure ledger again with a copy for each of ``keys`` (a key rotation). A missing
    ledger stays missing; one that cannot be read is left as it is (``brugdesk check`` reports it)."""
    try:
        book = ledger.read(directory, read_key)
    except ledger.LedgerDamaged:
        log.warning("the erasure ledger cannot be read; it was not re-encrypted")
        return
    if book is not None:
        ledger.write(directory, book, keys)
