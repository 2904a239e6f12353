"""Attachments (bijlagen): files on a family, a referral or a contact moment, kept inside the vault.

A file is stored in the encrypted database, never in a folder of its own: its bytes in chunks of
:data:`CHUNK` (``attachment_chunk``), written and read a piece at a time, so a 25 MB scan never
needs 25 MB of Python memory at once and no plaintext copy is written anywhere. :meth:`Attachments.chunks`
streams a file back (the app renders a PDF or an image from memory); :meth:`Attachments.export`
writes a copy on request through :func:`brugdesk.fsutil.atomic_output` (the UI warns that the copy
is not encrypted: :data:`EXPORT_WARNING`).

Which files are accepted: PDF, PNG, JPEG, Word/Excel/PowerPoint (old and new), OpenDocument, RTF and
plain text, each checked on its first bytes as well as its name; at most :data:`MAX_BYTES` each.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from brugdesk.core.model import Attachment
from brugdesk.errors import NotFound, VaultError
from brugdesk.i18n import N_
from brugdesk.store.audit import Action
from brugdesk.store.changes import What
from brugdesk.store.repo.base import Repo, timestamp
from brugdesk.store.schema import next_family_row_id

#: the largest file kept (a scanned form of a few pages is 1-5 MB)
MAX_BYTES = 25 * 1024 * 1024
#: the size of one stored piece of a file
CHUNK = 256 * 1024
#: the longest file name kept
MAX_NAME = 200

#: the warning the app shows before "Opslaan als…" writes a copy outside the vault
EXPORT_WARNING = N_("The copy you save is not encrypted: anyone who can open that folder can read it. Delete it "
                    "when you no longer need it, and do not keep it in a synchronised folder.")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
#: file name extension → (media type, the first bytes such a file starts with; b"" for plain text)
KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (_ZIP,)),
    ".odt": ("application/vnd.oasis.opendocument.text", (_ZIP,)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    ".doc": ("application/msword", (_OLE,)),
    ".xls": ("application/vnd.ms-excel", (_OLE,)),
    ".rtf": ("application/rtf", (b"{\\rtf",)),
    ".txt": ("text/plain", (b"",)),
}


class AttachmentTooLarge(VaultError):
    message = N_("This file is too large to keep in brugdesk (at most 25 MB).")
    hint = N_("Scan it again at a lower resolution, or save it as PDF with smaller images.")


class AttachmentKindRefused(VaultError):
    message = N_("brugdesk keeps PDF files, images (PNG, JPEG), office documents (Word, Excel, PowerPoint, "
                 "OpenDocument, RTF) and plain text; this file is none of these, or its content does not "
                 "match its name.")


class AttachmentDamaged(VaultError):
    message = N_("This attachment is damaged: its content no longer matches its checksum.")


def media_type(name: str, head: bytes) -> str:
    """The media type of a file called ``name`` that starts with ``head``; :class:`AttachmentKindRefused`
    when the kind is not kept or the content does not match the name."""
    kind = KINDS.get(Path(name).suffix.lower())
    if kind is None:
        raise AttachmentKindRefused()
    media, magics = kind
    if magics == (b"",):  # plain text: no NUL bytes
        if b"\x00" in head:
            raise AttachmentKindRefused()
        return media
    if not any(head.startswith(m) for m in magics):
        raise AttachmentKindRefused()
    return media


class Attachments(Repo):
    entity = "attachment"
    what = What.FAMILY
    per_family = True

    def add(self, family_id: int, name: str, data: bytes | BinaryIO, *, referral_id: int | None = None,
            contact_id: int | None = None) -> Attachment:
        """Keep a file (``data``: its bytes or a binary stream) on a family, or on one of its referrals or
        contacts. The whole file is written in one transaction, a chunk at a time: a file over
        :data:`MAX_BYTES` (:class:`AttachmentTooLarge`) or of a kind not kept
        (:class:`AttachmentKindRefused`) leaves nothing behind."""
        stream: BinaryIO = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
        name = Path(name.replace("\\", "/")).name.strip()[:MAX_NAME] or "bijlage"
        first = stream.read(CHUNK)
        kind = media_type(name, first[:4096])
        digest = hashlib.sha256()
        size = 0
        with self.tx():
            self._check_owner(family_id, referral_id, contact_id)
            attachment_id = next_family_row_id(self.conn, "attachment", family_id)
            added = timestamp()
            self.conn.execute(
                "INSERT INTO attachment (id, family_id, referral_id, contact_id, name, media_type, size, sha256, "
                "added_at) VALUES (?,?,?,?,?,?,0,'',?)",
                (attachment_id, family_id, referral_id, contact_id, name, kind, added))
            seq = 0
            piece = first
            while piece:
                size += len(piece)
                if size > MAX_BYTES:
                    raise AttachmentTooLarge(f"{size // (1024 * 1024)} MB+")  # rolled back: nothing kept
                digest.update(piece)
                self.conn.execute("INSERT INTO attachment_chunk (attachment_id, seq, data) VALUES (?, ?, ?)",
                                  (attachment_id, seq, bytes(piece)))
                seq += 1
                piece = stream.read(CHUNK)
            self.conn.execute("UPDATE attachment SET size = ?, sha256 = ? WHERE id = ?",
                              (size, digest.hexdigest(), attachment_id))
            self._audit(Action.CREATE, attachment_id)
            self._changed(What.FAMILY, family_id)
        return Attachment(family_id, name, kind, size, digest.hexdigest(), referral_id, contact_id,
                          dt.datetime.fromisoformat(added), attachment_id)

    def _check_owner(self, family_id: int, referral_id: int | None, contact_id: int | None) -> None:
        if self.conn.execute("SELECT 1 FROM family WHERE id = ?", (family_id,)).fetchone() is None:
            raise NotFound()
        for table, owner in (("referral", referral_id), ("contact", contact_id)):
            if owner is not None and self.conn.execute(
                    f"SELECT 1 FROM {table} WHERE id = ? AND family_id = ?", (owner, family_id)).fetchone() is None:
                raise NotFound()

    _SQL = ("SELECT id, family_id, name, media_type, size, sha256, referral_id, contact_id, added_at "
            "FROM attachment")

    @staticmethod
    def _row(r: Any) -> Attachment:
        return Attachment(int(r[1]), r[2], r[3], int(r[4]), r[5], r[6], r[7], dt.datetime.fromisoformat(r[8]),
                          int(r[0]))

    def list(self, family_id: int) -> builtins.list[Attachment]:
        """Every file of the family (also those on its referrals and contacts), oldest first."""
        return [self._row(r) for r in self.conn.execute(self._SQL + " WHERE family_id = ? ORDER BY id",
                                                        (family_id,))]

    def of_referral(self, referral_id: int) -> builtins.list[Attachment]:
        return [self._row(r) for r in self.conn.execute(self._SQL + " WHERE referral_id = ? ORDER BY id",
                                                        (referral_id,))]

    def of_contact(self, contact_id: int) -> builtins.list[Attachment]:
        return [self._row(r) for r in self.conn.execute(self._SQL + " WHERE contact_id = ? ORDER BY id",
                                                        (contact_id,))]

    def get(self, attachment_id: int) -> Attachment:
        row = self.conn.execute(self._SQL + " WHERE id = ?", (attachment_id,)).fetchone()
        if row is None:
            raise NotFound()
        return self._row(row)

    def chunks(self, attachment_id: int) -> Iterator[bytes]:
        """The file's bytes, a chunk at a time, checked against its SHA-256 at the end
        (:class:`AttachmentDamaged` when they differ)."""
        attachment = self.get(attachment_id)
        digest = hashlib.sha256()
        seq = 0
        while True:
            row = self.conn.execute("SELECT data FROM attachment_chunk WHERE attachment_id = ? AND seq = ?",
                                    (attachment_id, seq)).fetchone()
            if row is None:
                break
            data = bytes(row[0])
            digest.update(data)
            yield data
            seq += 1
        if digest.hexdigest() != attachment.sha256:
            raise AttachmentDamaged()

    def read(self, attachment_id: int) -> bytes:
        """The whole file in memory (for the viewer: a PDF page or an image is rendered from these bytes)."""
        with self.tx():  # one snapshot: the chunks of one version of the file
            data = b"".join(self.chunks(attachment_id))
            self._audit(Action.VIEW, attachment_id)
        return data

    def export(self, attachment_id: int, target: Path) -> Path:
        """Write a copy of the file to ``target`` ("Opslaan als…"; the copy is not encrypted: the UI shows
        :data:`EXPORT_WARNING` first). Atomic: ``target`` is the whole file or left as it was."""
        from brugdesk.fsutil import atomic_output

        target = Path(target)
        with self.tx(), atomic_output(target) as fh:
            for piece in self.chunks(attachment_id):
                fh.write(piece)
            self._audit(Action.EXPORT, attachment_id)
        return target

    def delete(self, attachment_id: int) -> None:
        family_id = self._family_of(attachment_id)
        if family_id is None:
            raise NotFound()
        with self.tx():
            self.conn.execute("DELETE FROM attachment_chunk WHERE attachment_id = ?", (attachment_id,))
            self.conn.execute("DELETE FROM attachment WHERE id = ?", (attachment_id,))
            self._audit(Action.DELETE, attachment_id)
            self._changed(What.FAMILY, family_id)

    def total_size(self) -> int:
        """The bytes of every file in the vault."""
        return int(self.conn.execute("SELECT coalesce(sum(size), 0) FROM attachment").fetchone()[0])
