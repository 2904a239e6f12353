"""The key-slot file: the data key wrapped under the officer's passphrase.

The file (``keyslots.json`` in the vault) holds no secret in the clear:

* a *passphrase slot*: scrypt (memory-hard; n=2^17, r=8, p=1 takes ≈0.5 s and 128 MiB here)
  derives a key-encryption key from the passphrase; AES-256-GCM wraps the data key, with the
  vault id and slot kind as associated data, so slots cannot be swapped between vaults;
* whether the officer opted in to the OS keyring (the key itself then lives in the keyring);
* a key check value (HMAC of a constant under the data key) so a wrong recovery key can be
  told apart from a damaged database;
* the last :data:`ANCHORS_KEPT` *anchors* of the audit log: the number of
  entries, the hash of the newest entry and the date, taken when a PDF was exported, a backup
  made, a family erased or a backup restored; ``brugdesk check`` verifies that the chain in the
  database still holds each of them. And ``erasures``: how many families the erasure ledger
  accounted for at most (a ledger that lost entries is noticed). Both say nothing about a family.

Writes are atomic (:func:`brugdesk.fsutil.write_atomic`): a temporary file in the same
directory, fsync, rename, fsync of the directory. A passphrase change therefore leaves either
the old or the new file, never neither.

Writes are also a **compare-and-swap**: :func:`write_slots` takes an exclusive lock
(``keyslots.lock`` beside the file, held only while writing), reads the file again and writes
only when it is still the file this copy was read from (or last written as); otherwise it raises
:class:`~brugdesk.errors.StaleKeyFile` and changes nothing. So an app that stayed unlocked while
``brugdesk passwd`` changed the passphrase cannot write its old copy back, and of two
passphrase changes at once exactly one succeeds. Each write raises the file's ``generation``.

Passphrases are NFC-normalised before scrypt (an "é" typed as one character or as "e" plus an
accent gives the same key); a slot made before that, from another form, still opens
(:meth:`PassphraseSlot.unwrap` tries the other forms and says when the slot should be re-made).
The scrypt parameters read from the file are checked against sane bounds *before* scrypt
runs, so a damaged or hostile key file cannot make brugdesk allocate gigabytes.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import stat
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from brugdesk.core.validation import validate_passphrase
from brugdesk.errors import KeySlotDamaged, StaleKeyFile, VaultLocked, WrongPassphrase
from brugdesk.fsutil import replace, write_atomic
from brugdesk.platform import locks

SLOT_FILE = "keyslots.json"
LOCK_FILE = "keyslots.lock"
FORMAT_VERSION = 1
#: how many audit-log anchors the key file keeps (the newest)
ANCHORS_KEPT = 20
#: a key file is a few hundred bytes; anything this large is not one
MAX_FILE_SIZE = 64 * 1024
#: how long a key-file write waits for another one to finish
LOCK_WAIT = 30.0

#: scrypt cost; n=2**17 takes about 0.5 s on this project's reference machine (≥ 0.25 s required).
DEFAULT_SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def key_check_value(data_key: bytes) -> str:
    return hmac.new(data_key, b"brugdesk key check v1", hashlib.sha256).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


#: bounds on the scrypt parameters a key file may ask for (checked before scrypt runs):
#: n a power of two from 2**10 to 2**20, r 1..16, p 1..4, and at most 256 MiB of memory (128*n*r)
SCRYPT_N_RANGE = (2**10, 2**20)
SCRYPT_MAX_R = 16
SCRYPT_MAX_P = 4
SCRYPT_MAX_MEMORY = 256 * 2**20


def normalise(passphrase: str) -> str:
    """The form a passphrase is turned into a key from: Unicode NFC."""
    return unicodedata.normalize("NFC", passphrase)


def _forms(passphrase: str) -> list[str]:
    """NFC first, then the text as typed, then NFD: the forms an older slot may have been made from."""
    out: list[str] = []
    for form in (normalise(passphrase), passphrase, unicodedata.normalize("NFD", passphrase)):
        if form not in out:
            out.append(form)
    return out


def check_scrypt_parameters(n: int, r: int, p: int) -> None:
    """Refuse parameters outside sane bounds (:class:`KeySlotDamaged`), before any memory is used."""
    lo, hi = SCRYPT_N_RANGE
    sane = (all(type(v) is int for v in (n, r, p)) and lo <= n <= hi and n & (n - 1) == 0
            and 1 <= r <= SCRYPT_MAX_R and 1 <= p <= SCRYPT_MAX_P and 128 * n * r <= SCRYPT_MAX_MEMORY)
    if not sane:
        raise KeySlotDamaged("scrypt parameters")


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    check_scrypt_parameters(n, r, p)
    return hashlib.scrypt(
        passphrase.encode("utf-8", "surrogateescape"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**24, dklen=32
    )


@dataclass
class PassphraseSlot:
    salt: bytes
    nonce: bytes
    wrapped: bytes
    n: int = DEFAULT_SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def create(cls, data_key: bytes, passphrase: str, vault_id: str, n: int = DEFAULT_SCRYPT_N, *,
               check: bool = True) -> PassphraseSlot:
        """Wrap ``data_key`` under ``passphrase`` (its NFC form). ``check=False``: a passphrase that
        already opens the vault, made again (its length was checked when it was chosen)."""
        if check:
            validate_passphrase(passphrase)
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _kek(normalise(passphrase), salt, n, SCRYPT_R, SCRYPT_P)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(vault_id, "passphrase"))
        return cls(salt, nonce, wrapped, n, SCRYPT_R, SCRYPT_P)

    def unwrap(self, passphrase: str, vault_id: str) -> bytes:
        return self.unwrap_form(passphrase, vault_id)[0]

    def unwrap_form(self, passphrase: str, vault_id: str) -> tuple[bytes, bool]:
        """The data key, and whether it was a non-NFC form that opened it (the slot should be re-made)."""
        check_scrypt_parameters(self.n, self.r, self.p)
        for i, form in enumerate(_forms(passphrase)):
            kek = _kek(form, self.salt, self.n, self.r, self.p)
            try:
                return AESGCM(kek).decrypt(self.nonce, self.wrapped, _aad(vault_id, "passphrase")), i > 0
            except InvalidTag:
                continue
        raise WrongPassphrase()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "passphrase",
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: Any) -> PassphraseSlot:
        if not isinstance(data, dict) or data.get("kdf") != "scrypt":
            raise KeySlotDamaged()
        n, r, p = data["n"], data["r"], data["p"]
        check_scrypt_parameters(n, r, p)
        slot = cls(salt=_unb64(data["salt"]), nonce=_unb64(data["nonce"]), wrapped=_unb64(data["wrapped"]),
                   n=n, r=r, p=p)
        if len(slot.salt) < 16 or len(slot.nonce) != 12 or len(slot.wrapped) != 48:
            raise KeySlotDamaged()
        return slot


def _aad(vault_id: str, kind: str) -> bytes:
    return f"brugdesk:{vault_id}:{kind}".encode()


@dataclass(frozen=True)
class Anchor:
    """A point of the audit log kept outside the database: the chain held ``entries`` entries and
    the newest one had ``hash`` on ``date`` (ISO)."""

    entries: int
    hash: str
    date: str

    def to_json(self) -> dict[str, Any]:
        return {"entries": self.entries, "hash": self.hash, "date": self.date}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Anchor:
        entries, digest = int(data["entries"]), str(data["hash"])
        if entries < 1 or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError("anchor")
        return cls(entries, digest, str(data["date"]))


@dataclass
class KeySlots:
    vault_id: str
    key_check: str
    passphrase: PassphraseSlot | None = None
    keyring: bool = False  # opted in to "remember on this computer"
    #: during a data-key rotation: the slot for the *new* key, written before the database is rekeyed
    pending: PassphraseSlot | None = None
    pending_key_check: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    anchors: list[Anchor] = field(default_factory=list)
    #: the most families the erasure ledger ever accounted for (brugdesk/store/ledger.py)
    erasures: int = 0
    #: how many times the file was written (raised by every :func:`write_slots`)
    generation: int = 0
    #: SHA-256 of the file this copy was read from or last written as; "" when it has none (new)
    digest: str = field(default="", compare=False)

    def unwrap(self, passphrase: str) -> bytes:
        """The data key for ``passphrase``; raises :class:`WrongPassphrase`."""
        return self.unwrap_form(passphrase)[0]

    def unwrap_form(self, passphrase: str) -> tuple[bytes, bool]:
        """The data key, and whether the slot should be re-made under the NFC form of ``passphrase``."""
        if self.passphrase is None:
            raise KeySlotDamaged()
        return self.passphrase.unwrap_form(passphrase, self.vault_id)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "key_check": self.key_check,
            "keyring": self.keyring,
            "generation": self.generation,
            "slots": [self.passphrase.to_json()] if self.passphrase else [],
        }
        if self.pending is not None:
            data["pending"] = {"slot": self.pending.to_json(), "key_check": self.pending_key_check}
        if self.anchors:
            data["anchors"] = [a.to_json() for a in self.anchors]
        if self.erasures:
            data["erasures"] = self.erasures
        return data

    @classmethod
    def from_json(cls, data: Any) -> KeySlots:
        try:
            if not isinstance(data, dict) or data["format"] != FORMAT_VERSION:
                raise KeySlotDamaged()
            listed = data["slots"]
            if not isinstance(listed, list) or not all(isinstance(s, dict) for s in listed):
                raise KeySlotDamaged()
            slots = [PassphraseSlot.from_json(s) for s in listed if s.get("kind") == "passphrase"]
            pending = data.get("pending")
            if pending is not None and not isinstance(pending, dict):
                raise KeySlotDamaged()
            generation = data.get("generation", 0)
            if type(generation) is not int or generation < 0:
                raise KeySlotDamaged()
            return cls(
                vault_id=_text(data["vault_id"]),
                key_check=_text(data["key_check"]),
                passphrase=slots[0] if slots else None,
                keyring=data.get("keyring", False) is True,
                pending=PassphraseSlot.from_json(pending["slot"]) if pending else None,
                pending_key_check=_text(pending["key_check"]) if pending else "",
                anchors=[Anchor.from_json(a) for a in data.get("anchors", [])],
                erasures=max(0, int(data.get("erasures", 0))),
                generation=generation,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KeySlotDamaged() from exc


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise KeySlotDamaged()
    return value


def _read_raw(path: Path) -> bytes:
    """The key file's bytes; :class:`KeySlotDamaged` when it is not a regular file or far too large."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise
    except NotADirectoryError as exc:
        raise KeySlotDamaged("not a file") from exc
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_SIZE:
        raise KeySlotDamaged("not a key file")
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise KeySlotDamaged("not a file") from exc


