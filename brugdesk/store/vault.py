"""The vault: one directory with the encrypted database, its key slots and backups.

Use :meth:`Vault.create` for a new vault (it returns the recovery key, shown once) and
:meth:`Vault.open` to unlock one with a passphrase, the recovery key, or the OS keyring.
The repositories (:mod:`brugdesk.store.repo`) hang off an open vault: ``vault.repo``.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import os
import uuid
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from brugdesk.core.validation import ValidationError, validate_passphrase
from brugdesk.errors import (
    DiskFull,
    KeyringUnavailable,
    KeyRotationFailed,
    KeySlotDamaged,
    NoSecretGiven,
    NotAFolder,
    ReadOnly,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
    classify,
)
from brugdesk.i18n import N_, _
from brugdesk.keys.keyring_slot import KeyringSlot
from brugdesk.keys.recovery import format_recovery_key, parse_recovery_key
from brugdesk.keys.slots import (
    DEFAULT_SCRYPT_N,
    SLOT_FILE,
    KeySlots,
    PassphraseSlot,
    check_fresh,
    key_check_value,
    new_data_key,
    read_slots,
    write_slots,
)
from brugdesk.store import audit, backup_copy, connection, integrity, inuse, ledger, schema
from brugdesk.store.audit import Action
from brugdesk.store.changes import Change, ChangeFeed, What
from brugdesk.store.repo import Repositories
from brugdesk.store.repo.reference import seed_defaults
from brugdesk.store.transaction import Transaction

log = logging.getLogger(__name__)

DB_FILE = "brugdesk.db"
BACKUP_DIR = "backups"


def read_meta(conn: Any, key: str) -> str | None:
    """A value of the database's ``meta`` table (the vault id, the officer, …), ``None`` when unset."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def db_path(directory: Path) -> Path:
    return Path(directory) / DB_FILE


def exists(directory: Path) -> bool:
    return db_path(directory).exists()


