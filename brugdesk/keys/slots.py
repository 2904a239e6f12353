"""The key-slot file: the data key wrapped under the officer's passphrase.

The file (``keyslots.json`` in the vault) holds no secret in the clear:

* a *passphrase slot*: scrypt (memory-hard; n=2^17, r=8, p=1 takes ≈0.5 s and 128 MiB here)
  derives a key-encryption key from the passphrase; AES-256-GCM wraps the data key, with the
  vault id and slot kind as associated data, so slots cannot be swapped between vaults;
* whether the officer opted in to the OS keyring (the key itself then lives in the keyring);
* a key check value (HMAC of a constant under the data key) so a wrong recovery key can be
  told apart from a damaged database;
* the last :data:`ANCHORS_KEPT` *anchors* of the audit log (issue 12, item 17): the number of
  entries, the hash of the newest entry and the date, taken when a PDF was exported, a backup
  made, a family erased or a backup restored; ``brugdesk check`` verifies that the chain in the
  database still holds each of them. And ``erasures``: how many families the erasure ledger
  accounted for at most (a ledger that lost entries is noticed). Both say nothing about a family.

Writes are atomic (:func:`brugdesk.fsutil.write_atomic`): a temporary file in the same
directory, fsync, rename, fsync of the directory. A passphrase change therefore leaves either
the old or the new file, never neither.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from brugdesk.core.validation import validate_passphrase
from brugdesk.errors import KeySlotDamaged, WrongPassphrase
from brugdesk.fsutil import write_atomic

SLOT_FILE = "keyslots.json"
FORMAT_VERSION = 1
#: how many audit-log anchors the key file keeps (the newest)
ANCHORS_KEPT = 20

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


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**24, dklen=32
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
    def create(cls, data_key: bytes, passphrase: str, vault_id: str, n: int = DEFAULT_SCRYPT_N) -> PassphraseSlot:
        validate_passphrase(passphrase)
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _kek(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(vault_id, "passphrase"))
        return cls(salt, nonce, wrapped, n, SCRYPT_R, SCRYPT_P)

    def unwrap(self, passphrase: str, vault_id: str) -> bytes:
        kek = _kek(passphrase, self.salt, self.n, self.r, self.p)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped, _aad(vault_id, "passphrase"))
        except InvalidTag:
            raise WrongPassphrase() from None

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
    def from_json(cls, data: dict[str, Any]) -> PassphraseSlot:
        if data.get("kdf") != "scrypt":
            raise KeySlotDamaged()
        return cls(
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
        )


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

    def unwrap(self, passphrase: str) -> bytes:
        """The data key for ``passphrase``; raises :class:`WrongPassphrase`."""
        if self.passphrase is None:
            raise KeySlotDamaged()
        return self.passphrase.unwrap(passphrase, self.vault_id)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "key_check": self.key_check,
            "keyring": self.keyring,
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
    def from_json(cls, data: dict[str, Any]) -> KeySlots:
        try:
            if data["format"] != FORMAT_VERSION:
                raise KeySlotDamaged()
            slots = [PassphraseSlot.from_json(s) for s in data["slots"] if s.get("kind") == "passphrase"]
            pending = data.get("pending")
            return cls(
                vault_id=str(data["vault_id"]),
                key_check=str(data["key_check"]),
                passphrase=slots[0] if slots else None,
                keyring=bool(data.get("keyring", False)),
                pending=PassphraseSlot.from_json(pending["slot"]) if pending else None,
                pending_key_check=str(pending["key_check"]) if pending else "",
                anchors=[Anchor.from_json(a) for a in data.get("anchors", [])],
                erasures=max(0, int(data.get("erasures", 0))),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeySlotDamaged() from exc


def read_slots(vault_dir: Path) -> KeySlots:
    path = vault_dir / SLOT_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    try:
        return KeySlots.from_json(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KeySlotDamaged() from exc


def write_slots(vault_dir: Path, slots: KeySlots) -> None:
    """Atomically replace the key-slot file (temp file, fsync, rename, fsync directory)."""
    write_atomic(vault_dir / SLOT_FILE, json.dumps(slots.to_json(), indent=2).encode("utf-8"))


def update_record(vault_dir: Path, *, anchor: Anchor | None = None, erasures: int | None = None,
                  keep: Any = None) -> KeySlots | None:
    """Add an audit-log anchor and/or raise the erasure count in the key file (read afresh, so
    nothing another writer put there is lost); ``keep(anchor) -> bool`` drops the anchors it
    rejects. Returns the key slots as written, or ``None`` when there is no usable key file (a
    vault opened with the recovery key after losing it): there is nothing to anchor in then."""
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
    write_slots(vault_dir, slots)
    return slots

