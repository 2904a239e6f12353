"""The erasure ledger: which families were erased, kept *outside* the database.

Erasing a family (AVG art. 17) or purging it after its retention term deletes every row about it
from the database. A backup made before that still holds the family; restoring it would bring
the family back, together with its names and notes, while the deletion record and the audit entry
of the erasure went with the newer database. So every erasure is also written here, in the vault
folder beside the database, where a restore does not replace it, and after every restore (and on
every unlock) the ledger is applied again: a family it names is erased once more
(:func:`brugdesk.store.erasure.reapply`).

What an entry holds: the family's row id, the ``created_at`` of its row and its random ``uid``
(schema V5; ``''`` for families from before) — together they name *that* record: SQLite may give a
later family the same id — the date of the erasure and why (``erasure`` on request, ``retention``
after the term). No name, no reference code, nothing the officer typed. ``baseline`` counts
erasures whose records are not in the ledger: those made before it existed (an older vault) or
lost with a damaged ledger.

The file (``erasures.bdledger``) is JSON with one or two sealed *copies* of the ledger: AES-256-GCM
under a key derived from the data key with HKDF-SHA256, each marked with the key check value of
the data key it belongs to. There are two only while a data-key rotation is under way ("new
recovery key"): the copy for the new key is written before the database is re-keyed, the copy for
the old key dropped after, so whichever key the vault ends up with reads the ledger. Writes are
atomic (temporary file, fsync, rename).

A missing or damaged ledger is never silently replaced by an empty one: :func:`read` raises
:class:`LedgerDamaged`, :func:`status` tells ``brugdesk check`` why (missing while the database or
the key file records erasures, unreadable, or holding fewer erasures than they record), and only
:func:`restart` — after an erasure that must happen anyway, or a restore the officer confirmed —
starts a new one, keeping the damaged file aside and counting what it can no longer name.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from brugdesk import fsutil
from brugdesk.errors import KeySlotDamaged, Kind, VaultError
from brugdesk.i18n import N_
from brugdesk.keys.slots import read_slots

log = logging.getLogger(__name__)

LEDGER_FILE = "erasures.bdledger"
FORMAT = 1
DAMAGED_INFIX = ".damaged-"
_INFO = b"brugdesk erasure ledger v1"
_AAD = b"brugdesk:erasure-ledger:1"
#: ``meta`` key set in the database once the vault keeps a ledger
META_KEY = "erasure_ledger"


class LedgerDamaged(VaultError):
    """The ledger is missing while erasures are recorded, unreadable, or holds fewer than recorded."""

    message = N_("The list of erased families (erasures.bdledger in the vault folder) is missing or damaged: "
                 "restoring a backup could bring erased families back.")
    hint = N_("Nothing was changed. Put the file back from a copy of the vault folder, or see 'brugdesk check'.")
    kind = Kind.INTEGRITY


#: a family record's identity: (id, created_at, uid)
Identity = tuple[int, str, str]


def identities_of(conn: Any, family_ids: Sequence[int]) -> list[Identity]:
    """The identities of those of ``family_ids`` that are in ``conn``'s database (any schema version)."""
    from brugdesk.store.schema import has_column

    uid = "uid" if has_column(conn, "family", "uid") else "''"
    ids = sorted({int(i) for i in family_ids})
    out: list[Identity] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out += [(int(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
            f"SELECT id, created_at, {uid} FROM family WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
    return out


@dataclass(frozen=True)
class Erased:
    """One erased family, by the identity of its record (never its name or reference)."""

    family_id: int
    created_at: str
    date: str
    reason: str
    uid: str = ""

    @property
    def identity(self) -> Identity:
        return (self.family_id, self.created_at, self.uid)

    def to_json(self) -> dict[str, Any]:
        return {"family_id": self.family_id, "created_at": self.created_at, "uid": self.uid, "date": self.date,
                "reason": self.reason}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Erased:
        return cls(int(data["family_id"]), str(data["created_at"]), str(data["date"]), str(data["reason"]),
                   str(data.get("uid", "")))


@dataclass
class Ledger:
    entries: list[Erased] = field(default_factory=list)
    #: erasures this ledger cannot name (made before it existed, or lost with a damaged one)
    baseline: int = 0
    #: when this ledger was started (``""`` for the first one of a new vault)
    restarted: str = ""

    @property
    def count(self) -> int:
        """How many families this ledger accounts for (named or not)."""
        return self.baseline + len(self.entries)

    def identities(self) -> set[Identity]:
        return {e.identity for e in self.entries}

    def add(self, rows: Iterable[Identity], date: dt.date, reason: str) -> int:
        """Add the records not in the ledger yet; how many were added."""
        known = self.identities()
        added = 0
        for family_id, created_at, uid in rows:
            entry = Erased(int(family_id), str(created_at), date.isoformat(), reason, str(uid))
            if entry.identity in known:
                continue
            self.entries.append(entry)
            known.add(entry.identity)
            added += 1
        return added

    def to_json(self) -> dict[str, Any]:
        return {"entries": [e.to_json() for e in self.entries], "baseline": self.baseline,
                "restarted": self.restarted}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ledger:
        return cls([Erased.from_json(e) for e in data["entries"]], int(data.get("baseline", 0)),
                   str(data.get("restarted", "")))


def path_of(vault_dir: Path) -> Path:
    return Path(vault_dir) / LEDGER_FILE


def _key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(data_key)


def _key_check(data_key: bytes) -> str:
    from brugdesk.keys.slots import key_check_value

    return key_check_value(data_key)


def _seal(ledger: Ledger, data_key: bytes) -> dict[str, Any]:
    nonce = secrets.token_bytes(12)
    plain = json.dumps(ledger.to_json(), separators=(",", ":")).encode("utf-8")
    sealed = AESGCM(_key(data_key)).encrypt(nonce, plain, _AAD)
    return {"key_check": _key_check(data_key), "nonce": base64.b64encode(nonce).decode("ascii"),
            "data": base64.b64encode(sealed).decode("ascii")}


def _open(copy: dict[str, Any], data_key: bytes) -> Ledger:
    nonce = base64.b64decode(str(copy["nonce"]), validate=True)
    sealed = base64.b64decode(str(copy["data"]), validate=True)
    plain = AESGCM(_key(data_key)).decrypt(nonce, sealed, _AAD)
    return Ledger.from_json(json.loads(plain.decode("utf-8")))


def exists(vault_dir: Path) -> bool:
    return path_of(vault_dir).exists()


def read(vault_dir: Path, data_key: bytes) -> Ledger | None:
    """The ledger, or ``None`` when there is no ledger file. Raises :class:`LedgerDamaged` when the
    file cannot be read, was altered, or holds no copy for ``data_key``."""
    path = path_of(vault_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        raise LedgerDamaged("unreadable") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise LedgerDamaged("format")
        check = _key_check(data_key)
        for copy in data["copies"]:
            if isinstance(copy, dict) and copy.get("key_check") == check:
                return _open(copy, data_key)
    except LedgerDamaged:
        raise
    except (InvalidTag, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise LedgerDamaged("altered") from None
    raise LedgerDamaged("no copy for this key")


def write(vault_dir: Path, ledger: Ledger, data_keys: Sequence[bytes]) -> None:
    """Replace the ledger file atomically with copies sealed under each of ``data_keys``."""
    copies = [_seal(ledger, key) for key in dict.fromkeys(data_keys)]
    fsutil.write_atomic(path_of(vault_dir), json.dumps({"format": FORMAT, "copies": copies}, indent=1).encode("utf-8"))


def recorded_in_database(conn: Any) -> int:
    """How many families the database's deletion records say were erased or purged."""
    row = conn.execute("SELECT coalesce(sum(families), 0) FROM deletion_record").fetchone()
    return int(row[0])


def kept_in_database(conn: Any) -> bool:
    """Whether the database says the vault keeps a ledger (then a missing file is a problem)."""
    return conn.execute("SELECT 1 FROM meta WHERE key = ?", (META_KEY,)).fetchone() is not None


@dataclass(frozen=True)
class Facts:
    """What the database and the key file say about erasures (to judge the ledger by)."""

    recorded: int = 0  # families the deletion records count
    kept: bool = False  # the database says the vault keeps a ledger
    key_file: int = 0  # the key file's erasure count

    @property
    def expected(self) -> bool:
        return self.kept or self.key_file > 0

    @property
    def known(self) -> int:
        return max(self.recorded, self.key_file)


def key_file_erasures(directory: Any, fallback: Any = None) -> int:
    """The erasure count in the key file (the in-memory copy ``fallback`` when it cannot be read)."""
    try:
        return read_slots(directory).erasures
    except (OSError, KeySlotDamaged):
        return fallback.erasures if fallback is not None else 0


def facts(conn: Any | None, key_file: int = 0) -> Facts:
    """:class:`Facts` from ``conn`` (``None``, or a database that cannot be read: only the key file's)."""
    if conn is None:
        return Facts(key_file=key_file)
    try:
        return Facts(recorded_in_database(conn), kept_in_database(conn), key_file)
    except Exception:  # noqa: BLE001 - a damaged database tells nothing; the key file still does
        log.info("the database's erasure records could not be read")
        return Facts(key_file=key_file)


def mark_kept(conn: Any) -> None:
    """Record in the database that the vault keeps a ledger (inside the caller's transaction)."""
    conn.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING", (META_KEY,))


def load_for_change(vault_dir: Path, data_key: bytes, known: Facts) -> Ledger:
    """The ledger to add to: the one on disk, or a first one for a vault that never had one
    (its baseline: the erasures the database already records). Raises :class:`LedgerDamaged` when
    the file is missing although expected, unreadable, or holds fewer erasures than recorded."""
    ledger = read(vault_dir, data_key)
    if ledger is None:
        if known.expected:
            raise LedgerDamaged("missing")
        return Ledger(baseline=known.recorded)
    if ledger.count < known.known:
        raise LedgerDamaged("incomplete")
    return ledger


def fresh_after_damage(vault_dir: Path, data_key: bytes, *, known: int, today: dt.date | None = None) -> Ledger:
    """The ledger to go on with after a damaged, incomplete or missing one (nothing is written):
    its readable entries are kept (none when the file cannot be read), and ``baseline`` counts the
    erasures it can no longer name (``known``: the most any record says there were)."""
    today = today or dt.date.today()
    try:
        old = read(vault_dir, data_key)
    except LedgerDamaged:
        old = None
    entries = list(old.entries) if old is not None else []
    previous = old.count if old is not None else 0
    return Ledger(entries, max(known, previous, len(entries)) - len(entries), today.isoformat())


def set_aside(vault_dir: Path) -> Path | None:
    """Rename a damaged ledger file aside (``erasures.bdledger.damaged-<time>``; never deleted)."""
    path = path_of(vault_dir)
    if not path.exists():
        return None
    base = f"{LEDGER_FILE}{DAMAGED_INFIX}{dt.datetime.now():%Y%m%d-%H%M%S}"
    aside, n = path.with_name(base), 1
    while aside.exists():
        aside, n = path.with_name(f"{base}-{n}"), n + 1
    fsutil.replace(path, aside)
    return aside


def restart(vault_dir: Path, data_key: bytes, *, known: int, today: dt.date | None = None) -> Ledger:
    """:func:`fresh_after_damage`, with the damaged file set aside (the caller writes the new one)."""
    book = fresh_after_damage(vault_dir, data_key, known=known, today=today)
    set_aside(vault_dir)
    return book


@dataclass(frozen=True)
class LedgerStatus:
    """What ``brugdesk check`` says about the ledger (never an id or date of a family)."""

    ok: bool
    problem: str  # "", "missing", "damaged", "incomplete"
    count: int  # families the ledger accounts for
    named: int  # of which it names the record (those can be erased again)
    recorded: int  # what the database and the key file record (the most of the two)
    restarted: str
    back: int  # erased families that are in the database again


def status(vault_dir: Path, data_key: bytes, conn: Any, key_file: int) -> LedgerStatus:
    known = facts(conn, key_file)
    try:
        ledger = read(vault_dir, data_key)
    except LedgerDamaged:
        return LedgerStatus(False, "damaged", 0, 0, known.known, "", 0)
    if ledger is None:
        missing = known.expected
        return LedgerStatus(not missing, "missing" if missing else "", 0, 0, known.known, "", 0)
    back = len(present(conn, ledger))
    if ledger.count < known.known:
        return LedgerStatus(False, "incomplete", ledger.count, len(ledger.entries), known.known, ledger.restarted,
                            back)
    return LedgerStatus(back == 0, "back" if back else "", ledger.count, len(ledger.entries), known.known,
                        ledger.restarted, back)


def present(conn: Any, ledger: Ledger) -> list[int]:
    """Ids of the families in ``conn``'s database that the ledger says were erased."""
    wanted = ledger.identities()
    if not wanted:
        return []
    return sorted(ident[0] for ident in identities_of(conn, [ident[0] for ident in wanted]) if ident in wanted)