class Vault:
    """An unlocked vault. Close it with :meth:`close` (or use it as a context manager).

    While it is open it holds a shared "in use" lock on its folder (:mod:`brugdesk.store.inuse`):
    restoring a backup or a new recovery key in another process refuses meanwhile.
    """

    def __init__(self, directory: Path, conn: Any, data_key: bytes, slots: KeySlots | None,
                 in_use: inuse.SharedHold | None = None) -> None:
        self.directory = Path(directory)
        self.conn = conn
        self._data_key: bytes | None = data_key
        self.slots = slots
        #: this vault's share of the folder's in-use lock (released by :meth:`close`)
        self.in_use = in_use or inuse.SharedHold(self.directory)
        #: who hears of the changes committed through this vault (the app's session)
        self.changes = ChangeFeed(lambda: self.conn)
        self.repo = Repositories(self)
        #: erased families found in the database on unlock and erased again (the erasure ledger)
        self.reapplied = 0

    # ----------------------------------------------------------------- creation
    @classmethod
    def create(cls, directory: Path, passphrase: str, *, officer: str = "", role: str = "",
               language: str = "nl", scrypt_n: int = DEFAULT_SCRYPT_N) -> tuple[Vault, str]:
        """Create a new vault; returns it and the recovery key (to show once)."""
        directory = Path(directory)
        if exists(directory) or (directory / SLOT_FILE).exists():
            raise VaultExists(str(directory))
        validate_passphrase(passphrase, strength=True)
        os.umask(0o077)
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except (FileExistsError, NotADirectoryError):  # a file, or a path through a file
            raise NotAFolder(str(directory)) from None
        data_key = new_data_key()
        vault_id = uuid.uuid4().hex
        slots = KeySlots(
            vault_id=vault_id,
            key_check=key_check_value(data_key),
            passphrase=PassphraseSlot.create(data_key, passphrase, vault_id, n=scrypt_n),
        )
        conn = connection.connect(db_path(directory), data_key, create=True)
        try:
            schema.migrate(conn)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO meta (key, value) VALUES ('vault_id', ?)", (vault_id,))
            conn.execute("INSERT INTO meta (key, value) VALUES ('created', ?)", (dt.date.today().isoformat(),))
            conn.execute("INSERT INTO meta (key, value) VALUES ('officer', ?)", (officer,))
            conn.execute("INSERT INTO meta (key, value) VALUES ('officer_role', ?)", (role,))
            seed_defaults(conn, language)
            audit.append(conn, Action.CREATE_VAULT)
            conn.execute("COMMIT")
            write_slots(directory, slots)
        except BaseException:
            conn.close()
            for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", SLOT_FILE):
                (directory / name).unlink(missing_ok=True)
            raise
        try:
            hold = inuse.SharedHold.acquire(directory, create=True)
        except BaseException:
            conn.close()
            raise
        return cls(directory, conn, data_key, slots, hold), format_recovery_key(data_key)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, directory: Path, *, passphrase: str | None = None, recovery_key: str | None = None,
             use_keyring: bool = False, keyring_backend: KeyringBackend | None = None,
             migrate: bool = True) -> Vault:
        """Unlock with exactly one secret. Raises a :class:`VaultError` subclass.

        ``migrate=False`` (``brugdesk check``, which only reads): an older schema is left as it is,
        and the erasure ledger is not applied; the only write is the ``unlock`` audit entry.

        Nothing in the vault directory is written before the key is proven right. Waits (up to
        :data:`brugdesk.store.inuse.OPEN_WAIT` s) while another process restores the vault or
        gives it a new key; :class:`~brugdesk.errors.VaultBusy` after that.
        """
        directory = Path(directory)
        if not exists(directory):
            raise VaultNotFound(str(directory))
        # before the key file is read: a key rotation elsewhere holds the lock until it is done
        hold = inuse.SharedHold.acquire(directory, create=False)
        try:
            return cls._open(directory, hold, passphrase=passphrase, recovery_key=recovery_key,
                             use_keyring=use_keyring, keyring_backend=keyring_backend, migrate=migrate)
        except BaseException:
            hold.release()
            raise

    @classmethod
    def _open(cls, directory: Path, hold: inuse.SharedHold, *, passphrase: str | None, recovery_key: str | None,
              use_keyring: bool, keyring_backend: KeyringBackend | None, migrate: bool) -> Vault:
        slots: KeySlots | None
        try:
            slots = read_slots(directory)
        except FileNotFoundError:
            slots = None
        except KeySlotDamaged:
            if recovery_key is None:
                raise
            slots = None
        if recovery_key is not None:
            data_key = parse_recovery_key(recovery_key)
            if slots is not None and key_check_value(data_key) not in (slots.key_check, slots.pending_key_check):
                raise WrongRecoveryKey()
        elif passphrase is not None:
            if slots is None:
                raise KeySlotDamaged()
            data_key, rewrap = slots.unwrap_form(passphrase)
            if slots.pending is not None:
                data_key = cls._finish_interrupted_rotation(directory, slots, passphrase, data_key,
                                                            keyring_backend)
                rewrap = False
        elif use_keyring:
            if slots is None:
                raise KeySlotDamaged()
            data_key = KeyringSlot(slots.vault_id, keyring_backend).load()
            if key_check_value(data_key) not in (slots.key_check, slots.pending_key_check):
                # the keyring holds a key from before a key rotation
                raise KeyringUnavailable("stale item")
        else:
            raise NoSecretGiven()
        vault = cls.open_with_key(directory, data_key, slots, migrate=migrate, recovered=recovery_key is not None,
                                  in_use=hold)
        if passphrase is not None and rewrap and slots is not None and slots.passphrase is not None:
            vault._rewrap_normalised(passphrase)
        return vault

    def _rewrap_normalised(self, passphrase: str) -> None:
        """The slot was made from a non-NFC form of ``passphrase`` (before normalisation): make it again
        from the NFC form, so the passphrase opens however its accents are typed. Best effort."""
        assert self.slots is not None and self.slots.passphrase is not None
        n = self.slots.passphrase.n
        slots = copy.deepcopy(self.slots)
        slots.passphrase = PassphraseSlot.create(self.data_key, passphrase, slots.vault_id, n=n, check=False)
        try:
            write_slots(self.directory, slots)
        except (OSError, VaultError):
            log.info("the passphrase slot could not be re-made under the normalised passphrase")
            return
        self.slots = slots

    @classmethod
    def open_with_key(cls, directory: Path, data_key: bytes, slots: KeySlots | None = None, *,
                      migrate: bool = True, recovered: bool = False,
                      in_use: inuse.SharedHold | None = None) -> Vault:
        """Open with the data key itself. ``in_use``: the shared hold :meth:`open` took (on failure
        the caller releases it); without it one is taken here (and released on failure)."""
        directory = Path(directory)
        hold = in_use or inuse.SharedHold.acquire(directory, create=False)
        try:
            return cls._open_with_key(directory, data_key, slots, migrate, recovered, hold)
        except BaseException:
            if in_use is None:
                hold.release()
            raise

    @classmethod
    def _open_with_key(cls, directory: Path, data_key: bytes, slots: KeySlots | None, migrate: bool,
                       recovered: bool, hold: inuse.SharedHold) -> Vault:
        if integrity.has_journal(db_path(directory)):
            # a hot rollback journal (killed during a rekey): SQLite rolls it back on a read-write open
            try:
                connection.connect(db_path(directory), data_key).close()
            except VaultError:
                log.info("could not roll back a hot journal with this key")
        try:
            # Quick read-only check first: a damaged file is never opened for writing.
            integrity.check_on_open(db_path(directory), data_key)
            if not (os.access(db_path(directory), os.W_OK) and os.access(directory, os.W_OK)):
                # SQLite would open it read-only and create -wal/-shm files beside it: refuse first
                raise ReadOnly()
            conn = connection.connect(db_path(directory), data_key)
        except VaultDamaged:
            if recovered and (slots is None or slots.pending is not None):
                # no key file to tell a wrong key from a damaged file (or the key was just rotated)
                raise WrongRecoveryKey() from None
            raise
        try:
            hold.ensure()  # the key is proven right: the lock file may be made now (first open after an update)
            if schema.needs_migration(conn) and migrate:  # a newer schema is refused either way
                cls._migrate_with_backup(directory, conn, data_key)
            vault = cls(directory, conn, data_key, slots, hold)
            if migrate:  # not for ``brugdesk check``, which only reads (it reports erased families found)
                vault.reapplied = cls._apply_ledger(directory, conn, data_key)
            conn.execute("BEGIN IMMEDIATE")
            audit.append(conn, Action.UNLOCK)
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.close()
            known = classify(exc) if isinstance(exc, Exception) else None
            if known is not None and known is not exc:
                raise known from None  # e.g. a read-only file or folder: a clear message
            raise
        return vault

    @staticmethod
    def _apply_ledger(directory: Path, conn: Any, data_key: bytes) -> int:
        """Erase again the families the erasure ledger names that are in the database (an older
        database put in place by hand, or a crash between the ledger and the deletion); how many.
        A damaged ledger does not stop the unlock: ``brugdesk check`` and a restore report it."""
        try:
            book = ledger.read(directory, data_key)
        except ledger.LedgerDamaged:
            log.warning("the erasure ledger cannot be read")
            return 0
        if book is None:
            return 0
        from brugdesk.store.erasure import reapply

        return reapply(conn, book)

    @staticmethod
    def _migrate_with_backup(directory: Path, conn: Any, data_key: bytes) -> None:
        target = directory / BACKUP_DIR / backup_copy.backup_name(tag=f"pre-migration-v{schema.user_version(conn)}")
        backup_copy.backup_to(conn, data_key, target)
        schema.migrate(conn)
        conn.execute("BEGIN IMMEDIATE")
        audit.append(conn, Action.MIGRATE)
        conn.execute("COMMIT")

    @staticmethod
    def _finish_interrupted_rotation(directory: Path, slots: KeySlots, passphrase: str, old_key: bytes,
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
            _reseal_ledger(directory, key, [key])
            if key is new_key and slots.keyring:
                try:
                    KeyringSlot(slots.vault_id, keyring_backend).store(key)
                except KeyringUnavailable:
                    log.warning("the keyring could not be updated after a key rotation")
            return key
        raise VaultDamaged("neither key opens the database")

    # ------------------------------------------------------------------- state
    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultError("closed")
        return self._data_key

    @property
    def vault_id(self) -> str:
        return str(read_meta(self.conn, "vault_id"))

    def meta(self, key: str, default: str = "") -> str:
        value = read_meta(self.conn, key)
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def transaction(self) -> Transaction:
        return Transaction(self.conn)

    def close(self) -> None:
        """Close the connection and drop the key (checkpointing the WAL first); release the in-use lock."""
        if self._data_key is None:
            return
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except connection.DatabaseError:
            log.info("checkpoint on close failed")
        finally:
            try:
                self.conn.close()
            finally:
                self._data_key = None
                self.in_use.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------- keys
    def change_passphrase(self, new_passphrase: str, *, scrypt_n: int = DEFAULT_SCRYPT_N) -> None:
        """Rewrap the data key under ``new_passphrase`` (atomic: old or new works, never neither).

        The new passphrase must be strong enough (:func:`~brugdesk.core.validation.validate_passphrase`)
        and differ from the current one (:class:`ValidationError`). Refused with
        :class:`~brugdesk.errors.StaleKeyFile` when another window or command changed the key file
        since this vault was unlocked. Opened with the recovery key and without a usable key file,
        this writes a fresh key file.
        """
        validate_passphrase(new_passphrase, strength=True)
        vault_id = self.vault_id
        if self.slots is not None and self.slots.passphrase is not None:
            try:
                self.slots.unwrap(new_passphrase)
            except WrongPassphrase:
                pass
            else:
                raise ValidationError({"passphrase": _(N_("The new passphrase is the same as the current one."))})
        slots = (copy.deepcopy(self.slots) if self.slots is not None
                 else KeySlots(vault_id=vault_id, key_check=key_check_value(self.data_key)))
        slots.passphrase = PassphraseSlot.create(self.data_key, new_passphrase, vault_id, n=scrypt_n)
        slots.key_check = key_check_value(self.data_key)
        write_slots(self.directory, slots)
        self.slots = slots
        with self.transaction():
            audit.append(self.conn, Action.PASSPHRASE_CHANGE)
            self.changes.emit(Change.of(What.KEYS))

    def rotate_data_key(self, passphrase: str, *, scrypt_n: int = DEFAULT_SCRYPT_N,
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
        with inuse.exclusive(self.directory, own=self.in_use):
            return self._rotate_data_key(passphrase, scrypt_n=scrypt_n, keyring_backend=keyring_backend)

    def _rotate_data_key(self, passphrase: str, *, scrypt_n: int, keyring_backend: KeyringBackend | None) -> str:
        vault_id = self.vault_id
        old_key = self.data_key
        slots = self.slots
        if slots is None or slots.passphrase is None:
            # the key file was lost (opened with the recovery key): write one first
            slots = KeySlots(vault_id=vault_id, key_check=key_check_value(old_key),
                             passphrase=PassphraseSlot.create(old_key, passphrase, vault_id, n=scrypt_n))
            write_slots(self.directory, slots)
            self.slots = slots
        elif slots.unwrap(passphrase) != old_key:
            raise WrongPassphrase()
        new_key = new_data_key()
        pending = PassphraseSlot.create(new_key, passphrase, vault_id, n=scrypt_n)
        slots.pending, slots.pending_key_check = pending, key_check_value(new_key)
        try:
            # the erasure ledger readable with either key from here on, then the pending slot (step 1)
            _reseal_ledger(self.directory, old_key, [old_key, new_key])
            write_slots(self.directory, slots)  # step 1
        except BaseException:
            slots.pending, slots.pending_key_check = None, ""
            _reseal_ledger(self.directory, old_key, [old_key])
            raise
        try:
            # step 2, in rollback-journal mode: killed halfway, the journal restores the old pages
            # (in WAL mode a kill after SQLCipher's partial writes left pages the check rejects)
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.execute("PRAGMA journal_mode = DELETE")
            connection.rekey(self.conn, new_key)
        except BaseException as exc:
            # After a failed rekey the connection's cipher state is not to be trusted: reopen
            # with whichever key opens the file now (the old one, unless the rekey committed).
            if self._reopen_after_rekey(old_key, new_key) is not new_key:
                slots.pending, slots.pending_key_check = None, ""
                try:
                    write_slots(self.directory, slots)
                    _reseal_ledger(self.directory, old_key, [old_key])
                except OSError:
                    log.warning("could not drop the pending slot; it is dropped at the next unlock")
                if isinstance(exc, Exception):
                    known = classify(exc)
                    raise (known if isinstance(known, DiskFull) else KeyRotationFailed(type(exc).__name__)) from None
                raise
        else:
            self.conn.execute("PRAGMA journal_mode = WAL")
        self._data_key = new_key
        slots.passphrase, slots.key_check = pending, key_check_value(new_key)
        slots.pending, slots.pending_key_check = None, ""
        write_slots(self.directory, slots)  # step 3
        _reseal_ledger(self.directory, new_key, [new_key])
        if slots.keyring:
            try:
                KeyringSlot(vault_id, keyring_backend).store(new_key)
            except KeyringUnavailable:
                log.warning("the keyring could not be updated; unlock with the passphrase next time")
        with self.transaction():
            audit.append(self.conn, Action.KEY_ROTATION)
            self.changes.emit(Change.of(What.KEYS))
        return format_recovery_key(new_key)

    def _reopen_after_rekey(self, old_key: bytes, new_key: bytes) -> bytes | None:
        """Close the connection and open it again with the key that works; that key (or ``None``)."""
        try:
            self.conn.close()
        except connection.DatabaseError:
            log.info("closing after a failed rekey failed")
        for key in (old_key, new_key):
            try:
                self.conn = connection.connect(db_path(self.directory), key)
            except VaultError:
                continue
            self._data_key = key
            return key
        return None

    def keyring_slot(self, backend: KeyringBackend | None = None) -> KeyringSlot:
        return KeyringSlot(self.vault_id, backend)

    def remember_on_this_computer(self, enable: bool, backend: KeyringBackend | None = None) -> None:
        """Opt in to (or out of) the OS-keyring slot. Raises ``KeyringUnavailable`` when it cannot."""
        slot = self.keyring_slot(backend)
        changes_file = self.slots is not None and self.slots.keyring != enable
        if changes_file:
            check_fresh(self.directory, self.slots)  # a stale copy is refused before the keyring is touched
        if enable:
            slot.store(self.data_key)
        else:
            slot.forget()
        if changes_file:
            assert self.slots is not None
            slots = copy.deepcopy(self.slots)
            slots.keyring = enable
            write_slots(self.directory, slots)
            self.slots = slots

    @property
    def recovery_key(self) -> str:
        return format_recovery_key(self.data_key)

    # ------------------------------------------------------------ audit anchors
    def anchor_audit(self, *, erasures: int | None = None, today: dt.date | None = None) -> str:
        """Keep the audit log's head as an anchor in the key file, and raise the
        key file's erasure count to ``erasures``; returns the code to print
        (:func:`brugdesk.store.audit.short_code`). Without a key file nothing is kept."""
        entries, digest = audit.head(self.conn)
        self.keep_anchor(entries, digest, erasures=erasures, today=today)
        return audit.short_code(entries, digest)

    def keep_anchor(self, entries: int, digest: str, *, erasures: int | None = None,
                    today: dt.date | None = None) -> None:
        """Keep an anchor taken earlier (the code printed on a report made on a worker) in the key file."""
        from brugdesk.keys.slots import Anchor, update_record

        try:
            slots = update_record(self.directory, erasures=erasures,
                                  anchor=Anchor(entries, digest, (today or dt.date.today()).isoformat()))
        except OSError:
            log.warning("the audit log could not be anchored in the key file")
        else:
            if slots is not None:
                self.slots = slots


def _reseal_ledger(directory: Path, read_key: bytes, keys: list[bytes]) -> None:
    """Write the erasure ledger again with a copy for each of ``keys`` (a key rotation). A missing
    ledger stays missing; one that cannot be read is left as it is (``brugdesk check`` reports it)."""
    try:
        book = ledger.read(directory, read_key)
    except ledger.LedgerDamaged:
        log.warning("the erasure ledger cannot be read; it was not re-encrypted")
        return
    if book is not None:
        ledger.write(directory, book, keys)