def _parse(raw: bytes) -> KeySlots:
    try:
        slots = KeySlots.from_json(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise KeySlotDamaged() from exc
    slots.digest = hashlib.sha256(raw).hexdigest()
    return slots


def read_slots(vault_dir: Path) -> KeySlots:
    """The vault's key file. ``FileNotFoundError`` when there is none; :class:`KeySlotDamaged` when it is
    unreadable (not JSON, wrong shape, a folder, scrypt parameters out of bounds …)."""
    return _parse(_read_raw(Path(vault_dir) / SLOT_FILE))


def _current_digest(vault_dir: Path) -> str:
    """The digest of the usable key file on disk, or "" when it is missing or damaged."""
    try:
        return _parse(_read_raw(vault_dir / SLOT_FILE)).digest
    except (FileNotFoundError, KeySlotDamaged):
        return ""


_in_process = threading.Lock()  # one key-file write at a time in this process (flock is per description)


@contextlib.contextmanager
def _exclusive(vault_dir: Path) -> Iterator[None]:
    """Hold the key file's write lock (``keyslots.lock``), waiting up to :data:`LOCK_WAIT` seconds."""
    with _in_process:
        fd = os.open(vault_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            if not locks.wait_lock(fd, shared=False, timeout=LOCK_WAIT):
                raise VaultLocked("key file")
            try:
                yield
            finally:
                locks.unlock(fd)
        finally:
            os.close(fd)


def check_fresh(vault_dir: Path, slots: KeySlots | None) -> None:
    """:class:`StaleKeyFile` when the key file on disk is no longer the one ``slots`` came from."""
    with _exclusive(Path(vault_dir)):
        if _current_digest(Path(vault_dir)) != (slots.digest if slots is not None else ""):
            raise StaleKeyFile()


def write_slots(vault_dir: Path, slots: KeySlots) -> None:
    """Compare-and-swap the key file: write ``slots`` only when the file on disk is still the one it was
    read from (a new copy: when there is no usable file); else :class:`StaleKeyFile`, nothing written.

    The write itself is atomic (temporary file, fsync, rename, fsync directory). A damaged entry
    that is replaced (say a folder named ``keyslots.json``) is kept aside as
    ``keyslots.json.damaged-<time>``.
    """
    vault_dir = Path(vault_dir)
    with _exclusive(vault_dir):
        if _current_digest(vault_dir) != slots.digest:
            raise StaleKeyFile()
        path = vault_dir / SLOT_FILE
        if not slots.digest and os.path.lexists(path):
            aside = path.with_name(f"{SLOT_FILE}.damaged-{dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}")
            replace(path, aside)
        generation = slots.generation + 1
        raw = json.dumps({**slots.to_json(), "generation": generation}, indent=2).encode("utf-8")
        write_atomic(path, raw)
        slots.generation, slots.digest = generation, hashlib.sha256(raw).hexdigest()


def update_record(vault_dir: Path, *, anchor: Anchor | None = None, erasures: int | None = None,
                  keep: Any = None) -> KeySlots | None:
    """Add an audit-log anchor and/or raise the erasure count in the key file (read afresh, so
    nothing another writer put there is lost); ``keep(anchor) -> bool`` drops the anchors it
    rejects. Returns the key slots as written, or ``None`` when there is no usable key file (a
    vault opened with the recovery key after losing it): there is nothing to anchor in then."""
    for attempt in range(5):
        try:
            slots = read_slots(vault_dir)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError, KeySlotDamaged):
            return None
        anchors = [a for a in slots.anchors if keep is None or keep(a)]
        if anchor is not None and not any(a.entries == anchor.entries and a.hash == anchor.hash for a in anchors):
            anchors.append(anchor)
        anchors = anchors[-ANCHORS_KEPT:]
        count = slots.erasures if erasures is None else max(slots.erasures, erasures)
        if anchors == slots.anchors and count == slots.erasures:
            return slots
        slots.anchors, slots.erasures = anchors, count
        try:
            write_slots(vault_dir, slots)  # compare-and-swap: another writer in between -> read again
        except StaleKeyFile:
            if attempt == 4:
                raise
            continue
        return slots
    raise AssertionError("unreachable")  # pragma: no cover
