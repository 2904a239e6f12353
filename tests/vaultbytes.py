"""Test helpers that look at a vault's bytes: canary strings and decrypted SQLCipher pages.

``decrypted_pages`` decrypts every page of a SQLCipher 4 file (raw 32-byte key, 4096-byte
pages, 80 reserved bytes: 16-byte IV + 64-byte HMAC) *including free pages*, so a test can
prove that deleted text survives nowhere in the file — not just that no row holds it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80


def canary(label: str = "kanarie") -> str:
    """A unique string that never occurs by chance (with ĳ/ë so UTF-8 and UTF-16 both matter)."""
    return f"{label}ĳë{secrets.token_hex(6)}"


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le")]


def decrypted_pages(path: Path, key: bytes) -> Iterator[bytes]:
    raw = Path(path).read_bytes()
    for offset in range(0, len(raw) - len(raw) % PAGE, PAGE):
        page = raw[offset : offset + PAGE]
        start = 16 if offset == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        yield dec.update(page[start : PAGE - RESERVE]) + dec.finalize()


def plaintext_of(path: Path, key: bytes) -> bytes:
    return b"".join(decrypted_pages(path, key))


def files_under(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).rglob("*") if p.is_file())


def occurrences(needles: Iterable[str], blobs: dict[str, bytes]) -> list[tuple[str, str]]:
    """(needle, where) for every needle found in any blob, as UTF-8 or UTF-16-LE."""
    found = []
    for needle in needles:
        for where, blob in blobs.items():
            if any(enc in blob for enc in encodings(needle)):
                found.append((needle, where))
    return found


def raw_files(directory: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in files_under(directory)}


def dump(conn: Any) -> str:
    """Every row of every table, as text (read with the key)."""
    out = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in conn.execute(f'SELECT * FROM "{name}"'):
            out.append(f"{name}: {row!r}")
    return "\n".join(out)
