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

from brugdesk.core.validation import validate_passphrase
from brugdesk.errors import (
    KeyringUnavailable,
    KeySlotDamaged,
    NoSecretGiven,
    NotAFolder,
    ReadOnly,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongRecoveryKey,
    classify,
)
from brugdesk.keys.keyring_slot import KeyringSlot
from brugdesk.keys.recovery import format_recovery_key, parse_recovery_key
from brugdesk.keys.slots import (
    DEFAULT_SCRYPT_N,
    SLOT_FILE,
    KeySlots,
    PassphraseSlot,
    key_check_value,
    new_data_key,
    read_slots,
    write_slots,
)
from brugdesk.store import audit, backup_copy, connection, integrity, inuse, ledger, schema, vault_keys
from brugdesk.store.audit import Action
from brugdesk.store.changes import ChangeFeed
from brugdesk.store.connection import DB_FILE as DB_FILE
from brugdesk.store.connection import db_path as db_path
from brugdesk.store.repo import Repositories
from brugdesk.store.repo.reference import seed_defaults
from brugdesk.store.transaction import Transaction

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"


def read_meta(conn: Any, key: str) -> str | None:
    """A value of the database's ``meta`` table (the vault id, the officer, …), ``None`` when unset."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


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
                data_key = vault_keys.finish_interrupted_rotation(directory, slots, passphrase, data_key,
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
        """Rewrap the data key under ``new_passphrase`` (:func:`brugdesk.store.vault_keys.change_passphrase`)."""
        vault_keys.change_passphrase(self, new_passphrase, scrypt_n=scrypt_n)

    def rotate_data_key(self, passphrase: str, *, scrypt_n: int = DEFAULT_SCRYPT_N,
                        keyring_backend: KeyringBackend | None = None) -> str:
        """"New recovery key": a new data key, the database rekeyed, every slot re-wrapped; the new
        recovery key (:func:`brugdesk.store.vault_keys.rotate_data_key`)."""
        return vault_keys.rotate_data_key(self, passphrase, scrypt_n=scrypt_n, keyring_backend=keyring_backend)

    def keyring_slot(self, backend: KeyringBackend | None = None) -> KeyringSlot:
        return KeyringSlot(self.vault_id, backend)

    def remember_on_this_computer(self, enable: bool, backend: KeyringBackend | None = None) -> None:
        """Opt in to (or out of) the OS-keyring slot. Raises ``KeyringUnavailable`` when it cannot."""
        vault_keys.remember_on_this_computer(self, enable, backend)

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

