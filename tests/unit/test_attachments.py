"""Attachments (bijlagen) kept inside the vault: added in chunks, read back byte-exact as a stream,
exported on request, refused above 25 MB or of a kind not kept (nothing left behind), erased with
the family, round-tripped through a backup and its restore, and never on disk in plaintext."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from pathlib import Path

import pytest

from brugdesk.core.model import Contact, Family, Partner, Referral
from brugdesk.errors import NotFound
from brugdesk.privacy import backup_policy
from brugdesk.privacy.restore import restore
from brugdesk.privacy.retention import REASON_ERASURE, erase
from brugdesk.store.repo.attachments import CHUNK, MAX_BYTES, AttachmentKindRefused, AttachmentTooLarge
from brugdesk.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.vaultbytes import raw_files

TODAY = dt.date(2026, 3, 1)


def pdf_bytes(size: int, marker: bytes = b"") -> bytes:
    """A file that starts like a PDF, ``size`` bytes long, random after the marker (no compression helps)."""
    head = b"%PDF-1.7\n" + marker
    return head + os.urandom(size - len(head))


@pytest.fixture
def family(new_vault: tuple[Vault, str]) -> tuple[Vault, int]:
    vault = new_vault[0]
    fam = vault.repo.families.create(Family("Fam. Bijlage", dt.date(2025, 9, 1)), today=TODAY)
    assert fam.id is not None
    return vault, fam.id


def _rows(vault: Vault, table: str) -> int:
    return int(vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_file_goes_in_as_chunks_and_comes_back_byte_exact(family: tuple[Vault, int], tmp_path: Path) -> None:
    vault, family_id = family
    data = pdf_bytes(3 * CHUNK + 1000)
    added = vault.repo.attachments.add(family_id, "C:\\Scans\\toestemming.pdf", io.BytesIO(data))
    assert (added.name, added.media_type, added.size) == ("toestemming.pdf", "application/pdf", len(data))
    assert added.sha256 == hashlib.sha256(data).hexdigest()
    assert _rows(vault, "attachment_chunk") == 4  # 256 KiB pieces
    assert [len(c) for c in vault.repo.attachments.chunks(added.id)] == [CHUNK, CHUNK, CHUNK, 1000]
    assert vault.repo.attachments.read(added.id) == data
    assert [a.id for a in vault.repo.attachments.list(family_id)] == [added.id]
    copy = vault.repo.attachments.export(added.id, tmp_path / "kopie.pdf")
    assert copy.read_bytes() == data
    vault.repo.attachments.delete(added.id)
    assert vault.repo.attachments.list(family_id) == [] and _rows(vault, "attachment_chunk") == 0


def test_on_a_referral_or_a_contact_of_the_same_family_only(family: tuple[Vault, int]) -> None:
    vault, family_id = family
    partner = vault.repo.partners.add(Partner("Wijkteam Noord", "wijkteam"))
    assert partner.id is not None
    referral = vault.repo.referrals.add(Referral(family_id, partner.id, dt.date(2026, 2, 1)), today=TODAY)
    contact = vault.repo.contacts.add(Contact(family_id, dt.date(2026, 2, 2), 30, "phone"), today=TODAY)
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(500)
    on_referral = vault.repo.attachments.add(family_id, "brief.png", png, referral_id=referral.id)
    on_contact = vault.repo.attachments.add(family_id, "foto.png", png, contact_id=contact.id)
    assert [a.id for a in vault.repo.attachments.of_referral(referral.id or 0)] == [on_referral.id]
    assert [a.id for a in vault.repo.attachments.of_contact(contact.id or 0)] == [on_contact.id]
    other = vault.repo.families.create(Family("Fam. Ander", dt.date(2025, 9, 1)), today=TODAY)
    assert other.id is not None
    with pytest.raises(NotFound):
        vault.repo.attachments.add(other.id, "brief.png", png, referral_id=referral.id)


def test_too_large_or_of_another_kind_leaves_nothing(family: tuple[Vault, int]) -> None:
    vault, family_id = family
    with pytest.raises(AttachmentTooLarge) as info:
        vault.repo.attachments.add(family_id, "groot.pdf", io.BytesIO(pdf_bytes(MAX_BYTES + 1)))
    assert info.value.text().startswith("Dit bestand is te groot om in brugdesk te bewaren (hoogstens 25 MB).")
    for name, data in (("virus.exe", b"MZ" + os.urandom(100)), ("nep.pdf", b"MZ" + os.urandom(100)),
                       ("tekst.txt", b"a\x00b")):
        with pytest.raises(AttachmentKindRefused):
            vault.repo.attachments.add(family_id, name, data)
    assert _rows(vault, "attachment") == 0 and _rows(vault, "attachment_chunk") == 0
    exact = vault.repo.attachments.add(family_id, "precies.pdf", pdf_bytes(MAX_BYTES))
    assert exact.size == MAX_BYTES


def test_erased_with_the_family(family: tuple[Vault, int]) -> None:
    vault, family_id = family
    data = pdf_bytes(CHUNK + 10)
    vault.repo.attachments.add(family_id, "scan.pdf", data)
    assert erase(vault, [family_id], reason=REASON_ERASURE).removed == 1
    assert _rows(vault, "attachment") == 0 and _rows(vault, "attachment_chunk") == 0


def test_backup_and_restore_keep_every_byte_and_no_plaintext_reaches_the_disk(family: tuple[Vault, int],
                                                                           tmp_path: Path) -> None:
    vault, family_id = family
    marker = b"KANARIE-BIJLAGE-" + os.urandom(8).hex().encode()
    data = pdf_bytes(2 * CHUNK, marker)
    text = b"Aantekening " + marker + b" einde"
    a = vault.repo.attachments.add(family_id, "scan.pdf", data)
    b = vault.repo.attachments.add(family_id, "notitie.txt", text)
    info = backup_policy.make_backup(vault, tag="manual")
    assert info.row_counts["attachment_chunk"] == 3 and info.row_counts["attachment"] == 2
    files = raw_files(vault.directory)
    assert not any(marker in blob or data[:64 * 1024] in blob for blob in files.values())
    key = vault.data_key
    directory = vault.directory
    vault.repo.attachments.delete(a.id or 0)
    vault.close()
    restore(directory, info.path, key)
    again = Vault.open(directory, passphrase=PASSPHRASE)
    try:
        assert again.repo.attachments.read(a.id or 0) == data
        assert again.repo.attachments.read(b.id or 0) == text
    finally:
        again.close()
    assert not any(marker in blob for blob in raw_files(directory).values())
